/* normalize_de: German's rules — ICU's de spell-out for numbers, years and ordinals; dates, times, money, percentages. */
#include "normalize_lang.h"

#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

enum { DE_EXPANSIONS };

static const struct norm_list_file de_lists[] = {
	{ "expansions", false },
};

#define DE_MONTHS "(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
/* a number as German writes it: "1.234.567" or "1234", and "3,5" */
#define DE_INT "(\\d{1,3}(?:\\.\\d{3})+|\\d+)"
#define DE_MAGNITUDES "(Mio\\.|Mrd\\.|Tsd\\.|Millionen|Milliarden|Million|Milliarde)"

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
					      "einem", "einen", "ihrem", "seinem", "ihren", "seinen" };
	static const char *const nominative[] = { "der", "Der", "die", "Die", "das", "Das" };
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
	int64_t v = norm_parse_grouped(integer, '.');

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
	else
		strbuf_adds(out, "Tausend");
}

/* The number before a magnitude, feminine when it is one: "eine Million". */
static int de_amount(const struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		     struct strbuf *out)
{
	bool one = strcmp(integer, "1") == 0 && !*decimals;

	if (magnitude[0] == 'T' && !*decimals) {
		int64_t v = norm_parse_grouped(integer, '.');

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
	UErrorCode err = U_ZERO_ERROR;
	UChar iso[4];
	UBool is_choice;
	int32_t len;
	const UChar *name;
	char utf8[128];

	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
		if (strcmp(written, symbols[i][0]) != 0)
			continue;
		u_uastrcpy(iso, symbols[i][1]);
		name = ucurr_getPluralName(iso, "de", &is_choice, "other", &len, &err);
		u_strToUTF8(utf8, sizeof utf8, NULL, name, len, &err);
		if (U_SUCCESS(err)) {
			strbuf_adds(out, utf8);
			return;
		}
	}
	strbuf_adds(out, written);
}

/* "3,5 Mio. €", "12,50 €", "100 Dollar": the cents of a plain amount after the currency. */
static int de_money(const struct normalizer *n, const char *integer, const char *decimals, const char *magnitude,
		    const char *currency, struct strbuf *out)
{
	bool cents = strlen(decimals) == 2 && !*magnitude;

	if (strcmp(integer, "1") == 0 && !*magnitude && (cents || !*decimals))
		strbuf_adds(out, "ein");	/* "ein Euro neunzehn" */
	else if (de_amount(n, integer, cents ? "" : decimals, magnitude, out) < 0)
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
	return de_money(n, m->g[1], m->g[2], m->g[3], m->g[4], out);
}

static int de_money_before(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return de_money(n, m->g[2], m->g[3], m->g[4], m->g[1], out);
}

static int de_percent(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (de_number(n, m->g[1], m->g[2], out) < 0)
		return -1;
	strbuf_adds(out, " Prozent");
	return 0;
}

static int de_amount_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return de_amount(n, m->g[1], m->g[2], m->g[3], out);
}

/* ICU's German name of month 1..12. */
static void de_month(int month, struct strbuf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UDateFormat *df = udat_open(UDAT_NONE, UDAT_LONG, "de", NULL, 0, NULL, 0, &err);
	UChar name[64];
	char utf8[192];
	int32_t len;

	if (U_FAILURE(err))
		return;
	len = udat_getSymbols(df, UDAT_MONTHS, month - 1, name, 64, &err);
	u_strToUTF8(utf8, sizeof utf8, NULL, name, len, &err);
	if (U_SUCCESS(err))
		strbuf_adds(out, utf8);
	udat_close(df);
}

/* "24.07.2013" and "24. Juli 2013": the day an ordinal, the month by name, the year as a year. */
static int de_date(const struct normalizer *n, const struct norm_match *m, int day, int month,
		   const char *month_name, const char *year, struct strbuf *out)
{
	if (day < 1 || day > 31 || month < 0 || month > 12)
		return -1;
	de_ordinal(n, day, de_ending(m->text, m->start), out);
	strbuf_addc(out, ' ');
	if (month)
		de_month(month, out);
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

static int de_day_month(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return de_date(n, m, atoi(m->g[1]), 0, m->g[2], m->g[3], out);
}

/* "vom 4. bis zum 8. September", "20.–22. November": both days ordinals, the month once. */
static int de_day_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int from = atoi(m->g[1]), to = atoi(m->g[3]);
	bool zum = strstr(m->g[2], "zum") != NULL;

	if (from < 1 || from > 31 || to < 1 || to > 31)
		return -1;
	de_ordinal(n, from, de_ending(m->text, m->start), out);
	strbuf_adds(out, zum ? " bis zum " : " bis ");
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
	int hour = atoi(m->g[1]), minute = *m->g[2] ? atoi(m->g[2]) : 0;

	if (hour > 24 || minute > 59)
		return -1;
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

static int de_expansion(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, DE_EXPANSIONS), m->g[1]);

	if (!p)
		return -1;
	strbuf_adds(out, p->value[0]);
	return 0;
}

/* "Hauptstr." as "Hauptstraße". */
static int de_street(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	strbuf_addf(out, "%sstraße", m->g[1]);
	if (norm_at_end(m))
		strbuf_addc(out, '.');
	return 0;
}

/* "der 5. Platz" as "der fünfte Platz": an ordinal after an article or a preposition with one. */
static int de_ordinal_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v = norm_parse_grouped(m->g[2], '.');

	if (v < 1)
		return -1;
	strbuf_adds(out, m->g[1]);
	strbuf_addc(out, ' ');
	de_ordinal(n, v, strcmp(de_ending(m->text, m->start + (int64_t)strlen(m->g[1])), "e") == 0 ? "e" : "en",
		   out);
	return 0;
}

