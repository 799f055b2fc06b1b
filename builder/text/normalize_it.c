/* normalize_it: Italian's rules — ICU's it spell-out, gendered ordinals, money, dates, times, units, Roman numerals. */
#include "normalize_lang.h"

#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ustring.h>

enum { IT_EXPANSIONS, IT_UNITS, IT_FEMININE, IT_NOT_ROMAN };

static const struct norm_list_file it_lists[] = {
	{ "expansions", false },
	{ "units", false },
	{ "feminine", true },
	{ "not-roman", true },
};

/* some sites capitalise a month: "3 Febbraio" */
#define IT_MONTHS \
	"((?i:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre))"
/* a number as Italian writes it: "1.234.567" or "1234", its decimals after a comma ("3,5") */
#define IT_INT "(\\d{1,3}(?:\\.\\d{3})+|\\d+)"
#define IT_DEC "(?:,(\\d+))?"
#define IT_MAGNITUDES "(mln|mld|mila|milioni|miliardi|milione|miliardo)"
#define IT_CURRENCIES "(€|US\\$|\\$|£|¥|EUR|USD|GBP|CHF|euro|dollari|dollaro|sterline|sterlina|franchi|franco|yen)"
/* not inside a word or a number, nor after a sign or a hyphen that a rule of its own reads */
#define IT_START "(?<![\\w.,\\-−/])"
#define IT_END "(?![\\w]|[.,]\\d)"
/* a day, or an elided article and a day ("dall'1 marzo"), which the first of the month gives back (dal primo) */
#define IT_DAY_START "(?:\\b((?i:l|all|dall|dell|nell|sull)['’])|" IT_START ")"

#define IT_ORD_M "%spellout-ordinal-masculine"
#define IT_ORD_F "%spellout-ordinal-feminine"

/* ---- words ---- */

static void it_cardinal(const struct normalizer *n, int64_t v, struct strbuf *out)
{
	norm_cardinal(n, v, out);	/* %spellout-numbering: "uno", "ventuno", "un milione" */
}

static void it_ordinal(struct normalizer *n, int64_t v, bool feminine, struct strbuf *out)
{
	if (norm_spell(n, feminine ? IT_ORD_F : IT_ORD_M, v, out) < 0)
		norm_ordinal(n, v, out);
}

/* The word w (UTF-8, lower case) ends in suffix. */
static bool it_ends(const char *w, const char *suffix)
{
	size_t a = strlen(w), b = strlen(suffix);

	return a >= b && strcmp(w + a - b, suffix) == 0;
}

/* Whether the noun w is feminine: "persona", "città", "edizione", "notte"; the exceptions ("problema",
 * "pilota") and the feminines that do not look it ("notte", "legge") are rules/it/feminine's. */
static bool it_is_feminine(const struct normalizer *n, const char *noun)
{
	const struct norm_list *l = norm_list(n, IT_FEMININE);
	char w[64];

	snprintf(w, sizeof w, "%s", noun);
	norm_bare_lower(w);
	if (!*w)
		return false;
	if (norm_list_has(l, "f", w))
		return true;
	if (norm_list_has(l, "m", w))
		return false;
	/* "edizione", "regioni", "città", "virtù", "serie" */
	return it_ends(w, "a") || it_ends(w, "zione") || it_ends(w, "sione") || it_ends(w, "gione") ||
	       it_ends(w, "zioni") || it_ends(w, "sioni") || it_ends(w, "gioni") || it_ends(w, "tà") ||
	       it_ends(w, "tù") || it_ends(w, "ie");
}

/* Whether w is a noun a number may count: a lower-case word that is not a little word of the sentence. */
static bool it_is_noun(const char *w)
{
	static const char *const small[] = { "e", "ed", "o", "od", "di", "a", "ad", "da", "in", "con", "su", "per", "tra",
					     "fra", "del", "della", "dei", "degli", "delle", "al", "alla", "ai", "agli",
					     "alle", "nel", "nella", "nei", "sul", "sulla", "che", "è", "sono", "non",
					     "ma", "se", "come", "contro", "mentre", "anche", "più", "meno", "volte", "il", "lo",
					     "la", "i", "gli", "le", "un", "una", "uno" };
	char b[64];

	if (!((unsigned char)w[0] >= 'a' && (unsigned char)w[0] <= 'z'))
		return false;
	snprintf(b, sizeof b, "%s", w);
	norm_bare_lower(b);
	for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
		if (strcmp(b, small[i]) == 0)
			return false;
	return true;
}

/* Whether the masculine article before w is "uno": "uno studente", "uno zaino", "uno psicologo". */
static bool it_wants_uno(const char *w)
{
	return (w[0] == 's' && w[1] && !strchr("aeiouàèéìòù", w[1])) || w[0] == 'z' || w[0] == 'x' || w[0] == 'y' ||
	       strncmp(w, "gn", 2) == 0 || strncmp(w, "ps", 2) == 0 || strncmp(w, "pn", 2) == 0;
}

