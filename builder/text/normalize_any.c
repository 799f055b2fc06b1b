/* normalize_any: every other language ICU spells numbers in — cardinals, decimals and years in the locale's words. */
#include "normalize_lang.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

/*
 * For a language with no rules of its own, ICU's spell-out in its locale reads the
 * numbers whose separators are the locale's ("1 234 567,5" in Swedish, "1.234" in
 * Dutch) and bare years. What a language writes in its own way (ordinals, dates,
 * money, units) is left to espeak-ng, which reads most of it in that language; so is
 * a number whose separators are not the locale's, and "24." before more text, which
 * is an ordinal in many of these languages and espeak-ng says it as one.
 */

/* The locale's decimal and grouping symbols as UTF-8 (",", "\u00a0"); false when ICU has none. */
static bool any_symbols(const char *locale, char *decimal, char *grouping, size_t size)
{
	UErrorCode err = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &err);
	UChar u[8];
	int32_t n;

	if (U_FAILURE(err))
		return false;
	n = unum_getSymbol(f, UNUM_DECIMAL_SEPARATOR_SYMBOL, u, 8, &err);
	u_strToUTF8(decimal, (int32_t)size, NULL, u, n, &err);
	n = unum_getSymbol(f, UNUM_GROUPING_SEPARATOR_SYMBOL, u, 8, &err);
	u_strToUTF8(grouping, (int32_t)size, NULL, u, n, &err);
	unum_close(f);
	return U_SUCCESS(err);
}

/* Whether s starts with a space a writer types for the locale's space-like grouping. */
static size_t any_space(const char *s)
{
	if (*s == ' ')
		return 1;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* A number written with the locale's separators, as a double; -1 when the separators are not the locale's. */
static double any_parse(const char *s, const char *decimal, const char *grouping, bool *whole)
{
	bool spaced = any_space(grouping) > 0;
	double v = 0, scale = 0.1;
	int digits = 0, group = -1;	/* digits since the last grouping symbol; -1: none seen */
	bool in_fraction = false;

	*whole = true;
	if (s[0] == '0' && s[1] >= '0' && s[1] <= '9')	/* "007", "0301": a code, read digit by digit */
		return -1;
	while (*s) {
		size_t sep = spaced ? any_space(s) : strncmp(s, grouping, strlen(grouping)) == 0 ? strlen(grouping) : 0;

		if (*s >= '0' && *s <= '9') {
			if (++digits > NORM_MAX_DIGITS)
				return -1;
			if (in_fraction) {
				v += (*s - '0') * scale;
				scale /= 10;
			} else {
				v = v * 10 + (*s - '0');
				if (group >= 0 && ++group > 3)
					return -1;
			}
			s++;
		} else if (!in_fraction && sep && (group < 0 ? digits <= 3 : group == 3)) {
			group = 0;
			s += sep;
		} else if (!in_fraction && strncmp(s, decimal, strlen(decimal)) == 0 && (group < 0 || group == 3)) {
			in_fraction = true;
			*whole = false;
			s += strlen(decimal);
		} else {
			return -1;
		}
	}
	return group < 0 || group == 3 ? v : -1;
}

static int any_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char decimal[8], grouping[8];
	const char *after = m->text + m->end;
	bool whole;
	double v;

	/* "24." before more text: an ordinal in the languages that write one so */
	if (*after == '.' && !norm_at_end(m) && after[1] != '\0')
		return -1;
	if (!any_symbols(norm_locale(n), decimal, grouping, sizeof decimal))
		return -1;
	if ((v = any_parse(m->g[1], decimal, grouping, &whole)) < 0)
		return -1;
	/* a bare year, in the words the locale says years in */
	if (whole && strlen(m->g[1]) == 4 && v >= 1100 && v <= 2099) {
		norm_year_words(n, (int64_t)v, out);
		return 0;
	}
	if (whole) {
		norm_cardinal(n, (int64_t)v, out);
		return 0;
	}
	return norm_spell_double(n, v, out);
}

static const struct norm_rule_def any_rules[] = {
	/* digits and the separators any locale uses, no letter or digit around; any_parse decides */
	{ "number",
	  "(?<![\\w.,'’])(\\d{1,3}(?:[.,'’ \\x{00A0}\\x{202F}]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)(?![\\w]|[.,]\\d)",
	  any_number, NORM_NO_LIST },
};

const struct norm_language norm_any = {
	"*", NULL, NULL, 0, any_rules, sizeof any_rules / sizeof any_rules[0], "%spellout-numbering", NULL,
};
