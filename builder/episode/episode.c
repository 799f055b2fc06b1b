/* episode: what a built episode is (guid, title, date, duration, files, chapters, articles), as a JSON sidecar. */
#include "episode.h"

#include "log.h"
#include "outfile.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char *const episode_files[EPISODE_N_FILES] = { ".mp3", ".chapters.json", ".vtt", ".srt", ".json" };

void episode_init(struct episode *ep)
{
	memset(ep, 0, sizeof *ep);
}

void episode_release(struct episode *ep)
{
	for (size_t i = 0; i < ep->n_articles; i++) {
		free(ep->articles[i].file);
		free(ep->articles[i].hash);
		free(ep->articles[i].headline);
		free(ep->articles[i].summary);
		free(ep->articles[i].author);
		free(ep->articles[i].date);
		free(ep->articles[i].link);
	}
	for (size_t i = 0; i < ep->n_chapters; i++)
		free(ep->chapters[i].title);
	free(ep->articles);
	free(ep->chapters);
	free(ep->guid);
	free(ep->slug);
	free(ep->title);
	free(ep->date);
	free(ep->description);
	memset(ep, 0, sizeof *ep);
}

void episode_add_article(struct episode *ep, struct episode_article article)
{
	util_grow((void **)&ep->articles, &ep->cap_articles, ep->n_articles + 1, sizeof *ep->articles);
	ep->articles[ep->n_articles++] = article;
}

void episode_add_chapter(struct episode *ep, uint32_t start_ms, char *title)
{
	util_grow((void **)&ep->chapters, &ep->cap_chapters, ep->n_chapters + 1, sizeof *ep->chapters);
	ep->chapters[ep->n_chapters++] = (struct episode_chapter){ start_ms, title };
}

static int episode_write_json(cJSON *root, const char *path)
{
	char *text = cJSON_Print(root);
	struct outfile of;
	int ret = -1;

	if (!text) {
		log_error("cannot write '%s': out of memory", path);
		return -1;
	}
	if (outfile_open(&of, path) == 0) {
		fputs(text, of.fp);
		fputc('\n', of.fp);
		ret = outfile_commit(&of);
	}
	free(text);
	return ret;
}

/* obj's "chapters": the episode's chapters, each its start in seconds under start_key (the
 * sidecar's "start", Podcasting 2.0's "startTime") and its title */
static void episode_add_chapters(cJSON *obj, const struct episode *ep, const char *start_key)
{
	cJSON *list = cJSON_AddArrayToObject(obj, "chapters");

	for (size_t i = 0; i < ep->n_chapters; i++) {
		cJSON *c = cJSON_CreateObject();

		cJSON_AddNumberToObject(c, start_key, ep->chapters[i].start_ms / 1000.0);
		cJSON_AddStringToObject(c, "title", ep->chapters[i].title);
		cJSON_AddItemToArray(list, c);
	}
}

int episode_write(const struct episode *ep, const char *dir)
{
	cJSON *root = cJSON_CreateObject(), *files, *arts, *pc;
	char *path = NULL, *name;
	int ret = -1;

	/* Podcasting 2.0 chapters first: the sidecar, written last, is what says the episode exists */
	pc = cJSON_CreateObject();
	cJSON_AddStringToObject(pc, "version", "1.2.0");
	episode_add_chapters(pc, ep, "startTime");
	path = xasprintf("%s/%s.chapters.json", dir, ep->slug);
	ret = episode_write_json(pc, path);
	cJSON_Delete(pc);
	free(path);
	if (ret < 0)
		goto out;

	cJSON_AddStringToObject(root, "guid", ep->guid);
	cJSON_AddStringToObject(root, "slug", ep->slug);
	cJSON_AddStringToObject(root, "title", ep->title);
	cJSON_AddStringToObject(root, "date", ep->date);
	cJSON_AddStringToObject(root, "description", ep->description ? ep->description : "");
	if (ep->number > 0)
		cJSON_AddNumberToObject(root, "number", ep->number);
	cJSON_AddNumberToObject(root, "duration", ep->duration);
	cJSON_AddNumberToObject(root, "bytes", (double)ep->bytes);
	files = cJSON_AddObjectToObject(root, "files");
	name = xasprintf("%s.mp3", ep->slug);
	cJSON_AddStringToObject(files, "audio", name);
	free(name);
	name = xasprintf("%s.chapters.json", ep->slug);
	cJSON_AddStringToObject(files, "chapters", name);
	free(name);
	name = xasprintf("%s.vtt", ep->slug);
	cJSON_AddStringToObject(files, "vtt", name);
	free(name);
	name = xasprintf("%s.srt", ep->slug);
	cJSON_AddStringToObject(files, "srt", name);
	free(name);
	episode_add_chapters(root, ep, "start");
	arts = cJSON_AddArrayToObject(root, "articles");
	for (size_t i = 0; i < ep->n_articles; i++) {
		cJSON *a = cJSON_CreateObject();

		cJSON_AddStringToObject(a, "file", ep->articles[i].file);
		cJSON_AddStringToObject(a, "hash", ep->articles[i].hash);
		cJSON_AddStringToObject(a, "headline", ep->articles[i].headline);
		cJSON_AddStringToObject(a, "summary", ep->articles[i].summary ? ep->articles[i].summary : "");
		if (ep->articles[i].author)
			cJSON_AddStringToObject(a, "author", ep->articles[i].author);
		if (ep->articles[i].date)
			cJSON_AddStringToObject(a, "date", ep->articles[i].date);
		if (ep->articles[i].link)
			cJSON_AddStringToObject(a, "link", ep->articles[i].link);
		cJSON_AddItemToArray(arts, a);
	}
	path = xasprintf("%s/%s.json", dir, ep->slug);
	ret = episode_write_json(root, path);
	free(path);
out:
	cJSON_Delete(root);
	return ret;
}