static bool it_starts_with_vowel(const char *w)
{
	return strchr("aeiouAEIOU", w[0]) && w[0];
}

/* v before the noun that follows (noun may be ""): "un anno", "una persona", "uno studente", "ventun anni",
 * otherwise ICU's "uno", "ventuno". Returns whether the space before noun was taken into the word ("un'ora"). */
static bool it_count(struct normalizer *n, int64_t v, const char *noun, struct strbuf *out)
{
	bool counts = it_is_noun(noun);

	if (v == 1 && counts) {
		if (it_is_feminine(n, noun)) {
			if (it_starts_with_vowel(noun)) {
				strbuf_adds(out, "un'");
				return true;
			}
			strbuf_adds(out, "una");
		} else
			strbuf_adds(out, it_wants_uno(noun) ? "uno" : "un");
		return false;
	}
	it_cardinal(n, v, out);
	/* "ventun anni": the final o of 21 to 91 goes before a masculine noun's vowel (not "duemilaventun abbiamo",
	 * "trentun abitazioni") */
	if (counts && v > 20 && v < 100 && v % 10 == 1 && it_starts_with_vowel(noun) && !it_is_feminine(n, noun) &&
	    it_ends(out->buf, "uno"))
		out->buf[--out->len] = '\0';
	return false;
}

/* A fraction after the comma: "5" cinque, "25" venticinque, "05" zero cinque; longer ones digit by digit. */
static void it_fraction_digits(const struct normalizer *n, const char *d, struct strbuf *out)
{
	size_t len = strlen(d);

	strbuf_adds(out, " virgola");
	while (len > 1 && *d == '0') {
		strbuf_adds(out, " zero");
		d++;
		len--;
	}
	if (len <= 3) {
		strbuf_addc(out, ' ');
		it_cardinal(n, atoi(d), out);
		return;
	}
	for (; *d; d++) {
		strbuf_addc(out, ' ');
		it_cardinal(n, *d - '0', out);
	}
}

/* An integer and its decimals: "tre virgola cinque". */
static int it_number(const struct normalizer *n, const char *integer, const char *decimals, struct strbuf *out)
{
	int64_t v = norm_parse_grouped(integer, '.');

	if (v < 0)
		return -1;
	it_cardinal(n, v, out);
	if (*decimals)
		it_fraction_digits(n, decimals, out);
	return 0;
}

/* "mln" as "milioni" (or "milione" after exactly one); "mila" is joined to its number. */
static void it_magnitude(const char *m, bool one, struct strbuf *out)
{
	if (strcmp(m, "mln") == 0 || strncmp(m, "milion", 6) == 0)
		strbuf_adds(out, one ? "milione" : "milioni");
	else
		strbuf_adds(out, one ? "miliardo" : "miliardi");
}

/* A number and its magnitude: "tre virgola cinque milioni", "un milione", "ventimila". */
static int it_amount(const struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		     struct strbuf *out)
{
	bool one = strcmp(integer, "1") == 0 && !*decimals;

	if (strcmp(magnitude, "mila") == 0) {
		int64_t v = norm_parse_grouped(integer, '.');

		if (*decimals || v < 2 || v > INT64_MAX / 1000)
			return -1;
		it_cardinal(n, v * 1000, out);
		return 0;
	}
	if (*magnitude && one)
		strbuf_adds(out, "un");
	else if (it_number(n, integer, decimals, out) < 0)
		return -1;
	if (*magnitude) {
		strbuf_addc(out, ' ');
		it_magnitude(magnitude, one, out);
	}
	return 0;
}

/* ---- money ---- */

/* ICU's Italian name of a currency, singular or plural: "euro", "dollari" (its first word: "dollari
 * statunitensi" is how a listing names it, not a newsreader), "sterline"; a written name stays as written. */
static void it_currency(const char *written, bool one, bool *feminine, struct strbuf *out)
{
	static const char *const symbols[][2] = { { "€", "EUR" },   { "EUR", "EUR" }, { "$", "USD" }, { "US$", "USD" },
						  { "USD", "USD" }, { "£", "GBP" },   { "GBP", "GBP" }, { "CHF", "CHF" },
						  { "¥", "JPY" } };
	char utf8[128];

	*feminine = strncmp(written, "sterlin", 7) == 0;
	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
		if (strcmp(written, symbols[i][0]) != 0)
			continue;
		if (norm_currency("it", symbols[i][1], !one, utf8, sizeof utf8) < 0)
			break;
		/* "USD" and "US$" name the currency in full; "$" is just "dollari" */
		if (strcmp(written, "USD") != 0 && strcmp(written, "US$") != 0)
			utf8[strcspn(utf8, " ")] = '\0';
		*feminine = strcmp(symbols[i][1], "GBP") == 0;
		strbuf_adds(out, utf8);
		return;
	}
	strbuf_adds(out, written);
}

