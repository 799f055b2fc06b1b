/* clean: removes what must not be spoken (promos, captions, credits, repeats) using rules from a data file. */
#ifndef NEWSCAST_CLEAN_H
#define NEWSCAST_CLEAN_H

#include "document.h"

#include <stddef.h>

struct clean_rules;	/* opaque: compiled patterns */

/* A new, empty rule set; free it with clean_rules_free. */
struct clean_rules *clean_rules_new(void);
void clean_rules_free(struct clean_rules *rules);

/* Adds the rules in the file at path (the format: builder/rules/boilerplate.rules's head:
 * "NAME MAX-WORDS PATTERN" lines, "{name} = PATTERN" definitions that later patterns use as
 * {name}, and "then NAME MAX-WORDS PATTERN" rules that apply only to a block right after one
 * removed by the rule above them or by another of its "then" rules). Reports "'PATH' line N:
 * ..." and returns -1 on a malformed rule; rules read before the error stay. */
int clean_rules_load(struct clean_rules *rules, const char *path);
/* Adds rules from text (the file's format); name is used in messages. */
int clean_rules_parse(struct clean_rules *rules, const char *name, const char *text);
/* The rules file of a language, DIR/LANG/boilerplate.rules (LANG: the tag's language, "de" of
 * "de-AT"), when it is a file; NULL when the language has none. A new string. */
char *clean_rules_language_path(const char *dir, const char *language);
/* Adds the language-neutral rules of DIR/boilerplate.rules, then the language's own
 * (clean_rules_language_path) if it has a file: its rules come after the shared ones and may
 * use their {names}. language may be NULL (the shared rules only). -1 (reported) as
 * clean_rules_load. */
int clean_rules_load_language(struct clean_rules *rules, const char *dir, const char *language);
size_t clean_rules_count(const struct clean_rules *rules);

/* The name of the first rule that matches text on its own (no "then" rule), or NULL. */
const char *clean_match(const struct clean_rules *rules, const char *text);

/* Removes boilerplate blocks and repeated paragraphs from doc, logging each
 * removal with --verbose. Returns how many blocks it removed. */
size_t clean_document(const struct clean_rules *rules, struct document *doc);

#endif
