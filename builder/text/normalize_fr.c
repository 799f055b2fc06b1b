/* normalize_fr: French's rules — ICU's fr spell-out in the noun's gender; dates, times, money, units, ordinals, Roman numerals. */
#include "normalize_lang.h"

#include "util.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>

enum { FR_EXPANSIONS, FR_UNITS, FR_FEMININE };

static const struct norm_list_file fr_lists[] = {
	{ "expansions", false },
	{ "units", false },
	{ "feminine", true },
};

/* a number as French writes it: "1 234 567" (a space, a no-break or a narrow no-break space), "1.234.567", "1234", and
 * English's "1,234,567" (two commas: no decimal); its decimals after a comma */
#define FR_INT "(\\d{1,3}(?:[ \\u00a0\\u202f.]\\d{3})+|\\d{1,3}(?:,\\d{3}){2,}|\\d+)"
#define FR_FRAC "(?:,(\\d+))?"
/* not inside a word or a number */
#define FR_START "(?<![\\w.,])"
#define FR_END "(?![\\w]|[.,]\\d)"
/* a sign right before the digits */
#define FR_SIGN "(?:([-−+])(?=\\d))?"
#define FR_MONTHS "(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
#define FR_CURRENCIES "(€|\\$ ?US|US\\$|\\$|£|¥|CHF|FCFA|euros?|dollars?|livres? sterling|francs? suisses?)"
/* a magnitude in an amount of money: "3,5 M€", "2 Mds $", "1,2 milliard d'euros" */
#define FR_MONEY_MAG "(millions?|milliards?|Mds|Mrds|Md|Mrd|M|k)"

/* ---- number words ---- */

/* ICU's words in rule set rs, in the traditional spelling news copy uses: "vingt et un", not the
 * 1990 reform's "vingt-et-un" ICU writes, and "quatre-vingt-unième" where ICU says "quatre-vingt-et-unième". */
static void fr_spell(struct normalizer *n, const char *rs, int64_t v, struct strbuf *out)
{
	struct strbuf t;
	char *p;

	strbuf_init(&t);
	if (norm_spell(n, rs, v, &t) < 0)
		norm_cardinal(n, v, &t);
	while ((p = strstr(t.buf, "quatre-vingt-et-")))
		memmove(p + 13, p + 16, strlen(p + 16) + 1);
	for (const char *s = t.buf; *s; s++) {
		if (strncmp(s, "-et-", 4) == 0) {
			strbuf_adds(out, " et ");
			s += 3;
			continue;
		}
		strbuf_addc(out, *s);
	}
	strbuf_release(&t);
}

static void fr_cardinal(struct normalizer *n, int64_t v, bool feminine, struct strbuf *out)
{
	fr_spell(n, feminine ? "%spellout-cardinal-feminine" : "%spellout-cardinal-masculine", v, out);
}

/* Digits with any of French's thousands separators as a number; -1 when not one. */
static int64_t fr_parse(const char *s)
{
	char digits[NORM_MAX_DIGITS + 2];
	size_t k = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (k > NORM_MAX_DIGITS)
				return -1;
			digits[k++] = *s;
		}
	}
	digits[k] = '\0';
	return norm_parse_grouped(digits, ' ');
}

/* The decimals after "virgule": leading zeros one by one, then up to three digits as a number
 * ("trois virgule quatorze", "zéro virgule zéro cinq"), longer runs digit by digit. */
static void fr_decimals(struct normalizer *n, const char *d, struct strbuf *out)
{
	size_t len = strlen(d);

	strbuf_adds(out, " virgule");
	while (*d == '0' && len > 0) {
		strbuf_adds(out, " zéro");
		d++;
		len--;
	}
	if (!len)
		return;
	if (len <= 3) {
		strbuf_addc(out, ' ');
		fr_cardinal(n, atoi(d), false, out);
		return;
	}
	/* past three digits, in pairs as a telephone number: "vingt-trois quarante-cinq" */
	for (; *d; d += d[1] ? 2 : 1) {
		strbuf_addc(out, ' ');
		if (d[1] && d[0] == '0')
			strbuf_adds(out, "zéro ");
		fr_cardinal(n, d[1] ? (d[0] - '0') * 10 + (d[1] - '0') : d[0] - '0', false, out);
	}
}