/* "3,5 mln €" tre virgola cinque milioni di euro, "12,50 €" dodici euro e cinquanta, "1 £" una sterlina,
 * "0,50 €" cinquanta centesimi. */
static int it_money(struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		    const char *currency, struct strbuf *out)
{
	/* a price's one decimal is tens of cents: "3,5 €" tre euro e cinquanta */
	bool cents = (strlen(decimals) == 2 || strlen(decimals) == 1) && !*magnitude;
	bool one = strcmp(integer, "1") == 0 && !*decimals, fem;
	int c = cents ? atoi(decimals) * (decimals[1] ? 1 : 10) : 0;
	struct strbuf name;
	int64_t v = norm_parse_grouped(integer, '.');

	if (v < 0)
		return -1;
	strbuf_init(&name);
	it_currency(currency, (one || (cents && v == 1)) && !*magnitude, &fem, &name);
	if (cents && v == 0) {
		/* the pound's hundredth is the penny, every other one's a centesimo */
		bool pound = fem && strncmp(name.buf, "sterlin", 7) == 0;

		if (c == 1)
			strbuf_adds(out, pound ? "un penny" : "un centesimo");
		else {
			it_cardinal(n, c, out);
			strbuf_adds(out, pound ? " penny" : " centesimi");
		}
		strbuf_release(&name);
		return 0;
	}
	if (v == 1 && !*magnitude && (cents || !*decimals))
		strbuf_adds(out, fem ? "una" : "un");
	else if (it_amount(n, integer, cents ? "" : decimals, magnitude, out) < 0) {
		strbuf_release(&name);
		return -1;
	}
	/* "tre milioni di euro", "un milione di dollari" (1.000.000 $), but "ventimila euro" */
	if ((*magnitude && strcmp(magnitude, "mila") != 0) || it_ends(out->buf, "milione") || it_ends(out->buf, "milioni") ||
	    it_ends(out->buf, "miliardo") || it_ends(out->buf, "miliardi"))
		strbuf_adds(out, " di ");
	else
		strbuf_addc(out, ' ');
	strbuf_adds(out, name.buf);
	strbuf_release(&name);
	if (cents && c) {
		strbuf_adds(out, " e ");
		it_cardinal(n, c, out);
	}
	return 0;
}

/* What a price is per: "50 €/MWh" cinquanta euro al megawattora, "900 €/mese" novecento euro al mese. */
static void it_per(const char *per, struct strbuf *out)
{
	static const char *const words[][2] = { { "mese", "al mese" },	     { "anno", "all'anno" },
						{ "giorno", "al giorno" },   { "settimana", "alla settimana" },
						{ "notte", "a notte" },	     { "ora", "all'ora" },
						{ "h", "all'ora" },	     { "kg", "al chilo" },
						{ "l", "al litro" },	     { "litro", "al litro" },
						{ "kWh", "al chilowattora" }, { "MWh", "al megawattora" },
						{ "mq", "al metro quadrato" }, { "m²", "al metro quadrato" },
						{ "t", "alla tonnellata" } };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(per, words[i][0]) == 0) {
			strbuf_addf(out, " %s", words[i][1]);
			return;
		}
}

static int it_money_after(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (it_money(n, m->g[1], m->g[2], m->g[3], m->g[4], out) < 0)
		return -1;
	it_per(m->g[5], out);
	return 0;
}

static int it_money_before(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char code[8];

	/* "EUR 500": the code without the space the pattern took */
	snprintf(code, sizeof code, "%.*s", (int)strcspn(m->g[1], " "), m->g[1]);
	return it_money(n, m->g[2], m->g[3], m->g[4], code, out);
}

/* "il 3,5%" il tre virgola cinque percento; "-0,2%" meno zero virgola due percento */
static int it_percent(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (*m->g[1])
		strbuf_adds(out, *m->g[1] == '+' ? "più " : "meno ");
	if (it_number(n, m->g[2], m->g[3], out) < 0)
		return -1;
	if (*m->g[4]) {
		strbuf_adds(out, " e ");
		if (it_number(n, m->g[4], m->g[5], out) < 0)
			return -1;
	}
	strbuf_adds(out, " percento");
	return 0;
}

/* ---- dates and times ---- */

/* The day of a date: "primo" for the first, the cardinal for the rest ("ventiquattro luglio"); after an elided
 * article ("dall'1", "l'8") the first takes the article whole again: "dal primo", but "l'otto". */
