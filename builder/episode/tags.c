/* tags: what an episode's file says about itself: chapters placed from its parts' timings, and an article's tags. */
#include "tags.h"

#include "fetch.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>

void tags_chapters_release(struct tags_chapters *c)
{
	free(c->items);
	c->items = NULL;
	c->n = c->cap = 0;
}

void tags_add_chapter(struct tags_chapters *c, uint32_t start_ms, const char *title)
{
	util_grow((void **)&c->items, &c->cap, c->n + 1, sizeof *c->items);
	c->items[c->n] = (struct encode_chapter){ start_ms, start_ms, title };
	if (c->n)
		c->items[c->n - 1].end_ms = start_ms;
	c->n++;
}

void tags_add_sections(struct tags_chapters *c, uint32_t at_ms, const struct segment *segs,
		       const struct article_timing *timings, size_t n)
{
	for (size_t k = 0; segs && k < n; k++)
		if (segs[k].role == ROLE_SUBHEADING)
			tags_add_chapter(c, at_ms + timings[k].start_ms, segs[k].written);
}

void tags_end_chapters(struct tags_chapters *c, uint32_t end_ms)
{
	if (c->n)
		c->items[c->n - 1].end_ms = end_ms;
}

uint32_t tags_ms(uint64_t samples, int rate)
{
	return (uint32_t)llround((double)samples * 1000.0 / rate);
}

void tags_for_article(struct encode_tags *tags, const struct document *doc, const char *date)
{
	tags->title = doc->headline;
	tags->artist = doc->author;
	tags->writer = doc->author;
	tags->date = date;
	tags->genre = "Podcast";
	tags->source_url = doc->link && fetch_is_url(doc->link) ? doc->link : NULL;
}

void tags_for_episode(struct encode_tags *tags, const struct show *show, const struct episode *ep, const char *writers,
		      const char *date)
{
	const char *link = ep->n_articles == 1 && show->mode == SHOW_ARTICLE ? ep->articles[0].link : NULL;

	tags->title = ep->title;
	tags->artist = show->author;
	tags->writer = writers;
	tags->album = show->title;
	tags->date = date;
	tags->genre = "Podcast";
	tags->comment = show->description;
	tags->source_url = link && fetch_is_url(link) ? link : NULL;
	tags->show_url = show->link;
}