/* An integer and its decimals: "trois virgule cinq"; feminine ("vingt et une") when the noun is, with no decimals. */
static int fr_number(struct normalizer *n, const char *integer, const char *decimals, bool feminine, struct strbuf *out)
{
	int64_t v = fr_parse(integer);

	if (v < 0 || strlen(decimals) > NORM_MAX_DIGITS)
		return -1;
	fr_cardinal(n, v, feminine && !*decimals, out);
	if (*decimals)
		fr_decimals(n, decimals, out);
	return 0;
}

/* Whether the word after byte at is a feminine noun of the list: "21 voitures" is "vingt et une". */
static bool fr_feminine_after(const struct normalizer *n, const char *text, int64_t at)
{
	char w[64];

	norm_word_after(text, at, w, sizeof w);
	norm_bare_lower(w);
	return *w && norm_in_list(norm_list(n, FR_FEMININE), w);
}

/* ---- money ---- */

struct fr_currency {
	const char *written;	/* a symbol, or the start of a written name */
	const char *iso;
	bool feminine;	/* "une livre" */
	/* keep ICU's qualifier: "francs suisses"; "$" is plain "dollars" in French news, and "£" "livres" (espeak-ng
	 * reads "sterling" with its English voice) */
	bool qualified;
};

static const struct fr_currency fr_currencies[] = {
	{ "€", "EUR", false, true },	   { "euro", "EUR", false, true }, { "$", "USD", false, false },
	{ "dollar", "USD", false, false }, { "£", "GBP", true, false },	   { "livre", "GBP", true, false },
	{ "¥", "JPY", false, false },	   { "CHF", "CHF", false, true },  { "franc", "CHF", false, true },
	{ "FCFA", "XOF", false, true },	   { "US$", "USD", false, false },
};

static const struct fr_currency *fr_currency_find(const char *written)
{
	for (size_t i = 0; i < sizeof fr_currencies / sizeof fr_currencies[0]; i++)
		if (strncmp(written, fr_currencies[i].written, strlen(fr_currencies[i].written)) == 0)
			return &fr_currencies[i];
	return NULL;
}

/* ICU's French name of the currency, singular or plural ("euros", "livres sterling"), cut to its first
 * word when the qualifier is not said ("dollars des États-Unis" is "dollars"). */
static void fr_currency_name(const struct fr_currency *c, bool plural, struct strbuf *out)
{
	char utf8[128];

	if (norm_currency("fr", c->iso, plural, utf8, sizeof utf8) < 0) {
		strbuf_adds(out, c->iso);
		return;
	}
	if (!c->qualified)
		utf8[strcspn(utf8, " ")] = '\0';
	/* "francs CFA (BCEAO)": the issuing bank is not said */
	if (strstr(utf8, " ("))
		*strstr(utf8, " (") = '\0';
	strbuf_adds(out, utf8);
}

/* " d'euros", " de dollars": the currency after "millions" or "milliards". */
static void fr_of_currency(const struct fr_currency *c, struct strbuf *out)
{
	struct strbuf name;

	strbuf_init(&name);
	fr_currency_name(c, true, &name);
	strbuf_adds(out, name.len && strchr("aeiouy", name.buf[0]) ? " d'" : " de ");
	strbuf_adds(out, name.buf);
	strbuf_release(&name);
}

/* "million" or "milliard" for a magnitude as written, plural from two on ("1,5 million"). */
static void fr_magnitude(const char *m, bool plural, struct strbuf *out)
{
	bool billion;

	if (*m == 'k' || strncmp(m, "mille", 5) == 0) {
		strbuf_adds(out, "mille");
		return;
	}
	/* "Md", "Mds", "Mrd" are billions, "M" alone a million */
	billion = strncmp(m, "milliard", 8) == 0 || (m[0] == 'M' && m[1] && m[1] != 'i');
	strbuf_adds(out, billion ? "milliard" : "million");
	if (plural)
		strbuf_addc(out, 's');
}

