/* publish: what goes into SHOW/public/ besides the feed: the cover, the show's kept podcast:guid, and the removal of the episodes the feed no longer lists. */
#ifndef NEWSCAST_PUBLISH_H
#define NEWSCAST_PUBLISH_H

#include "show.h"

/* The show's podcast:guid, which is set once and kept when the feed moves: podcast.ini's
 * guid, else the one kept in SHOW/.newscast/podcast-guid, else feed_guid of the feed's
 * URL, kept there from the first time the show has a base_url of its own (not one on
 * example.com, .test, localhost ...). podcast.ini's is kept there too. Returns a new
 * string, or NULL after reporting. */
char *publish_show_guid(const struct show *show);

/* Brings SHOW/public/ up to date with the sidecars in public/episodes: copies the show's
 * cover into public/ (as cover.png or cover.jpg, after checking it; a cover that cannot be
 * published is a warning, and the feed goes without), writes feed.xml and index.html
 * (feed_write) with the show's podcast:guid (publish_show_guid), and then, with [show] keep = N, removes the files of the episodes older
 * than the newest N, once the new feed no longer lists them. Returns the number of
 * episodes listed, or -1 after reporting. */
int publish_feed(const struct show *show);

#endif
