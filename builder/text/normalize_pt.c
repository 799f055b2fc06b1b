/* normalize_pt: Portuguese's rules (pt-BR, pt-PT) — ICU's gendered spell-out; money, dates, times, units, ordinals. */
#include "normalize_lang.h"

#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ustring.h>

/*
 * One table for both regions: the tag ("pt-BR", "pt-br", "pt-PT", espeak-ng's "pt")
 * picks ICU's locale (pt for Brazil, pt_PT otherwise: "dezesseis"/"dezasseis",
 * "bilhão"/"mil milhões") and the few words ICU does not know ("centavos"/"cêntimos").
 * A number agrees with the noun it counts ("duas pessoas", "duzentas casas"): the noun's
 * gender comes from rules/pt/genders, else from its ending.
 */

enum { PT_EXPANSIONS, PT_UNITS, PT_GENDERS, PT_REGNAL };

static const struct norm_list_file pt_lists[] = {
	{ "expansions", false },
	{ "units", false },
	{ "genders", true },
	{ "regnal", false },
};

#define PT_MONTHS                                                                                                   \
	"((?i:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro))"
/* a number as Portuguese writes it: "1.234.567", "1 234 567" (pt-PT) or "1234"; then ",5" */
#define PT_INT "(\\d{1,3}(?:\\.\\d{3})+(?!\\d)|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d.,]\\d)|\\d+)"
#define PT_DEC "(?:,(\\d+))?"
#define PT_MAGNITUDES "(mil milhões|milhões|milhão|bilhões|bilhão|trilhões|trilhão|mil|mi|bi|tri)"
#define PT_NOT_BEFORE "(?<![\\w.,/-])"
#define PT_NOT_AFTER "(?![\\w]|[.,/]\\d)"

/* espeak-ng's "pt" is European, as is every tag but Brazil's. */
static const char *pt_locale_of(const char *tag)
{
	size_t len = strcspn(tag, "-_");

	return tag[len] && strncasecmp(tag + len + 1, "br", 2) == 0 ? "pt" : "pt_PT";
}

static bool pt_brazil(const struct normalizer *n)
{
	return strcmp(norm_locale(n), "pt") == 0;
}

/* Digits with "." or space thousands separators as a number; -1 when not one or too long. */
static int64_t pt_parse(const char *s)
{
	int64_t v = 0;
	int digits = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isdigit(*p)) {
			if (++digits > NORM_MAX_DIGITS)
				return -1;
			v = v * 10 + (*p - '0');
		} else if (*p != '.' && *p != ' ' && *p < 0x80 && *p != 0) {
			return -1;
		}
	}
	return digits ? v : -1;
}

/* v in ICU's words, masculine or feminine ("dois", "duas", "duzentas"); pt_PT's
 * "um mil milhões" as it is said, "mil milhões". */
static void pt_cardinal(struct normalizer *n, int64_t v, bool feminine, struct strbuf *out)
{
	size_t mark = out->len;

	if (norm_spell(n, feminine ? "%spellout-cardinal-feminine" : "%spellout-cardinal-masculine", v, out) < 0)
		norm_cardinal(n, v, out);
	if (strncmp(out->buf + mark, "um mil milhões", 14) == 0) {
		memmove(out->buf + mark, out->buf + mark + 3, out->len - mark - 3 + 1);
		out->len -= 3;
	}
}

static void pt_ordinal(struct normalizer *n, int64_t v, bool feminine, struct strbuf *out)
{
	if (norm_spell(n, feminine ? "%spellout-ordinal-feminine" : "%spellout-ordinal-masculine", v, out) < 0)
		norm_ordinal(n, v, out);
}

/* Whether a noun is feminine: rules/pt/genders ("f vez", "m dia"), else its ending
 * ("-a", "-ção", "-dade", "-agem", but not "-ema" or "-ista"); short words and capitals count as masculine. */
static bool pt_feminine(const struct normalizer *n, const char *word)
{
	static const char *const endings[] = { "a", "as", "ção", "ções", "são", "sões",
					       "dade", "dades", "agem", "agens" };
	/* Greek "-ema", "-oma", "-grama" and "-ista" (either gender, masculine when it counts people) */
	static const char *const masculine[] = { "ema", "emas", "oma", "omas", "grama", "gramas", "ista", "istas" };
	char w[48];
	size_t len;

	snprintf(w, sizeof w, "%s", word);
	norm_bare_lower(w);
	if (norm_list_has(norm_list(n, PT_GENDERS), "f", w))
		return true;
	if (norm_list_has(norm_list(n, PT_GENDERS), "m", w) || !*word || !islower((unsigned char)word[0]))
		return false;
	len = strlen(w);
	if (len < 4)
		return false;
	for (size_t i = 0; i < sizeof masculine / sizeof masculine[0]; i++)
		if (util_ends_with(w, masculine[i]))
			return false;
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (util_ends_with(w, endings[i]))
			return true;
	return false;
}