/* "3,5 M€" as "trois virgule cinq millions d'euros", "12,50 €" as "douze euros cinquante",
 * "0,80 €" as "quatre-vingts centimes". */
static int fr_money(struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		    const char *written, struct strbuf *out)
{
	const struct fr_currency *c = fr_currency_find(written);
	int64_t v = fr_parse(integer);
	bool cents = strlen(decimals) == 2 && !*magnitude;

	if (!c || v < 0)
		return -1;
	if (*magnitude) {
		if (fr_number(n, integer, decimals, false, out) < 0)
			return -1;
		strbuf_addc(out, ' ');
		fr_magnitude(magnitude, v >= 2, out);
		if (*magnitude == 'k') {
			/* "50 k€": "cinquante mille euros" */
			strbuf_addc(out, ' ');
			fr_currency_name(c, true, out);
		} else {
			fr_of_currency(c, out);
		}
		return 0;
	}
	if (cents && v == 0 && strcmp(c->iso, "EUR") == 0) {
		int k = atoi(decimals);

		fr_cardinal(n, k, false, out);
		strbuf_adds(out, k >= 2 ? " centimes" : " centime");
		return 0;
	}
	if (fr_number(n, integer, cents ? "" : decimals, c->feminine, out) < 0)
		return -1;
	if (util_ends_with(out->buf, "million") || util_ends_with(out->buf, "millions") ||
	    util_ends_with(out->buf, "milliard") || util_ends_with(out->buf, "milliards")) {
		/* "1 000 000 €" is "un million d'euros" */
		fr_of_currency(c, out);
		return 0;
	}
	strbuf_addc(out, ' ');
	fr_currency_name(c, v >= 2, out);
	if (cents && strcmp(decimals, "00") != 0) {
		strbuf_addc(out, ' ');
		fr_cardinal(n, atoi(decimals), c->feminine, out);
	}
	return 0;
}

static int fr_money_after(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return fr_money(n, m->g[1], m->g[2], m->g[3], m->g[4], out);
}

static int fr_money_before(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return fr_money(n, m->g[2], m->g[3], m->g[4], m->g[1], out);
}

/* "3,5 millions" with no currency: "trois virgule cinq millions". */
static int fr_amount(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (fr_number(n, m->g[1], m->g[2], false, out) < 0)
		return -1;
	strbuf_addc(out, ' ');
	fr_magnitude(m->g[3], fr_parse(m->g[1]) >= 2, out);
	return 0;
}

/* A sign written before a number: "-5" "moins cinq", "+3,5 %" "plus trois virgule cinq pour cent". */
static void fr_sign(const char *sign, struct strbuf *out)
{
	if (*sign)
		strbuf_adds(out, *sign == '+' ? "plus " : "moins ");
}

/* "12 %", "-2,5 %", "+3 %". */
static int fr_percent(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	fr_sign(m->g[1], out);
	if (fr_number(n, m->g[2], m->g[3], false, out) < 0)
		return -1;
	strbuf_adds(out, " pour cent");
	return 0;
}

/* ---- dates and times ---- */

/* A day of the month: "premier", then cardinals ("deux", "trente et un"). */
static void fr_day(struct normalizer *n, int day, struct strbuf *out)
{
	if (day == 1)
		strbuf_adds(out, "premier");
	else
		fr_cardinal(n, day, false, out);
}

/* "24/07/2013" as "vingt-quatre juillet deux mille treize": French reads a year as a cardinal. */
static int fr_numeric_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int day = atoi(m->g[1]), month = atoi(m->g[3]);

	if (day < 1 || day > 31 || month < 1 || month > 12)
		return -1;
	fr_day(n, day, out);
	strbuf_addc(out, ' ');
	norm_month(norm_locale(n), month, out);
	strbuf_addc(out, ' ');
	fr_cardinal(n, atoi(m->g[4]), false, out);
	return 0;
}

