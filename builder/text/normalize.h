/* normalize: rewrites text for the ear (numbers, dates, money, units, abbreviations) per language. */
#ifndef NEWSCAST_NORMALIZE_H
#define NEWSCAST_NORMALIZE_H

#include <stdbool.h>

struct normalizer;	/* opaque: the compiled rules of one language */

/* A normalizer for a language tag ("en", "en-us", "en-gb-x-rp": the part
 * before the first '-' chooses). Rules are read from rules_dir/LANG/. A
 * language without rules gets a normalizer that passes text through. Returns
 * NULL after reporting an error in a rules file. */
struct normalizer *normalize_new(const char *language, const char *rules_dir);
void normalize_free(struct normalizer *n);

/* The language whose rules n applies ("*" for the fallback that spells numbers through ICU in
 * any language it has rules for), or NULL when it passes text through. */
const char *normalize_language(const struct normalizer *n);
/* Whether n is the fallback: the numbers of a language with no rules of its own. */
bool normalize_is_fallback(const struct normalizer *n);

/* The text rewritten as a newsreader would say it, as a new string. Runs in
 * time linear in the length of text (each rule is one pass). */
char *normalize_text(struct normalizer *n, const char *text);

#endif
