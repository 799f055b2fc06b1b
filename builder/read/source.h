/* source: the show's [source] feeds as articles: fetched (or read), kept, parsed, each item known by its guid. */
#ifndef NEWSCAST_SOURCE_H
#define NEWSCAST_SOURCE_H

#include "input.h"
#include "show.h"

#include <cjson/cJSON.h>
#include <time.h>

struct source_item {
	char *key;	/* the item's identity in the show's state: "feed:" and its guid */
	char *hash;	/* of what is read: headline and text, so an edited item shows as changed */
	struct document doc;
};

void source_item_release(struct source_item *item);

/* Reads the feed src (a URL, or a path relative to the show) into items, which
 * grow by the feed's items that have an identity and are not older than the
 * show's max_age before when (the others are skipped, --verbose says so). A URL
 * is fetched conditionally with the validators state[src] holds, and its last
 * copy kept in .newscast/feeds/ so that an unchanged feed (HTTP 304) is read
 * from there; state[src] gets the new validators. A source that cannot be
 * fetched or parsed is reported and returns -1; items is left as it was. */
int source_read(const struct show *show, const char *src, cJSON *state, time_t when, struct source_item **items,
		size_t *n, size_t *cap);

#endif
