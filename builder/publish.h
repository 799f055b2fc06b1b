/* publish: what goes into SHOW/public/ besides the feed: the cover, and the removal of the episodes the feed no longer lists. */
#ifndef NEWSCAST_PUBLISH_H
#define NEWSCAST_PUBLISH_H

#include "show.h"

/* Brings SHOW/public/ up to date with the sidecars in public/episodes: copies the show's
 * cover into public/ (as cover.png or cover.jpg, after checking it; a cover that cannot be
 * published is a warning, and the feed goes without), writes feed.xml and index.html
 * (feed_write), and then, with [show] keep = N, removes the files of the episodes older
 * than the newest N, once the new feed no longer lists them. Returns the number of
 * episodes listed, or -1 after reporting. */
int publish_feed(const struct show *show);

#endif
