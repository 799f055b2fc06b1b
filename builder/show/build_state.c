/* build_state: a show's state (.newscast/state.json): what was published, and the commit of an episode. */
#include "build_state.h"

#include "log.h"
#include "outfile.h"
#include "publish.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int build_state_load(struct build_state *st, const char *show_dir)
{
	char *text = NULL;
	size_t len;
	const cJSON *last;

	st->path = xasprintf("%s/.newscast/state.json", show_dir);
	st->staging = xasprintf("%s/.newscast/staging", show_dir);
	st->episodes = xasprintf("%s/public/episodes", show_dir);
	st->root = NULL;
	if (access(st->path, F_OK) == 0) {
		if (util_read_file(st->path, 64u << 20, &text, &len) < 0)
			return -1;
		st->root = cJSON_Parse(text);
		free(text);
		if (!st->root || !cJSON_IsObject(st->root)) {
			log_error("'%s' is damaged (not JSON); move it away to start the show's state afresh", st->path);
			return -1;
		}
		last = cJSON_GetObjectItemCaseSensitive(st->root, "episodes");
		/* the next number is this one plus 1: it must be a count an int can take */
		if (last && (!cJSON_IsNumber(last) || !(last->valuedouble >= 0 && last->valuedouble < INT_MAX))) {
			log_error("'%s' is damaged (\"episodes\" is not a count); move it away to start the show's "
				  "state afresh", st->path);
			return -1;
		}
		/* what was published is in these: read past a wrong type, it would be published again */
		for (size_t i = 0; i < 3; i++) {
			const char *key = (const char *[]){ "articles", "feeds", "commit" }[i];
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(st->root, key);

			if (v && !(i == 2 ? cJSON_IsArray(v) : cJSON_IsObject(v))) {
				log_error("'%s' is damaged (\"%s\" is not %s); move it away to start the show's state "
					  "afresh", st->path, key, i == 2 ? "a list" : "an object");
				return -1;
			}
		}
	}
	if (!st->root)
		st->root = cJSON_CreateObject();
	if (!cJSON_GetObjectItemCaseSensitive(st->root, "articles"))
		cJSON_AddObjectToObject(st->root, "articles");
	if (!cJSON_GetObjectItemCaseSensitive(st->root, "feeds"))
		cJSON_AddObjectToObject(st->root, "feeds");
	return 0;
}

void build_state_release(struct build_state *st)
{
	cJSON_Delete(st->root);
	st->root = NULL;
	free(st->path);
	free(st->staging);
	free(st->episodes);
	st->path = st->staging = st->episodes = NULL;
}

const char *build_state_get(const struct build_state *st, const char *name, const char *key)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(st->root, "articles"), name);

	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, key));
}

void build_state_set(struct build_state *st, const char *name, const char *hash, const char *slug, const char *why)
{
	cJSON *arts = cJSON_GetObjectItemCaseSensitive(st->root, "articles"), *a = cJSON_CreateObject();

	cJSON_AddStringToObject(a, "hash", hash);
	if (slug)
		cJSON_AddStringToObject(a, "episode", slug);
	else
		cJSON_AddStringToObject(a, "failed", why);
	cJSON_DeleteItemFromObjectCaseSensitive(arts, name);
	cJSON_AddItemToObject(arts, name, a);
}

void build_state_forget(struct build_state *st, const char *name)
{
	cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(st->root, "articles"), name);
}

cJSON *build_state_feeds(struct build_state *st)
{
	return cJSON_GetObjectItemCaseSensitive(st->root, "feeds");
}

int build_state_next_number(const struct build_state *st)
{
	const cJSON *last = cJSON_GetObjectItemCaseSensitive(st->root, "episodes");

	return cJSON_IsNumber(last) ? last->valueint + 1 : 1;
}

int build_state_save(const struct build_state *st)
{
	char *text = cJSON_Print(st->root);
	struct outfile of;
	int ret = -1;

	if (text && outfile_open_private(&of, st->path) == 0) {
		fputs(text, of.fp);
		ret = outfile_commit(&of);
	}
	free(text);
	return ret;
}

void build_state_step(const char *what)
{
	static int step;
	const char *env = getenv("NEWSCAST_TEST_KILL_AFTER");

	step++;
	log_verbose("build: commit step %d: %s", step, what);
	if (env && atoi(env) == step) {
		fprintf(stderr, "newscast: NEWSCAST_TEST_KILL_AFTER=%d: killed after '%s'\n", step, what);
		raise(SIGKILL);
	}
}

