/* normalize_de: German's rules — ICU's de spell-out for numbers, years, ordinals; dates, times, money, units and more. */
#include "normalize_lang.h"

#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

enum { DE_EXPANSIONS, DE_UNITS };

static const struct norm_list_file de_lists[] = {
	{ "expansions", false },
	{ "units", false },	/* "km = Kilometer | Kilometer | m": singular, plural, gender */
};

#define DE_MONTHS "(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
/* a number as German writes it: "1.234.567" or "1234", and "3,5"; Swiss "1'234" */
#define DE_INT "(\\d{1,3}(?:[.'’]\\d{3})+|\\d+)"
#define DE_MAGNITUDES "(Mio\\.?|Mrd\\.?|Bio\\.|Tsd\\.|Millionen|Milliarden|Million|Milliarde|Billionen|Billion)"
/* the currencies written after an amount; ISO codes are said by ICU's names */
#define DE_CURRENCIES "(€|\\$|£|EUR|USD|GBP|CHF|JPY|CNY|Euro|US-Dollar|Dollar|Pfund|Franken|Fr\\.)"

/* Whether the byte before a match is one of set: what a lookbehind would have said. */
static bool de_after(const struct norm_match *m, const char *set)
{
	return m->start > 0 && strchr(set, m->text[m->start - 1]) != NULL;
}

/* Digits with German's, or Switzerland's, thousands separators ("1.234", "1'234", "1’234") as a number; -1 if none. */
static int64_t de_parse(const char *s)
{
	char digits[NORM_MAX_DIGITS + 2];
	size_t n = 0;

	for (; *s; s++) {
		if (*s == '.' || *s == '\'' || (unsigned char)*s >= 0x80)	/* ’ is three bytes, all past 0x7f */
			continue;
		if (n > NORM_MAX_DIGITS)
			return -1;
		digits[n++] = *s;
	}
	digits[n] = '\0';
	return norm_parse_grouped(digits, '.');
}

/* The ICU locale of n's tag: "de_AT" for "de-at" (whose January is "Jänner"), "de" with no region. */
static void de_locale(const struct normalizer *n, char *buf, size_t size)
{
	const char *tag = norm_tag(n), *region = tag + strcspn(tag, "-_");

	if (*region && strlen(region) == 3 && isalpha((unsigned char)region[1]) && isalpha((unsigned char)region[2]))
		snprintf(buf, size, "de_%c%c", toupper((unsigned char)region[1]), toupper((unsigned char)region[2]));
	else
		snprintf(buf, size, "de");
}

/* ICU's ordinal ("vierundzwanzigsten") and the ending the article before it asks for. */
static void de_ordinal(const struct normalizer *n, int64_t v, const char *ending, struct strbuf *out)
{
	norm_ordinal(n, v, out);
	/* "%spellout-ordinal-n" ends in "en": keep the stem "vierundzwanzigst" */
	if (out->len && out->buf[out->len - 1] == 'n')
		out->buf[--out->len] = '\0';
	if (out->len && out->buf[out->len - 1] == 'e')
		out->buf[--out->len] = '\0';
	strbuf_adds(out, ending);
}

/* The ending of an ordinal after the word before it: "am vierundzwanzigsten", "der vierundzwanzigste",
 * and with no article "vierundzwanzigster". */
static const char *de_ending(const char *text, int64_t at)
{
	static const char *const dative[] = { "am", "Am", "vom", "Vom", "zum", "Zum", "dem", "den", "des", "im",
					      "Im", "beim", "seit", "Seit", "ab", "Ab", "bis", "Bis", "zur", "Zur",
					      "einem", "einen", "einer", "ihrem", "seinem", "ihren", "seinen", "ihrer",
					      "seiner" };
	static const char *const nominative[] = { "der", "Der", "die", "Die", "das", "Das", "eine", "Eine", "seine",
						  "Seine", "ihre", "Ihre" };
	char w[32];

	norm_word_before(text, at, w, sizeof w);
	for (size_t i = 0; i < sizeof dative / sizeof dative[0]; i++)
		if (strcmp(w, dative[i]) == 0)
			return "en";
	for (size_t i = 0; i < sizeof nominative / sizeof nominative[0]; i++)
		if (strcmp(w, nominative[i]) == 0)
			return "e";
	return "er";
}

/* An integer and its decimals after the comma, digit by digit: "drei Komma eins vier". */
static int de_number(const struct normalizer *n, const char *integer, const char *decimals, struct strbuf *out)
{
	int64_t v = de_parse(integer);

	if (v < 0)
		return -1;
	norm_cardinal(n, v, out);
	if (*decimals)
		norm_digits(n, "Komma", decimals, out);
	return 0;
}

/* "Mio." as "Millionen" (or "Million" after exactly one). */
static void de_magnitude(const char *m, bool one, struct strbuf *out)
{
	if (strncmp(m, "Mio", 3) == 0 || strncmp(m, "Million", 7) == 0)
		strbuf_adds(out, one ? "Million" : "Millionen");
	else if (strncmp(m, "Mrd", 3) == 0 || strncmp(m, "Milliarde", 9) == 0)
		strbuf_adds(out, one ? "Milliarde" : "Milliarden");
	else if (strncmp(m, "Bio", 3) == 0 || strncmp(m, "Billion", 7) == 0)
		strbuf_adds(out, one ? "Billion" : "Billionen");
	else
		strbuf_adds(out, "Tausend");
}

/* The number before a magnitude, feminine when it is one: "eine Million". */
static int de_amount(const struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		     struct strbuf *out)
{
	bool one = strcmp(integer, "1") == 0 && !*decimals;

	if (magnitude[0] == 'T' && !*decimals) {
		int64_t v = de_parse(integer);

		/* "40 Tsd." as "vierzigtausend" */
		if (v < 0 || v > INT64_MAX / 1000)
			return -1;
		norm_cardinal(n, v * 1000, out);
		return 0;
	}
	if (*magnitude && one)
		strbuf_adds(out, "eine");
	else if (de_number(n, integer, decimals, out) < 0)
		return -1;
	if (*magnitude) {
		strbuf_addc(out, ' ');
		de_magnitude(magnitude, one, out);
	}
	return 0;
}

