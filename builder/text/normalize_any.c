/* normalize_any: every other language ICU spells numbers in — numbers with the locale's separators, in its words. */
#include "normalize_lang.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

/*
 * For a language with no rules of its own, written in the Latin, Cyrillic or Greek script:
 * ICU's spell-out in its locale reads the numbers written with the locale's separators,
 * which espeak-ng misreads ("1 234,5" is "ett tusen tvåhundratrettiofyra punkt fem" to its
 * Swedish voice, and its Ukrainian one drops the thousand). A number of bare digits and a
 * year are left to espeak-ng, which says them right in each of its languages, where ICU's
 * year rules are sometimes a case form (Russian's is a genitive ordinal). So is the rest:
 * ordinals ("24." before more text), dates, money, units, and numbers in another locale's
 * style. ICU's words in other scripts are not read well (Japanese kanji are "Chinese
 * letter" to espeak-ng), so those languages pass through (norm_any_locale).
 */

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
	const char *after = m->text + m->end;
	struct strbuf t;
	bool whole;
	double v;
	int ret = 0;

	/* "24." before more text: an ordinal in the languages that write one so */
	if (*after == '.' && !norm_at_end(m) && after[1] != '\0')
		return -1;
	if (!*norm_decimal(n) || !*norm_grouping(n))
		return -1;
	if (strspn(m->g[1], "0123456789") == strlen(m->g[1]))	/* bare digits: espeak-ng's */
		return -1;
	if ((v = any_parse(m->g[1], norm_decimal(n), norm_grouping(n), &whole)) < 0)
		return -1;
	strbuf_init(&t);
	if (whole)
		norm_cardinal(n, (int64_t)v, &t);
	else if (norm_spell_double(n, v, &t) < 0)
		ret = -1;
	/* Ukrainian's words have U+02BC ("девʼять"), which espeak-ng reads out; it knows the apostrophe */
	for (const char *p = t.buf; ret == 0 && *p; p++) {
		if (strncmp(p, "\xca\xbc", 2) == 0) {
			strbuf_addc(out, '\'');
			p++;
		} else {
			strbuf_addc(out, *p);
		}
	}
	strbuf_release(&t);
	return ret;
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