/* "1er janvier 2026", "le 3 mars". */
static int fr_day_month(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int day = atoi(m->g[1]);

	if (day < 1 || day > 31)
		return -1;
	fr_day(n, day, out);
	strbuf_addf(out, " %s", m->g[2]);
	if (*m->g[3]) {
		strbuf_addc(out, ' ');
		fr_cardinal(n, atoi(m->g[3]), false, out);
	}
	return 0;
}

/* "14h30", "14 h 30", "8h05", "14:30" as "quatorze heures trente"; "1 h" as "une heure" (an hour is feminine,
 * and so are its minutes: "vingt et une"). */
static int fr_time(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[1]), minute = *m->g[2] ? atoi(m->g[2]) : 0;

	if (hour > 24 || minute > 59)
		return -1;
	fr_cardinal(n, hour, true, out);
	strbuf_adds(out, hour >= 2 ? " heures" : " heure");
	if (minute) {
		strbuf_addc(out, ' ');
		fr_cardinal(n, minute, true, out);
		if (*m->g[3])
			strbuf_adds(out, minute >= 2 ? " minutes" : " minute");
	}
	return 0;
}

/* "10-15", "2010-2015", "14h-16h": "10 à 15", "du 3-5 juillet" "du 3 au 5 juillet", left in digits for the rules
 * after it ("10 à 15 %"). */
static int fr_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char w[8];
	int64_t from = fr_parse(m->g[1]), to = fr_parse(m->g[2]);

	(void)n;
	/* "L. 121-1", "nº 2024-123": a code, not a range or a score ("3-1"), unless a year runs on ("1998-99") */
	if (to < from && from >= 100 && !(strlen(m->g[1]) == 4 && strlen(m->g[2]) == 2) && !strchr(m->g[1], 'h')) {
		strbuf_addf(out, "%s tiret %s", m->g[1], m->g[2]);
		return 0;
	}
	norm_word_before(m->text, m->start, w, sizeof w);
	strbuf_addf(out, "%s %s %s", m->g[1], strcmp(w, "du") == 0 || strcmp(w, "Du") == 0 ? "au" : "à", m->g[2]);
	return 0;
}

/* "1 200 €/mois" as "mille deux cents euros par mois": espeak-ng does not say the slash. */
static int fr_per(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	strbuf_addf(out, " par %s", m->g[1]);
	return 0;
}

/* "de un euro" as "d'un euro", "que une voix" as "qu'une voix": the elision the digits hid. */
static int fr_elision(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	strbuf_addf(out, "%.*s'%s", (int)strlen(m->g[1]) - 1, m->g[1], m->g[2]);
	return 0;
}

/* ---- units, fractions, telephone numbers ---- */

/* "130 km/h" as "cent trente kilomètres par heure"; "1,5 t" as "un virgule cinq tonne" (the plural from two on);
 * "-5 °C" as "moins cinq degrés Celsius". A unit's third value "f" makes its number feminine. */
static int fr_unit(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, FR_UNITS), m->g[4]);
	int64_t v = fr_parse(m->g[2]);
	bool feminine;

	if (!p || !p->value[1] || v < 0)
		return -1;
	feminine = p->value[2] && strcmp(p->value[2], "f") == 0;
	fr_sign(m->g[1], out);
	if (strcmp(p->key, "m") == 0 && strlen(m->g[3]) == 2) {
		/* a height: "1,80 m" is "un mètre quatre-vingts" */
		fr_cardinal(n, v, false, out);
		strbuf_addf(out, " %s ", v >= 2 ? p->value[1] : p->value[0]);
		fr_cardinal(n, atoi(m->g[3]), false, out);
		return 0;
	}
	if (fr_number(n, m->g[2], m->g[3], feminine, out) < 0)
		return -1;
	strbuf_addc(out, ' ');
	strbuf_adds(out, v >= 2 ? p->value[1] : p->value[0]);
	return 0;
}

