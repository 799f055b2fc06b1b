/* normalize_es: Spanish's rules — ICU's es spell-out in the noun's gender; money, dates, times, units, ordinals. */
#include "normalize_lang.h"

#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ustring.h>

enum { ES_EXPANSIONS, ES_UNITS, ES_GENDER, ES_REGNAL };

static const struct norm_list_file es_lists[] = {
	{ "expansions", false },
	{ "units", false },
	{ "gender", true },
	{ "regnal", true },
};

#define ES_MONTHS "(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
/* a number as Spain writes it: "1.234.567", "1 234 567" (also with a no-break space) or "1234"; "3,5" */
#define ES_INT "(\\d{1,3}(?:\\.\\d{3})+|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![.,]?\\d)|\\d+)"
#define ES_MAGNITUDES "(mil millones|millones|millón|mill\\.|billones|billón|mil|M|MM)"

/* The digits of a number written with any of Spain's thousands separators; -1 when it is not one. */
static int64_t es_parse(const char *s)
{
	char digits[NORM_MAX_DIGITS + 1];
	size_t n = 0;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s)) {
			if (n == NORM_MAX_DIGITS)
				return -1;
			digits[n++] = *s;
		}
	}
	digits[n] = '\0';
	return norm_parse_grouped(digits, '.');
}

/* ---- gender: the noun after a number decides ---- */

enum es_gender { ES_NONE, ES_MASC, ES_FEM };

static bool es_ends(const char *w, const char *suffix)
{
	size_t n = strlen(w), k = strlen(suffix);

	return n >= k && strcmp(w + n - k, suffix) == 0;
}

/* The gender of the word after byte at: ES_NONE when no noun follows (end, punctuation, a preposition,
 * or, after more than one, a word not in the plural: "el 21 llegará"), else the gender file's word, or
 * Spanish's endings ("-a", "-ión", "-dad", "-umbre" feminine). */
static enum es_gender es_gender_after(const struct normalizer *n, const char *text, int64_t at, bool plural)
{
	const struct norm_list *l = norm_list(n, ES_GENDER);
	char w[64];

	norm_word_after(text, at, w, sizeof w);
	if (!isalpha((unsigned char)w[0]) && (unsigned char)w[0] < 0xc3)
		return ES_NONE;
	/* a capital is a name or a new clause, not the counted noun ("en 2021 Madrid") */
	if (norm_is_capitalised(w))
		return ES_NONE;
	norm_bare_lower(w);
	if (plural && !es_ends(w, "s") && !norm_list_has(l, "m", w))
		return ES_NONE;
	if (norm_list_has(l, "-", w))
		return ES_NONE;
	if (norm_list_has(l, "f", w))
		return ES_FEM;
	if (norm_list_has(l, "m", w))
		return ES_MASC;
	if (es_ends(w, "a") || es_ends(w, "as") || es_ends(w, "ión") || es_ends(w, "iones") || es_ends(w, "dad") ||
	    es_ends(w, "dades") || es_ends(w, "tud") || es_ends(w, "tudes") || es_ends(w, "umbre") || es_ends(w, "umbres"))
		return ES_FEM;
	return ES_MASC;
}

/* ---- numbers ---- */

static void es_spell(struct normalizer *n, const char *ruleset, int64_t v, struct strbuf *out)
{
	if (norm_spell(n, ruleset, v, out) < 0)
		norm_cardinal(n, v, out);
}

/* v as a count of a noun of gender g: "veintiún euros", "doscientas mil personas", and with no noun "veintiuno".
 * ICU's feminine says "doscientos mil": the thousands agree with the noun too, so they are spelled apart. */
static void es_count(struct normalizer *n, int64_t v, enum es_gender g, struct strbuf *out)
{
	int64_t millions = v / 1000000 * 1000000, rest = v % 1000000;

	if (g == ES_NONE) {
		es_spell(n, "%spellout-numbering", v, out);
		return;
	}
	if (g == ES_MASC || v < 1000) {
		es_spell(n, g == ES_MASC ? "%spellout-cardinal-masculine" : "%spellout-cardinal-feminine", v, out);
		return;
	}
	if (millions) {
		es_spell(n, "%spellout-cardinal-masculine", millions, out);
		if (!rest)
			return;
		strbuf_addc(out, ' ');
	}
	if (rest >= 1000) {
		int64_t t = rest / 1000;

		if (t > 1) {
			/* "treinta y un mil personas", as the RAE prefers, but "doscientas mil personas" */
			es_spell(n, t % 10 == 1 && t % 100 != 11 ? "%spellout-cardinal-masculine" : "%spellout-cardinal-feminine",
				 t, out);
			strbuf_addc(out, ' ');
		}
		strbuf_adds(out, "mil");
		if (rest % 1000)
			strbuf_addc(out, ' ');
	}
	if (rest % 1000)
		es_spell(n, "%spellout-cardinal-feminine", rest % 1000, out);
}