/* Whether v has a form for each gender: its units are one or two ("vinte e uma"), or its hundreds
 * two to nine ("duzentas"), in its last group or in its thousands ("duas mil"); millions are masculine. */
static bool pt_has_gender(int64_t v)
{
	for (int group = 0; group < 2; group++, v /= 1000) {
		int units = (int)(v % 10), tens = (int)(v % 100), hundreds = (int)(v % 1000) / 100;

		if (((units == 1 || units == 2) && tens != 11 && tens != 12) || hundreds >= 2)
			return true;
	}
	return false;
}

/* Whether the noun after byte at (past "mil") is feminine: "2 mil pessoas" as "duas mil pessoas". */
static bool pt_feminine_after(const struct normalizer *n, const char *text, int64_t at)
{
	char w[48];

	norm_word_after(text, at, w, sizeof w);
	if (strcmp(w, "mil") == 0) {
		const char *p = strstr(text + at, "mil");

		norm_word_after(text, p - text + 3, w, sizeof w);
	}
	return pt_feminine(n, w);
}

/* An integer and its decimals after the comma: "três vírgula cinco", "dois vírgula quarenta e cinco",
 * "zero vírgula zero cinco" (a fraction with a leading zero, or a long one, digit by digit). */
static int pt_number(struct normalizer *n, const char *integer, const char *decimals, bool feminine,
		     struct strbuf *out)
{
	int64_t v = pt_parse(integer);

	if (v < 0)
		return -1;
	pt_cardinal(n, v, feminine && !*decimals, out);
	if (!*decimals)
		return 0;
	if (decimals[0] == '0' || strlen(decimals) > 3) {
		norm_digits(n, "vírgula", decimals, out);
		return 0;
	}
	strbuf_adds(out, " vírgula ");
	pt_cardinal(n, atoi(decimals), false, out);
	return 0;
}

/* The spoken name of a magnitude: "mi" as "milhões" ("milhão" after exactly one); "bi" as "bilhões"
 * in Brazil and "mil milhões" in Portugal. */
static void pt_magnitude(const struct normalizer *n, const char *m, bool one, struct strbuf *out)
{
	bool br = pt_brazil(n);

	if (strcmp(m, "mi") == 0 || strncmp(m, "milh", 4) == 0)
		strbuf_adds(out, one ? "milhão" : "milhões");
	else if (strcmp(m, "bi") == 0)
		strbuf_adds(out, br ? (one ? "bilhão" : "bilhões") : "mil milhões");
	else if (strcmp(m, "tri") == 0)
		strbuf_adds(out, br ? (one ? "trilhão" : "trilhões") : (one ? "bilião" : "biliões"));
	else
		strbuf_adds(out, m);
}

/* A number and its magnitude: "3,5 mi" as "três vírgula cinco milhões", "2 bi" as "dois bilhões". */
static int pt_amount(struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		     bool feminine, struct strbuf *out)
{
	bool one = strcmp(integer, "1") == 0 && !*decimals;

	/* "1 mil" is "mil", and Portugal's "1 bi" "mil milhões", with no "um" before */
	if (one && (strcmp(magnitude, "mil") == 0 || (strcmp(magnitude, "bi") == 0 && !pt_brazil(n)))) {
		pt_magnitude(n, magnitude, one, out);
		return 0;
	}
	/* "milhões" is masculine: "dois milhões de pessoas"; "mil" lets the noun decide */
	if (pt_number(n, integer, decimals, feminine && (!*magnitude || strcmp(magnitude, "mil") == 0), out) < 0)
		return -1;
	if (*magnitude) {
		strbuf_addc(out, ' ');
		pt_magnitude(n, magnitude, one, out);
	}
	return 0;
}

/* ---- money ---- */

struct pt_currency {
	const char *written, *iso;
	bool cents_everywhere;	/* "centavos" in Portugal too (the real's) */
};