/* "3/4" as "trois quarts", "1/3" as "un tiers", "2/5" as "deux cinquièmes", and after a whole number "4 1/3" as
 * "quatre et un tiers", "2 1/2" as "deux et demi": only a proper fraction of a small denominator, so that "24/7"
 * stays as written. */
static int fr_fraction(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int num = atoi(m->g[3]), den = atoi(m->g[4]);
	int64_t whole = *m->g[2] ? fr_parse(m->g[2]) : -1;

	if (m->g[3][0] == '0' || m->g[4][0] == '0') {
		/* "06/07" is a day and a month */
		if (*m->g[1] || *m->g[2] || num < 1 || num > 31 || den < 1 || den > 12)
			return -1;
		fr_day(n, num, out);
		strbuf_addc(out, ' ');
		norm_month(norm_locale(n), den, out);
		return 0;
	}
	if (num < 1 || den < 2 || num >= den || (den > 20 && den != 100 && den != 1000))
		return -1;
	fr_sign(m->g[1], out);
	if (whole >= 0) {
		fr_cardinal(n, whole, false, out);
		if (den == 2) {
			strbuf_adds(out, " et demi");
			return 0;
		}
		strbuf_adds(out, " et ");
	}
	fr_cardinal(n, num, false, out);
	strbuf_addc(out, ' ');
	if (den == 2)
		strbuf_adds(out, "demi");
	else if (den == 3)
		strbuf_adds(out, "tiers");
	else if (den == 4)
		strbuf_adds(out, num > 1 ? "quarts" : "quart");
	else
		fr_spell(n, num > 1 ? "%spellout-ordinal-masculine-plural" : "%spellout-ordinal-masculine", den, out);
	return 0;
}

/* "01 23 45 67 89" and "+33 6 12 34 56 78": the digits in pairs, as French says a telephone number. */
static int fr_telephone(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *s = m->text + m->start, *e = m->text + m->end;
	bool first = true;

	if (*s == '+') {
		strbuf_adds(out, "plus");
		s++;
		first = false;
	}
	while (s < e) {
		const char *d = s;
		int64_t v = 0;

		while (d < e && *d >= '0' && *d <= '9')
			v = v * 10 + (*d++ - '0');
		if (d == s) {
			s++;
			continue;
		}
		/* a country code, then pairs: a leading zero is said */
		if (!first)
			strbuf_addc(out, ' ');
		first = false;
		if (d - s == 10 && *s == '0') {
			/* "0123456789" written as one run */
			for (int i = 0; i < 10; i += 2) {
				if (i)
					strbuf_addc(out, ' ');
				if (s[i] == '0')
					strbuf_adds(out, "zéro ");
				fr_cardinal(n, (s[i] - '0') * 10 + (s[i + 1] - '0'), false, out);
			}
		} else {
			if (*s == '0' && d - s > 1)
				strbuf_adds(out, "zéro ");
			fr_cardinal(n, v, false, out);
		}
		s = d;
	}
	return 0;
}

/* "redaction@journal.fr", "www.journal.fr/actu": espeak-ng says neither the dots nor the slashes, so they are words
 * (French ones: "slash" it reads in English); "https://" is not said. */