/* A decimal's fraction after "coma": up to two digits as a number ("catorce", "cero cinco"), longer ones
 * digit by digit. */
static void es_fraction(struct normalizer *n, const char *digits, struct strbuf *out)
{
	size_t len = strlen(digits);

	if (len > 2) {
		norm_digits(n, "coma", digits, out);
		return;
	}
	strbuf_adds(out, " coma ");
	if (len == 2 && digits[0] == '0') {
		strbuf_adds(out, "cero ");
		digits++;
	}
	es_spell(n, "%spellout-numbering", atoi(digits), out);
}

/* An integer and its decimals: "tres coma cinco"; a whole number agrees with the noun g. */
static int es_number(struct normalizer *n, const char *integer, const char *decimals, enum es_gender g,
		     struct strbuf *out)
{
	int64_t v = es_parse(integer);

	if (v < 0)
		return -1;
	es_count(n, v, *decimals ? ES_NONE : g, out);
	if (*decimals)
		es_fraction(n, decimals, out);
	return 0;
}

/* "millones" after a number, "millón" after one; "mill." and "M" are "millones". */
static const char *es_magnitude_word(const char *m, bool one)
{
	if (strcmp(m, "mil millones") == 0 || strcmp(m, "MM") == 0)
		return "mil millones";
	if (strncmp(m, "bill", 4) == 0)
		return one ? "billón" : "billones";
	if (strcmp(m, "mil") == 0)
		return "mil";
	return one ? "millón" : "millones";
}

/* A number and its magnitude: "tres coma cinco millones", "un millón", "doscientas mil" (personas). */
static int es_amount(struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		     enum es_gender g, struct strbuf *out)
{
	int64_t v = es_parse(integer);
	bool one = v == 1 && !*decimals;

	if (v < 0)
		return -1;
	if (strcmp(magnitude, "mil") == 0 && !*decimals) {
		if (v > INT64_MAX / 1000)
			return -1;
		es_count(n, v * 1000, g, out);
		return 0;
	}
	/* millón is masculine: "veintiún millones" whatever is counted */
	if (es_number(n, integer, decimals, *magnitude ? ES_MASC : g, out) < 0)
		return -1;
	if (*magnitude) {
		strbuf_addc(out, ' ');
		strbuf_adds(out, es_magnitude_word(magnitude, one));
	}
	return 0;
}

/* ---- money ---- */

/* ICU's Spanish name of a currency, singular or plural, appended to out: "euros", "dólares estadounidenses"
 * for "US$"; "$" and "£" alone are "dólares" and "libras", as newsreaders say them, without ICU's
 * "estadounidenses" and "esterlinas". False when written is not a currency. */
static bool es_currency(const char *written, bool one, struct strbuf *out, const char **minor, enum es_gender *g)
{
	static const char *const symbols[][3] = {
		{ "€", "EUR", "céntimos" }, { "euros", "EUR", "céntimos" }, { "euro", "EUR", "céntimos" },
		{ "US$", "USD", "centavos" }, { "$", "USD", "centavos" }, { "dólares", "USD", "centavos" },
		{ "dólar", "USD", "centavos" }, { "£", "GBP", "peniques" }, { "libras", "GBP", "peniques" },
		{ "libra", "GBP", "peniques" }, { "¥", "JPY", "" },
	};
	char utf8[128];

	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
		if (strcmp(written, symbols[i][0]) != 0)
			continue;
		if (norm_currency("es", symbols[i][1], !one, utf8, sizeof utf8) < 0)
			return false;
		/* a written word keeps its own form ("libras", not "libras esterlinas") */
		if (!strchr("€$£¥U", written[0]) || strcmp(written, "$") == 0 || strcmp(written, "£") == 0)
			utf8[strcspn(utf8, " ")] = '\0';
		strbuf_adds(out, utf8);
		*minor = symbols[i][2];
		*g = es_ends(utf8, "a") || es_ends(utf8, "as") ? ES_FEM : ES_MASC;
		return true;
	}
	return false;
}