static const struct pt_currency pt_currencies[] = {
	{ "R$", "BRL", true },	 { "US$", "USD", false }, { "€", "EUR", false },     { "$", "USD", false },
	{ "£", "GBP", false },	 { "euros", "EUR", false }, { "euro", "EUR", false }, { "reais", "BRL", true },
	{ "real", "BRL", true }, { "dólares", "USD", false }, { "dólar", "USD", false }, { "libras", "GBP", false },
	{ "libra", "GBP", false }, { "¥", "JPY", false },	  { "CHF", "CHF", false },
};

/* ICU's name of a currency in the locale, its first word as news says it: "Reais brasileiros" as "reais". */
static int pt_currency_name(const struct normalizer *n, const char *iso, bool plural, struct strbuf *out)
{
	char utf8[128];
	size_t first;

	if (norm_currency(norm_locale(n), iso, plural, utf8, sizeof utf8) < 0)
		return -1;
	first = strcspn(utf8, " ");
	utf8[first] = '\0';
	utf8[0] = (char)tolower((unsigned char)utf8[0]);
	strbuf_adds(out, utf8);
	return 0;
}

/* "R$ 3,5 milhões" as "três vírgula cinco milhões de reais", "12,50 €" as "doze euros e cinquenta cêntimos",
 * "US$ 20" as "vinte dólares". */
static int pt_money(struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		    const char *written, struct strbuf *out)
{
	const struct pt_currency *c = NULL;
	bool cents = strlen(decimals) == 2 && !*magnitude, plural, feminine;
	int64_t v = pt_parse(integer);
	struct strbuf name;
	int ret = -1;

	for (size_t i = 0; i < sizeof pt_currencies / sizeof pt_currencies[0] && !c; i++)
		if (strcasecmp(written, pt_currencies[i].written) == 0)
			c = &pt_currencies[i];
	if (!c || v < 0)
		return -1;
	strbuf_init(&name);
	plural = v != 1 || *magnitude || (*decimals && !cents);
	if (pt_currency_name(n, c->iso, plural, &name) < 0)
		goto out;
	feminine = pt_feminine(n, name.buf);
	if (cents && v == 0 && strcmp(decimals, "00") != 0) {
		/* "R$ 0,50": only the cents */
	} else {
		if (pt_amount(n, integer, cents ? "" : decimals, magnitude, feminine, out) < 0)
			goto out;
		/* "três milhões de reais", but "cinquenta mil reais" */
		strbuf_adds(out, *magnitude && strcmp(magnitude, "mil") != 0 ? " de " : " ");
		strbuf_adds(out, name.buf);
	}
	if (cents && strcmp(decimals, "00") != 0) {
		int k = atoi(decimals);

		if (v != 0)
			strbuf_adds(out, " e ");
		pt_cardinal(n, k, false, out);
		strbuf_adds(out, c->cents_everywhere || pt_brazil(n) ? (k == 1 ? " centavo" : " centavos")
								    : (k == 1 ? " cêntimo" : " cêntimos"));
	}
	ret = 0;
out:
	strbuf_release(&name);
	return ret;
}

static int pt_money_before(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return pt_money(n, m->g[2], m->g[3], m->g[4], m->g[1], out);
}

static int pt_money_after(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return pt_money(n, m->g[1], m->g[2], m->g[3], m->g[4], out);
}

static int pt_percent(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (pt_number(n, m->g[1], m->g[2], false, out) < 0)
		return -1;
	strbuf_adds(out, " por cento");
	return 0;
}

/* ---- dates and times ---- */

/* The day of a date: "primeiro" for the first, else a cardinal ("vinte e quatro"). */
static void pt_day(struct normalizer *n, int day, struct strbuf *out)
{
	if (day == 1)
		strbuf_adds(out, "primeiro");
	else
		pt_cardinal(n, day, false, out);
}

/* "24 de julho de 2013", "24/07/2013": the day, the month by name, the year as a year. */
static int pt_date(struct normalizer *n, int day, int month, const char *month_name, const char *year,
		   struct strbuf *out)
{
	if (day < 1 || day > 31 || month < 0 || month > 12)
		return -1;
	pt_day(n, day, out);
	strbuf_adds(out, " de ");
	if (month)
		norm_month(norm_locale(n), month, out);
	else
		strbuf_adds(out, month_name);
	if (*year) {
		strbuf_adds(out, " de ");
		norm_year_words(n, atoi(year), out);
	}
	return 0;
}

static int pt_numeric_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int day = atoi(m->g[1]), month = atoi(m->g[3]);

	/* "03/15/2024" can only be American: the month first */
	if (month > 12 && day >= 1 && day <= 12) {
		int t = day;

		day = month;
		month = t;
	}
	return month < 1 ? -1 : pt_date(n, day, month, NULL, m->g[4], out);
}

