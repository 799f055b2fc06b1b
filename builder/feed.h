/* feed: the show's podcast feed (RSS 2.0 with iTunes and Podcasting 2.0 tags) and web page, from the episode sidecars. */
#ifndef NEWSCAST_FEED_H
#define NEWSCAST_FEED_H

#include "show.h"

#include <stddef.h>

/* Writes SHOW/public/feed.xml and SHOW/public/index.html from the sidecars in
 * public/episodes, atomically, and copies the cover into public/. With [show]
 * keep = N, only the newest N episodes are listed, and the files of older ones
 * are removed once the new feed is in place. Returns the number of episodes
 * listed, or -1. */
int feed_write(const struct show *show);

/* The Podcasting 2.0 podcast:guid of a feed URL: UUIDv5 of the URL without its
 * scheme and trailing slashes, in the namespace ead4c236-bf58-58c6-a2c6-a6b28d128cb6.
 * Returns a new string. */
char *feed_guid(const char *url);

/* The show's podcast:guid, which is set once and kept when the feed moves: podcast.ini's
 * guid, else the one kept in SHOW/.newscast/podcast-guid, else feed_guid of the feed's
 * URL, kept there from the first time the show has a base_url of its own (not one on
 * example.com, .test, localhost ...). podcast.ini's is kept there too. Returns a new
 * string, or NULL after reporting. */
char *feed_show_guid(const struct show *show);

/* RFC 2822 date ("Sun, 29 Nov 2026 06:00:00 +0000") of an RFC 3339 UTC one
 * ("2026-11-29T06:00:00Z"), into buf of at least 40 bytes; "" if it cannot. */
void feed_rfc2822(const char *rfc3339, char *buf, size_t size);

/* Cuts text to at most max bytes at a UTF-8 character boundary, adding "…" if it cut. Returns a new string. */
char *feed_truncate(const char *text, size_t max);

#endif