/* "12,50 €" as "doce euros con cincuenta céntimos", "3,5 M€" as "tres coma cinco millones de euros". */
static int es_money(struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		    const char *currency, struct strbuf *out)
{
	bool cents = strlen(decimals) == 2 && !*magnitude;
	int64_t v = es_parse(integer);
	struct strbuf name;
	const char *minor = "";
	enum es_gender g = ES_MASC;
	int ret = -1;

	strbuf_init(&name);
	if (v < 0 || !es_currency(currency, v == 1 && (!*decimals || cents) && !*magnitude, &name, &minor, &g))
		goto out;
	/* "0,50 €" is "cincuenta céntimos" */
	if (v == 0 && cents && *minor && strcmp(decimals, "00") != 0) {
		es_count(n, atoi(decimals), ES_MASC, out);
		strbuf_addc(out, ' ');
		strbuf_add(out, minor, strlen(minor) - (atoi(decimals) == 1 ? 1 : 0));
		ret = 0;
		goto out;
	}
	if (es_amount(n, integer, cents ? "" : decimals, magnitude, g, out) < 0)
		goto out;
	/* "de" after a round million: "dos millones de euros", "un millón de euros" */
	if (*magnitude ? strcmp(magnitude, "mil") != 0 : (v >= 1000000 && v % 1000000 == 0 && !*decimals))
		strbuf_adds(out, " de");
	strbuf_addc(out, ' ');
	strbuf_adds(out, name.buf);
	if (cents && strcmp(decimals, "00") != 0) {
		strbuf_adds(out, " con ");
		es_count(n, atoi(decimals), *minor ? ES_MASC : ES_NONE, out);
		if (*minor) {
			strbuf_addc(out, ' ');
			/* "un céntimo" */
			strbuf_add(out, minor, strlen(minor) - (atoi(decimals) == 1 ? 1 : 0));
		}
	}
	ret = 0;
out:
	strbuf_release(&name);
	return ret;
}

static int es_money_after(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return es_money(n, m->g[1], m->g[2], m->g[3], m->g[4], out);
}

/* "10-15 €" as "diez a quince euros" ("entre diez y quince euros"): the first number agrees with the currency. */
static int es_money_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	struct strbuf name;
	const char *minor;
	enum es_gender g = ES_MASC;
	char before[16];
	bool known;

	strbuf_init(&name);
	known = es_currency(m->g[4], false, &name, &minor, &g);
	strbuf_release(&name);
	if (!known || es_number(n, m->g[1], "", g, out) < 0)
		return -1;
	norm_word_before(m->text, m->start, before, sizeof before);
	strbuf_adds(out, strcmp(before, "entre") == 0 || strcmp(before, "Entre") == 0 ? " y " : " a ");
	return es_money(n, m->g[2], m->g[3], "", m->g[4], out);
}

static int es_money_before(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return es_money(n, m->g[2], m->g[3], m->g[4], m->g[1], out);
}

static int es_percent(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (es_number(n, m->g[1], m->g[2], ES_NONE, out) < 0)
		return -1;
	strbuf_adds(out, " por ciento");
	return 0;
}

static int es_amount_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return es_amount(n, m->g[1], m->g[2], m->g[3], es_gender_after(n, m->text, m->end, true), out);
}

/* ---- units ---- */

/* "120 km/h" as "ciento veinte kilómetros por hora", "1 t" as "una tonelada". */
static int es_unit(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, ES_UNITS), m->g[3]);
	int64_t v = es_parse(m->g[1]);
	bool one = v == 1 && !*m->g[2];
	const char *name;

	if (!p || v < 0)
		return -1;
	name = one || !p->value[1] ? p->value[0] : p->value[1];
	/* the first word decides: "kilovatio hora" is masculine */
	if (es_number(n, m->g[1], m->g[2], p->value[0][strcspn(p->value[0], " ") - 1] == 'a' ? ES_FEM : ES_MASC, out) < 0)
		return -1;
	strbuf_addc(out, ' ');
	strbuf_adds(out, name);
	return 0;
}

/* ---- dates and times ---- */

static void es_year(const struct normalizer *n, int64_t v, struct strbuf *out)
{
	norm_year_words(n, v, out);
}