/* ICU's name of a currency in German: "Euro", "US-Dollar"; a written name stays as written. */
static void de_currency(const char *written, struct strbuf *out)
{
	static const char *const symbols[][2] = { { "€", "EUR" }, { "$", "USD" }, { "£", "GBP" }, { "CHF", "CHF" } };
	char utf8[128];

	for (size_t i = 0; i <= sizeof symbols / sizeof symbols[0]; i++) {
		bool code = i == sizeof symbols / sizeof symbols[0];

		/* past the symbols, an ISO code as written: "EUR", "JPY" */
		if (code ? strlen(written) != 3 || !isupper((unsigned char)written[0]) ||
				   !isupper((unsigned char)written[1]) || !isupper((unsigned char)written[2])
			 : strcmp(written, symbols[i][0]) != 0)
			continue;
		if (norm_currency("de", code ? written : symbols[i][1], true, utf8, sizeof utf8) == 0) {
			strbuf_adds(out, utf8);
			return;
		}
	}
	strbuf_adds(out, strcmp(written, "Fr.") == 0 ? "Franken" : written);
}

/* "one" before a noun of gender g ('m', 'f' or 'n') in the case the preposition before it asks for:
 * "nach einem Kilometer", "um einen Kilometer", "eine Tonne". */
static const char *de_one(const char *text, int64_t at, char g)
{
	static const char *const dative[] = { "nach", "Nach", "mit", "Mit", "von", "Von", "vor", "Vor", "bei", "aus",
					      "seit", "zu", "binnen", "nahe" };
	/* and the verbs whose object a price is: "kostet einen Euro" */
	static const char *const accusative[] = { "um", "Um", "auf", "Auf", "für", "Für", "durch", "über", "Über",
						  "gegen", "ohne", "pro", "kostet", "kostete", "kosten", "kosteten",
						  "zahlt", "zahlte", "zahlen", "verlangt", "verlangte", "beträgt",
						  "betrug" };
	char w[16];

	norm_word_before(text, at, w, sizeof w);
	for (size_t i = 0; i < sizeof dative / sizeof dative[0]; i++)
		if (strcmp(w, dative[i]) == 0)
			return g == 'f' ? "einer" : "einem";
	for (size_t i = 0; i < sizeof accusative / sizeof accusative[0]; i++)
		if (strcmp(w, accusative[i]) == 0)
			return g == 'f' ? "eine" : g == 'm' ? "einen" : "ein";
	return g == 'f' ? "eine" : "ein";
}

/* "3,5 Mio. €", "12,50 €", "100 Dollar": the cents of a plain amount after the currency. */
static int de_money(const struct normalizer *n, const struct norm_match *m, const char *integer, const char *decimals,
		    const char *magnitude, const char *currency, struct strbuf *out)
{
	bool cents = strlen(decimals) == 2 && !*magnitude;

	if (!isdigit((unsigned char)*decimals))
		decimals = "";	/* "5,- €": whole euros */
	/* "0,99 €" as "neunundneunzig Cent" */
	if (cents && strcmp(integer, "0") == 0 && strcmp(decimals, "00") != 0 &&
	    (strstr(currency, "€") || strstr(currency, "EUR") || strstr(currency, "Euro") || strstr(currency, "$") ||
	     strstr(currency, "USD") || strstr(currency, "Dollar"))) {
		norm_cardinal(n, atoi(decimals), out);
		strbuf_adds(out, " Cent");
		return 0;
	}
	if (strcmp(integer, "1") == 0 && !*magnitude && (cents || !*decimals)) {	/* "einen Euro neunzehn" */
		bool neuter = strstr(currency, "Pfund") || strstr(currency, "£");

		strbuf_adds(out, de_one(m->text, m->start, neuter ? 'n' : 'm'));
	} else if (de_amount(n, integer, cents ? "" : decimals, magnitude, out) < 0)
		return -1;
	strbuf_addc(out, ' ');
	de_currency(currency, out);
	if (cents && strcmp(decimals, "00") != 0) {
		strbuf_addc(out, ' ');
		norm_cardinal(n, atoi(decimals), out);
	}
	return 0;
}

