/* id3: builds an ID3v2.3 tag (text, URL, comment, cover, chapters), since LAME cannot write chapter frames. */
#ifndef NEWSCAST_ID3_H
#define NEWSCAST_ID3_H

#include <stddef.h>
#include <stdint.h>

struct id3_tag;	/* opaque: the frames added so far */

/* A new, empty tag; free it with id3_free. */
struct id3_tag *id3_new(void);
void id3_free(struct id3_tag *tag);

/* A text frame ("TIT2", "TPE1", "TALB", "TYER", "TDAT", "TCON", ...) holding
 * UTF-8 text: stored as ISO-8859-1 when it fits, else as UTF-16. Empty or
 * NULL text adds nothing. */
void id3_add_text(struct id3_tag *tag, const char *id, const char *text);
/* A URL link frame ("WOAS", "WOAF", "WORS", ...; not WXXX, which has a
 * description): the URL as ISO-8859-1 bytes, with no encoding byte and no
 * terminator. Bytes a URL may not hold (non-ASCII, controls, space) are
 * percent-encoded, so an IRI's UTF-8 comes out as its URI. Empty or NULL url
 * adds nothing. */
void id3_add_url(struct id3_tag *tag, const char *id, const char *url);
/* A COMM frame: lang is a three-letter ISO 639-2 code. */
void id3_add_comment(struct id3_tag *tag, const char *lang, const char *desc, const char *text);
/* An APIC frame with the front cover (picture type 3); data is copied. */
void id3_add_picture(struct id3_tag *tag, const char *mime, const void *data, size_t len);
/* A CHAP frame with a TIT2 title; chapters also get a top-level, ordered CTOC
 * titled toc_title (see id3_render). Times in milliseconds. */
void id3_add_chapter(struct id3_tag *tag, uint32_t start_ms, uint32_t end_ms, const char *title);

/* Renders the tag (with a CTOC titled toc_title if there are chapters) into a
 * new buffer the caller frees. */
void id3_render(const struct id3_tag *tag, const char *toc_title, unsigned char **buf, size_t *len);

#endif