static int pt_iso_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = atoi(m->g[2]);

	return month < 1 ? -1 : pt_date(n, atoi(m->g[3]), month, NULL, m->g[1], out);
}

static int pt_day_month(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return pt_date(n, atoi(m->g[1]), 0, m->g[2], m->g[3], out);
}

/* A time of day: "catorze horas e trinta" (the minutes named when minute_word), then the seconds. */
static void pt_clock(struct normalizer *n, int hour, int minute, bool minute_word, int second, struct strbuf *out)
{
	pt_cardinal(n, hour, true, out);
	strbuf_adds(out, hour == 1 || hour == 0 ? " hora" : " horas");
	if (minute) {
		strbuf_adds(out, " e ");
		pt_cardinal(n, minute, false, out);
		if (minute_word)
			strbuf_adds(out, minute == 1 ? " minuto" : " minutos");
	}
	if (second) {
		strbuf_adds(out, " e ");
		pt_cardinal(n, second, false, out);
		strbuf_adds(out, second == 1 ? " segundo" : " segundos");
	}
}

/* "14h30", "14:30" as "catorze horas e trinta"; "1h" as "uma hora"; "21h" as "vinte e uma horas". */
static int pt_time(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[1]), minute = *m->g[2] ? atoi(m->g[2]) : 0;

	if (hour > 24 || minute > 59)
		return -1;
	pt_clock(n, hour, minute, *m->g[3], 0, out);
	return 0;
}

/* "14:30:05" as "catorze horas e trinta minutos e cinco segundos"; a race's "2:05:30" the same. */
static int pt_time_seconds(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[1]), minute = atoi(m->g[2]), second = atoi(m->g[3]);

	if (hour > 24 || minute > 59 || second > 59)
		return -1;
	pt_clock(n, hour, minute, true, second, out);
	return 0;
}

/* ---- fractions ---- */

/* The denominator of a fraction: "meio", "terço", ICU's ordinals to ten and for 100 and 1000
 * ("quarto", "centésimo"), else a cardinal and "avos" ("onze avos"). */
static void pt_denominator(struct normalizer *n, int64_t d, bool plural, struct strbuf *out)
{
	if (d == 2)
		strbuf_adds(out, "meio");
	else if (d == 3)
		strbuf_adds(out, "terço");
	else if (d <= 10 || d == 100 || d == 1000)
		pt_ordinal(n, d, false, out);
	else {
		pt_cardinal(n, d, false, out);
		strbuf_adds(out, " avos");
		return;
	}
	if (plural)
		strbuf_addc(out, 's');
}

/* "1/2", "3/4", "2 1/2": "um meio", "três quartos", "dois e um meio"; a day and a month after a word that
 * asks for a date ("dia 15/3", "até 30/4") or that cannot be a fraction ("15/03") are a date; "24/7" is an idiom. */
static int pt_slash(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t whole = *m->g[1] ? pt_parse(m->g[1]) : -1, a = pt_parse(m->g[2]), b = pt_parse(m->g[3]);
	static const char *const date_words[] = { "dia", "dias", "em", "até", "desde", "entre", "partir", "hoje",
						  "amanhã", "domingo", "sábado" };
	bool date_word = false, date = a >= 1 && a <= 31 && b >= 1 && b <= 12 && whole < 0;
	char w[24];

	if (a < 0 || b < 0)
		return -1;
	norm_word_before(m->text, m->start, w, sizeof w);
	for (size_t i = 0; i < sizeof date_words / sizeof date_words[0]; i++)
		date_word = date_word || strcasecmp(w, date_words[i]) == 0;
	if (whole < 0 && a == 24 && b == 7) {
		strbuf_adds(out, "vinte e quatro por sete");
		return 0;
	}
	if (date && (date_word || a > b || m->g[2][0] == '0' || m->g[3][0] == '0' || b > 10)) {
		pt_date(n, (int)a, (int)b, NULL, "", out);
		return 0;
	}
	if (b < 2 || (b > 10 && b != 100 && b != 1000 && a >= b))
		return -1;
	if (whole < 0 && a == 1 && b == 2) {
		char next[32];

		/* "1/2 xícara" as "meia xícara"; a half alone, "um meio" */
		norm_word_after(m->text, m->end, next, sizeof next);
		if (islower((unsigned char)next[0]) && strcmp(next, "de") != 0 && strcmp(next, "do") != 0 &&
		    strcmp(next, "da") != 0) {
			strbuf_adds(out, pt_feminine(n, next) ? "meia" : "meio");
			return 0;
		}
	}
	if (whole >= 0) {
		pt_cardinal(n, whole, false, out);
		strbuf_adds(out, " e ");
	}
	pt_cardinal(n, a, false, out);
	strbuf_addc(out, ' ');
	pt_denominator(n, b, a > 1, out);
	return 0;
}