static int de_money_after(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (de_money(n, m, m->g[1], m->g[2], m->g[3], m->g[4], out) < 0)
		return -1;
	if (strcmp(m->g[4], "Fr.") == 0 && norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

static int de_money_before(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return de_money(n, m, m->g[2], m->g[3], m->g[4], m->g[1], out);
}

/* "12 %", "-1,2 %" as "minus eins Komma zwei Prozent", "+0,4 %" as "plus null Komma vier Prozent". */
static int de_percent(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (*m->g[1])
		strbuf_adds(out, *m->g[1] == '+' ? "plus " : "minus ");
	if (de_number(n, m->g[2], m->g[3], out) < 0)
		return -1;
	strbuf_adds(out, " Prozent");
	return 0;
}

static int de_amount_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return de_amount(n, m->g[1], m->g[2], m->g[3], out);
}

/* ICU's name of month 1..12 in n's German ("Jänner" in Austria). */
static void de_month(const struct normalizer *n, int month, struct strbuf *out)
{
	char locale[8];

	de_locale(n, locale, sizeof locale);
	norm_month(locale, month, out);
}

/* Whether the date at byte at follows a weekday and its comma ("Dienstag, 1. Dezember"): 0 not,
 * 1 after a preposition with the dative ("am Dienstag,"), 2 otherwise (a dateline). */
static int de_weekday_before(const char *text, int64_t at)
{
	static const char *const dative[] = { "am", "Am", "vom", "Vom", "seit", "Seit", "bis", "zum", "ab", "Ab" };
	UErrorCode err = U_ZERO_ERROR;
	UDateFormat *df;
	char w[40], before[16];
	size_t len;
	int found = 0;

	norm_word_before(text, at, w, sizeof w);
	len = strlen(w);
	if (len < 2 || w[len - 1] != ',')
		return 0;
	w[--len] = '\0';
	df = udat_open(UDAT_NONE, UDAT_LONG, "de", NULL, 0, NULL, 0, &err);
	if (U_FAILURE(err))
		return 0;
	for (int i = 1; i <= 7 && !found; i++) {	/* ICU's weekdays start at 1, Sunday */
		UChar name[32];
		char utf8[96];
		int32_t n = udat_getSymbols(df, UDAT_WEEKDAYS, i, name, 32, &err);

		u_strToUTF8(utf8, sizeof utf8, NULL, name, n, &err);
		found = U_SUCCESS(err) && strcmp(utf8, w) == 0;
	}
	udat_close(df);
	if (!found)
		return 0;
	while (at > 0 && text[at - 1] == ' ')
		at--;
	norm_word_before(text, at - (int64_t)len - 1, before, sizeof before);
	for (size_t i = 0; i < sizeof dative / sizeof dative[0]; i++)
		if (strcmp(before, dative[i]) == 0)
			return 1;
	return 2;
}

/* "24.07.2013" and "24. Juli 2013": the day an ordinal, the month by name, the year as a year. */
static int de_date(const struct normalizer *n, const struct norm_match *m, int day, int month,
		   const char *month_name, const char *year, struct strbuf *out)
{
	const char *ending = de_ending(m->text, m->start);

	if (day < 1 || day > 31 || month < 0 || month > 12)
		return -1;
	switch (de_weekday_before(m->text, m->start)) {
	case 1:
		strbuf_adds(out, "dem ");	/* "am Dienstag, dem ersten Dezember" */
		ending = "en";
		break;
	case 2:
		strbuf_adds(out, "der ");	/* "Dienstag, der erste Dezember" */
		ending = "e";
		break;
	}
	de_ordinal(n, day, ending, out);
	strbuf_addc(out, ' ');
	if (month)
		de_month(n, month, out);
	else
		strbuf_adds(out, month_name);
	if (*year) {
		strbuf_addc(out, ' ');
		norm_year_words(n, atoi(year), out);
	}
	return 0;
}

static int de_numeric_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = atoi(m->g[2]);

	return month < 1 ? -1 : de_date(n, m, atoi(m->g[1]), month, NULL, m->g[3], out);
}

/* "2024-05-12", as the web writes a date. */
static int de_iso_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = atoi(m->g[2]);

	return month < 1 ? -1 : de_date(n, m, atoi(m->g[3]), month, NULL, m->g[1], out);
}

/* "um 18:45" with no "Uhr": the preposition says it is a time, "um achtzehn Uhr fünfundvierzig". */
static int de_clock(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[2]), minute = atoi(m->g[3]);

	if (hour > 24 || minute > 59)
		return -1;
	strbuf_addf(out, "%s ", m->g[1]);
	if (hour == 1)
		strbuf_adds(out, "ein");
	else
		norm_cardinal(n, hour, out);
	strbuf_adds(out, " Uhr");
	if (minute) {
		strbuf_addc(out, ' ');
		norm_cardinal(n, minute, out);
	}
	return 0;
}

static int de_day_month(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return de_date(n, m, atoi(m->g[1]), 0, m->g[2], m->g[3], out);
}

/* "3. Okt. 2020": the month abbreviated, said in full. */
static int de_day_month_short(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const months[] = { "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt",
					      "Nov", "Dez" };

	for (int i = 0; i < 12; i++) {
		if (strncmp(m->g[2], months[i], strlen(months[i])) != 0)
			continue;
		if (de_date(n, m, atoi(m->g[1]), i + 1, NULL, m->g[3], out) < 0)
			return -1;
		if (!*m->g[3] && norm_at_end(m))
			strbuf_addc(out, '.');
		return 0;
	}
	return -1;
}

/* "am 1.4." with no year: a date only after the words that introduce one (else a section, "Punkt 1.4."). */
static int de_numeric_day_month(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const cues[] = { "am", "Am", "vom", "Vom", "zum", "Zum", "bis", "Bis", "ab", "Ab", "seit",
					    "Seit", "den", "dem" };
	char w[8];
	bool cued = false;
	int month = atoi(m->g[2]);

	norm_word_before(m->text, m->start, w, sizeof w);
	for (size_t i = 0; i < sizeof cues / sizeof cues[0] && !cued; i++)
		cued = strcmp(w, cues[i]) == 0;
	if (!cued || month < 1 || de_date(n, m, atoi(m->g[1]), month, NULL, "", out) < 0)
		return -1;
	if (norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* "vom 4. bis zum 8. September", "20.–22. November", "am 5. und 6. März": both days ordinals, the month once. */
static int de_day_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int from = atoi(m->g[1]), to = atoi(m->g[3]);
	bool zum = strstr(m->g[2], "zum") != NULL, und = strstr(m->g[2], "und") != NULL;

	if (from < 1 || from > 31 || to < 1 || to > 31)
		return -1;
	de_ordinal(n, from, de_ending(m->text, m->start), out);
	strbuf_adds(out, zum ? " bis zum " : und ? " und " : " bis ");
	if (zum)
		de_ordinal(n, to, "en", out);
	else
		de_ordinal(n, to, de_ending(m->text, m->start), out);
	strbuf_addf(out, " %s", m->g[4]);
	if (*m->g[5]) {
		strbuf_addc(out, ' ');
		norm_year_words(n, atoi(m->g[5]), out);
	}
	return 0;
}

/* "14.30 Uhr" as "vierzehn Uhr dreißig"; "1 Uhr" as "ein Uhr". */
static int de_time(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[1]), minute = *m->g[2] ? atoi(m->g[2]) : 0, second = *m->g[3] ? atoi(m->g[3]) : 0;

	if (hour > 24 || minute > 59 || second > 59)
		return -1;
	if (hour == 1)
		strbuf_adds(out, "ein");
	else
		norm_cardinal(n, hour, out);
	strbuf_adds(out, " Uhr");
	if (minute || second) {
		strbuf_addc(out, ' ');
		norm_cardinal(n, minute, out);
	}
	if (second) {
		/* "10:30:05 Uhr" as "zehn Uhr dreißig und fünf Sekunden" */
		strbuf_adds(out, second == 1 ? " und eine Sekunde" : " und ");
		if (second != 1) {
			norm_cardinal(n, second, out);
			strbuf_adds(out, " Sekunden");
		}
	}
	return 0;
}

