/* publish: what goes into SHOW/public/ besides the feed: the cover, the show's kept podcast:guid, and the removal of the episodes the feed no longer lists. */
#include "publish.h"

#include "cover.h"
#include "episode.h"
#include "feed.h"
#include "log.h"
#include "outfile.h"
#include "util.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whether url's host is one reserved for examples (RFC 2606, 6761): `newscast init`
 * writes https://example.com/podcast/, and a feed there has never been anyone's. */
static bool publish_placeholder_url(const char *url)
{
	static const char *const names[] = { "example.com", "example.net", "example.org", "example", "test",
					     "invalid", "localhost" };
	const char *host = strstr(url, "://");
	size_t n;

	host = host ? host + 3 : url;
	n = strcspn(host, "/:?#");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t k = strlen(names[i]);

		if (n >= k && strncasecmp(host + n - k, names[i], k) == 0 && (n == k || host[n - k - 1] == '.'))
			return true;
	}
	return false;
}

char *publish_show_guid(const struct show *show)
{
	char *dir = xasprintf("%s/.newscast", show->dir), *path = xasprintf("%s/podcast-guid", dir);
	char *kept = NULL, *guid = NULL, *self = NULL;
	struct outfile of;
	size_t len;

	if (access(path, F_OK) == 0) {
		if (util_read_regular(path, NULL, 4096, 0, &kept, &len) < 0)
			goto out;
		util_trim(kept);
		if (!show_is_uuid(kept)) {
			log_error("'%s' does not hold a podcast:guid (a UUID): put the show's back, or give it as "
				  "'guid =' in [show]", path);
			goto out;
		}
	}
	if (show->guid)
		guid = xstrdup(show->guid);
	else if (kept)
		guid = xstrdup(kept);
	else {
		self = feed_url(show, "feed.xml");
		guid = feed_guid(self);
		if (!show->base_url || publish_placeholder_url(show->base_url))
			goto out;	/* not kept: the feed has no address of its own yet */
	}
	if (kept && strcmp(kept, guid) == 0)
		goto out;
	if (util_private_dir(dir) < 0 || outfile_open_private(&of, path) < 0)
		goto fail;
	fprintf(of.fp, "%s\n", guid);
	if (outfile_commit(&of) < 0)
		goto fail;
	log_verbose("feed: podcast:guid %s, kept in '%s'", guid, path);
	goto out;
fail:
	free(guid);
	guid = NULL;
out:
	free(dir);
	free(path);
	free(kept);
	free(self);
	return guid;
}

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
	char *pub = xasprintf("%s/public", show->dir), *eps = xasprintf("%s/episodes", pub), *cover = NULL, *guid;
	struct feed_item *items = NULL;
	size_t n = 0, listed;
	int ret = -1;

	if (!(guid = publish_show_guid(show)) || feed_read_episodes(eps, &items, &n) < 0)
		goto out;
	if (mkdir(pub, 0777) < 0 && errno != EEXIST) {
		log_error("cannot create '%s': %s", pub, strerror(errno));
		goto out;
	}
	listed = feed_listed(show, n);
	cover = publish_cover(show, pub);
	if (feed_write(show, items, listed, cover, guid) == 0)
		ret = (int)listed;
	/* only once the new feed no longer lists them */
	for (size_t i = listed; ret >= 0 && i < n; i++)
		publish_remove_episode(eps, items[i].ep.slug);
out:
	feed_items_free(items, n);
	free(guid);
	free(cover);
	free(pub);
	free(eps);
	return ret;
}