/* "24 de julio de 2013" and "24/07/2013": the day a number ("uno" in Spain), the month by name, "de" the year. */
static int es_date(struct normalizer *n, int day, int month, const char *month_name, const char *year,
		   struct strbuf *out)
{
	if (day < 1 || day > 31 || month < 0 || month > 12)
		return -1;
	/* the first of the month is "uno" in Spain, "primero" in the Americas ("es-419", "es-mx") */
	if (day == 1 && strlen(norm_tag(n)) > 2 && strncasecmp(norm_tag(n) + 3, "es", 2) != 0)
		strbuf_adds(out, "primero");
	else
		es_spell(n, "%spellout-numbering", day, out);
	strbuf_adds(out, " de ");
	if (month)
		norm_month(norm_locale(n), month, out);
	else
		strbuf_adds(out, month_name);
	if (*year) {
		strbuf_adds(out, " de ");
		es_year(n, atoi(year), out);
	}
	return 0;
}

static int es_numeric_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = atoi(m->g[3]);

	return month < 1 ? -1 : es_date(n, atoi(m->g[1]), month, NULL, m->g[4], out);
}

/* "2024-05-01", as ISO writes a date: "uno de mayo de dos mil veinticuatro". */
static int es_iso_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = atoi(m->g[2]);

	return month < 1 ? -1 : es_date(n, atoi(m->g[3]), month, NULL, m->g[1], out);
}

/* "el 3/5": a day and a month after an article, with no year. */
static int es_day_slash(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = atoi(m->g[2]);
	char before[8];

	norm_word_before(m->text, m->start, before, sizeof before);
	norm_bare_lower(before);
	if (strcmp(before, "el") != 0 && strcmp(before, "del") != 0 && strcmp(before, "al") != 0)
		return -1;
	return month < 1 ? -1 : es_date(n, atoi(m->g[1]), month, NULL, "", out);
}

static int es_day_month(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return es_date(n, atoi(m->g[1]), 0, m->g[2], m->g[3], out);
}

/* "14:30" as "catorce y treinta", "a la 1:15" as "a la una y quince": hours are feminine (las horas). */
static int es_time_words(struct normalizer *n, int hour, int minute, struct strbuf *out)
{
	if (hour > 24 || minute > 59)
		return -1;
	es_spell(n, "%spellout-cardinal-feminine", hour, out);
	if (minute) {
		strbuf_adds(out, " y ");
		es_spell(n, "%spellout-numbering", minute, out);
	}
	return 0;
}

/* "a las 8", "desde las 9:30", "a la 1:15"; after "las" with no preposition only a time with minutes. */
static int es_time(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char article[8], before[16];
	int64_t at;

	/* after "las" or "a la" ("la 1" alone may be a count) */
	norm_word_before(m->text, m->start, article, sizeof article);
	at = m->start - (int64_t)strlen(article) - 1;
	norm_word_before(m->text, at < 0 ? 0 : at, before, sizeof before);
	norm_bare_lower(article);
	norm_bare_lower(before);
	if (strcmp(article, "las") != 0 && (strcmp(article, "la") != 0 || strcmp(before, "a") != 0))
		return -1;
	if (!*m->g[2]) {
		if (strcmp(before, "a") != 0 && strcmp(before, "desde") != 0 && strcmp(before, "hasta") != 0 &&
		    strcmp(before, "de") != 0 && strcmp(before, "entre") != 0)
			return -1;
	}
	return es_time_words(n, atoi(m->g[1]), *m->g[2] ? atoi(m->g[2]) : 0, out);
}

/* "14:30" alone: a colon between hours and minutes is a time; with seconds, "2:05:30" is a duration
 * (a marathon's), "dos horas, cinco minutos y treinta segundos". */
static int es_clock(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int h = atoi(m->g[1]), min = atoi(m->g[2]), sec = atoi(m->g[3]);

	if (!*m->g[3])
		return es_time_words(n, h, min, out);
	if (min > 59 || sec > 59)
		return -1;
	if (h) {
		es_count(n, h, ES_FEM, out);
		strbuf_adds(out, h == 1 ? " hora, " : " horas, ");
	}
	es_count(n, min, ES_MASC, out);
	strbuf_adds(out, min == 1 ? " minuto y " : " minutos y ");
	es_count(n, sec, ES_MASC, out);
	strbuf_adds(out, sec == 1 ? " segundo" : " segundos");
	return 0;
}