/* "Lei 14.133/2021", "PEC 45/2019": a law's number and its year,
 * "catorze mil cento e trinta e três de dois mil e vinte e um". */
static int pt_numbered_year(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = pt_parse(m->g[1]);

	if (v < 0)
		return -1;
	pt_cardinal(n, v, false, out);
	strbuf_adds(out, " de ");
	norm_year_words(n, atoi(m->g[2]), out);
	return 0;
}

/* "-5" as "menos cinco", "-2,5" as "menos dois vírgula cinco". */
static int pt_negative(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	strbuf_adds(out, "menos ");
	return pt_number(n, m->g[1], m->g[2],
			 pt_has_gender(pt_parse(m->g[1])) && pt_feminine_after(n, m->text, m->end), out);
}

/* "192.168.0.1": the digits of each part one by one, and "ponto" between. */
static int pt_ip(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	bool short_part = false;

	for (int g = 1; g <= 4; g++) {
		if (atoi(m->g[g]) > 255)
			return -1;
		short_part = short_part || (g > 1 && strlen(m->g[g]) < 3);
	}
	/* "100.200.300.400" is a number in thousands; an address has a part shorter than three digits */
	if (!short_part)
		return -1;
	for (int g = 1; g <= 4; g++) {
		if (g > 1)
			strbuf_adds(out, " ponto ");
		for (const char *d = m->g[g]; *d; d++) {
			if (d != m->g[g])
				strbuf_addc(out, ' ');
			pt_cardinal(n, *d - '0', false, out);
		}
	}
	return 0;
}

/* ---- ordinals, ranges, units, Roman numerals ---- */

/* "1º", "3.º" as "primeiro", "terceiro"; "1ª" as "primeira". */
static int pt_ordinal_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = pt_parse(m->g[1]);

	if (v < 1)
		return -1;
	pt_ordinal(n, v, strcmp(m->g[2], "ª") == 0, out);
	return 0;
}

/* The gender of the article (or contraction) just before byte at: 1 masculine ("o", "ao", "do"),
 * 2 feminine ("a", "à", "da"), 0 when the word before is none. */
static int pt_article_gender(const char *text, int64_t at)
{
	static const char *const masculine[] = { "o", "os", "O", "Os", "do", "dos", "no", "nos", "ao", "aos", "pelo", "seu" };
	static const char *const feminine[] = { "a", "as", "A", "As", "da", "das", "na", "nas", "à", "às", "pela", "sua" };
	char w[16];

	norm_word_before(text, at, w, sizeof w);
	for (size_t i = 0; i < sizeof masculine / sizeof masculine[0]; i++) {
		if (strcmp(w, masculine[i]) == 0)
			return 1;
		if (strcmp(w, feminine[i]) == 0)
			return 2;
	}
	return 0;
}

/* "o 1° lugar": the degree sign as an ordinal's, after an article (its gender the article's);
 * elsewhere it is a degree ("30° à sombra"), the units' business. */
static int pt_ordinal_degree(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = pt_parse(m->g[1]);
	int gender = pt_article_gender(m->text, m->start);

	if (v < 1 || !gender)
		return -1;
	pt_ordinal(n, v, gender == 2, out);
	return 0;
}

/* "10-15" and "2010–2015" as "dez a quinze", "dois mil e dez a dois mil e quinze"; a score, "2-1", "dois a um". */
static int pt_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t a = pt_parse(m->g[1]), b = pt_parse(m->g[2]);
	bool feminine = (pt_has_gender(a) || pt_has_gender(b)) && pt_feminine_after(n, m->text, m->end);
	char w[16];

	/* "10-15" a range, "2-1" a score: both "a" */
	if (a < 0 || b < 0)
		return -1;
	pt_cardinal(n, a, feminine, out);
	/* "entre 10 e 15", else "de 10 a 15" */
	norm_word_before(m->text, m->start, w, sizeof w);
	strbuf_adds(out, strcasecmp(w, "entre") == 0 ? " e " : " a ");
	pt_cardinal(n, b, feminine, out);
	return 0;
}

/* "3,5 km" as "três vírgula cinco quilômetros" (or "quilómetros" in Portugal), "2 t" as "duas toneladas",
 * "-5 °C" as "menos cinco graus Celsius". */
