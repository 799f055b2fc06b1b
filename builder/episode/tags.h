/* tags: what an episode's file says about itself: chapters placed from its parts' timings, and an article's tags. */
#ifndef NEWSCAST_TAGS_H
#define NEWSCAST_TAGS_H

#include "article.h"
#include "encode.h"
#include "input.h"
#include "segment.h"
#include "show.h"
#include "episode.h"

#include <stddef.h>
#include <stdint.h>

/* An episode's chapters, in order; each ends where the next starts. Titles are borrowed.
 * Zeroed is empty. */
struct tags_chapters {
	struct encode_chapter *items;
	size_t n, cap;
};

void tags_chapters_release(struct tags_chapters *c);
/* Adds a chapter starting at start_ms; the one before it ends there. */
void tags_add_chapter(struct tags_chapters *c, uint32_t start_ms, const char *title);
/* Adds a chapter for each section of a spoken article: where each subheading of segs is
 * spoken (timings, one for each of the n segments, from the article's part), the part
 * starting at at_ms. */
void tags_add_sections(struct tags_chapters *c, uint32_t at_ms, const struct segment *segs,
		       const struct article_timing *timings, size_t n);
/* Ends the last chapter at end_ms, the end of the episode. */
void tags_end_chapters(struct tags_chapters *c, uint32_t end_ms);

/* An episode's length in ms from its length in samples at rate. */
uint32_t tags_ms(uint64_t samples, int rate);

/* The tags of a file made of one article: its headline, its byline as artist and writer,
 * the date given (YYYY-MM-DD), genre Podcast, and its link when that is a web address.
 * Strings are borrowed from doc and date; the rest of *tags is left as it was. */
void tags_for_article(struct encode_tags *tags, const struct document *doc, const char *date);

/* The tags of a show's episode: its title, the show's author as artist and its title as
 * album, writers (the articles' bylines, or NULL), the date given, genre Podcast, the show's
 * description and link, and the article's web link for an episode of one article in the
 * show's article mode. Strings are borrowed; the cover and chapters are left as they were. */
void tags_for_episode(struct encode_tags *tags, const struct show *show, const struct episode *ep, const char *writers,
		      const char *date);

#endif