/* "9:30 p. m." as "nueve y treinta de la noche": the twelve-hour clock of the Americas, the part of the day said. */
static int es_time_ampm(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int h = atoi(m->g[1]);
	bool pm = m->g[3][0] == 'p' || m->g[3][0] == 'P';

	if (h < 1 || h > 12 || es_time_words(n, h, *m->g[2] ? atoi(m->g[2]) : 0, out) < 0)
		return -1;
	if (h == 12)
		strbuf_adds(out, pm ? " del mediodía" : " de la noche");
	else if (!pm)
		strbuf_adds(out, h < 6 ? " de la madrugada" : " de la mañana");
	else
		strbuf_adds(out, h < 8 ? " de la tarde" : " de la noche");
	if (norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* "14.30 h", "9:00 horas": the "h" is said as nothing, "horas" stays. */
static int es_time_h(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (es_time_words(n, atoi(m->g[1]), *m->g[2] ? atoi(m->g[2]) : 0, out) < 0)
		return -1;
	if (strcmp(m->g[3], "horas") == 0)
		strbuf_adds(out, " horas");
	/* "a las 20 h." ending a sentence: its full stop is the sentence's */
	else if (strcmp(m->g[3], "h.") == 0 && norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* ---- ordinals ---- */

/* An ordinal of gender g: "primero", "primera", "primeros"; "primer", "tercer" before a masculine noun. */
static void es_ordinal_words(struct normalizer *n, int64_t v, bool fem, bool plural, bool apocope, struct strbuf *out)
{
	const char *rs = fem ? (plural ? "%spellout-ordinal-feminine-plural" : "%spellout-ordinal-feminine")
			     : plural ? "%spellout-ordinal-masculine-plural"
				      : apocope ? "%spellout-ordinal-masculine-adjective" : "%spellout-ordinal-masculine";

	es_spell(n, rs, v, out);
}

/* "1.º", "1º", "1.ª", "3.er", "2.os": the ending says the gender; "el 3.º puesto" is "el tercer puesto". */
static int es_ordinal(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = es_parse(m->g[1]);
	/* "1.º", "1ª"; or as the Americas write them, "1ro", "2da" */
	const char *e = *m->g[2] ? m->g[2] : m->g[0] + strspn(m->g[0], "0123456789");
	bool fem = strstr(e, "ª") || e[0] == 'a' || (*m->g[3] && m->g[3][1] == 'a'), plural = es_ends(e, "s"),
	     apocope = strcmp(e, "er") == 0;

	if (v < 1 || v > 999)
		return -1;
	if (!fem && !plural && !apocope) {
		char before[32];

		norm_word_before(m->text, m->start, before, sizeof before);
		norm_bare_lower(before);
		/* a masculine noun after it, and an article before: "el 3.º puesto" */
		apocope = es_gender_after(n, m->text, m->end, false) == ES_MASC &&
			  (strcmp(before, "el") == 0 || strcmp(before, "del") == 0 || strcmp(before, "al") == 0 ||
			   strcmp(before, "su") == 0 || strcmp(before, "un") == 0 || strcmp(before, "este") == 0 ||
			   strcmp(before, "ese") == 0 || strcmp(before, "nuestro") == 0);
	}
	es_ordinal_words(n, v, fem, plural, apocope, out);
	return 0;
}

/* The value of a Roman numeral, or 0 when it is not a well-formed one up to 39. */
static int es_roman_value(const char *r)
{
	static const char *const tens[] = { "", "X", "XX", "XXX" };
	static const char *const units[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };

	for (int t = 0; t < 4; t++) {
		size_t k = strlen(tens[t]);

		if (strncmp(r, tens[t], k) != 0)
			continue;
		for (int u = 0; u < 10; u++)
			if (strcmp(r + k, units[u]) == 0 && t * 10 + u > 0)
				return t * 10 + u;
	}
	return 0;
}

/* "siglo XIX" as "siglo diecinueve": centuries are cardinals. */
static int es_century(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = es_roman_value(m->g[2]);

	if (!v)
		return -1;
	strbuf_adds(out, strcmp(m->g[1], "s.") == 0 ? "siglo" : m->g[1]);
	strbuf_addc(out, ' ');
	es_spell(n, "%spellout-numbering", v, out);
	/* "los siglos XV y XVI" */
	if (*m->g[4]) {
		int w = es_roman_value(m->g[4]);

		if (!w)
			return -1;
		strbuf_addf(out, " %s ", m->g[3]);
		es_spell(n, "%spellout-numbering", w, out);
	}
	return 0;
}

/* "Felipe VI" as "Felipe sexto", "Isabel II" as "Isabel segunda", "Alfonso XIII" as "Alfonso trece":
 * ordinals up to ten, cardinals past it, as Spanish says kings and popes. */
static int es_regnal(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = es_roman_value(m->g[2]);
	const struct norm_list *l = norm_list(n, ES_REGNAL);
	bool fem = norm_list_has(l, "f", m->g[1]);

	if (!v || (!fem && !norm_list_has(l, "m", m->g[1])))
		return -1;
	strbuf_adds(out, m->g[1]);
	strbuf_addc(out, ' ');
	if (v <= 10)
		es_ordinal_words(n, v, fem, false, false, out);
	else
		es_spell(n, "%spellout-numbering", v, out);
	return 0;
}

/* "la II República", "el III Congreso", "la XXV edición": an ordinal of the article's gender. */
static int es_roman_ordinal(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = es_roman_value(m->g[1]);
	char article[8], after[32];
	bool fem;

	/* "la XXV edición", but a lone "I" or "V" only before a capital: "la I Guerra Mundial" */
	if (!v || (!m->g[1][1] && !norm_is_capitalised(norm_word_after(m->text, m->end, after, sizeof after))))
		return -1;
	norm_word_before(m->text, m->start, article, sizeof article);
	fem = strcmp(norm_bare_lower(article), "la") == 0;
	es_ordinal_words(n, v, fem, false, !fem, out);
	return 0;
}

/* ---- words ---- */

static int es_expansion(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, ES_EXPANSIONS), m->g[1]);
	size_t first;

	if (!p)
		return -1;
	if (p->flags & NORM_BEFORE_NAME) {
		char after[64], before[64];

		/* "D. Juan" is "don Juan", but "Juan D. Perón" keeps its initial */
		if (!norm_is_capitalised(norm_word_after(m->text, m->end, after, sizeof after)) ||
		    norm_is_capitalised(norm_word_before(m->text, m->start, before, sizeof before)))
			return -1;
	}
	if (p->flags & NORM_BEFORE_NUMBER) {
		char after[64];

		if (!isdigit((unsigned char)norm_word_after(m->text, m->end, after, sizeof after)[0]))
			return -1;
	}
	first = out->len;
	strbuf_adds(out, p->value[0]);
	/* "Dña. Carmen" opening the text: "Doña Carmen" */
	if (m->start == 0 && isupper((unsigned char)m->g[1][0]))
		out->buf[first] = (char)toupper((unsigned char)out->buf[first]);
	/* "etc." ending the sentence: its full stop was the sentence's too */
	if ((p->flags & NORM_MAY_END) && norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* "Real Decreto 8/2023" as "ocho barra dos mil veintitrés": a law's number and its year. */
static int es_law_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (es_number(n, m->g[1], "", ES_NONE, out) < 0)
		return -1;
	strbuf_adds(out, " barra ");
	es_year(n, atoi(m->g[2]), out);
	return 0;
}

/* "en el km 42" as "en el kilómetro cuarenta y dos": a milestone, the unit before its number. */
static int es_milestone(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	strbuf_adds(out, "kilómetro ");
	return es_number(n, m->g[1], m->g[2], ES_NONE, out);
}

/* The first number of a range, "10-" in "10-15 años", "3-5 %" or "ganó 2-1": "diez a ", "tres a ", "dos a "
 * ("entre diez y "); the second is left to the rule that knows what follows it (a unit, a percentage). */
static int es_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t end = m->end;
	char before[16];

	while (isdigit((unsigned char)m->text[end]) || m->text[end] == ',')
		end++;
	norm_word_before(m->text, m->start, before, sizeof before);
	if (es_number(n, m->g[1], "", es_gender_after(n, m->text, end, true), out) < 0)
		return -1;
	/* "entre diez y quince", "del siete al catorce", "de diez a quince" */
	norm_bare_lower(before);
	if (strcmp(before, "entre") == 0)
		strbuf_adds(out, " y ");
	else if (strcmp(before, "del") == 0)
		strbuf_adds(out, " al ");
	else
		strbuf_adds(out, " a ");
	return 0;
}

/* "912 345 678", "+34 600 12 34 56", "912-345-678", "(91) 234 5678": each group digit by digit, a pause
 * between groups. */
static int es_phone(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	bool first = true;

	for (const char *p = m->g[0]; *p; p++) {
		if (*p == '+') {
			strbuf_adds(out, "más");
			first = false;
		} else if (*p == ' ' || *p == '-' || *p == ')') {
			/* a pause between groups, once */
			if (out->len && out->buf[out->len - 1] != ',')
				strbuf_addc(out, ',');
		} else if (isdigit((unsigned char)*p)) {
			if (!first)
				strbuf_addc(out, ' ');
			es_spell(n, "%spellout-numbering", *p - '0', out);
			first = false;
		}
	}
	return 0;
}

/* What numbers are left: "1.234.567", "3,5", "21 personas". */
static int es_plain_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return es_number(n, m->g[1], m->g[2], es_gender_after(n, m->text, m->end, es_parse(m->g[1]) != 1), out);
}

/* "-5 grados" as "menos cinco grados": a minus before a number, with a space or nothing before it. */
static int es_minus(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	(void)m;
	strbuf_adds(out, "menos ");
	return 0;
}

/* "1/2" as "un medio", "3/4" as "tres cuartos": a numerator below a small denominator; "el 3/5" is a date. */
static int es_fraction_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const names[] = { NULL, NULL, "medio", "tercio", "cuarto", "quinto", "sexto", "séptimo",
					     "octavo", "noveno", "décimo" };
	static const char *const feminine[] = { NULL, NULL, "media", "tercera", "cuarta", "quinta", "sexta",
						"séptima", "octava", "novena", "décima" };
	int num = atoi(m->g[1]), den = atoi(m->g[2]);
	char before[16];

	norm_word_before(m->text, m->start, before, sizeof before);
	norm_bare_lower(before);
	if (num < 1 || num >= den || den > 10 || strcmp(before, "el") == 0 || strcmp(before, "del") == 0 ||
	    strcmp(before, "al") == 0)
		return -1;
	/* "tres cuartas partes", "dos terceras partes": before a feminine noun, the feminine ordinal */
	if (es_gender_after(n, m->text, m->end, num > 1) == ES_FEM) {
		es_count(n, num, ES_FEM, out);
		strbuf_addf(out, " %s%s", feminine[den], num > 1 ? "s" : "");
		return 0;
	}
	es_count(n, num, ES_MASC, out);
	strbuf_addf(out, " %s%s", names[den], num > 1 ? "s" : "");
	return 0;
}