static void it_day(struct normalizer *n, const char *article, int day, struct strbuf *out)
{
	static const char *const whole[][2] = { { "l", "il" },	   { "all", "al" },   { "dall", "dal" },
						{ "dell", "del" }, { "nell", "nel" }, { "sull", "sul" } };

	if (day == 1 && *article) {
		size_t len = strcspn(article, "'\xe2");

		for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
			if (strlen(whole[i][0]) == len && strncasecmp(article, whole[i][0], len) == 0) {
				/* "Dall'1" at a sentence's start: "Dal primo" */
				strbuf_addf(out, "%c%s ", isupper((unsigned char)article[0]) ? toupper(whole[i][1][0]) : whole[i][1][0],
					    whole[i][1] + 1);
			}
		strbuf_adds(out, "primo");
		return;
	}
	strbuf_adds(out, article);
	if (day == 1)
		strbuf_adds(out, "primo");
	else
		it_cardinal(n, day, out);
}

/* "24/07/2013" ventiquattro luglio duemilatredici; a two-digit year is read as written ("tredici"). */
static int it_numeric_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int day = atoi(m->g[2]), month = atoi(m->g[4]);

	if (day < 1 || day > 31 || month < 1 || month > 12)
		return -1;
	it_day(n, m->g[1], day, out);
	strbuf_addc(out, ' ');
	norm_month(norm_locale(n), month, out);
	strbuf_addc(out, ' ');
	it_cardinal(n, atoi(m->g[5]), out);
	return 0;
}

/* "1° gennaio" primo gennaio, "24 luglio 2013" ventiquattro luglio duemilatredici. */
static int it_day_month(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int day = atoi(m->g[2]);

	if (day < 1 || day > 31)
		return -1;
	it_day(n, m->g[1], day, out);
	strbuf_addf(out, " %s", m->g[3]);
	if (*m->g[4]) {
		strbuf_addc(out, ' ');
		it_cardinal(n, atoi(m->g[4]), out);
	}
	return 0;
}

/* The words that introduce an hour: "alle 8", "all'1", "ore 14.30". */
static bool it_after_hour_word(const struct norm_match *m)
{
	static const char *const hour_words[] = { "alle", "dalle", "le", "ore", "delle", "all'", "dall'", "l'", "dell'",
						  "nell'", "sull'", "all’", "dall’", "l’", "dell’" };
	char w[32];

	norm_word_before(m->text, m->start, w, sizeof w);
	for (size_t i = 0; i < sizeof hour_words / sizeof hour_words[0]; i++)
		if (strcasecmp(w, hour_words[i]) == 0)
			return true;
	return false;
}

/* "alle 14:30" alle quattordici e trenta, "ore 9.05" ore nove e cinque, "all'1" all'una; "14:30" on its own
 * too, but "14.30" and "8" only after a word that introduces an hour. */
static int it_time(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[1]), minute = *m->g[3] ? atoi(m->g[3]) : 0;
	bool colon = strcmp(m->g[2], ":") == 0;

	if (hour > 24 || minute > 59 || (!colon && !it_after_hour_word(m)))
		return -1;
	if (hour == 1)
		strbuf_adds(out, "una");	/* l'una: the hour is feminine */
	else
		it_cardinal(n, hour, out);
	if (minute) {
		strbuf_adds(out, " e ");
		it_cardinal(n, minute, out);
	}
	return 0;
}

/* n units, "un'ora" and "un minuto" for one. */
static void it_quantity(struct normalizer *n, int v, const char *one, const char *many, struct strbuf *out)
{
	if (v == 1)
		strbuf_adds(out, one);
	else {
		it_cardinal(n, v, out);
		strbuf_addf(out, " %s", many);
	}
}

/* A race's or a clock's "2:05:30" as due ore, cinque minuti e trenta secondi; "1:02:03,5" with the tenths. */
static int it_duration(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int h = atoi(m->g[1]), min = atoi(m->g[2]), sec = atoi(m->g[3]);

	if (min > 59 || sec > 59)
		return -1;
	/* "alle 14:30:00" is an hour: alle quattordici e trenta */
	if (it_after_hour_word(m) && h <= 24 && !*m->g[4]) {
		if (h == 1)
			strbuf_adds(out, "una");
		else
			it_cardinal(n, h, out);
		if (min) {
			strbuf_adds(out, " e ");
			it_cardinal(n, min, out);
		}
		if (sec) {
			strbuf_adds(out, " e ");
			it_quantity(n, sec, "un secondo", "secondi", out);
		}
		return 0;
	}
	if (h) {
		it_quantity(n, h, "un'ora", "ore", out);
		strbuf_adds(out, sec || *m->g[4] ? ", " : " e ");
	}
	it_quantity(n, min, "un minuto", "minuti", out);
	strbuf_adds(out, " e ");
	if (*m->g[4]) {
		it_number(n, m->g[3], m->g[4], out);
		strbuf_adds(out, " secondi");
	} else
		it_quantity(n, sec, "un secondo", "secondi", out);
	return 0;
}

/* ---- numbers in context ---- */