/* A number the sidecar holds, when it is one from 0 up to max; else 0. A hand-edited or
 * damaged sidecar may hold -1 or 1e300, which a cast to an unsigned type cannot take. */
static double episode_number(const cJSON *v, double max)
{
	return cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble <= max ? v->valuedouble : 0;
}

static char *episode_string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(v) && v->valuestring ? xstrdup(v->valuestring) : NULL;
}

int episode_read(struct episode *ep, const char *path)
{
	char *text = NULL;
	size_t len;
	cJSON *root;
	const cJSON *item;
	int ret = -1;

	if (util_read_file(path, 16u << 20, &text, &len) < 0)
		return -1;
	root = cJSON_Parse(text);
	if (!root || !cJSON_IsObject(root)) {
		log_error("'%s' is not an episode sidecar (bad JSON)", path);
		goto out;
	}
	ep->guid = episode_string(root, "guid");
	ep->slug = episode_string(root, "slug");
	ep->title = episode_string(root, "title");
	ep->date = episode_string(root, "date");
	ep->description = episode_string(root, "description");
	item = cJSON_GetObjectItemCaseSensitive(root, "number");
	ep->number = cJSON_IsNumber(item) ? item->valueint : 0;
	item = cJSON_GetObjectItemCaseSensitive(root, "duration");
	ep->duration = episode_number(item, INT_MAX);	/* the page prints (int)duration */
	item = cJSON_GetObjectItemCaseSensitive(root, "bytes");
	ep->bytes = (uint64_t)episode_number(item, 0x1p53);
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(root, "chapters")) {
		const cJSON *start = cJSON_GetObjectItemCaseSensitive(item, "start");

		episode_add_chapter(ep, (uint32_t)(episode_number(start, UINT32_MAX / 1000.0) * 1000 + 0.5),
				    episode_string(item, "title"));
	}
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(root, "articles"))
		episode_add_article(ep, (struct episode_article){
						episode_string(item, "file"), episode_string(item, "hash"),
						episode_string(item, "headline"), episode_string(item, "summary"),
						episode_string(item, "author"), episode_string(item, "date"),
						episode_string(item, "link") });
	if (!ep->guid || !ep->slug || !ep->title) {
		log_error("'%s' is not an episode sidecar (no guid, slug or title)", path);
		goto out;
	}
	/* the episode's files are named after the slug, and removed by it (keep = N) */
	if (!*ep->slug || strlen(ep->slug) > 200 || ep->slug[strspn(ep->slug, "abcdefghijklmnopqrstuvwxyz0123456789-")]) {
		log_error("'%s' is not an episode sidecar (its slug is not made of a-z, 0-9 and '-')", path);
		goto out;
	}
	ret = 0;
out:
	cJSON_Delete(root);
	free(text);
	return ret;
}

char *episode_new_guid(void)
{
	unsigned char b[16];
	int fd = open("/dev/urandom", O_RDONLY);
	ssize_t got = fd >= 0 ? read(fd, b, sizeof b) : -1;

	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof b) {
		/* no /dev/urandom: time and pid still make a collision unlikely */
		uint64_t seed = (uint64_t)time(NULL) * 6364136223846793005ull ^ (uint64_t)getpid();

		for (size_t i = 0; i < sizeof b; i++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			b[i] = (unsigned char)(seed >> 56);
		}
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	return xasprintf("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3],
			 b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}
