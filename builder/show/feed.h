/* feed: the show's podcast feed (RSS 2.0 with iTunes and Podcasting 2.0 tags) and web page, from the episode sidecars. */
#ifndef NEWSCAST_FEED_H
#define NEWSCAST_FEED_H

#include "episode.h"
#include "show.h"

#include <stddef.h>
#include <stdint.h>

/* An episode as the feed lists it. */
struct feed_item {
	struct episode ep;
	uint64_t bytes;		/* the audio file's size now */
	int number;		/* the number given at build time, else its place in order of date, from 1 */
};

/* Every episode in dir (the show's public/episodes) whose sidecar and audio are both
 * there, newest first; a sidecar without its audio is left out with a warning, and a
 * folder that is not there holds none. *items is a new array of *n the caller frees
 * with feed_items_free. Returns 0, or -1 after reporting. */
int feed_read_episodes(const char *dir, struct feed_item **items, size_t *n);
void feed_items_free(struct feed_item *items, size_t n);

/* How many of n episodes, newest first, the feed lists: with [show] keep = N, the newest N. */
size_t feed_listed(const struct show *show, size_t n);

/* Writes SHOW/public/feed.xml and SHOW/public/index.html, atomically, listing items[0..n)
 * (newest first); cover is the cover's file name in public/, or NULL for none; guid the
 * show's podcast:guid (publish_show_guid). Nothing else is touched (publish_feed copies
 * the cover, keeps the guid and removes what is no longer listed). Returns 0, or -1 after
 * reporting. */
int feed_write(const struct show *show, const struct feed_item *items, size_t n, const char *cover,
	       const char *guid);

/* The URL of a file in public/: base_url + path (percent-encoded where a URL path needs it),
 * with exactly one slash between. Returns a new string. */
char *feed_url(const struct show *show, const char *path);

/* The Podcasting 2.0 podcast:guid of a feed URL: UUIDv5 of the URL without its
 * scheme and trailing slashes, in the namespace ead4c236-bf58-58c6-a2c6-a6b28d128cb6.
 * Returns a new string. */
char *feed_guid(const char *url);

/* RFC 2822 date ("Sun, 29 Nov 2026 06:00:00 +0000") of an RFC 3339 UTC one
 * ("2026-11-29T06:00:00Z"), into buf of at least 40 bytes; "" if it cannot. */
void feed_rfc2822(const char *rfc3339, char *buf, size_t size);

/* Cuts text to at most max bytes at a UTF-8 character boundary, adding "…" if it cut. Returns a new string. */
char *feed_truncate(const char *text, size_t max);

#endif