/* "2/3" due terzi, "1/4" un quarto, "1/2" un mezzo: a proper fraction (a date has a year, "24/7" is not one). */
static int it_fraction(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const date_words[] = { "il", "al", "dal", "del", "nel", "entro" };
	int num = atoi(m->g[2]), den = atoi(m->g[3]);
	bool date = *m->g[1] != '\0';
	char w[16];

	/* "entro il 3/12", "dall'1/3" are a day and a month: entro il tre dicembre, dal primo marzo */
	norm_word_before(m->text, m->start, w, sizeof w);
	for (size_t i = 0; i < sizeof date_words / sizeof date_words[0]; i++)
		date = date || strcasecmp(w, date_words[i]) == 0;
	if (date && num >= 1 && num <= 31 && den >= 1 && den <= 12) {
		it_day(n, m->g[1], num, out);
		strbuf_addc(out, ' ');
		norm_month(norm_locale(n), den, out);
		return 0;
	}
	if (num < 1 || den < 2 || num >= den || den > 12)
		return -1;
	strbuf_adds(out, m->g[1]);
	if (num == 1)
		strbuf_adds(out, "un");
	else
		it_cardinal(n, num, out);
	strbuf_addc(out, ' ');
	if (den == 2)
		strbuf_adds(out, num == 1 ? "mezzo" : "mezzi");
	else if (num == 1)
		it_ordinal(n, den, false, out);
	else if (norm_spell(n, "%spellout-ordinal-masculine-plural", den, out) < 0)
		return -1;
	return 0;
}

/* "10-15" da dieci a quindici; "tra i 10-15" tra i dieci e i quindici; "di 20-30 minuti" di venti o trenta;
 * "i 10-15 anni" i dieci o quindici anni;
 * a score after "per" or a result, with no noun after it: "finita 2-1" due a uno. */
static int it_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const score[] = { "per", "finisce", "finita", "finito", "vince", "vinto", "battuto",
					     "pareggio", "sconfitta", "vittoria", "risultato", "punteggio", "successo" };
	static const char *const articles[] = { "i", "gli", "le", "il", "l'" };
	static const char *const prepositions[] = { "di", "da", "a", "in", "su", "con", "per", "dei", "delle", "degli" };
	int64_t a = norm_parse_grouped(m->g[1], '.'), b = norm_parse_grouped(m->g[2], '.');
	char w[32], w2[32], after[64];
	const char *article = NULL;
	bool is_score = false, prep = false, art = false;

	if (a < 0 || b < 0)
		return -1;
	norm_word_before(m->text, m->start, w, sizeof w);
	norm_bare_lower(w);
	norm_word_after(m->text, m->end, after, sizeof after);
	for (size_t i = 0; i < sizeof score / sizeof score[0]; i++)
		is_score = is_score || (strcmp(w, score[i]) == 0 && !it_is_noun(after));
	if (is_score) {
		it_cardinal(n, a, out);
		strbuf_adds(out, " a ");
		it_cardinal(n, b, out);
		return 0;
	}
	/* a season or a term of years: "2023-2024", "2023-24" duemilaventitré ventiquattro (not "1000-1500 persone") */
	if (strlen(m->g[1]) == 4 && a >= 1800 && a <= 2100 &&
	    ((b > a && b <= 2100 && strlen(m->g[2]) == 4) || strlen(m->g[2]) == 2)) {
		it_cardinal(n, a, out);
		strbuf_addc(out, ' ');
		it_cardinal(n, b, out);
		return 0;
	}
	if (b <= a)
		return -1;
	for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++)
		if (strcmp(w, articles[i]) == 0) {
			int64_t at = m->start;

			art = true;
			while (at > 0 && m->text[at - 1] == ' ')
				at--;
			norm_word_before(m->text, at - (int64_t)strlen(w), w2, sizeof w2);
			norm_bare_lower(w2);
			if (strcmp(w2, "tra") == 0 || strcmp(w2, "fra") == 0)
				article = articles[i];
		}
	for (size_t i = 0; i < sizeof prepositions / sizeof prepositions[0]; i++)
		prep = prep || strcmp(w, prepositions[i]) == 0;
	if (article || strcmp(w, "tra") == 0 || strcmp(w, "fra") == 0) {
		it_cardinal(n, a, out);
		strbuf_addf(out, " e %s%s", article ? article : "", article && strcmp(article, "l'") != 0 ? " " : "");
	} else if (prep || art) {	/* "di 20-30 minuti", "i 10-15 anni": venti o trenta */
		it_cardinal(n, a, out);
		strbuf_adds(out, " o ");
	} else {
		strbuf_adds(out, "da ");
		it_cardinal(n, a, out);
		strbuf_adds(out, " a ");
	}
	it_cardinal(n, b, out);
	return 0;
}