/* "Ludwig XIV." as "Ludwig der Vierzehnte". */
static int de_roman(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const digits = "IVXLC";
	static const int values[] = { 1, 5, 10, 50, 100 };
	int v = 0, prev = 0;
	size_t len = strlen(m->g[2]);
	struct strbuf t;

	for (size_t i = len; i-- > 0;) {
		int d = values[strchr(digits, m->g[2][i]) - digits];

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

		norm_word_before(m->text, m->start, w, sizeof w);
		for (size_t i = 0; i < sizeof dative / sizeof dative[0]; i++)
			dat = dat || strcmp(w, dative[i]) == 0;
		/* "unter Karl dem Fünften"; otherwise the nominative, "Ludwig der Vierzehnte" */
		strbuf_addf(out, "%s %s ", m->g[1], dat ? "dem" : "der");
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

/* Years before 2000 read in hundreds after the words that introduce one: "1998" as "neunzehnhundertachtundneunzig". */
static int de_year_rule(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	strbuf_adds(out, m->g[1]);
	strbuf_addc(out, ' ');
	norm_year_words(n, atoi(m->g[2]), out);
	return 0;
}

static int de_year_bare(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	norm_year_words(n, atoi(m->g[1]), out);
	return 0;
}

/* What numbers are left: "1.234.567", "3,5". */
static int de_plain_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return de_number(n, m->g[1], m->g[2], out);
}

static const struct norm_rule_def de_rules[] = {
	{ "money-after",
	  "(?<![\\w.,])" DE_INT "(?:,(\\d+))?(?:\\s?" DE_MAGNITUDES ")?\\s?(€|\\$|£|CHF|Euro|US-Dollar|Dollar|Pfund|Franken)"
	  "(?![\\w])",
	  de_money_after, NORM_NO_LIST },
	{ "money-before", "(€|\\$|£)\\s?" DE_INT "(?:,(\\d+))?(?:\\s?" DE_MAGNITUDES ")?(?![\\w,]\\d)", de_money_before,
	  NORM_NO_LIST },
	{ "percent", "(?<![\\w.,])" DE_INT "(?:,(\\d+))?\\s?(?:%|Prozent\\b)", de_percent, NORM_NO_LIST },
	{ "numeric-date", "(?<![\\w.,])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b(?![.,]\\d)", de_numeric_date, NORM_NO_LIST },
	{ "day-range",
	  "(?<![\\w.,])(\\d{1,2})\\.\\s*(\\s(?:bis|bis zum)\\s|[–-])\\s*(\\d{1,2})\\.\\s+" DE_MONTHS
	  "\\b(?:\\s+(\\d{4})\\b(?![.,]\\d))?",
	  de_day_range, NORM_NO_LIST },
	{ "day-month", "(?<![\\w.,])(\\d{1,2})\\.\\s+" DE_MONTHS "\\b(?:\\s+(\\d{4})\\b(?![.,]\\d))?", de_day_month,
	  NORM_NO_LIST },
	{ "time", "(?<![\\w.,])(\\d{1,2})(?:[.:](\\d{2}))?\\s?Uhr\\b", de_time, NORM_NO_LIST },
	{ "magnitude", "(?<![\\w.,])" DE_INT "(?:,(\\d+))?\\s?" DE_MAGNITUDES "(?!\\w)", de_amount_rule, NORM_NO_LIST },
	{ "ordinal",
	  "\\b(der|die|das|dem|den|des|am|im|zum|zur|vom|beim|Der|Die|Das|Am|Im|Zum|Beim|Vom)\\s+(\\d{1,3})\\.(?=\\s+[A-ZÄÖÜ])",
	  de_ordinal_rule, NORM_NO_LIST },
	{ "roman", "\\b([A-Z][a-zäöüß]+)\\s+([IVXLC]{1,6})\\.(?=\\s|$)", de_roman, NORM_NO_LIST },
	{ "street", "\\b([A-ZÄÖÜ][a-zäöüß]+)str\\.(?=[\\s,;]|$)", de_street, NORM_NO_LIST },
	{ "abbreviation", "(?<![\\w.])(%s)(?!\\w)", de_expansion, DE_EXPANSIONS },
	{ "year",
	  "\\b(Jahr|Jahre|Jahres|im|seit|Seit|bis|Bis|von|Von|ab|Ab|um|Um|Anfang|Ende|Mitte|Sommer|Herbst|Winter|Frühjahr|"
	  "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\\s+(1[1-9]\\d{2}|20\\d{2})"
	  "\\b(?![.,]\\d)",
	  de_year_rule, NORM_NO_LIST },
	/* German capitalises nouns: "1500 Menschen" is a count, "1871 gegründet" a year */
	{ "year-bare", "(?<![\\w.,])(1[1-9]\\d{2}|20\\d{2})\\b(?![.,]\\d)(?!\\s+[A-ZÄÖÜ])", de_year_bare,
	  NORM_NO_LIST },
	{ "number", "(?<![\\w.,])" DE_INT "(?:,(\\d+))?(?![\\w]|[.,]\\d)", de_plain_number, NORM_NO_LIST },
};

const struct norm_language norm_de = {
	"de", "de", de_lists, sizeof de_lists / sizeof de_lists[0], de_rules, sizeof de_rules / sizeof de_rules[0],
	"%spellout-numbering", "%spellout-ordinal-n",
};