static int de_expansion(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, DE_EXPANSIONS), m->g[1]);

	if (!p || de_after(m, "."))
		return -1;
	strbuf_adds(out, p->value[0]);
	if (util_ends_with(m->g[1], ".") && norm_at_end(m))
		strbuf_addc(out, '.');	/* "usw." ends its sentence too */
	return 0;
}

/* "Hauptstr." as "Hauptstraße": the match is "str.", after a capitalised name. */
static int de_street(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char name[32];

	(void)n;
	if (!norm_is_capitalised(norm_word_before(m->text, m->start, name, sizeof name)))
		return -1;
	strbuf_adds(out, "straße");
	if (norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* "der 5. Platz" as "der fünfte Platz": an ordinal after an article or a preposition with one (the pattern
 * starts at the digits: a lookbehind of many words is tried at every character). */
static int de_ordinal_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const articles[] = { "der", "die", "das", "dem", "den", "des", "am", "im", "zum", "zur",
						"vom", "beim", "Der", "Die", "Das", "Am", "Im", "Zum", "Beim", "Vom",
						"eine", "einem", "einen", "einer", "seine", "seinem", "seinen", "seiner",
						"ihre", "ihrem", "ihren", "ihrer", "Seine", "Ihre" };
	int64_t v = de_parse(m->g[1]);
	char w[8];
	bool after_article = false;

	norm_word_before(m->text, m->start, w, sizeof w);
	for (size_t i = 0; i < sizeof articles / sizeof articles[0] && !after_article; i++)
		after_article = strcmp(w, articles[i]) == 0;
	if (v < 1 || !after_article)
		return -1;
	de_ordinal(n, v, strcmp(de_ending(m->text, m->start), "e") == 0 ? "e" : "en", out);
	return 0;
}

/* "Ludwig XIV." as "Ludwig der Vierzehnte": the numeral after a name (a capital, then lower case). */
static int de_roman(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const digits = "IVXLC";
	static const int values[] = { 1, 5, 10, 50, 100 };
	int v = 0, prev = 0;
	size_t len = strlen(m->g[1]), name_len;
	struct strbuf t;
	char name[32];
	int64_t at = m->start;

	norm_word_before(m->text, at, name, sizeof name);
	name_len = strlen(name);
	if (name_len < 2 || name[0] < 'A' || name[0] > 'Z')
		return -1;
	for (size_t i = 1; i < name_len; i++)
		if (!islower((unsigned char)name[i]) && (unsigned char)name[i] < 0x80)
			return -1;
	for (size_t i = len; i-- > 0;) {
		int d = values[strchr(digits, m->g[1][i]) - digits];

		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	if (v < 1 || v > 39)
		return -1;
	{
		static const char *const dative[] = { "unter", "Unter", "mit", "Mit", "von", "Von", "bei", "Bei",
							      "nach", "Nach", "seit", "Seit", "zu", "Zu" };
		char w[32];
		bool dat = false;

		while (at > 0 && m->text[at - 1] == ' ')
			at--;
		norm_word_before(m->text, at - (int64_t)name_len, w, sizeof w);
		for (size_t i = 0; i < sizeof dative / sizeof dative[0]; i++)
			dat = dat || strcmp(w, dative[i]) == 0;
		/* "unter Karl dem Fünften"; otherwise the nominative, "Ludwig der Vierzehnte" */
		strbuf_addf(out, "%s ", dat ? "dem" : "der");
		strbuf_init(&t);
		de_ordinal(n, v, dat ? "en" : "e", &t);
	}
	t.buf[0] = (char)toupper((unsigned char)t.buf[0]);
	strbuf_adds(out, t.buf);
	strbuf_release(&t);
	if (norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* Years before 2000 read in hundreds, after the words that introduce one or alone: "1998" as
 * "neunzehnhundertachtundneunzig". */
static int de_year(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const cues[] = { "Jahr", "Jahre", "Jahres", "im", "seit", "Seit", "bis", "Bis", "von", "Von",
					    "ab", "Ab", "um", "Um", "Anfang", "Ende", "Mitte", "Sommer", "Herbst",
					    "Winter", "Frühjahr", "Januar", "Jänner", "Februar", "März", "April", "Mai",
					    "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember" };
	char w[16];
	bool cued = false;

	norm_word_before(m->text, m->start, w, sizeof w);
	for (size_t i = 0; i < sizeof cues / sizeof cues[0] && !cued; i++)
		cued = strcmp(w, cues[i]) == 0;
	/* German capitalises nouns: "1500 Menschen" is a count, "1871 gegründet" a year */
	if (!cued && norm_is_capitalised(norm_word_after(m->text, m->end, w, sizeof w)))
		return -1;
	norm_year_words(n, atoi(m->g[1]), out);
	return 0;
}

/* "10-15 Prozent", "1990–1995": the dash as "bis", the numbers left to the rules after this one
 * ("zehn bis fünfzehn Prozent"); a score ("2-1") or a falling pair is no range. */
static int de_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	if (strtod(m->g[1], NULL) >= strtod(m->g[2], NULL) && !strchr(m->g[1], ',') && !strchr(m->g[2], ','))
		return -1;
	strbuf_addf(out, "%s bis %s", m->g[1], m->g[2]);
	return 0;
}

/* "3,5 km" as "drei Komma fünf Kilometer", "1 t" as "eine Tonne", "-5 °C" as "minus fünf Grad Celsius". */
static int de_unit(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, DE_UNITS), m->g[4]);
	bool one = strcmp(m->g[2], "1") == 0 && !*m->g[3];

	if (!p || !p->value[1])
		return -1;
	if (*m->g[1])
		strbuf_adds(out, "minus ");
	else if (strcmp(m->g[4], "m") == 0 && strlen(m->g[3]) == 2 && strlen(m->g[2]) == 1) {
		/* a height: "1,80 m" as "ein Meter achtzig" */
		if (strcmp(m->g[2], "1") == 0)
			strbuf_adds(out, de_one(m->text, m->start, 'm'));
		else
			norm_cardinal(n, atoi(m->g[2]), out);
		strbuf_adds(out, " Meter");
		if (strcmp(m->g[3], "00") != 0) {
			strbuf_addc(out, ' ');
			norm_cardinal(n, atoi(m->g[3]), out);
		}
		return 0;
	}
	if (one) {
		static const char *const measures[] = { "lang", "breit", "hoch", "tief", "weit", "dick", "entfernt",
							"schwer", "länger", "höher", "weiter" };
		char next[16];
		const char *article = de_one(m->text, m->start, p->value[2] ? p->value[2][0] : 'm');

		/* "einen Kilometer lang": a measure before its adjective is in the accusative */
		norm_word_after(m->text, m->end, next, sizeof next);
		norm_bare_lower(next);
		for (size_t i = 0; i < sizeof measures / sizeof measures[0]; i++)
			if (strcmp(next, measures[i]) == 0 && strcmp(article, "ein") == 0 &&
			    (!p->value[2] || p->value[2][0] == 'm'))
				article = "einen";
		strbuf_adds(out, article);
	} else if (de_number(n, m->g[2], m->g[3], out) < 0)
		return -1;
	strbuf_addf(out, " %s", p->value[one ? 0 : 1]);
	if (util_ends_with(m->g[4], ".") && norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* "50-m-Becken" as "fünfzig-Meter-Becken", "7,5-t-Lastwagen" as "sieben Komma fünf-Tonnen-Lastwagen":
 * a measure in a compound, its unit as a word. */
static int de_unit_compound(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, DE_UNITS), m->g[3]);

	if (!p || !p->value[1] || de_number(n, m->g[1], m->g[2], out) < 0)
		return -1;
	strbuf_addf(out, "-%s-", p->value[*m->g[2] ? 1 : 0]);
	return 0;
}

/* The name of the fraction 1/den: "Drittel", "Viertel", "Zwanzigstel" (a half is its caller's). */
static void de_fraction_name(const struct normalizer *n, int den, struct strbuf *out)
{
	size_t at = out->len;

	if (den == 3)
		strbuf_adds(out, "drittel");
	else if (den == 100)
		strbuf_adds(out, "hundertstel");
	else if (den == 7)
		strbuf_adds(out, "siebtel");
	else if (den == 8)
		strbuf_adds(out, "achtel");
	else {
		norm_cardinal(n, den, out);
		strbuf_adds(out, den < 20 ? "tel" : "stel");
	}
	out->buf[at] = (char)toupper((unsigned char)out->buf[at]);
}

/* num/den: "ein Drittel", "drei Viertel"; before a noun in lower case, as Duden writes a measure
 * ("drei viertel Stunde"); a half is "ein halb", "eine halbe Stunde", "die Hälfte der Fläche". */
static void de_fraction_words(const struct normalizer *n, const struct norm_match *m, int num, int den,
			      struct strbuf *out)
{
	char next[32];
	bool noun = norm_is_capitalised(norm_word_after(m->text, m->end, next, sizeof next));

	if (den == 2 && num == 1) {
		const struct norm_list *units = norm_list(n, DE_UNITS);
		size_t len = strlen(norm_bare_lower(next));
		char g = len && next[len - 1] == 'e' ? 'f' : 0;	/* feminine nouns of measure end in -e: "Stunde" */

		if (strcmp(next, "der") == 0 || strcmp(next, "des") == 0 || strcmp(next, "aller") == 0) {
			strbuf_adds(out, "die Hälfte");	/* "½ der Fläche" */
			return;
		}
		/* a unit's gender from its list: "ein halber Liter", "ein halbes Kilogramm" */
		for (size_t i = 0; i < units->n; i++)
			if (units->items[i].value[2] && strcasecmp(units->items[i].value[0], next) == 0)
				g = units->items[i].value[2][0];
		if (!noun)
			g = 0;
		strbuf_adds(out, g == 'f'   ? "eine halbe"
				 : g == 'm' ? "ein halber"
				 : g == 'n' ? "ein halbes"
					    : "ein halb");
		return;
	}
	if (num == 1)
		strbuf_adds(out, "ein");
	else
		norm_cardinal(n, num, out);
	strbuf_addc(out, ' ');
	{
		size_t at = out->len;

		de_fraction_name(n, den, out);
		if (noun)
			out->buf[at] = (char)tolower((unsigned char)out->buf[at]);
	}
}

/* "2/3 der Befragten" as "zwei Drittel der Befragten": a proper fraction of a usual denominator
 * ("9/11" and "24/7" are names, not fractions). */
static int de_fraction(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int num = atoi(m->g[1]), den = atoi(m->g[2]);

	if (num < 1 || num >= den || (den > 10 && den != 12 && den != 20 && den != 100))
		return -1;
	de_fraction_words(n, m, num, den, out);
	return 0;
}

/* "½", "1½" as "eineinhalb", "¾" as "drei Viertel". */
static int de_fraction_sign(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const signs[][3] = { { "½", "1", "2" }, { "⅓", "1", "3" }, { "⅔", "2", "3" },
						{ "¼", "1", "4" }, { "¾", "3", "4" }, { "⅕", "1", "5" },
						{ "⅛", "1", "8" } };

	for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
		if (strcmp(m->g[2], signs[i][0]) != 0)
			continue;
		if (*m->g[1]) {
			int64_t whole = de_parse(m->g[1]);

			if (whole < 0)
				return -1;
			if (whole == 1)
				strbuf_adds(out, "ein");
			else
				norm_cardinal(n, whole, out);
			if (i == 0) {
				strbuf_adds(out, "einhalb");	/* "zweieinhalb" */
				return 0;
			}
			strbuf_adds(out, " und ");
		}
		de_fraction_words(n, m, atoi(signs[i][1]), atoi(signs[i][2]), out);
		return 0;
	}
	return -1;
}