static int it_amount_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return it_amount(n, m->g[1], m->g[2], m->g[3], out);
}

/* "130 km/h" centotrenta chilometri orari, "1 t" una tonnellata, "-5 °C" meno cinque gradi celsius. */
static int it_unit(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, IT_UNITS), m->g[4]);
	bool one = strcmp(m->g[2], "1") == 0 && !*m->g[3];
	bool fem = p && p->value[2] && strcmp(p->value[2], "f") == 0;
	int64_t v = norm_parse_grouped(m->g[2], '.');

	if (!p || v < 0)
		return -1;
	if (*m->g[1])
		strbuf_adds(out, "meno ");
	if (one)
		strbuf_adds(out, fem ? "una" : it_wants_uno(p->value[0]) ? "uno" : "un");
	else if (it_number(n, m->g[2], m->g[3], out) < 0)
		return -1;
	strbuf_addc(out, ' ');
	strbuf_adds(out, one || !p->value[1] ? p->value[0] : p->value[1]);
	return 0;
}

/* "il 3° posto" il terzo posto, "la 1ª volta" la prima volta, "3º classificato" terzo classificato. */
static int it_ordinal_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = norm_parse_grouped(m->g[1], '.');
	char w[64], before[32];
	bool fem;

	if (v < 1)
		return -1;
	norm_word_after(m->text, m->end, w, sizeof w);
	norm_word_before(m->text, m->start, before, sizeof before);
	norm_bare_lower(before);
	/* "fino a 38°.": the degree sign, which the units read; º and ª are only ordinals */
	if (strcmp(m->g[2], "°") == 0 && !it_is_noun(w) && strcmp(before, "il") != 0 && strcmp(before, "al") != 0 &&
	    strcmp(before, "del") != 0 && strcmp(before, "nel") != 0)
		return -1;
	/* ª is feminine, º masculine; ° stands for either, and the noun decides ("la 5° edizione") */
	fem = strcmp(m->g[2], "ª") == 0 || (strcmp(m->g[2], "°") == 0 && it_is_noun(w) && it_is_feminine(n, w));
	it_ordinal(n, v, fem, out);
	return 0;
}

/* The value of a Roman numeral of I, V, X, L and C (the pattern lets no other letter in); 0 for none. */
static int it_roman_value(const char *r)
{
	static const char *const digits = "IVXLC";
	static const int values[] = { 1, 5, 10, 50, 100 };
	int v = 0, prev = 0;
	size_t len = strlen(r);

	for (size_t i = len; i-- > 0;) {
		const char *at = strchr(digits, r[i]);
		int d;

		if (!at || !*at)
			return 0;
		d = values[at - digits];
		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	return v;
}

/* "XIX secolo" diciannovesimo secolo, "il secolo XX" il secolo ventesimo. */
static int it_century(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	bool before = *m->g[1] != '\0';
	int v = it_roman_value(before ? m->g[1] : m->g[4]);
	const char *word = before ? m->g[2] : m->g[3];

	if (v < 1 || v > 39)
		return -1;
	if (before) {
		it_ordinal(n, v, false, out);
		strbuf_addc(out, ' ');
	}
	strbuf_adds(out, strcmp(word, "sec.") == 0 ? "secolo" : word);
	if (!before) {
		strbuf_addc(out, ' ');
		it_ordinal(n, v, false, out);
	}
	return 0;
}

/* A law by number and year: "legge 104/92" legge centoquattro del novantadue, "n. 18/2020" numero diciotto del
 * duemilaventi. */
static int it_law(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	strbuf_adds(out, m->g[1][0] == 'n' || m->g[1][0] == 'N' ? "numero" : m->g[1]);
	strbuf_addc(out, ' ');
	it_cardinal(n, atoi(m->g[2]), out);
	strbuf_adds(out, " del ");
	it_cardinal(n, atoi(m->g[3]), out);
	return 0;
}

/* A match's minute: "al 90'" al novantesimo, "dal 46’" dal quarantaseiesimo. */
static int it_minute(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char w[16];
	int64_t v = atoi(m->g[1]);

	norm_word_before(m->text, m->start, w, sizeof w);
	norm_bare_lower(w);
	if (v < 1 || v > 130 || (strcmp(w, "al") != 0 && strcmp(w, "del") != 0 && strcmp(w, "dal") != 0))
		return -1;
	it_ordinal(n, v, false, out);
	return 0;
}

/* "Leone XIV" Leone quattordicesimo, "Elisabetta II" Elisabetta seconda: the name's gender decides. */
static int it_roman(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = it_roman_value(m->g[2]);
	char w[64];
	bool fem;

	if (v < 1 || v > 39)
		return -1;
	/* "Mario V. Rossi": a lone letter and a full stop before a name is an initial */
	if (!m->g[2][1] && m->text[m->end] == '.' && norm_is_capitalised(norm_word_after(m->text, m->end + 1, w, sizeof w)))
		return -1;
	/* "Generazione X", "Serie C": a letter after these words is a letter */
	if (!m->g[2][1] && norm_in_list(norm_list(n, IT_NOT_ROMAN), m->g[1]))
		return -1;
	snprintf(w, sizeof w, "%s", m->g[1]);
	fem = norm_list_has(norm_list(n, IT_FEMININE), "f", norm_bare_lower(w)) ||
	      (it_ends(w, "a") && !norm_list_has(norm_list(n, IT_FEMININE), "m", w));
	strbuf_addf(out, "%s ", m->g[1]);
	it_ordinal(n, v, fem, out);
	return 0;
}

/* "sig." as "signor" before a name, "signore" otherwise; "n." as "numero" before a number only; a full stop
 * that also ends the sentence is kept. */
static int it_expansion(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, IT_EXPANSIONS), m->g[1]);
	char w[64];
	size_t len = strlen(m->g[1]);

	if (!p)
		return -1;
	norm_word_after(m->text, m->end, w, sizeof w);
	if ((p->flags & NORM_BEFORE_NUMBER) && !isdigit((unsigned char)w[0]))
		return -1;
	if ((p->flags & NORM_BEFORE_NAME) && !norm_is_capitalised(w))
		return -1;
	strbuf_adds(out, p->value[1] && !norm_is_capitalised(w) ? p->value[1] : p->value[0]);
	if (m->g[1][len - 1] == '.' && (norm_at_end(m) || ((p->flags & NORM_MAY_END) && norm_is_capitalised(w))))
		strbuf_addc(out, '.');
	return 0;
}

