/* source: the show's [source] feeds as articles: fetched (or read), kept, parsed, each item known by its guid. */
#include "source.h"

#include "fetch.h"
#include "log.h"
#include "outfile.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void source_item_release(struct source_item *item)
{
	free(item->key);
	free(item->hash);
	document_release(&item->doc);
	memset(item, 0, sizeof *item);
}

static void source_state_set(cJSON *obj, const char *key, const char *value)
{
	cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
	if (value)
		cJSON_AddStringToObject(obj, key, value);
}

/* Where the last good copy of a URL's feed is kept, as a new string: named by a
 * hash of the URL without its credentials, which a 64-bit FNV would not hide. */
static char *source_copy_path(const struct show *show, const char *url)
{
	char *key = util_redact_urls(url);
	char *hex = util_hex64(util_fnv(UTIL_FNV_START, key, strlen(key)));
	char *path = xasprintf("%s/.newscast/feeds/%s.xml", show->dir, hex);

	free(hex);
	free(key);
	return path;
}

/* A feed's validators are kept in the state under its URL without credentials;
 * a state.json written before kept them under the URL itself: moved. */
static const cJSON *source_state_get(cJSON *state, const char *url)
{
	char *key = util_redact_urls(url);
	cJSON *old = strcmp(key, url) != 0 ? cJSON_DetachItemFromObjectCaseSensitive(state, url) : NULL;
	const cJSON *st;

	if (old) {
		cJSON_DeleteItemFromObjectCaseSensitive(state, key);
		cJSON_AddItemToObject(state, key, old);
	}
	st = cJSON_GetObjectItemCaseSensitive(state, key);
	free(key);
	return st;
}

/* A URL's body: fetched when it changed (res then holds the new validators and
 * res->data the body), else the copy kept from last time, in *data. */
static int source_fetch(const struct show *show, const char *url, cJSON *state, struct fetch_result *res,
			char **data, size_t *len)
{
	char *copy = source_copy_path(show, url);
	const cJSON *st = source_state_get(state, url);
	struct fetch_request req = { url, NULL, NULL, show->feed_timeout, (size_t)show->feed_max_mb << 20 };
	int ret = -1;

	/* validators only with the copy they vouch for */
	if (access(copy, R_OK) == 0) {
		req.etag = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(st, "etag"));
		req.last_modified = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(st, "last_modified"));
	}
	if (fetch_get(&req, res) < 0)
		goto out;
	if (res->unchanged) {
		log_verbose("source: '%s' has not changed since it was last fetched (HTTP 304)", url);
		ret = util_read_file(copy, req.max_bytes, data, len);
		goto out;
	}
	log_verbose("source: fetched '%s': %zu bytes", url, res->len);
	*data = res->data;
	*len = res->len;
	res->data = NULL;
	ret = 0;
out:
	free(copy);
	return ret;
}

/* Keeps a fetched feed that parsed, and its validators: only then, so that a
 * captive portal's page answered with 200 never replaces a good copy. */
static int source_keep(const struct show *show, const char *url, cJSON *state, const struct fetch_result *res,
		       const char *data, size_t len)
{
	char *copy = source_copy_path(show, url), *dir = xasprintf("%s/.newscast/feeds", show->dir);
	char *key = util_redact_urls(url);
	struct outfile of;
	cJSON *st;
	int ret = -1;

	if (util_private_dir(dir) < 0)
		goto out;
	if (outfile_open_private(&of, copy) < 0)
		goto out;
	fwrite(data, 1, len, of.fp);
	if (outfile_commit(&of) < 0)
		goto out;
	cJSON_DeleteItemFromObjectCaseSensitive(state, url);
	cJSON_DeleteItemFromObjectCaseSensitive(state, key);
	st = cJSON_AddObjectToObject(state, key);
	source_state_set(st, "etag", res->etag);
	source_state_set(st, "last_modified", res->last_modified);
	ret = 0;
out:
	free(copy);
	free(dir);
	free(key);
	return ret;
}

/* What is read of an item, hashed: its headline and its blocks. */
static char *source_hash(const struct document *doc)
{
	uint64_t h = util_fnv(UTIL_FNV_START, doc->headline, strlen(doc->headline) + 1);

	for (size_t i = 0; i < doc->n_blocks; i++) {
		h = util_fnv(h, &doc->blocks[i].kind, sizeof doc->blocks[i].kind);
		if (doc->blocks[i].text)
			h = util_fnv(h, doc->blocks[i].text, strlen(doc->blocks[i].text) + 1);
	}
	return util_hex64(h);
}

/* Whether an item dated date (RFC 3339, as input_feed gives it) is older than max_age days before when. */
static bool source_too_old(const char *date, int max_age, time_t when)
{
	struct tm tm = { 0 };
	const char *end;

	if (!max_age || !date)
		return false;
	end = strptime(date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (!end || *end)
		return false;	/* a date we cannot read: better spoken than lost */
	return timegm(&tm) < when - (time_t)max_age * 86400;
}

int source_read(const struct show *show, const char *src, cJSON *state, time_t when, struct source_item **items,
		size_t *n, size_t *cap)
{
	struct input_feed feed;
	struct fetch_result res;
	char *data = NULL, *path = NULL, *name = util_redact_urls(src);
	size_t len = 0, taken = 0, old = 0;
	int ret = -1;

	input_feed_init(&feed);
	memset(&res, 0, sizeof res);
	if (fetch_is_url(src)) {
		if (source_fetch(show, src, state, &res, &data, &len) < 0)
			goto out;
	} else {
		/* a feed dropped into articles/ is read there, never through a link */
		int flags = strncmp(src, "articles/", 9) == 0 ? UTIL_NO_LINK : 0;

		path = show_path(show, src);
		if (util_read_regular(path, "feed", (size_t)show->feed_max_mb << 20, flags, &data, &len) < 0)
			goto out;
	}
	/* the feed's name goes into messages, notes and sidecars: without credentials */
	if (input_parse_feed(path ? path : name, data, len, &feed) < 0)
		goto out;
	if (fetch_is_url(src) && !res.unchanged && source_keep(show, src, state, &res, data, len) < 0)
		goto out;
	for (size_t i = 0; i < feed.n; i++) {
		struct document *doc = &feed.items[i];
		struct source_item *it;

		if (!doc->id || !doc->headline) {
			log_warn("'%s': an item with no %s is skipped", doc->name, doc->id ? "title" : "guid, link or title");
			continue;
		}
		if (source_too_old(doc->date, show->max_age, when)) {
			log_verbose("source: '%s' (%s) is older than max_age = %d days: old news, not spoken", doc->headline,
				    doc->date, show->max_age);
			old++;
			continue;
		}
		util_grow((void **)items, cap, *n + 1, sizeof **items);
		it = &(*items)[(*n)++];
		it->key = xasprintf("feed:%s", doc->id);
		it->hash = source_hash(doc);
		it->doc = *doc;
		document_init(doc);
		taken++;
	}
	log_verbose("source: '%s': %zu items, %zu taken, %zu too old", name, feed.n, taken, old);
	ret = 0;
out:
	input_feed_release(&feed);
	fetch_result_release(&res);
	free(data);
	free(path);
	free(name);
	return ret;
}