/* "im 19. Jh." as "im neunzehnten Jahrhundert", "des 20. Jahrhunderts", and with no article "19. Jh." as
 * "neunzehntes Jahrhundert" (a neuter noun). */
static int de_century(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = atoi(m->g[1]);
	const char *ending = de_ending(m->text, m->start);
	char before[16];
	bool genitive = strcmp(norm_word_before(m->text, m->start, before, sizeof before), "des") == 0;

	if (v < 1 || v > 21)
		return -1;
	de_ordinal(n, v, strcmp(ending, "er") == 0 ? "es" : ending, out);
	strbuf_adds(out, genitive ? " Jahrhunderts" : " Jahrhundert");
	if (m->g[2][0] == 'J' && m->g[2][1] == 'h' && !genitive && norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* "2:1" as "zwei zu eins" where the sentence speaks of a game or a ratio (before the score, or just after
 * it: "2:0 gegen Bochum gewonnen"); otherwise a time or a reference, left as written. */
static int de_score(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const cues[] = { "gewann", "gewinnt", "siegte", "siegt", "Sieg", "verlor", "verliert",
					    "unterlag", "Niederlage", "Spiel", "Partie", "Finale", "endete",
					    "Endstand", "Halbzeit", "schlug", "besiegte", "Tore", "Remis",
					    "Unentschieden", "Verhältnis", "Stimmen", "Satz" };
	static const char *const after[] = { "gegen", "gewonnen", "verloren", "Sieg", "Niederlage", "Heimsieg",
					     "Auswärtssieg", "Tore", "Halbzeit", "geschlagen", "besiegt" };
	static const char *const clock[] = { "um", "Um", "gegen", "Gegen", "ab", "Ab", "bis", "Bis", "von", "Von" };
	int64_t from = m->start, to = m->end;
	bool cued = false;
	char *before, w[16];

	norm_word_before(m->text, m->start, w, sizeof w);
	for (size_t i = 0; i < sizeof clock / sizeof clock[0]; i++)
		if (strcmp(w, clock[i]) == 0)
			return -1;	/* "um 18:45": a time */
	/* "10-15 Euro" is a range even in a sentence about a game: a score is followed by no unit */
	norm_word_after(m->text, m->end, w, sizeof w);
	if (w[0] == '%' || strncmp(w, "€", 3) == 0 || strncmp(w, "Prozent", 7) == 0 || strncmp(w, "Euro", 4) == 0 ||
	    strncmp(w, "Uhr", 3) == 0 || strncmp(w, "Jahre", 5) == 0 || strncmp(w, "Minuten", 7) == 0 ||
	    strncmp(w, "Mio", 3) == 0 || strncmp(w, "Mrd", 3) == 0 || strncmp(w, "Millionen", 9) == 0)
		return -1;

	/* back to the sentence's start, or 200 bytes: a search as long as the text would make many scores slow */
	while (from > 0 && m->start - from < 200 && !(m->text[from - 1] == '.' && m->text[from] == ' '))
		from--;
	before = xstrndup(m->text + from, (size_t)(m->start - from));
	for (size_t i = 0; i < sizeof cues / sizeof cues[0] && !cued; i++)
		cued = strstr(before, cues[i]) != NULL;
	free(before);
	/* and on to the sentence's end, or 80 bytes */
	while (!cued && m->text[to] && to - m->end < 80 &&
	       !(m->text[to] == '.' && (!m->text[to + 1] || m->text[to + 1] == ' ')))
		to++;
	before = xstrndup(m->text + m->end, (size_t)(to - m->end));
	for (size_t i = 0; i < sizeof after / sizeof after[0] && !cued; i++)
		cued = strstr(before, after[i]) != NULL;
	free(before);
	if (!cued)
		return -1;
	norm_cardinal(n, atoi(m->g[1]), out);
	strbuf_adds(out, " zu ");
	norm_cardinal(n, atoi(m->g[2]), out);
	return 0;
}

/* Digits one by one: "null drei null". */
static void de_digit_string(const struct normalizer *n, const char *digits, struct strbuf *out)
{
	for (const char *d = digits; *d; d++) {
		if (!isdigit((unsigned char)*d))
			continue;
		if (d != digits)
			strbuf_addc(out, ' ');
		norm_cardinal(n, *d - '0', out);
	}
}

/* "030 1234567", "+49 30 1234567": the country code as a number, every other group digit by digit. */
static int de_telephone(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	size_t digits = 0;

	for (const char *p = m->g[3]; *p; p++)
		digits += isdigit((unsigned char)*p) != 0;
	if (strlen(m->g[2]) + digits < 6)
		return -1;	/* "030 12" is too short for a number */
	if (*m->g[1]) {
		strbuf_adds(out, "plus ");
		norm_cardinal(n, atoi(m->g[1] + 1), out);
		strbuf_addc(out, ' ');
	}
	de_digit_string(n, m->g[2], out);
	strbuf_addc(out, ' ');
	de_digit_string(n, m->g[3], out);
	return 0;
}

/* An address's punctuation as words: "beispiel Punkt de". */
static void de_address_part(const char *s, struct strbuf *out)
{
	for (; *s; s++) {
		if (*s == '.')
			strbuf_adds(out, " Punkt ");
		else if (*s == '-')
			strbuf_adds(out, " Strich ");
		else if (*s == '_')
			strbuf_adds(out, " Unterstrich ");
		else if (*s == '/')
			strbuf_adds(out, " Schrägstrich ");
		else
			strbuf_addc(out, *s);
	}
}

/* "info@beispiel.de" as "info ät beispiel Punkt de" (the "@" as German says it, "ät"); the match starts at "@". */
static int de_email(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	strbuf_adds(out, " ät ");
	de_address_part(m->g[1], out);
	return 0;
}

/* "www.beispiel.de/hilfe" as "w w w Punkt beispiel Punkt de Schrägstrich hilfe"; the scheme is not said. */
static int de_web(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *host = m->g[2];

	(void)n;
	if (m->start > 0 && (isalnum((unsigned char)m->text[m->start - 1]) || de_after(m, "@./-")))
		return -1;
	if (strcmp(m->g[1], "www.") == 0)
		strbuf_adds(out, "w w w Punkt ");
	else if (strncmp(host, "www.", 4) == 0) {
		strbuf_adds(out, "w w w Punkt ");
		host += 4;
	}
	de_address_part(host, out);
	while (out->len && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
	if (util_ends_with(out->buf, " Schrägstrich")) {
		out->len -= strlen(" Schrägstrich");
		out->buf[out->len] = '\0';
	}
	return 0;
}

/* Swiss money: "CHF 1'250.50" and "Fr. 12.50" (a point before the centimes), "Fr. 5.–" (whole francs). */
static int de_swiss_money(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = de_parse(m->g[2]);
	bool rappen = *m->g[3] && strcmp(m->g[3], "00") != 0 && isdigit((unsigned char)m->g[3][0]);

	if (v < 0)
		return -1;
	if (v == 1)
		strbuf_adds(out, "ein");
	else
		norm_cardinal(n, v, out);
	if (m->g[1][0] == 'F')
		strbuf_adds(out, " Franken");
	else {
		strbuf_addc(out, ' ');
		de_currency("CHF", out);
	}
	if (rappen) {
		strbuf_addc(out, ' ');
		norm_cardinal(n, atoi(m->g[3]), out);
	}
	return 0;
}

/* What numbers are left: "1.234.567", "3,5". */
static int de_plain_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char next[32];

	/* "1 Person" as "eine Person", "mit 1 Stimme" as "mit einer Stimme": before a noun, one is an article,
	 * its gender guessed from the noun's ending (most German nouns in -e, -ung, -heit, -keit, -ion are feminine) */
	if (*m->g[1]) {
		strbuf_adds(out, "minus ");	/* "-3,5" */
		return de_number(n, m->g[2], m->g[3], out);
	}
	if (strcmp(m->g[2], "1") == 0 && !*m->g[3] &&
	    norm_is_capitalised(norm_word_after(m->text, m->end, next, sizeof next))) {
		static const char *const feminine[] = { "e", "ung", "heit", "keit", "schaft", "ion", "son", "tät", "ik",
							"ei", "tur" };
		char g = 'n';

		norm_bare_lower(next);
		for (size_t i = 0; i < sizeof feminine / sizeof feminine[0]; i++)
			if (util_ends_with(next, feminine[i]))
				g = 'f';
		strbuf_adds(out, de_one(m->text, m->start, g));
		return 0;
	}
	return de_number(n, m->g[2], m->g[3], out);
}

/* "§ 218" as "Paragraf zweihundertachtzehn", "§§ 3 und 4" as "Paragrafen drei". */
static int de_section(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = de_parse(m->g[2]);

	if (v < 0)
		return -1;
	strbuf_adds(out, strlen(m->g[1]) > 2 ? "Paragrafen " : "Paragraf ");	/* "§" is two bytes */
	norm_cardinal(n, v, out);
	if (*m->g[3])
		strbuf_addf(out, " %s", m->g[3]);	/* "§ 5a" as "Paragraf fünf a" */
	return 0;
}

/* "die Saison 2025/26" as "zweitausendfünfundzwanzig sechsundzwanzig": a season, as it is said. */
static int de_season(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int from = atoi(m->g[1]), to = atoi(m->g[2]);

	if ((from + 1) % 100 != to % 100)
		return -1;
	norm_year_words(n, from, out);
	strbuf_addc(out, ' ');
	if (to % 100)
		norm_cardinal(n, to % 100, out);	/* "2023/2024" is said as "2023/24" */
	else
		norm_year_words(n, to < 100 ? from + 1 : to, out);
	return 0;
}

/* "die 1980er Jahre" as "die neunzehnhundertachtziger Jahre", "80er" as "achtziger": a decade. */
static int de_decade(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = atoi(m->g[1]);

	if (v % 10)
		return -1;
	if (v >= 1000)
		norm_year_words(n, v, out);
	else
		norm_cardinal(n, v, out);
	strbuf_adds(out, "er");
	return 0;
}

static const struct norm_rule_def de_rules[] = {
	/* addresses first: their dots and digits are no one else's */
	/* ICU tries a pattern only where its first character can match: an address's rules start at the
	 * rare "@", "http" and "www." (the name before an "@" stays as written: espeak-ng reads it) */
	{ "email", "(?<=[A-Za-z0-9])@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})(?![\\w@])", de_email,
	  NORM_NO_LIST },
	{ "web",
	  "(https?://|www\\.)([a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:de|at|ch|com|org|net|eu|info|io)"
	  "(?:/[\\w/.-]*[\\w/])?)(?![\\w@])",
	  de_web, NORM_NO_LIST },
	{ "telephone",
	  "(?:(\\+\\d{2,3})\\s?(?:\\(0\\)\\s?)?|(?<![\\w.,+/-])\\(?(?=0))(\\d{2,5})\\)?[ /-](\\d{2,8}(?:[ -]\\d{1,6})?)"
	  "(?![\\w]|[.,]\\d)",
	  de_telephone, NORM_NO_LIST },
	{ "iso-date", "(?<![\\w.,-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\w-]|[.,]\\d)", de_iso_date, NORM_NO_LIST },
	{ "score-dash", "(?<![\\w.,:-])(\\d{1,2})-(\\d{1,2})(?![\\w:-]|[.,]\\d)", de_score, NORM_NO_LIST },
	{ "season", "(?<![\\w.,/])(1[89]\\d{2}|20\\d{2})/(\\d{2}|\\d{4})(?![\\w/]|[.,]\\d)", de_season, NORM_NO_LIST },
	/* the dash of a range becomes "bis"; its numbers are the later rules' */
	{ "range", "(?<![\\w.,/'’+\\-–])(?!0\\d)(\\d+(?:,\\d+)?)(?:-|\\s?–\\s?)(\\d+(?:,\\d+)?)(?![\\w]|[.,:]\\d|[-–]\\d)",
	  de_range, NORM_NO_LIST },
	{ "swiss-money", "(CHF|Fr\\.)\\s?(\\d{1,3}(?:['’]\\d{3})+|\\d+)(?:\\.(\\d{2}|[–-]{1,2}))?(?![\\w'’]|[.,]\\d)",
	  de_swiss_money, NORM_NO_LIST },
	{ "money-after",
	  "(?<![\\w.,])" DE_INT "(?:,(\\d+|[-–]{1,2}(?!\\d)))?(?:\\s?" DE_MAGNITUDES ")?\\s?" DE_CURRENCIES
	  "(?![\\w])",
	  de_money_after, NORM_NO_LIST },
	{ "money-before", "(€|\\$|£)\\s?" DE_INT "(?:,(\\d+))?(?:\\s?" DE_MAGNITUDES ")?(?![\\w,]\\d)", de_money_before,
	  NORM_NO_LIST },
	{ "percent", "(?:(?<![^\\s(])([-−–+]))?(?<![\\w.,])" DE_INT "(?:,(\\d+))?\\s?(?:%|Prozent\\b)", de_percent,
	  NORM_NO_LIST },
	{ "numeric-date", "(?<![\\w.,])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b(?![.,]\\d)", de_numeric_date, NORM_NO_LIST },
	{ "day-range",
	  "(?<![\\w.,])(\\d{1,2})\\.\\s*(\\s(?:bis|bis zum|und)\\s|[–-])\\s*(\\d{1,2})\\.\\s+" DE_MONTHS
	  "\\b(?:\\s+(\\d{4})\\b(?![.,]\\d))?",
	  de_day_range, NORM_NO_LIST },
	{ "day-month", "(?<![\\w.,])(\\d{1,2})\\.\\s+" DE_MONTHS "\\b(?:\\s+(\\d{4})\\b(?![.,]\\d))?", de_day_month,
	  NORM_NO_LIST },
	{ "day-month-short",
	  "(?<![\\w.,])(\\d{1,2})\\.\\s+(Jan|Febr?|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\\.(?:\\s+(\\d{4})\\b(?![.,]\\d))?",
	  de_day_month_short, NORM_NO_LIST },
	{ "numeric-day-month", "(?<![\\w.,])(\\d{1,2})\\.(\\d{1,2})\\.(?![\\d])", de_numeric_day_month, NORM_NO_LIST },
	{ "century", "(?<![\\w.,])(\\d{1,2})\\.\\s?(Jh\\.|Jhd\\.|Jahrhunderts?)(?!\\w)", de_century, NORM_NO_LIST },
	{ "time", "(?<![\\w.,:])(\\d{1,2})(?:[.:](\\d{2}))?(?::(\\d{2}))?\\s?Uhr\\b", de_time, NORM_NO_LIST },
	{ "clock", "\\b([Uu]m|[Gg]egen|[Aa]b|[Bb]is|[Vv]on)\\s+(\\d{1,2}):(\\d{2})(?![\\w:]|[.,]\\d)", de_clock,
	  NORM_NO_LIST },
	{ "score", "(?<![\\w.,:])(\\d{1,2}):(\\d{1,2})(?![\\w:]|[.,]\\d)", de_score, NORM_NO_LIST },
	{ "fraction-sign", "(?<![\\w.,])(\\d{1,3})?([½⅓⅔¼¾⅕⅛])", de_fraction_sign, NORM_NO_LIST },
	{ "fraction", "(?<![\\w.,/])(\\d{1,2})/(\\d{1,3})(?![\\w/]|[.,]\\d)", de_fraction, NORM_NO_LIST },
	{ "unit-compound", "(?<![\\w.,'’-])" DE_INT "(?:,(\\d+))?-(%s)-(?=\\p{L})", de_unit_compound, DE_UNITS },
	{ "unit", "(?<![\\w.,'’])([-−])?" DE_INT "(?:,(\\d+))?\\s?(%s)(?![\\w²³/])", de_unit, DE_UNITS },
	{ "magnitude", "(?<![\\w.,])" DE_INT "(?:,(\\d+))?\\s?" DE_MAGNITUDES "(?!\\w)", de_amount_rule, NORM_NO_LIST },
	{ "ordinal",
	  "(?<![\\w.,])(\\d{1,3})\\.(?=\\s+[A-ZÄÖÜ])",
	  de_ordinal_rule, NORM_NO_LIST },
	{ "roman", "\\b([IVXLC]{1,6})\\.(?=\\s|$)", de_roman, NORM_NO_LIST },
	{ "street", "(?<=[a-zäöüß])str\\.(?=[\\s,;]|$)", de_street, NORM_NO_LIST },
	/* every key starts with a word of a few letters and its full stop: the lookahead turns most words away
	 * before the alternation of all the keys is tried */
	{ "abbreviation", "\\b(?=\\p{L}{1,8}\\.)(%s)(?!\\w)", de_expansion, DE_EXPANSIONS },
	/* a year after the words that introduce one, or where no capitalised noun follows ("1500 Menschen" is a count) */
	{ "year",
	  "(?<![\\w.,])(1[1-9]\\d{2}|20\\d{2})\\b(?![.,]\\d)", de_year, NORM_NO_LIST },
	{ "section", "(§§?)\\s?(\\d{1,4})([a-z]?)(?!\\w)", de_section, NORM_NO_LIST },
	{ "decade", "(?<![\\w.,])(\\d{2}|1[1-9]\\d{2}|20\\d{2})er(?=[\\s-]|$)", de_decade, NORM_NO_LIST },
	{ "number", "(?:(?<![^\\s(])([-−]))?(?<![\\w.,])" DE_INT "(?:,(\\d+))?(?![\\w]|[.,]\\d)", de_plain_number,
	  NORM_NO_LIST },
};

const struct norm_language norm_de = {
	"de", "de", de_lists, sizeof de_lists / sizeof de_lists[0], de_rules, sizeof de_rules / sizeof de_rules[0],
	"%spellout-numbering", "%spellout-ordinal-n",
};