static int fr_electronic(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const domains[] = { "fr", "com", "org", "net", "eu", "be", "ch", "ca", "info", "io", "tv" };
	const char *s = m->text + m->start, *e = m->text + m->end;
	bool known = memchr(s, '@', (size_t)(e - s)) != NULL;

	(void)n;
	/* with no at-sign, only a domain news copy names ("le.monde" is a typo, "M.Dupont" a name) */
	for (size_t i = 0; i < sizeof domains / sizeof domains[0] && !known; i++)
		known = strcmp(m->g[1], domains[i]) == 0;
	if (!known)
		return -1;
	if (strncmp(s, "http", 4) == 0 && strstr(s, "://") && strstr(s, "://") < e)
		s = strstr(s, "://") + 3;
	for (; s < e; s++) {
		const char *word = *s == '.' ? "point" : *s == '@' ? "arobase" : *s == '/' ? "barre oblique"
				   : *s == '-' ? "tiret" : *s == '_' ? "tiret bas" : NULL;

		if (word)
			strbuf_addf(out, " %s ", word);
		else
			strbuf_addc(out, *s);
	}
	while (out->len && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
	return 0;
}

/* ---- ordinals and Roman numerals ---- */

/* The rule set an ordinal's written ending asks for: "1er" premier, "1re" première, "2es" deuxièmes. */
static const char *fr_ordinal_set(const char *ending)
{
	static const char *const sets[][2] = {
		{ "er", "%spellout-ordinal-masculine" },	{ "ᵉʳ", "%spellout-ordinal-masculine" },
		{ "ers", "%spellout-ordinal-masculine-plural" },	{ "ᵉʳˢ", "%spellout-ordinal-masculine-plural" },
		{ "re", "%spellout-ordinal-feminine" },		{ "ère", "%spellout-ordinal-feminine" },
		{ "ʳᵉ", "%spellout-ordinal-feminine" },		{ "res", "%spellout-ordinal-feminine-plural" },
		{ "ères", "%spellout-ordinal-feminine-plural" }, { "ʳᵉˢ", "%spellout-ordinal-feminine-plural" },
		{ "es", "%spellout-ordinal-masculine-plural" },	{ "èmes", "%spellout-ordinal-masculine-plural" },
		{ "ᵉˢ", "%spellout-ordinal-masculine-plural" },
	};

	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		if (strcmp(ending, sets[i][0]) == 0)
			return sets[i][1];
	return "%spellout-ordinal-masculine";
}

static int fr_ordinal_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = fr_parse(m->g[1]);
	const char *e = m->g[2];

	if (v < 1)
		return -1;
	if (v == 2 && (strncmp(e, "nd", 2) == 0 || strncmp(e, "de", 2) == 0)) {
		/* "2nd", "2nde", "2de": second, seconde */
		strbuf_adds(out, strchr(e, 'e') ? "seconde" : "second");
		if (e[strlen(e) - 1] == 's')
			strbuf_addc(out, 's');
		return 0;
	}
	if (strncmp(e, "nd", 2) == 0 || strncmp(e, "de", 2) == 0 ||
	    (v == 1) != (strstr(e, "r") != NULL || strstr(e, "ʳ") != NULL))
		return -1;	/* "1e", "3er": not an ordinal French writes */
	fr_spell(n, fr_ordinal_set(e), v, out);
	return 0;
}