static int pt_unit(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, PT_UNITS), m->g[4]);
	bool one = strcmp(m->g[2], "1") == 0 && !*m->g[3], pt = !pt_brazil(n) && p && p->value[2];
	const char *name;

	if (!p)
		return -1;
	name = pt ? p->value[one ? 2 : 3] : p->value[one ? 0 : 1];
	if (!name)
		name = p->value[0];
	if (*m->g[1])
		strbuf_adds(out, "menos ");
	if (pt_number(n, m->g[2], m->g[3], pt_feminine(n, p->value[0]), out) < 0)
		return -1;
	strbuf_addf(out, " %s", name);
	if (norm_at_end(m) && m->text[m->end - 1] == '.')
		strbuf_addc(out, '.');
	return 0;
}

/* "no km 45" (a road's marker) as "no quilômetro quarenta e cinco". */
static int pt_unit_before(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, PT_UNITS), m->g[1]);

	if (!p)
		return -1;
	strbuf_adds(out, !pt_brazil(n) && p->value[2] ? p->value[2] : p->value[0]);
	return 0;
}

static int pt_roman_value(const char *r)
{
	static const char *const digits = "IVXLC";
	static const int values[] = { 1, 5, 10, 50, 100 };
	int v = 0, prev = 0;

	for (size_t i = strlen(r); i-- > 0;) {
		int d = values[strchr(digits, r[i]) - digits];

		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	return v;
}

/* Centuries and monarchs read Roman numerals as ordinals up to ten, cardinals past it:
 * "século V" quinto, "século XIX" dezenove, "João Paulo II" segundo, "Luís XIV" catorze. */
static void pt_roman_words(struct normalizer *n, int v, bool feminine, struct strbuf *out)
{
	if (v <= 10)
		pt_ordinal(n, v, feminine, out);
	else
		pt_cardinal(n, v, false, out);
}

static int pt_century(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = pt_roman_value(m->g[2]);

	if (v < 1 || v > 30)
		return -1;
	strbuf_adds(out, strcmp(m->g[1], "séc.") == 0 ? "século" : m->g[1]);
	strbuf_addc(out, ' ');
	pt_roman_words(n, v, false, out);
	if (norm_at_end(m) && m->text[m->end - 1] == '.')
		strbuf_addc(out, '.');
	return 0;
}

/* A monarch or a pope of rules/pt/regnal: "Isabel II" as "Isabel segunda". */
static int pt_regnal(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, PT_REGNAL), m->g[1]);
	int v = pt_roman_value(m->g[2]);

	if (!p || v < 1 || v > 39)
		return -1;
	strbuf_addf(out, "%s ", m->g[1]);
	pt_roman_words(n, v, strcmp(p->value[0], "f") == 0, out);
	return 0;
}

/* "II Guerra Mundial" as "Segunda Guerra Mundial": a Roman numeral before a capitalised noun is an
 * ordinal agreeing with it, capitalised as the noun is. */
static int pt_roman_before(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = pt_roman_value(m->g[1]), gender = pt_article_gender(m->text, m->start);
	char noun[48];
	size_t mark = out->len;

	if (v < 1 || v > 30)
		return -1;
	/* the article says the gender ("à XX Bienal"); with none, the noun's ending */
	snprintf(noun, sizeof noun, "%s", m->g[2]);
	noun[0] = (char)tolower((unsigned char)noun[0]);
	pt_ordinal(n, v, gender ? gender == 2 : pt_feminine(n, noun), out);
	out->buf[mark] = (char)toupper((unsigned char)out->buf[mark]);
	strbuf_addf(out, " %s", m->g[2]);
	return 0;
}

/* "D. Pedro" as "Dom Pedro", "D. Maria" as "Dona Maria". */
static int pt_dom(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, PT_REGNAL), m->g[1]);
	bool feminine = p ? strcmp(p->value[0], "f") == 0 : util_ends_with(m->g[1], "a");

	strbuf_addf(out, "%s %s", feminine ? "Dona" : "Dom", m->g[1]);
	return 0;
}

