/* normalize_lang: what the normalization engine (normalize.c) gives a language's rules (normalize_LANG.c). */
#ifndef NEWSCAST_NORMALIZE_LANG_H
#define NEWSCAST_NORMALIZE_LANG_H

#include "normalize.h"
#include "util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <unicode/unum.h>
#include <unicode/uregex.h>

#define NORM_GROUPS 10
/* Numbers longer than this are left to espeak-ng: no one says them. */
#define NORM_MAX_DIGITS 15

struct norm_match {
	const char *text;	/* the pass's input */
	int64_t start, end;	/* the match, in bytes */
	char *g[NORM_GROUPS];	/* each group's text; "" when it did not take part */
};

typedef int (*norm_fn)(struct normalizer *n, const struct norm_match *m, struct strbuf *out);

struct norm_rule {
	const char *name;
	URegularExpression *re;
	norm_fn fn;
};

struct norm_pair {
	char *key;
	char *value[4];
	int flags;
};

struct norm_list {
	struct norm_pair *items;
	size_t n, cap;
};

struct normalizer {
	char *language;		/* NULL: pass through */
	UNumberFormat *cardinal, *year, *ordinal;
	struct norm_rule *rules;
	size_t n_rules, cap_rules;
	struct norm_list expansions, units, currencies, acronyms, roman, year_context;
};

enum {
	NORM_MAY_END = 1,
	NORM_BEFORE_NAME = 2,
	NORM_AFTER_NAME = 4,
	NORM_BEFORE_NUMBER = 8,
	NORM_BETWEEN_NAMES = 16,
	NORM_SPACED = 32,
};

const struct norm_pair *norm_list_find(const struct norm_list *l, const char *key);
int norm_load(struct norm_list *l, const char *dir, const char *file, bool bare);
void norm_format(const UNumberFormat *f, int64_t v, struct strbuf *out);
int64_t norm_parse_int(const char *s);
void norm_cardinal(const struct normalizer *n, int64_t v, struct strbuf *out);
void norm_ordinal(const struct normalizer *n, int64_t v, struct strbuf *out);
const char *norm_word_before(const char *text, int64_t at, char *buf, size_t size);
const char *norm_word_after(const char *text, int64_t at, char *buf, size_t size);
bool norm_is_capitalised(const char *w);
char *norm_bare_lower(char *w);
bool norm_in_list(const struct norm_list *l, const char *word);
bool norm_word_is(const char *w, const char *const *list);
bool norm_at_end(const struct norm_match *m);
char *norm_alternation(const struct norm_list *l);
int norm_add_rule(struct normalizer *n, const char *name, const char *pattern, norm_fn fn);

int norm_setup_en(struct normalizer *n, const char *dir);

#endif