/* A Roman numeral's value, or 0 unless it is written the canonical way ("XIV", not "XIIII" or "IVX"). */
static int fr_roman_value(const char *s)
{
	static const char *const digits = "IVXLC";
	static const int values[] = { 1, 5, 10, 50, 100 };
	static const char *const units[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
	static const char *const tens[] = { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" };
	int v = 0, prev = 0;
	char back[16];

	for (size_t i = strlen(s); i-- > 0;) {
		const char *d = strchr(digits, s[i]);

		if (!d)
			return 0;
		v += values[d - digits] < prev ? -values[d - digits] : values[d - digits];
		if (values[d - digits] > prev)
			prev = values[d - digits];
	}
	if (v < 1 || v > 100)
		return 0;
	snprintf(back, sizeof back, "%s%s%s", v == 100 ? "C" : "", tens[(v / 10) % 10], units[v % 10]);
	return strcmp(back, s) == 0 ? v : 0;
}

/* "XIXe siècle" as "dix-neuvième siècle", "au XIXe s." the same, "la Ve République",
 * "François Ier" as "François premier". */
static int fr_roman_ordinal(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = fr_roman_value(m->g[1]);
	const char *e = m->g[2];
	bool first = strstr(e, "r") != NULL || strstr(e, "ʳ") != NULL;

	/* "Ce", "Le" are words; a single letter is an ordinal only as "Ier", "Ve", "Xe" */
	if (!v || (v == 1) != first || (strlen(m->g[1]) == 1 && v != 1 && v != 5 && v != 10))
		return -1;
	fr_spell(n, fr_ordinal_set(e), v, out);
	if (*m->g[3]) {
		/* "XIXe s." */
		strbuf_adds(out, " siècle");
		if (norm_at_end(m))
			strbuf_addc(out, '.');
	}
	return 0;
}

/* "Louis XIV" as "Louis quatorze", "Jean-Paul II" as "Jean-Paul deux": a name and a Roman numeral, said as a cardinal. */
static int fr_monarch(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const words[] = { "Le", "La", "Les", "Un", "Une", "De", "Du", "Des", "En", "Et", "Au", "Aux" };
	int v = fr_roman_value(m->g[2]);

	/* "Le V de la victoire" is a letter */
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(m->g[1], words[i]) == 0)
			return -1;
	if (!v || v > 39)
		return -1;
	strbuf_addf(out, "%s ", m->g[1]);
	fr_cardinal(n, v, false, out);
	return 0;
}

/* ---- abbreviations and what is left ---- */

/* "Mme" as "madame", "M. Durand" as "monsieur Durand", "nº 5" as "numéro 5"; an abbreviation's full stop
 * that ends the sentence is kept. */
static int fr_expansion(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, FR_EXPANSIONS), m->g[1]);
	char w[64];

	if (!p)
		return -1;
	/* "St-Étienne": the name after a hyphen */
	norm_word_after(m->text, m->end + (m->text[m->end] == '-'), w, sizeof w);
	if ((p->flags & NORM_BEFORE_NAME) && !norm_is_capitalised(w))
		return -1;
	if ((p->flags & NORM_BEFORE_NUMBER) && !(w[0] >= '0' && w[0] <= '9'))
		return -1;
	strbuf_adds(out, p->value[0]);
	/* "M. Durand" opening the sentence is "Monsieur Durand", and "St-Étienne" a place, "Saint-Étienne" */
	if ((m->start == 0 || m->text[m->end] == '-') && p->key[0] >= 'A' && p->key[0] <= 'Z' && p->value[0][0] >= 'a' &&
	    p->value[0][0] <= 'z')
		out->buf[out->len - strlen(p->value[0])] -= 'a' - 'A';
	if (util_ends_with(p->key, ".") && norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* What numbers are left: "1 234 567", "3,5", "-4", with the gender of the noun after them. */
static int fr_plain_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	fr_sign(m->g[1], out);
	return fr_number(n, m->g[2], m->g[3], fr_feminine_after(n, m->text, m->end), out);
}