static int pt_expansion(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, PT_EXPANSIONS), m->g[1]);

	if (!p)
		return -1;
	strbuf_adds(out, p->value[0]);
	/* "etc." at the end of a sentence still ends it */
	if (util_ends_with(m->g[1], ".") && norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* ---- e-mail, web and telephone ---- */

/* Says an address's punctuation: "ponto", "arroba", "barra", "hífen"; letters and digits as written. */
static int pt_electronic(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *s = m->g[0];
	size_t len = strlen(s);
	bool stop = len && s[len - 1] == '.';	/* the sentence's full stop, not the address's */
	struct strbuf t;

	(void)n;
	if (stop)
		len--;
	if (strncmp(s, "https://", 8) == 0) {
		s += 8;
		len -= 8;
	} else if (strncmp(s, "http://", 7) == 0) {
		s += 7;
		len -= 7;
	}
	strbuf_init(&t);
	for (size_t i = 0; i < len; i++) {
		const char *word = NULL;

		switch (s[i]) {
		case '.': word = "ponto"; break;
		case '@': word = "arroba"; break;
		case '/': word = "barra"; break;
		case '-': word = "traço"; break;
		case '_': word = "sublinhado"; break;
		default: break;
		}
		if (word) {
			if (i + 1 == len && s[i] == '/')
				break;
			strbuf_addf(&t, " %s ", word);
		} else if (strncmp(s + i, "www", 3) == 0 && (i == 0 || s[i - 1] == '.')) {
			strbuf_adds(&t, "dáblio dáblio dáblio");
			i += 2;
		} else {
			strbuf_addc(&t, s[i]);
		}
	}
	util_squeeze_spaces(t.buf);
	strbuf_adds(out, t.buf);
	strbuf_release(&t);
	if (stop)
		strbuf_addc(out, '.');
	return 0;
}

/* "(11) 98765-4321", "+351 912 345 678": the digits one by one, "mais" for the "+". */
static int pt_telephone(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *s = m->g[0];
	bool first = true;

	for (; *s; s++) {
		if (*s == '+') {
			strbuf_adds(out, "mais");
			first = false;
		} else if (isdigit((unsigned char)*s)) {
			if (!first)
				strbuf_addc(out, ' ');
			pt_cardinal(n, *s - '0', false, out);
			first = false;
		}
	}
	return 0;
}

/* What numbers are left: "1.234.567", "3,5", "2 pessoas" (duas), "2 mil casas" (duas mil). */
static int pt_plain_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	/* "0800", a code, is said digit by digit */
	if (m->g[1][0] == '0' && m->g[1][1] && !*m->g[2] && strspn(m->g[1], "0123456789") == strlen(m->g[1])) {
		for (const char *d = m->g[1]; *d; d++) {
			if (d != m->g[1])
				strbuf_addc(out, ' ');
			pt_cardinal(n, *d - '0', false, out);
		}
		return 0;
	}
	return pt_number(n, m->g[1], m->g[2],
			 pt_has_gender(pt_parse(m->g[1])) && pt_feminine_after(n, m->text, m->end), out);
}

static int pt_magnitude_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return pt_amount(n, m->g[1], m->g[2], m->g[3],
			 pt_has_gender(pt_parse(m->g[1])) && pt_feminine_after(n, m->text, m->end), out);
}