static int es_year_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	/* "de 1500 personas" is a count: "mil quinientas" */
	if (es_gender_after(n, m->text, m->end, true) == ES_FEM)
		return -1;
	es_year(n, atoi(m->g[1]), out);
	return 0;
}

static const struct norm_rule_def es_rules[] = {
	{ "phone",
	  "(?<![\\w.,+])(?:\\+\\d{1,3} )?"
	  "(?:[6789]\\d{2} \\d{3} \\d{3}|[89]\\d \\d{3} \\d{2} \\d{2}|[6789]\\d{2}(?: \\d{2}){3}"
	  "|\\d{3}-\\d{3}-\\d{3,4}|\\(\\d{2,3}\\) ?\\d{3}[ -]\\d{3,4})"
	  "(?![\\w.,]?\\d)",
	  es_phone, NORM_NO_LIST },
	{ "iso-date", "(?<![\\w.,/-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?![\\w-]|[.,]\\d)", es_iso_date, NORM_NO_LIST },
	{ "numeric-date",
	  "(?<![\\w.,/-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})\\b(?![.,/-]\\d)",
	  es_numeric_date, NORM_NO_LIST },
	{ "day-slash", "(?<![\\w.,/])(\\d{1,2})/(\\d{1,2})(?![\\w/]|[.,]\\d)", es_day_slash, NORM_NO_LIST },
	{ "money-range", "(?<![\\w.,-])(\\d{1,4})-" ES_INT "(?:,(\\d+))?\\s?(€|US\\$|\\$|£|euros|dólares|libras)(?!\\w)",
	  es_money_range, NORM_NO_LIST },
	/* a range's first number, before the rules that read its second ("3-5 %", "10-15 km") */
	{ "range", "(?<![\\w.,:-])(\\d{1,4})-(?=\\d{1,4}(?:,\\d+)?(?![\\d:/-]|[.,]\\d))", es_range, NORM_NO_LIST },
	{ "money-after",
	  "(?<![\\w.,])" ES_INT "(?:,(\\d+))?(?:\\s?" ES_MAGNITUDES ")?(?:\\s?de)?"
	  "\\s?(€|US\\$|\\$|£|¥|euros?|dólares|dólar|libras?)(?!\\w)",
	  es_money_after, NORM_NO_LIST },
	{ "money-before", "(US\\$|€|\\$|£)\\s?" ES_INT "(?:,(\\d+))?(?:\\s" ES_MAGNITUDES "(?!\\w))?(?![\\w,]\\d)",
	  es_money_before, NORM_NO_LIST },
	{ "percent", "(?<![\\w.,])" ES_INT "(?:,(\\d+))?\\s?(?:%|por ciento\\b)", es_percent, NORM_NO_LIST },
	{ "day-month", "(?<![\\w.,])(\\d{1,2}) de " ES_MONTHS "\\b(?: de(?:l año)? (\\d{4})\\b(?![.,]\\d))?", es_day_month,
	  NORM_NO_LIST },
	{ "time-ampm", "(?<![\\w.,])(\\d{1,2})(?:[.:](\\d{2}))?\\s?([apAP])\\.\\s?[mM]\\.", es_time_ampm, NORM_NO_LIST },
	{ "time-h", "(?<![\\w.,])(\\d{1,2})(?:[.:](\\d{2}))?\\s?(horas|h\\.|h)(?!\\w)", es_time_h, NORM_NO_LIST },
	{ "time", "(?<![\\w.,])(\\d{1,2})(?:[.:](\\d{2}))?(?![\\w,]|[.:]\\d|\\s?[%ºª])", es_time,
	  NORM_NO_LIST },
	{ "clock", "(?<![\\w.,:])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\w:]|[.,]\\d)", es_clock, NORM_NO_LIST },
	{ "minus", "(?<=^|[\\s(])[-−](?=\\d)", es_minus, NORM_NO_LIST },
	{ "unit", "(?<![\\w.,])" ES_INT "(?:,(\\d+))?\\s?(%s)(?![\\w²³/])", es_unit, ES_UNITS },
	{ "magnitude", "(?<![\\w.,])" ES_INT "(?:,(\\d+))?\\s" ES_MAGNITUDES "(?!\\w)", es_amount_rule, NORM_NO_LIST },
	{ "ordinal", "(?<![\\w.,])(\\d{1,3})(?:\\.?(º|ª|o|a|os|as|er)|(ro|do|to|vo|no|mo|ra|da|ta|va|na|ma)s?)(?![\\w])",
	  es_ordinal, NORM_NO_LIST },
	{ "century", "\\b(siglo|siglos|Siglo|Siglos|s\\.)\\s+([IVX]{1,6})\\b(?:\\s+(y|e|o|al|a)\\s+([IVX]{1,6})\\b)?",
	  es_century, NORM_NO_LIST },
	{ "regnal", "\\b([A-ZÁÉÍÓÚ][a-záéíóúñ]+)\\s+([IVX]{1,6})\\b", es_regnal, NORM_NO_LIST },
	{ "roman-ordinal", "(?<=\\b(?:el|El|la|La|del|al) )([IVX]{1,6})(?=\\s+\\p{L})", es_roman_ordinal,
	  NORM_NO_LIST },
	/* every key has a full stop, a slash or an ordinal sign in its first six letters ("Excmo.", "c/", "nº"),
	 * or is "EEUU": the lookahead turns most words away before ICU tries each key in turn */
	{ "abbreviation", "(?<![\\w.])(?=\\p{L}{0,5}[./ºª]|EEUU)(%s)(?!\\w)", es_expansion, ES_EXPANSIONS },
	{ "law-number", "(?<![\\w.,/])(\\d{1,5})/((?:19|20)\\d{2})(?![\\w/]|[.,]\\d)", es_law_number, NORM_NO_LIST },
	{ "milestone", "(?<=\\b(?:el|del|al) )km\\.? (\\d{1,4})(?:,(\\d+))?(?![\\w]|[.,]\\d)", es_milestone, NORM_NO_LIST },
	{ "fraction", "(?<![\\w.,/])(\\d{1,2})/(\\d{1,2})(?![\\w/]|[.,]\\d)", es_fraction_rule, NORM_NO_LIST },
	{ "year", "(?<=\\b(?:año|años|en|En|de|del|desde|Desde|hasta|a|el|El|entre|y|verano|invierno|otoño|primavera) )"
		  "(1[1-9]\\d{2}|20\\d{2})\\b(?![.,]\\d|\\s?%)",
	  es_year_rule, NORM_NO_LIST },
	{ "number", "(?<![\\w.,])" ES_INT "(?:,(\\d+))?(?![\\w]|[.,]\\d)", es_plain_number, NORM_NO_LIST },
};

const struct norm_language norm_es = {
	"es", "es", es_lists, sizeof es_lists / sizeof es_lists[0], es_rules, sizeof es_rules / sizeof es_rules[0],
	"%spellout-numbering", "%spellout-ordinal-masculine",
};