/* "+39 06 1234 5678": a telephone number digit by digit, its groups apart. */
static int it_phone(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	strbuf_adds(out, m->g[1]);
	strbuf_addc(out, ' ');
	if (*m->g[2])
		strbuf_adds(out, "più trentanove, ");
	for (const char *p = m->g[3]; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			it_cardinal(n, *p - '0', out);
			if (p[1] && isdigit((unsigned char)p[1]))
				strbuf_addc(out, ' ');
		} else if (*p == ' ' && p[1])
			strbuf_adds(out, ", ");
	}
	return 0;
}

/* "info@comune.roma.it" info chiocciola comune punto roma punto it; "www.istat.it" vu vu vu punto istat punto it. */
static int it_electronic(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *s = m->g[0];

	(void)n;
	if (strncmp(s, "https://", 8) == 0)
		s += 8;
	else if (strncmp(s, "http://", 7) == 0)
		s += 7;
	for (; *s; s++) {
		if (strncmp(s, "www.", 4) == 0 && (s == m->g[0] || s[-1] == '/' || s[-1] == '@')) {
			strbuf_adds(out, "vu vu vu punto ");
			s += 3;
		} else if (*s == '.')
			strbuf_adds(out, " punto ");
		else if (*s == '@')
			strbuf_adds(out, " chiocciola ");
		else if (*s == '/')
			strbuf_adds(out, s[1] ? " barra " : "");
		else if (*s == '-')
			strbuf_adds(out, " trattino ");
		else if (*s == '_')
			strbuf_adds(out, " trattino basso ");
		else
			strbuf_addc(out, *s);
	}
	return 0;
}

/* "gli anni '80" gli anni ottanta, "il '900" il novecento. */
static int it_short_year(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	it_cardinal(n, atoi(m->g[1]), out);
	return 0;
}

/* What numbers are left: "1.234.567", "3,5", "-4", and a count before its noun ("1 persona" una persona). */
static int it_plain_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char w[64];
	int64_t v = norm_parse_grouped(m->g[2], '.');

	if (v < 0)
		return -1;
	if (*m->g[1])
		strbuf_adds(out, "meno ");
	if (*m->g[3]) {
		it_number(n, m->g[2], m->g[3], out);
		strbuf_adds(out, m->g[4]);
		return 0;
	}
	norm_word_after(m->text, m->end, w, sizeof w);
	if (!it_count(n, v, w, out))
		strbuf_adds(out, m->g[4]);
	return 0;
}