static const struct norm_rule_def pt_rules[] = {
	/* a web address begins with letters ICU can look for; an e-mail's local part starts a run and is
	 * possessive, so that "10-10-10…" is scanned once, not from every digit */
	{ "web", "(?:https?://|www\\.)[\\w-]+(?:\\.[\\w-]+)+(?:/[\\w./-]*)?", pt_electronic, NORM_NO_LIST },
	{ "e-mail", "(?<![\\w@.+-])[\\w.+-]++@[\\w-]+(?:\\.[\\w-]+)+", pt_electronic, NORM_NO_LIST },
	/* an area code, or a mobile's five digits: "2024-2030" is a range */
	{ "telephone", "(?<![\\w+])(?:(?:\\+\\d{2,3}\\s)?(?:\\(\\d{2,3}\\)\\s?|\\d{2}\\s)\\d{4,5}|\\d{5})-\\d{4}(?![\\d-])",
	  pt_telephone, NORM_NO_LIST },
	{ "telephone-pt", "(?<![\\w+])\\+\\d{2,3}(?:\\s\\d{2,3}){3,4}(?!\\d)", pt_telephone, NORM_NO_LIST },
	{ "money-before",
	  "(R\\$|US\\$|€|\\$|£|¥|CHF)\\s?" PT_INT PT_DEC "(?:\\s" PT_MAGNITUDES ")?(?!\\w|[.,]\\d)", pt_money_before,
	  NORM_NO_LIST },
	{ "money-after",
	  PT_NOT_BEFORE PT_INT PT_DEC "(?:\\s" PT_MAGNITUDES ")?\\s?"
	  "(€|euros|euro|reais|real|dólares|dólar|libras|libra|CHF)(?!\\w)",
	  pt_money_after, NORM_NO_LIST },
	{ "percent", PT_NOT_BEFORE PT_INT PT_DEC "\\s?(?:%|por cento\\b)", pt_percent, NORM_NO_LIST },
	{ "numeric-date", PT_NOT_BEFORE "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?![\\w]|[.,/-]\\d)", pt_numeric_date,
	  NORM_NO_LIST },
	{ "ip", PT_NOT_BEFORE "(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w]|[.,]\\d)", pt_ip, NORM_NO_LIST },
	{ "iso-date", PT_NOT_BEFORE "(\\d{4})-(\\d{2})-(\\d{2})(?![\\w]|[.,/-]\\d)", pt_iso_date, NORM_NO_LIST },
	{ "day-month",
	  PT_NOT_BEFORE "(\\d{1,2})(?:\\.?º|°)?\\s+de\\s+" PT_MONTHS "\\b(?:\\s+de\\s+(\\d{4})\\b(?![.,]\\d))?",
	  pt_day_month, NORM_NO_LIST },
	{ "time-seconds", PT_NOT_BEFORE "(\\d{1,2}):(\\d{2}):(\\d{2})(?![\\w:]|[.,]\\d)", pt_time_seconds, NORM_NO_LIST },
	{ "time", PT_NOT_BEFORE "(\\d{1,2})(?:h|:(?=\\d{2}))(\\d{2})?(min\\b)?(?:\\s?h\\b)?(?![\\w:]|[.,]\\d)", pt_time,
	  NORM_NO_LIST },
	{ "ordinal", PT_NOT_BEFORE "(\\d{1,4})\\.?(º|ª)", pt_ordinal_rule, NORM_NO_LIST },
	{ "ordinal-degree", "(?<![\\w.])(\\d{1,3})°(?!\\s?[CF]\\b)", pt_ordinal_degree, NORM_NO_LIST },
	{ "numbered-year", PT_NOT_BEFORE "(\\d{1,3}(?:\\.\\d{3})+|\\d{1,6})/((?:19|20)\\d{2})(?![\\w/]|[.,]\\d)",
	  pt_numbered_year, NORM_NO_LIST },
	{ "slash", "(?<![\\w.,/-])(?:(\\d{1,3})\\s)?(\\d{1,4})/(\\d{1,4})(?![\\w/]|[.,]\\d)", pt_slash, NORM_NO_LIST },
	{ "range", PT_NOT_BEFORE "(\\d{1,4})\\s?[-–]\\s?(\\d{1,4})" PT_NOT_AFTER, pt_range, NORM_NO_LIST },
	{ "unit", PT_NOT_BEFORE "([-−])?" PT_INT PT_DEC "\\s?(%s)(?!\\w)", pt_unit, PT_UNITS },
	{ "unit-before", "(?<![\\w.])(km)(?=\\s\\d)", pt_unit_before, NORM_NO_LIST },
	{ "magnitude", PT_NOT_BEFORE PT_INT PT_DEC "\\s(mi|bi|tri)\\b(?!-)", pt_magnitude_rule, NORM_NO_LIST },
	{ "century", "\\b(século|séculos|Século|séc\\.)\\s+([IVX]{1,5})\\b\\.?", pt_century, NORM_NO_LIST },
	{ "regnal", "\\b(%s)\\s+([IVX]{1,6})\\b", pt_regnal, PT_REGNAL },
	{ "roman-before", "(?<![\\w.])([IVX]{1,5})\\s+(\\p{Lu}[a-zà-ú]{2,})\\b", pt_roman_before, NORM_NO_LIST },
	{ "dom", "(?<![\\w.])D\\.\\s+(\\p{Lu}\\p{Ll}+)", pt_dom, NORM_NO_LIST },
	{ "abbreviation", "(?<![\\w.])(%s)(?!\\w)", pt_expansion, PT_EXPANSIONS },
	{ "negative", "(?<![\\w.,/-])[-−]" PT_INT PT_DEC PT_NOT_AFTER, pt_negative, NORM_NO_LIST },
	{ "number", PT_NOT_BEFORE PT_INT PT_DEC PT_NOT_AFTER, pt_plain_number, NORM_NO_LIST },
};

const struct norm_language norm_pt = {
	"pt", "pt", pt_lists, sizeof pt_lists / sizeof pt_lists[0], pt_rules, sizeof pt_rules / sizeof pt_rules[0],
	"%spellout-cardinal-masculine", "%spellout-ordinal-masculine", pt_locale_of,
};
