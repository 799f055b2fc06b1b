/* segment: splits a document's blocks into spoken segments (sentences) with roles and the breaks after them. */
#ifndef NEWSCAST_SEGMENT_H
#define NEWSCAST_SEGMENT_H

#include "document.h"

#include <stdbool.h>
#include <stddef.h>

enum segment_role {
	ROLE_HEADLINE,
	ROLE_SUBHEADING,
	ROLE_BODY,
	ROLE_QUOTE,
};

/* The break that follows a segment. When breaks meet (a paragraph ends at a
 * divider), the one with the longest pause in the voice profile wins. */
enum segment_break {
	BREAK_SENTENCE,
	BREAK_PARAGRAPH,
	BREAK_HEADLINE,		/* after the headline */
	BREAK_SUBHEADING,	/* after a subheading */
	BREAK_SECTION,
	BREAK_ARTICLE,
	BREAK_COUNT
};

struct segment {
	char *text;	/* UTF-8, what is spoken */
	char *written;	/* the same sentence as the article wrote it, for titles and transcripts */
	enum segment_role role;
	enum segment_break brk;
	int pause_ms;	/* silence added after the segment, from the voice profile */
	int line;	/* the source line of its block */
	bool phonemes;	/* text holds espeak-ng phonemes in [[...]] from the lexicon */
};

struct segment_list {
	struct segment *items;
	size_t n, cap;
};

struct segment_abbrevs;	/* opaque: words that end in a full stop but not a sentence */

/* A new, empty abbreviation list; free it with segment_abbrevs_free. */
struct segment_abbrevs *segment_abbrevs_new(void);
void segment_abbrevs_free(struct segment_abbrevs *ab);
/* Adds the abbreviations in the file at path (one a line, "*" marks those that
 * may end a sentence; "WORD #." marks a word after which a number and its full stop
 * is an ordinal, "den #."); returns -1 after reporting an error. */
int segment_abbrevs_load(struct segment_abbrevs *ab, const char *path);
/* The ICU locale ("de", "en_US", the default) whose sentence breaker and month names split the text. */
void segment_abbrevs_set_locale(struct segment_abbrevs *ab, const char *locale);
void segment_abbrevs_add(struct segment_abbrevs *ab, const char *word, int may_end);

void segment_list_init(struct segment_list *list);
void segment_list_release(struct segment_list *list);
/* Appends a segment; the list takes ownership of text. */
void segment_list_add(struct segment_list *list, char *text, enum segment_role role, enum segment_break brk,
		      int line);

/* The longest sentence, in UTF-16 units: a longer one is cut at a space (about a minute of speech). */
#define SEGMENT_MAX_CHARS 1000

/* Splits text into sentences of at most SEGMENT_MAX_CHARS; calls add(sentence, ud) for each, with a new
 * string the callee takes over. Returns -1 on an ICU failure. */
int segment_sentences(const struct segment_abbrevs *ab, const char *text,
		      void (*add)(char *sentence, void *ud), void *ud);

/* Turns doc into segments: headline first, then each block's sentences, with
 * the break after each merged so the longest pause (pause_ms[BREAK_*]) wins. */
int segment_document(const struct document *doc, const struct segment_abbrevs *ab,
		     const int pause_ms[BREAK_COUNT], struct segment_list *out);

const char *segment_role_name(enum segment_role role);
const char *segment_break_name(enum segment_break brk);

#endif