static const struct norm_rule_def it_rules[] = {
	/* each starts at what an address cannot do without ("http", "www.", "@", the dot before a domain's
	 * ending), so the pass looks only there: a word before "@" or ".it" is read as it is */
	{ "web", "(?<![\\w@.])(?:https?://(?:www\\.)?|www\\.)[\\w-]+(?:\\.[\\w-]+)+(?:/[\\w/-]*)?(?<![./])", it_electronic,
	  NORM_NO_LIST },
	{ "e-mail-user", "(?<=\\w)\\.(?=[\\w.-]*@)", it_electronic, NORM_NO_LIST },	/* "mario.rossi@" */
	{ "e-mail", "@[\\w-]+(?:\\.[\\w-]+)+", it_electronic, NORM_NO_LIST },
	{ "domain", "(?<=\\w)\\.(?:[\\w-]+\\.)*(?:it|com|org|net|eu|gov|edu|info)\\b", it_electronic, NORM_NO_LIST },
	{ "telephone", "\\b(tel\\.|telefono|numero verde|Tel\\.|Telefono)\\s+(\\+39\\s?)?(\\d{2,4}(?:[ ]\\d{2,4}){1,3})\\b",
	  it_phone, NORM_NO_LIST },
	{ "money-after",
	  IT_START IT_INT IT_DEC "(?:\\s?" IT_MAGNITUDES ")?\\s?" IT_CURRENCIES
	  "(?:\\s?/\\s?(mese|anno|giorno|settimana|notte|ora|h|kg|litro|l|kWh|MWh|mq|m²|t)(?![\\w²]))?(?![\\w/])",
	  it_money_after, NORM_NO_LIST },
	{ "money-before", "(€|US\\$|\\$|£|\\bEUR\\s|\\bUSD\\s)\\s?" IT_INT IT_DEC "(?:\\s?" IT_MAGNITUDES ")?" IT_END, it_money_before,
	  NORM_NO_LIST },
	{ "percent", IT_START "([-−+])?" IT_INT IT_DEC "(?:\\s?[-–]\\s?" IT_INT IT_DEC ")?\\s?(?:%|per ?cento\\b)",
	  it_percent, NORM_NO_LIST },
	{ "numeric-date", IT_DAY_START "(\\d{1,2})([/.-])(\\d{1,2})\\3(\\d{4}|\\d{2})" IT_END, it_numeric_date, NORM_NO_LIST },
	{ "day-month", IT_DAY_START "(\\d{1,2})(?:°|º)?\\s+" IT_MONTHS "\\b(?:\\s+(\\d{4})\\b(?![.,]\\d))?", it_day_month,
	  NORM_NO_LIST },
	{ "duration", IT_START "(\\d{1,2}):(\\d{2}):(\\d{2})(?:,(\\d{1,3}))?(?![\\w:]|[.,]\\d)", it_duration, NORM_NO_LIST },
	{ "time", IT_START "(\\d{1,2})(?:([.:])(\\d{2}))?(?![\\w:/]|[.,]\\d)", it_time, NORM_NO_LIST },
	{ "law", "\\b(legge|decreto|Legge|Decreto|n\\.|N\\.)\\s+(\\d{1,4})/(\\d{2}|\\d{4})(?![\\w/]|[.,]\\d)", it_law,
	  NORM_NO_LIST },
	{ "fraction", IT_DAY_START "(\\d{1,2})/(\\d{1,2})" IT_END, it_fraction, NORM_NO_LIST },
	{ "range", IT_START IT_INT "\\s?[-–]\\s?" IT_INT IT_END, it_range, NORM_NO_LIST },
	{ "magnitude", IT_START IT_INT IT_DEC "\\s?" IT_MAGNITUDES "(?!\\w)", it_amount_rule, NORM_NO_LIST },
	{ "ordinal", IT_START IT_INT "(°|º|ª)(?!\\s?[CF]\\b)", it_ordinal_rule, NORM_NO_LIST },
	{ "unit", IT_START "([-−])?" IT_INT IT_DEC "\\s?(%s)(?![\\w'’/²³])", it_unit, IT_UNITS },
	{ "century", "\\b(?:([IVXLC]{1,6})\\s+(secolo|sec\\.|millennio)|(secolo|sec\\.)\\s+([IVXLC]{1,6}))(?![\\w])",
	  it_century, NORM_NO_LIST },
	{ "roman", "\\b([A-Z][a-zàèéìòù]+)\\s+([IVXLC]{1,6})\\b(?!['’])", it_roman, NORM_NO_LIST },
	/* every key but "vs" has a full stop or º within its first five characters: the lookahead spares most words
	 * the list */
	{ "abbreviation", "(?<![\\w.])(?=[\\w.]{1,4}[.°º]|vs\\b)(%s)(?!\\w)", it_expansion, IT_EXPANSIONS },
	{ "minute", IT_START "(\\d{1,3})['’](?!\\w)", it_minute, NORM_NO_LIST },
	{ "short-year", "(?<![\\w'’])['’](\\d00|\\d{2})\\b(?!['’])", it_short_year, NORM_NO_LIST },
	{ "number", IT_START "([-−](?=\\d))?" IT_INT IT_DEC IT_END "(\\s(?=\\p{L}))?", it_plain_number, NORM_NO_LIST },
};

const struct norm_language norm_it = {
	"it", "it", it_lists, sizeof it_lists / sizeof it_lists[0], it_rules, sizeof it_rules / sizeof it_rules[0],
	"%spellout-numbering", "%spellout-ordinal-masculine",
};