int build_state_commit(struct build_state *st, const struct episode *ep, bool replaces)
{
	cJSON *commits = cJSON_GetObjectItemCaseSensitive(st->root, "commit"), *c = cJSON_CreateObject(), *arts;

	if (!cJSON_IsArray(commits)) {
		cJSON_DeleteItemFromObjectCaseSensitive(st->root, "commit");
		commits = cJSON_AddArrayToObject(st->root, "commit");
	}
	cJSON_AddStringToObject(c, "slug", ep->slug);
	cJSON_AddStringToObject(c, "guid", ep->guid);
	cJSON_AddNumberToObject(c, "number", ep->number);
	cJSON_AddBoolToObject(c, "replaces", replaces);
	arts = cJSON_AddArrayToObject(c, "articles");
	for (size_t i = 0; i < ep->n_articles; i++) {
		build_state_set(st, ep->articles[i].file, ep->articles[i].hash, ep->slug, NULL);
		cJSON_AddItemToArray(arts, cJSON_CreateString(ep->articles[i].file));
	}
	cJSON_AddItemToArray(commits, c);
	/* a correction keeps its number: the count moves only past a new one */
	if (build_state_next_number(st) <= ep->number) {
		cJSON_DeleteItemFromObjectCaseSensitive(st->root, "episodes");
		cJSON_AddNumberToObject(st->root, "episodes", ep->number);
	}
	return build_state_save(st);
}

size_t build_state_n_commits(const struct build_state *st)
{
	return (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(st->root, "commit"));
}

int build_state_commits_done(struct build_state *st)
{
	cJSON *commits = cJSON_GetObjectItemCaseSensitive(st->root, "commit");
	int kept = 0, n = cJSON_GetArraySize(commits);

	if (!n)
		return 0;
	for (int i = n; i-- > 0;) {
		const char *slug = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(commits, i),
											"slug"));
		bool staged = false;

		for (size_t k = 0; slug && k < EPISODE_N_FILES && !staged; k++) {
			char *f = xasprintf("%s/%s%s", st->staging, slug, episode_files[k]);

			staged = access(f, F_OK) == 0;
			free(f);
		}
		if (staged)
			kept++;
		else
			cJSON_DeleteItemFromArray(commits, i);
	}
	if (!kept)
		cJSON_DeleteItemFromObjectCaseSensitive(st->root, "commit");
	return build_state_save(st);
}

int build_state_publish(const struct build_state *st, const char *slug, bool again)
{
	int ret = 0;

	for (size_t i = 0; i < EPISODE_N_FILES && ret == 0; i++) {
		char *from = xasprintf("%s/%s%s", st->staging, slug, episode_files[i]);
		char *to = xasprintf("%s/%s%s", st->episodes, slug, episode_files[i]);

		if (again && access(from, F_OK) != 0 && errno == ENOENT) {
			/* moved before the build was stopped */
		} else if (rename(from, to) != 0) {
			log_error("cannot move '%s' to '%s': %s", from, to, strerror(errno));
			ret = -1;
		} else if (!again) {
			build_state_step(episode_files[i]);
		}
		free(from);
		free(to);
	}
	return ret;
}

int build_state_recover(struct build_state *st, const struct show *show)
{
	cJSON *commits = cJSON_GetObjectItemCaseSensitive(st->root, "commit"), *c, *a;

	if (!cJSON_GetArraySize(commits))
		return 0;
	cJSON_ArrayForEach(c, commits) {
		const char *slug = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "slug"));
		bool replaces = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "replaces")), whole;
		char *json, *mp3;

		if (!slug || strchr(slug, '/'))
			continue;
		/* a file that cannot be moved yet is no lost file: the commit stays, reported below */
		if (build_state_publish(st, slug, true) < 0)
			continue;
		json = xasprintf("%s/%s.json", st->episodes, slug);
		mp3 = xasprintf("%s/%s.mp3", st->episodes, slug);
		whole = access(json, F_OK) == 0 && access(mp3, F_OK) == 0;
		free(json);
		free(mp3);
		if (whole) {
			log_warn("episode '%s' was committed by a build that stopped before publishing it: it is published now",
				 slug);
			continue;
		}
		log_warn("episode '%s' was committed by a build that stopped, and its files are lost: its articles are "
			 "built again", slug);
		for (size_t i = EPISODE_N_FILES; !replaces && i-- > 0;) {
			char *f = xasprintf("%s/%s%s", st->episodes, slug, episode_files[i]);

			unlink(f);
			free(f);
		}
		cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(c, "articles")) {
			const char *id = cJSON_GetStringValue(a), *in = id ? build_state_get(st, id, "episode") : NULL;

			if (!in || strcmp(in, slug) != 0)
				continue;
			if (replaces)	/* the old episode stays; the correction shows as a change */
				build_state_set(st, id, "lost", slug, NULL);
			else
				build_state_forget(st, id);
		}
	}
	if (publish_feed(show) < 0 || build_state_commits_done(st) < 0)
		return -1;
	/* its files are the only copy: nothing is built (nor staging cleared) until they are in place */
	if (build_state_n_commits(st)) {
		log_error("an episode committed before cannot be moved into '%s' (see above): fix that, then build again",
			  st->episodes);
		return -1;
	}
	return 0;
}
