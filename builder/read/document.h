/* document: an article as the readers leave it: headline, metadata and blocks, whatever its format was. */
#ifndef NEWSCAST_DOCUMENT_H
#define NEWSCAST_DOCUMENT_H

#include <stddef.h>

enum block_kind {
	BLOCK_PARAGRAPH,
	BLOCK_HEADING,	/* a subheading: a section break, and spoken */
	BLOCK_QUOTE,
	BLOCK_DIVIDER,	/* a section break, not spoken */
};

struct block {
	enum block_kind kind;
	char *text;	/* UTF-8, white space squeezed; NULL for a divider */
	int line;	/* 1-based line in the source where the block starts */
};

struct document {
	char *name;	/* what errors call the article: its path, or "(standard input)" */
	char *headline;
	int headline_line;
	char *author;	/* from a "By NAME" line under the headline, or front matter; may be NULL */
	char *date, *link, *id, *description;	/* from front matter or page metadata; may be NULL */
	char *language;	/* the article's own BCP 47 tag, canonical ("de", "pt-BR"); NULL when it names none */
	struct block *blocks;
	size_t n_blocks;
	size_t cap_blocks;
	size_t n_stripped;	/* control characters removed from the text */
	char *error;		/* why a reader could not read part of it (a feed item's HTML), not yet
				 * reported: such a document is never spoken; NULL when read whole */
};

void document_init(struct document *doc);
/* Canonicalizes a BCP 47 tag with ICU into out ("de_de" and "DE-de" give "de-DE"); -1 if ICU
 * cannot read all of it as a tag of a language it knows ("english", "xx", "de-"), out then "". */
int document_language_canonical(const char *tag, char *out, size_t size);
/* Sets doc->language to tag canonicalized, unless the document has one already (the first
 * source a reader tries wins) or tag is NULL; a junk tag is left out with a --verbose note
 * naming where (what, "<html lang>"). */
void document_set_language(struct document *doc, const char *tag, const char *what);
/* Frees the metadata (headline, author, date, link, id, description, language) and sets it to NULL. */
void document_clear_meta(struct document *doc);
/* Frees every field and block; doc is then as document_init left it. */
void document_release(struct document *doc);
/* Appends a block; the document takes ownership of text (which may be NULL). */
void document_add_block(struct document *doc, enum block_kind kind, char *text, int line);
/* Removes block i, freeing its text. */
void document_remove_block(struct document *doc, size_t i);

#endif
