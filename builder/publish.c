/* publish: what goes into SHOW/public/ besides the feed: the cover, and the removal of the episodes the feed no longer lists. */
#include "publish.h"

#include "cover.h"
#include "episode.h"
#include "feed.h"
#include "log.h"
#include "outfile.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Copies the cover into public/ as cover.png or cover.jpg after checking it;
 * returns that file name, or NULL (with a warning) when there is none to publish. */
static char *publish_cover(const struct show *show, const char *public_dir)
{
	char *src, *name = NULL, *dest = NULL;
	struct cover c;
	struct outfile of;
	int r;

	if (!show->image)
		return NULL;
	src = show_path(show, show->image);
	r = cover_read(&c, src);
	if (r == COVER_UNREADABLE) {
		log_warn("the feed has no cover: '%s' cannot be read", src);
		goto out;
	}
	if (r != COVER_OK) {
		log_warn("the feed has no cover: '%s' is neither a JPEG nor a PNG", src);
		goto out;
	}
	cover_check(&c, src);
	name = xasprintf("cover.%s", c.ext);
	dest = xasprintf("%s/%s", public_dir, name);
	if (outfile_open(&of, dest) < 0) {
		free(name);
		name = NULL;
		goto out;
	}
	fwrite(c.data, 1, c.len, of.fp);
	if (outfile_commit(&of) < 0) {
		free(name);
		name = NULL;
	}
out:
	cover_release(&c);
	free(src);
	free(dest);
	return name;
}

/* Removes an episode's files: it has left the feed (keep = N). */
static void publish_remove_episode(const char *dir, const char *slug)
{
	for (size_t i = EPISODE_N_FILES; i-- > 0;) {
		char *p = xasprintf("%s/%s%s", dir, slug, episode_files[i]);

		if (unlink(p) == 0)
			log_verbose("feed: removed '%s' (keep = N)", p);
		free(p);
	}
}

int publish_feed(const struct show *show)
{
	char *pub = xasprintf("%s/public", show->dir), *eps = xasprintf("%s/episodes", pub), *cover = NULL;
	struct feed_item *items = NULL;
	size_t n = 0, listed;
	int ret = -1;

	if (feed_read_episodes(eps, &items, &n) < 0)
		goto out;
	if (mkdir(pub, 0777) < 0 && errno != EEXIST) {
		log_error("cannot create '%s': %s", pub, strerror(errno));
		goto out;
	}
	listed = feed_listed(show, n);
	cover = publish_cover(show, pub);
	if (feed_write(show, items, listed, cover) == 0)
		ret = (int)listed;
	/* only once the new feed no longer lists them */
	for (size_t i = listed; ret >= 0 && i < n; i++)
		publish_remove_episode(eps, items[i].ep.slug);
out:
	feed_items_free(items, n);
	free(cover);
	free(pub);
	free(eps);
	return ret;
}
