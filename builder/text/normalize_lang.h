/* normalize_lang: what a language gives the normalizer (code, word lists, rules) and what the engine gives its rules. */
#ifndef NEWSCAST_NORMALIZE_LANG_H
#define NEWSCAST_NORMALIZE_LANG_H

#include "normalize.h"
#include "util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A language is a file, normalize_LANG.c, holding a struct norm_language and
 * the functions of its rules, and a folder of word lists, rules/LANG/; the engine
 * (normalize.c) lists the languages. Each rule is an ICU regular expression run
 * over the whole text in one pass and a function that writes the spoken form of a
 * match, or declines it; the rules run in the order of their table.
 */

#define NORM_GROUPS 10
/* Numbers longer than this are left to espeak-ng: no one says them. */
#define NORM_MAX_DIGITS 15

struct norm_match {
	const char *text;	/* the pass's input */
	int64_t start, end;	/* the match, in bytes */
	char *g[NORM_GROUPS];	/* each group's text; "" when it did not take part */
};

/* Writes the spoken form of m to out and returns 0; or returns non-zero to decline
 * it, and the match stays as written (whatever the function wrote is taken back). */
typedef int (*norm_fn)(struct normalizer *n, const struct norm_match *m, struct strbuf *out);

/* ---- the row of a language ---- */

/* A word list: a file of the language's folder, of "KEY = V1 | V2 ... [*] [when CONDITION]"
 * lines, or of bare "KEY" lines; # starts a comment line. */
struct norm_list_file {
	const char *file;
	bool bare;
};

#define NORM_NO_LIST (-1)

struct norm_rule_def {
	const char *name;	/* for messages */
	const char *pattern;	/* ICU regular expression */
	norm_fn fn;
	int list;	/* NORM_NO_LIST, or the list whose keys (longest first, escaped) fill the
			 * pattern's one "%s" as a group "(?:KEY|KEY...)" */
};

struct norm_language {
	const char *code;	/* the first part of a language tag: "en" for "en-gb-x-rp" */
	const char *locale;	/* ICU's, for its number spell-out rules */
	const struct norm_list_file *lists;	/* loaded in this order; the rules find them by index */
	size_t n_lists;
	const struct norm_rule_def *rules;	/* in the order they run */
	size_t n_rules;
	/* ICU's rule sets where the locale's differ from English's; NULL: "%spellout-cardinal", "%spellout-ordinal" */
	const char *cardinal_ruleset, *ordinal_ruleset;
	/* ICU's locale for a tag whose region changes the words ("pt-PT": "dezasseis", "mil milhões"); NULL: locale */
	const char *(*locale_of)(const char *tag);
};

extern const struct norm_language norm_en;
extern const struct norm_language norm_de;
/* the fallback for a language with no row, when ICU spells numbers in it (normalize_any.c) */
extern const struct norm_language norm_any;
extern const struct norm_language norm_fr;
extern const struct norm_language norm_it;
extern const struct norm_language norm_es;
extern const struct norm_language norm_pt;

/* ---- word lists ---- */

/* The flags of a "KEY = VALUE" line: "*" and its "when" condition. */
enum {
	NORM_MAY_END = 1,
	NORM_BEFORE_NAME = 2,
	NORM_AFTER_NAME = 4,
	NORM_BEFORE_NUMBER = 8,
	NORM_BETWEEN_NAMES = 16,
	NORM_SPACED = 32,
};

struct norm_pair {
	char *key;
	char *value[4];	/* NULL past the values given */
	int flags;
};

struct norm_list {
	struct norm_pair *items;	/* in the file's order */
	size_t n, cap;
};

/* The language's list at index i of its lists. */
const struct norm_list *norm_list(const struct normalizer *n, int i);
const struct norm_pair *norm_list_find(const struct norm_list *l, const char *key);
bool norm_in_list(const struct norm_list *l, const char *word);
/* Whether l, a bare list of "KIND WORDS" lines, has the line "kind word". */
bool norm_list_has(const struct norm_list *l, const char *kind, const char *word);

/* The language tag n was made for, as given: "en-gb-x-rp" (its region chooses
 * between a language's customs, such as the order of a numeric date). */
const char *norm_tag(const struct normalizer *n);
/* ICU's locale n spells numbers in: the language's, its locale_of's for n's tag ("pt_PT"), or the
 * tag's for the fallback ("sv"). */
const char *norm_locale(const struct normalizer *n);

/* The locale's decimal and grouping symbols as ICU has them (",", "\u00a0"), looked up once; "" when
 * ICU has none. */
const char *norm_decimal(const struct normalizer *n);
const char *norm_grouping(const struct normalizer *n);
/* ICU's name of the currency of ISO code iso in locale, for one or more ("euro", "euros"), as UTF-8
 * into buf; -1 when ICU has none or buf is too small. */
int norm_currency(const char *locale, const char *iso, bool plural, char *buf, size_t size);
/* ICU's name of month 1..12 in locale ("Juli", "juillet"; de_AT's "Jänner"). */
void norm_month(const char *locale, int month, struct strbuf *out);

/* ---- numbers: ICU's spell-out rules for the language's locale ---- */

/* Digits with optional thousands separators as a number; -1 when it is not one or longer than NORM_MAX_DIGITS. */
int64_t norm_parse_grouped(const char *s, char separator);
/* norm_parse_grouped with English's comma ("1,234,567"). */
int64_t norm_parse_int(const char *s);
/* Appends " WORD" and the digits one by one, as a decimal's fraction is read: " point three four". */
void norm_digits(const struct normalizer *n, const char *word, const char *digits, struct strbuf *out);
void norm_cardinal(const struct normalizer *n, int64_t v, struct strbuf *out);
void norm_ordinal(const struct normalizer *n, int64_t v, struct strbuf *out);
/* ICU's %spellout-numbering-year, as ICU writes it. */
void norm_year_words(const struct normalizer *n, int64_t v, struct strbuf *out);
/* v in the locale's rule set named ruleset ("%spellout-ordinal-feminine", "%spellout-cardinal-masculine");
 * -1 (nothing written) when the locale has no such set; opened once, then kept by n. Every spell-out drops ICU's soft hyphens. */
#define NORM_SPELLS 8
/* v, a decimal, in the cardinal rule set's words ("tre komma fem"); -1 when there is none. */
int norm_spell_double(const struct normalizer *n, double v, struct strbuf *out);
int norm_spell(struct normalizer *n, const char *ruleset, int64_t v, struct strbuf *out);

/* ---- the text around a match ---- */

/* The word that ends just before byte at (skipping spaces), copied into buf. */
const char *norm_word_before(const char *text, int64_t at, char *buf, size_t size);
/* The word that starts just after byte at (skipping spaces), copied into buf. */
const char *norm_word_after(const char *text, int64_t at, char *buf, size_t size);
/* Whether w's first letter is a capital (past opening quotes and brackets). */
bool norm_is_capitalised(const char *w);
/* Lower-cases ASCII letters of w and strips trailing punctuation, in place. */
char *norm_bare_lower(char *w);
/* Whether a match ends the text (or the sentence): its last full stop is then kept. */
bool norm_at_end(const struct norm_match *m);

#endif