static const struct norm_rule_def fr_rules[] = {
	/* one rule for both, in ASCII classes and possessive runs: it scans every word of the text and fails on almost all */
	{ "electronic",
	  "(?<![\\w.@/+-])(?:https?://)?(?:[A-Za-z0-9_.+-]++@)?(?:[A-Za-z0-9_-]++\\.)+([A-Za-z]{2,}+)"
	  "(?:/[\\w./%?=&-]*[\\w/])?(?![\\w@])",
	  fr_electronic, NORM_NO_LIST },
	{ "abbreviation", "(?<![\\w.])(%s)(?!\\p{L})", fr_expansion, FR_EXPANSIONS },
	{ "telephone",
	  "(?<![\\w.,+])(?:0\\d(?:([ .])\\d{2}){4}|\\+\\d{2,3}[ .]?\\d(?:[ .]\\d{2}){4}|0\\d{9})(?![\\w]|[.,]\\d)",
	  fr_telephone, NORM_NO_LIST },
	{ "numeric-date", "(?<![\\w.,/-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?![\\w/-]|[.,]\\d)", fr_numeric_date,
	  NORM_NO_LIST },
	{ "range", "(?<![\\w.,/:-])(\\d+(?:h\\d\\d|h)?)\\s?[-–]\\s?(\\d+(?:h\\d\\d|h)?)(?![\\w/:-]|[.,]\\d)", fr_range,
	  NORM_NO_LIST },
	{ "day-month", FR_START "(1|\\d{1,2})(?:er|ᵉʳ)?\\s+(?i:" FR_MONTHS ")(?!\\w)(?:\\s+(\\d{4})" FR_END ")?",
	  fr_day_month, NORM_NO_LIST },
	{ "time", "(?<![\\w.,:])([01]?\\d|2[0-4])\\s?h\\s?([0-5]\\d)?(?:\\s?(min))?(?!\\w)", fr_time, NORM_NO_LIST },
	{ "time-colon", "(?<![\\w.,:])([01]?\\d|2[0-3]):([0-5]\\d)()(?![\\w:]|[.,]\\d)", fr_time, NORM_NO_LIST },
	{ "money-after", FR_START FR_INT FR_FRAC "(?:\\s?" FR_MONEY_MAG ")?\\s?" FR_CURRENCIES "(?!\\w)", fr_money_after,
	  NORM_NO_LIST },
	{ "money-before", "(€|\\$|£)\\s?" FR_INT FR_FRAC "(?:\\s?" FR_MONEY_MAG ")?(?![\\w,]\\d)", fr_money_before,
	  NORM_NO_LIST },
	{ "percent", FR_START FR_SIGN FR_INT FR_FRAC "\\s?(?:%|pour cent\\b)", fr_percent, NORM_NO_LIST },
	{ "magnitude", FR_START FR_INT FR_FRAC "\\s?(millions?|milliards?|Mds|Mrds|Md|Mrd)(?!\\w)", fr_amount,
	  NORM_NO_LIST },
	{ "unit", FR_START FR_SIGN FR_INT FR_FRAC "\\s?(%s)(?!\\w)", fr_unit, FR_UNITS },
	{ "fraction", "(?<![\\w.,/])" FR_SIGN "(?:(\\d{1,3}) )?(\\d{1,2})/(\\d{1,4})(?![\\w/]|[.,]\\d)", fr_fraction,
	  NORM_NO_LIST },
	{ "ordinal",
	  FR_START "(\\d{1,6})(ers|er|ᵉʳˢ|ᵉʳ|res|re|ères|ère|ʳᵉˢ|ʳᵉ|èmes|ème|è|es|e|ᵉˢ|ᵉ|ndes|nde|nds|nd|des|de)(?!\\w)",
	  fr_ordinal_rule, NORM_NO_LIST },
	{ "roman-ordinal", "(?<![\\w'’-])([IVXLC]{1,7})(er|ᵉʳ|re|ère|ʳᵉ|èmes|ème|es|e|ᵉˢ|ᵉ)(?!\\w)(?:\\s(s\\.)(?!\\w))?",
	  fr_roman_ordinal, NORM_NO_LIST },
	{ "monarch",
	  "(?<![\\w'’-])(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)\\s+([IVXLC]{2,7}|V)(?![\\w'’])", fr_monarch,
	  NORM_NO_LIST },
	{ "per", "(?<=\\w)/(mois|an|jour|semaine|heure|habitant|personne|tonne|litre|kilo)(?!\\w)", fr_per, NORM_NO_LIST },
	{ "number", FR_START FR_SIGN FR_INT FR_FRAC FR_END, fr_plain_number, NORM_NO_LIST },
	{ "elision", "(?<![\\w'’])([dD]e|[qQ]ue) (une?)(?!\\w)", fr_elision, NORM_NO_LIST },
};

const struct norm_language norm_fr = {
	"fr", "fr", fr_lists, sizeof fr_lists / sizeof fr_lists[0], fr_rules, sizeof fr_rules / sizeof fr_rules[0],
	"%spellout-cardinal-masculine", "%spellout-ordinal-masculine",
};
