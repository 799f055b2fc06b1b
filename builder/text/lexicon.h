/* lexicon: pronunciations for names espeak-ng gets wrong, as respellings or espeak-ng phonemes, applied before synthesis. */
#ifndef NEWSCAST_LEXICON_H
#define NEWSCAST_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

struct lexicon;	/* opaque: entries in the order they were read */

/* A new, empty lexicon; free it with lexicon_free. */
struct lexicon *lexicon_new(void);
void lexicon_free(struct lexicon *lex);

/* Adds the entries of the file at path, one a line: "WORD OR PHRASE = REPLACEMENT",
 * where the replacement is a respelling or espeak-ng phonemes in [[...]]; '#'
 * starts a comment. Where entries overlap, the first read wins: load the most
 * particular lexicon first, and put phrases above their words. Entries with
 * capitals (matched case-sensitively) apply before the others. Errors name the
 * file and line. */
int lexicon_load(struct lexicon *lex, const char *path);
/* Adds entries from text in the file's format; name is used in messages. */
int lexicon_parse(struct lexicon *lex, const char *name, const char *text);
size_t lexicon_count(const struct lexicon *lex);

/* The text with every entry replaced, whole words only, matching case when the
 * entry has capitals. Any "[[" or "]]" already in the text is broken up first,
 * so that only the lexicon's own phonemes reach espeak-ng as phonemes;
 * *phonemes says whether any were inserted. Returns a new string. */
char *lexicon_apply(const struct lexicon *lex, const char *text, bool *phonemes);

#endif
