/* cmd_build: `newscast build SHOW` turns the show's new articles into finished episodes in SHOW/public/episodes. */
#include "cmd.h"

#include "article.h"
#include "cli.h"
#include "encode.h"
#include "episode.h"
#include "feed.h"
#include "fetch.h"
#include "lock.h"
#include "log.h"
#include "outfile.h"
#include "progress.h"
#include "render.h"
#include "show.h"
#include "source.h"
#include "synth.h"
#include "transcript.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Bump when a change to newscast changes the audio it makes: cached parts are keyed by it. */
#define BUILD_CACHE_VERSION "newscast-parts-2"

enum {
	BUILD_JOBS = CMD_OPT_FIRST_OWN,
	BUILD_REBUILD,
	BUILD_DATE,
	BUILD_QUIET,
	BUILD_WAIT,
};

static const struct cli_option cmd_build_options[] = {
	{ "jobs", 'j', "N", "speak and encode N articles at once (default: one per CPU)", BUILD_JOBS },
	{ "rebuild", 0, NULL, "republish articles that changed since they were published", BUILD_REBUILD },
	{ "date", 0, "YYYY-MM-DD", "the episode's date (default: today)", BUILD_DATE },
	{ "quiet", 'q', NULL, "no progress line", BUILD_QUIET },
	{ "wait", 0, "SECONDS", "wait up to SECONDS for another run on the show to finish (default 0), then exit 75",
	  BUILD_WAIT },
	{ "verbose", 'v', NULL, "explain decisions: what clean-up removed, what was skipped and why",
	  CMD_OPT_VERBOSE },
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP },
	{ 0 },
};

static const struct cli_option cmd_init_options[] = {
	{ "verbose", 'v', NULL, "explain decisions: what clean-up removed, what was skipped and why",
	  CMD_OPT_VERBOSE },
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP },
	{ 0 },
};

struct build_args {
	int jobs, rebuild, quiet, help, wait;
	const char *date;
};

static int cmd_build_on_option(int id, const char *value, void *ud)
{
	struct build_args *a = ud;
	struct tm tm = { 0 };
	const char *end;

	switch (id) {
	case BUILD_JOBS:
		return cli_int("build", "jobs", value, 1, 64, &a->jobs);
	case BUILD_REBUILD:
		a->rebuild = 1;
		return 0;
	case BUILD_DATE:
		end = strptime(value, "%Y-%m-%d", &tm);
		if (!end || *end || strlen(value) != 10) {
			fprintf(stderr, "newscast build: bad value '%s' for --date (YYYY-MM-DD)\n", value);
			return -1;
		}
		a->date = value;
		return 0;
	case BUILD_QUIET:
		a->quiet = 1;
		return 0;
	case BUILD_WAIT:
		return cli_int("build", "wait", value, 0, 86400, &a->wait);
	case CMD_OPT_VERBOSE:
		log_set_verbose(true);
		return 0;
	case CMD_OPT_HELP:
		a->help = 1;
		return 0;
	}
	return -1;
}

/* ---- one piece of an episode: an article, or the intro, outro or the sound between ---- */

enum build_kind { PIECE_ARTICLE, PIECE_INTRO, PIECE_OUTRO, PIECE_BETWEEN };

struct build_piece {
	enum build_kind kind;
	char *id;		/* an article's key in the state: its file name, or "feed:" and its guid */
	char *name;		/* what messages call it: the file name, a feed item's headline, or "intro" ... */
	char *path;		/* the article's file (NULL for a feed's item), or the audio file */
	char *hash;		/* the article's content hash */
	struct script sc;	/* what is spoken; empty for an audio file */
	bool scripted;
	char *key;		/* the cache key of its part */
	struct article_job job;
	struct article_result res;
	FILE *fp;		/* the part's frames */
	bool ready, failed;
	char *error;		/* why it failed */
	char *replaces;		/* a correction: the slug of the episode it is rebuilt in place in */
	int storage;		/* it failed for the show's storage, not for itself: the errno, or -1 */
};

static void build_piece_free(struct build_piece *p)
{
	if (!p)
		return;
	free(p->id);
	free(p->name);
	free(p->path);
	free(p->hash);
	if (p->scripted)
		script_release(&p->sc);
	free(p->key);
	free(p->error);
	free(p->replaces);
	article_result_release(&p->res);
	if (p->fp)
		fclose(p->fp);
	free(p);
}

/* ---- the show's state: which article went into which episode ---- */

struct build_state {
	char *path;
	/* {"articles": {NAME: {"hash": H, "episode": SLUG} or {"hash": H, "failed": WHY}},
	 *  "feeds": {SOURCE: {"etag": E, "last_modified": L}}, "episodes": N,
	 *  "commit": [{"slug", "guid", "number", "replaces", "articles": [NAME ...]} ...]}: the
	 *  episodes committed but not yet all moved into public/ (see build_state_commit) */
	cJSON *root;
};

static int build_state_load(struct build_state *st, const struct show *show)
{
	char *text = NULL;
	size_t len;
	const cJSON *last;

	st->path = xasprintf("%s/.newscast/state.json", show->dir);
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

static void build_state_release(struct build_state *st)
{
	cJSON_Delete(st->root);
	free(st->path);
}

/* A string the state keeps about an article ("hash", "episode", "failed"); NULL if none. */
static const char *build_state_get(const struct build_state *st, const char *name, const char *key)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(st->root, "articles"), name);

	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, key));
}

/* The article went into episode slug, or (slug NULL) failed for the reason why. */
static void build_state_set(struct build_state *st, const char *name, const char *hash, const char *slug,
			    const char *why)
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

/* The next episode number: numbers are given once and never reused, whatever keep = N removes.
 * It is only taken (stored) when the episode is committed, so a failed episode leaves no gap. */
static int build_state_next_number(const struct build_state *st)
{
	const cJSON *last = cJSON_GetObjectItemCaseSensitive(st->root, "episodes");

	return cJSON_IsNumber(last) ? last->valueint + 1 : 1;
}

static int build_state_save(const struct build_state *st)
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

/*
 * Committing an episode. Its files are all written in .newscast/staging first; then one
 * save of state.json commits it: the articles are marked as in it, its number is taken,
 * and "commit" lists it as not finished. Only then are its files renamed into
 * public/episodes (the sidecar last), the feed written, and the "commit" list emptied.
 * A build killed before that save leaves nothing (staging is cleared); one killed after
 * it leaves a commit that the next build finishes before anything else.
 */

/* NEWSCAST_TEST_KILL_AFTER=N: for the tests, the build kills itself after the N-th step of a commit. */
static void build_step(const char *what)
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

/* The commit point of an episode: its articles, its number and the unfinished commit in one save. */
static int build_state_commit(struct build_state *st, const struct episode *ep, bool replaces)
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

/* ---- reading the inbox ---- */

static int build_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The articles in SHOW/articles, sorted: plain files whose extension says their format
 * (.txt, .md, .html, and feeds: .rss, .atom, .xml). */
static int build_list_articles(const struct show *show, char ***names, size_t *n)
{
	char *dir = xasprintf("%s/articles", show->dir);
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	if (!d) {
		log_error("cannot read the inbox '%s': %s", dir, strerror(errno));
		free(dir);
		return -1;
	}
	while ((de = readdir(d))) {
		struct stat st;

		if (de->d_name[0] == '.' || input_format_of(de->d_name) == INPUT_AUTO)
			continue;
		/* nothing outside the show is read through articles/: a link is refused, not followed
		 * (and the reader opens with O_NOFOLLOW, so one swapped in later is refused too) */
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			log_warn("'%s/%s' is skipped: %s", dir, de->d_name, strerror(errno));
		} else if (S_ISLNK(st.st_mode)) {
			log_warn("'%s/%s' is a symbolic link: refused, since nothing is read through a link in articles/ "
				 "(put the file itself there)", dir, de->d_name);
		} else if (!S_ISREG(st.st_mode)) {
			log_warn("'%s/%s' is skipped: it is %s, not a file", dir, de->d_name, util_file_kind(st.st_mode));
		} else {
			util_grow((void **)names, &cap, *n + 1, sizeof **names);
			(*names)[(*n)++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	free(dir);
	if (*n)
		qsort(*names, *n, sizeof **names, build_name_cmp);
	return 0;
}

/* Writes articles/failed/NAME, a note saying why something could not be made into
 * audio, and what to do (then); 0 when it is written. */
static int build_note(const struct show *show, const char *name, const char *what, const char *why,
		      const char *then)
{
	char *dir = xasprintf("%s/articles/failed", show->dir), *path = xasprintf("%s/%s", dir, name);
	struct outfile of;
	int ret = -1;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		log_error("cannot create '%s': %s", dir, strerror(errno));
	} else if (outfile_open(&of, path) == 0) {
		time_t now = time(NULL);
		char when[64];

		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", localtime(&now));
		fprintf(of.fp, "%s: newscast could not make this %s into audio:\n%s\n%s\n", when, what, why, then);
		ret = outfile_commit(&of);
	}
	free(dir);
	free(path);
	return ret;
}

/* Renames from to to unless to exists (errno EEXIST then): never over a user's file. */
static int build_rename_noreplace(const char *from, const char *to)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* a file system without RENAME_NOREPLACE: link fails on an existing name too */
	if (link(from, to) != 0)
		return -1;
	if (unlink(from) != 0) {
		int err = errno;

		unlink(to);
		errno = err;
		return -1;
	}
	return 0;
}

/* Moves a failed article aside, with a file saying why: articles/failed/NAME and NAME.error,
 * or NAME-2, NAME-3 ... (before the extension) when an earlier one has that name; 0 when it
 * is, -1 when it stays where it is (reported). */
static int build_set_aside(const struct show *show, const char *name, const char *why_given)
{
	char *why = xstrdup(why_given);	/* it may be log_last_error()'s buffer, which the next error reuses */
	char *from = xasprintf("%s/articles/%s", show->dir, name), *dir = xasprintf("%s/articles/failed", show->dir);
	const char *dot = strrchr(name, '.');
	int stem = dot && dot != name ? (int)(dot - name) : (int)strlen(name);
	char *as = NULL, *to = NULL, *note = NULL;
	int ret = -1;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		log_error("cannot create '%s': %s", dir, strerror(errno));
		goto out;
	}
	for (int k = 1;; k++) {
		char *note_path;
		bool taken;

		free(as);
		free(to);
		as = k == 1 ? xstrdup(name) : xasprintf("%.*s-%d%s", stem, name, k, name + stem);
		to = xasprintf("%s/%s", dir, as);
		note_path = xasprintf("%s.error", to);
		/* a note without its article is someone's too */
		taken = access(note_path, F_OK) == 0;
		free(note_path);
		if (taken)
			continue;
		if (build_rename_noreplace(from, to) == 0)
			break;
		if (errno != EEXIST) {
			log_error("cannot move '%s' to '%s': %s", from, to, strerror(errno));
			goto out;
		}
	}
	note = xasprintf("%s.error", as);
	if (build_note(show, note, "article", why, "Fix it and move it back into articles/ to try again.") < 0) {
		/* no note, no setting aside: it goes back, to be tried again */
		if (build_rename_noreplace(to, from) != 0)
			log_error("cannot move '%s' back to '%s': %s", to, from, strerror(errno));
		goto out;
	}
	/* why was reported where it happened: said once, and kept in the note */
	log_warn("'%s' set aside as articles/failed/%s (the reason is in articles/failed/%s)", name, as, note);
	ret = 0;
out:
	free(why);
	free(from);
	free(dir);
	free(as);
	free(to);
	free(note);
	return ret;
}

/* Whether name is the temporary file of a note being written: outfile's ".NAME.error.XXXXXX.tmp",
 * where XXXXXX are six letters or digits. */
static bool build_is_note_tmp(const char *name)
{
	size_t len = strlen(name);

	if (len < strlen(".N.error.XXXXXX.tmp") || name[0] != '.' || !util_ends_with(name, ".tmp") ||
	    name[len - 11] != '.')
		return false;
	for (size_t i = len - 10; i < len - 4; i++)
		if (!isalnum((unsigned char)name[i]))
			return false;
	return strncmp(name + len - 17, ".error", 6) == 0;
}

/* A build killed while writing a note leaves its temporary file in articles/failed/:
 * the next one removes it. Nothing else there is touched: the rest is the user's. */
static void build_clear_failed_tmp(const struct show *show)
{
	char *dir = xasprintf("%s/articles/failed", show->dir);
	DIR *d = opendir(dir);
	struct dirent *de;

	while (d && (de = readdir(d))) {
		char *p;

		if (!build_is_note_tmp(de->d_name))
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if (unlink(p) == 0)
			log_verbose("build: removed '%s', a note a killed build left half-written", p);
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
}

/* ---- making the parts ---- */

struct build_ctx {
	struct show show;
	struct voice_profile voice;	/* for the audio settings and pauses */
	struct script_options script;
	struct build_args *args;
	struct audio_settings audio;
	struct encode_settings encode;
	time_t when;
	char *cache_dir, *staging, *episodes;
	struct progress progress;
	int failures;
	int new_episodes;	/* made by this build so far: each a second later than the one before */
	struct build_title { char *slug, *title; } *titles;	/* the show's episodes, once read */
	size_t n_titles, cap_titles;
	bool titles_read;
	int halt;	/* the build stopped for its storage: the errno, or -1 (see build_halt) */
};

/* Stops the build for a failure that is the show's storage's (a full disk), not an article's:
 * nothing is set aside, every article stays in the inbox, and the build fails. storage is the
 * errno, or -1 for a failure to keep the build's own files that is no storage errno. */
static void build_halt(struct build_ctx *ctx, int storage)
{
	if (!ctx->halt)
		ctx->halt = storage ? storage : -1;
}

/* The build's last word when it stopped for its storage. */
static void build_report_halt(const struct build_ctx *ctx)
{
	if (ctx->halt > 0)
		log_error("the build stopped: the storage failed (%s); no article was set aside, every one is still "
			  "in %s/articles/ for the next build", strerror(ctx->halt), ctx->show.dir);
	else if (ctx->halt)
		log_error("the build stopped for a failure that is not the articles' (see above); no article was set "
			  "aside, every one is still in %s/articles/ for the next build", ctx->show.dir);
}

/* A feed's item that failed: a note in articles/failed/, and the state remembers it,
 * so it is not tried every night; it is tried again when the item changes. 0 when the
 * note is written, -1 when not (reported; the item is then tried again next time). */
static int build_item_failed(struct build_ctx *ctx, struct build_state *st, const struct build_piece *p,
			     const char *why_given)
{
	char *why = xstrdup(why_given);	/* it may be log_last_error()'s buffer, which the next error reuses */
	char *slug = util_slug(p->name, 60);
	/* the guid's hash too: two items may share a headline, or have none in ASCII */
	char *id_hash = util_hex64(util_fnv(UTIL_FNV_START, p->id, strlen(p->id)));
	char *note = xasprintf("feed-%s-%.8s.error", slug, id_hash);
	char *then = xasprintf("Item: %s (%s)\nIt is tried again when it changes in its feed.", p->name, p->id);
	int ret = build_note(&ctx->show, note, "feed item", why, then);

	if (ret == 0) {
		build_state_set(st, p->id, p->hash, NULL, why);
		/* why was reported where it happened: said once, and kept in the note */
		log_warn("feed item '%s' failed (the reason is in articles/failed/%s)", p->name, note);
	}
	free(why);
	free(slug);
	free(id_hash);
	free(note);
	free(then);
	return ret;
}

/* Counts a failure once it is set aside (set_aside 0); when setting it aside failed
 * because the storage did, the build stops instead. */
static void build_count_failure(struct build_ctx *ctx, int set_aside)
{
	if (set_aside < 0 && log_last_error_storage())
		build_halt(ctx, log_last_error_storage());
	else
		ctx->failures++;
}

/* An article that failed: a file is moved aside, a feed's item remembered. */
static void build_failed(struct build_ctx *ctx, struct build_state *st, const struct build_piece *p, const char *why)
{
	build_count_failure(ctx, p->path ? build_set_aside(&ctx->show, p->name, why) : build_item_failed(ctx, st, p, why));
}

/* The cache key: everything that decides the part's audio. */
static char *build_key(const struct build_ctx *ctx, const struct build_piece *p)
{
	uint64_t h = UTIL_FNV_START;
	/* the whole of it, however long the voice's names: a cut key could match another voice's */
	char *settings = xasprintf("%s|%s|%d|%d|%d|%d|%.2f|%.2f|%d|%d", ctx->voice.espeak,
				   ctx->voice.variant ? ctx->voice.variant : "", ctx->voice.rate, ctx->voice.pitch,
				   ctx->voice.range, p->job.tail_ms, ctx->audio.target_lufs, ctx->audio.ceiling_dbtp,
				   ctx->encode.bitrate, ctx->encode.rate);

	h = util_fnv(h, BUILD_CACHE_VERSION, strlen(BUILD_CACHE_VERSION));
	h = util_fnv(h, settings, strlen(settings));
	free(settings);
	if (p->scripted) {
		for (size_t i = 0; i < p->sc.segments.n; i++) {
			const struct segment *s = &p->sc.segments.items[i];

			h = util_fnv(h, s->text, strlen(s->text) + 1);
			h = util_fnv(h, &s->pause_ms, sizeof s->pause_ms);
			h = util_fnv(h, &s->phonemes, sizeof s->phonemes);
		}
	} else {
		char *data = NULL;
		size_t len = 0;

		if (util_read_file(p->path, 1u << 30, &data, &len) == 0)
			h = util_fnv(h, data, len);
		h = util_fnv(h, p->path, strlen(p->path));
		free(data);
	}
	return util_hex64(h);
}

/* A part made before, with the same key: its frames and its result. */
static bool build_cache_load(const struct build_ctx *ctx, struct build_piece *p)
{
	char *mp3 = xasprintf("%s/%s.mp3", ctx->cache_dir, p->key);
	char *meta = xasprintf("%s/%s.meta", ctx->cache_dir, p->key);
	FILE *fp = fopen(meta, "rb");
	bool ok = false;

	if (fp && fread(&p->res, sizeof p->res, 1, fp) == 1) {
		size_t n = p->res.n_timings, nw = p->res.n_words;

		p->res.timings = NULL;
		p->res.words = NULL;
		ok = n == (p->scripted ? p->sc.segments.n : 0) && nw <= (size_t)1 << 28;
		if (ok) {
			p->res.timings = xcalloc(n ? n : 1, sizeof *p->res.timings);
			p->res.words = xcalloc(nw ? nw : 1, sizeof *p->res.words);
			ok = fread(p->res.timings, sizeof *p->res.timings, n, fp) == n &&
			     fread(p->res.words, sizeof *p->res.words, nw, fp) == nw;
		}
		p->fp = ok ? fopen(mp3, "rb") : NULL;
		ok = p->fp != NULL;
	}
	if (!ok) {
		article_result_release(&p->res);
		memset(&p->res, 0, sizeof p->res);
	} else {
		log_verbose("build: '%s' is in the cache, not spoken again", p->name);
	}
	if (fp)
		fclose(fp);
	free(mp3);
	free(meta);
	return ok;
}

static int build_cache_store_meta(const struct build_ctx *ctx, const struct build_piece *p)
{
	char *path = xasprintf("%s/%s.meta", ctx->cache_dir, p->key);
	struct outfile of;
	int ret = -1;

	if (outfile_open_private(&of, path) == 0) {
		fwrite(&p->res, sizeof p->res, 1, of.fp);
		fwrite(p->res.timings, sizeof *p->res.timings, p->res.n_timings, of.fp);
		fwrite(p->res.words, sizeof *p->res.words, p->res.n_words, of.fp);
		ret = outfile_commit(&of);
	}
	free(path);
	return ret;
}

struct build_running {
	struct build_piece *piece;
	struct article_run run;
	struct outfile out;
};

static void build_finish_one(struct build_ctx *ctx, struct build_running *r)
{
	struct build_piece *p = r->piece;
	struct error err = { 0 };
	char *path;

	if (article_finish(&r->run, &p->res, &err) < 0) {
		outfile_abort(&r->out);
		p->failed = true;
		p->error = xstrdup(err.message);
		p->storage = err.kind == ERROR_STORAGE ? (err.errnum ? err.errnum : -1) : 0;
		error_release(&err);
		return;
	}
	path = xstrdup(r->out.dest);
	if (outfile_commit(&r->out) < 0 || build_cache_store_meta(ctx, p) < 0 || !(p->fp = fopen(path, "rb"))) {
		/* the cache is the show's: whatever went wrong, it is not the article's fault */
		p->failed = true;
		p->error = xstrdup(log_last_error());
		p->storage = log_last_error_storage() ? log_last_error_storage() : -1;
	} else {
		p->ready = true;
	}
	free(path);
}

/* The running child that finished first (its output ended), waiting if none has.
 * fds and map have room for slots entries: every running child is watched. */
static size_t build_next_done(struct build_running *running, size_t slots, struct pollfd *fds, size_t *map)
{
	for (;;) {
		size_t n = 0;

		for (size_t i = 0; i < slots; i++) {
			if (!running[i].piece)
				continue;
			fds[n] = (struct pollfd){ running[i].run.child.fd, POLLIN, 0 };
			map[n++] = i;
		}
		struct timespec ts;
		long now;

		if (poll(fds, n, 1000) > 0)
			for (size_t k = 0; k < n; k++)
				if (fds[k].revents & (POLLHUP | POLLERR | POLLNVAL))
					return map[k];
		/* a child that has written its result but not closed yet: read it too */
		for (size_t k = 0; k < n; k++)
			if (fds[k].revents & POLLIN)
				return map[k];
		/* one that hangs silently past its time limit: isolate_wait stops it */
		clock_gettime(CLOCK_MONOTONIC, &ts);
		now = ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
		for (size_t k = 0; k < n; k++)
			if (running[map[k]].run.child.deadline_ms <= now)
				return map[k];
	}
}

/* "3 of 7 done, now robot-library.txt, about 12 s left" on a terminal. */
static void build_progress(struct build_ctx *ctx, struct build_piece **pieces, size_t n, size_t done, time_t started)
{
	char phase[160];
	const char *now = NULL;
	long spent = (long)(time(NULL) - started), left = done ? spent * (long)(n - done) / (long)done : -1;

	if (!ctx->progress.enabled)
		return;
	for (size_t i = 0; i < n && !now; i++)
		if (!pieces[i]->ready && !pieces[i]->failed)
			now = pieces[i]->name;
	snprintf(phase, sizeof phase, "%zu of %zu pieces made%s%.40s%s, ", done, n, now ? ", now " : "", now ? now : "",
		 left >= 0 && done < n ? "" : "");
	if (left >= 0 && done < n)
		snprintf(phase + strlen(phase), sizeof phase - strlen(phase), "about %ld s left,", left);
	progress_update(&ctx->progress, phase, (double)done / (double)n);
}

/* Makes every piece's part: from the cache, or jobs at a time in child processes. */
static void build_make_parts(struct build_ctx *ctx, struct build_piece **pieces, size_t n)
{
	size_t slots = (size_t)ctx->args->jobs, next = 0, done = 0, active = 0;
	struct build_running *running = xcalloc(slots, sizeof *running);
	struct pollfd *fds = xcalloc(slots, sizeof *fds);
	size_t *map = xcalloc(slots, sizeof *map);
	time_t started = time(NULL);

	for (size_t i = 0; i < n; i++) {
		pieces[i]->key = build_key(ctx, pieces[i]);
		if (build_cache_load(ctx, pieces[i]))
			pieces[i]->ready = true;
	}
	while (next < n || active) {
		/* start as many as there are free slots */
		while (next < n && active < slots) {
			struct build_piece *p = pieces[next++];
			struct build_running *r = running;
			char *path;

			/* once the storage failed, nothing more is made */
			if (p->ready || p->failed || ctx->halt) {
				done++;
				continue;
			}
			while (r->piece)
				r++;
			path = xasprintf("%s/%s.mp3", ctx->cache_dir, p->key);
			memset(r, 0, sizeof *r);
			r->piece = p;
			if (outfile_open_private(&r->out, path) < 0 || article_start(&r->run, &p->job, r->out.fp) < 0) {
				outfile_abort(&r->out);
				p->failed = true;
				p->error = xstrdup(log_last_error());
				/* no room in the cache, or no process to make it: not the article's fault */
				p->storage = log_last_error_storage() ? log_last_error_storage() : -1;
				build_halt(ctx, p->storage);
				r->piece = NULL;
				done++;
			} else {
				active++;
				log_verbose("build: speaking '%s'", p->name);
			}
			free(path);
		}
		if (!active)
			continue;
		/* whichever finishes first frees its slot for the next piece */
		{
			size_t i = build_next_done(running, slots, fds, map);

			build_finish_one(ctx, &running[i]);
			if (running[i].piece->storage)
				build_halt(ctx, running[i].piece->storage);
			running[i].piece = NULL;
		}
		active--;
		done++;
		build_progress(ctx, pieces, n, done, started);
	}
	free(running);
	free(fds);
	free(map);
}

/* ---- assembling an episode ---- */

static char *build_slug(const struct build_ctx *ctx, const char *text)
{
	char date[16], *base, *slug, *stem;
	struct tm tm;

	localtime_r(&ctx->when, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	stem = util_slug(text, 60);
	base = xasprintf("%s-%s", date, stem);
	slug = xstrdup(base);
	for (int k = 2;; k++) {
		char *json = xasprintf("%s/%s.json", ctx->episodes, slug);
		bool taken = access(json, F_OK) == 0;

		free(json);
		if (!taken)
			break;
		free(slug);
		slug = xasprintf("%s-%d", base, k);
	}
	free(base);
	free(stem);
	return slug;
}

/* An article's summary: its own description, else its first paragraph. */
static char *build_summary(const struct script *sc)
{
	if (sc->doc.description && *sc->doc.description)
		return xstrdup(sc->doc.description);
	for (size_t i = 0; i < sc->doc.n_blocks; i++)
		if (sc->doc.blocks[i].kind == BLOCK_PARAGRAPH && sc->doc.blocks[i].text)
			return xstrdup(sc->doc.blocks[i].text);
	return xstrdup("");
}

static int build_read_cover(const struct show *show, unsigned char **data, size_t *len, const char **mime)
{
	char *path;

	*data = NULL;
	*mime = NULL;
	if (!show->image)
		return 0;
	path = show_path(show, show->image);
	if (util_read_file(path, 16u << 20, (char **)data, len) < 0) {
		log_warn("the cover '%s' cannot be read: episodes are built without it", path);
		free(path);
		return 0;
	}
	if (*len > 3 && (*data)[0] == 0xff && (*data)[1] == 0xd8)
		*mime = "image/jpeg";
	else if (*len > 8 && memcmp(*data, "\x89PNG\r\n\x1a\n", 8) == 0)
		*mime = "image/png";
	else {
		log_warn("the cover '%s' is neither JPEG nor PNG: episodes are built without it", path);
		free(*data);
		*data = NULL;
	}
	free(path);
	return 0;
}

/* The commits are finished once the feed is written: each whose files are all in place is
 * dropped; one whose files could not be moved stays, for the next build to finish. */
static int build_state_commits_done(const struct build_ctx *ctx, struct build_state *st)
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
			char *f = xasprintf("%s/%s%s", ctx->staging, slug, episode_files[k]);

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

/* Moves the staged files of an episode into public/episodes; the sidecar last. Finishing
 * an interrupted commit (again), a file no longer staged was moved already. */
static int build_publish(const struct build_ctx *ctx, const char *slug, bool again)
{
	int ret = 0;

	for (size_t i = 0; i < EPISODE_N_FILES && ret == 0; i++) {
		char *from = xasprintf("%s/%s%s", ctx->staging, slug, episode_files[i]);
		char *to = xasprintf("%s/%s%s", ctx->episodes, slug, episode_files[i]);

		if (again && access(from, F_OK) != 0 && errno == ENOENT) {
			/* moved before the build was stopped */
		} else if (rename(from, to) != 0) {
			log_error("cannot move '%s' to '%s': %s", from, to, strerror(errno));
			ret = -1;
		} else if (!again) {
			build_step(episode_files[i]);
		}
		free(from);
		free(to);
	}
	return ret;
}

/* Finishes what a build stopped in the middle of a commit left: the files still staged are
 * moved into place and the feed is written. An episode whose staged files are lost is
 * rolled back, so its articles are built again (a correction is reported as changed). */
static int build_recover(struct build_ctx *ctx, struct build_state *st)
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
		if (build_publish(ctx, slug, true) < 0)
			continue;
		json = xasprintf("%s/%s.json", ctx->episodes, slug);
		mp3 = xasprintf("%s/%s.mp3", ctx->episodes, slug);
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
			char *f = xasprintf("%s/%s%s", ctx->episodes, slug, episode_files[i]);

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
				cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(st->root, "articles"),
									id);
		}
	}
	if (feed_write(&ctx->show) < 0 || build_state_commits_done(ctx, st) < 0)
		return -1;
	/* its files are the only copy: nothing is built (nor staging cleared) until they are in place */
	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(st->root, "commit"))) {
		log_error("an episode committed before cannot be moved into '%s' (see above): fix that, then build again",
			  ctx->episodes);
		return -1;
	}
	return 0;
}

/* Who wrote the episode's articles, each once: "A", "A and B", "A, B and C"; NULL if unknown. */
static char *build_writers(const struct episode *ep)
{
	const char **names = xcalloc(ep->n_articles ? ep->n_articles : 1, sizeof *names);
	size_t n = 0;
	char *joined;

	for (size_t i = 0; i < ep->n_articles; i++) {
		bool seen = !ep->articles[i].author;

		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(names[k], ep->articles[i].author) == 0;
		if (!seen)
			names[n++] = ep->articles[i].author;
	}
	joined = util_join_names(names, n);
	free(names);
	return joined;
}

/* Adds a chapter starting at start_ms; the one before it ends there. */
static void build_add_chapter(struct encode_chapter **chapters, size_t *n, size_t *cap, uint32_t start_ms,
			      const char *title)
{
	util_grow((void **)chapters, cap, *n + 1, sizeof **chapters);
	(*chapters)[*n] = (struct encode_chapter){ start_ms, start_ms, title };
	if (*n)
		(*chapters)[*n - 1].end_ms = start_ms;
	(*n)++;
}

/* The time of a sidecar's date, or the build's when it has none. */
static time_t build_sidecar_time(const struct build_ctx *ctx, const struct episode *ep)
{
	struct tm tm = { 0 };
	const char *end;

	if (ep->date && (end = strptime(ep->date, "%Y-%m-%dT%H:%M:%SZ", &tm)) && !*end)
		return timegm(&tm);
	return ctx->when;
}

/* When an episode was published, for what it says of its day: a correction's title, intro
 * and tag keep the day of the episode it replaces (slug), a new episode has the build's. */
static time_t build_episode_time(const struct build_ctx *ctx, const char *slug)
{
	char *json = slug ? xasprintf("%s/%s.json", ctx->episodes, slug) : NULL;
	struct episode old;
	time_t at = ctx->when;

	episode_init(&old);
	if (json && episode_read(&old, json) == 0)
		at = build_sidecar_time(ctx, &old);
	episode_release(&old);
	free(json);
	return at;
}

/* Remembers an episode's title (a rebuilt one's new title replaces its old). */
static void build_title_note(struct build_ctx *ctx, const char *slug, const char *title)
{
	for (size_t i = 0; i < ctx->n_titles; i++)
		if (strcmp(ctx->titles[i].slug, slug) == 0) {
			free(ctx->titles[i].title);
			ctx->titles[i].title = xstrdup(title);
			return;
		}
	util_grow((void **)&ctx->titles, &ctx->cap_titles, ctx->n_titles + 1, sizeof *ctx->titles);
	ctx->titles[ctx->n_titles++] = (struct build_title){ xstrdup(slug), xstrdup(title) };
}

/* title, else "title (2)", "title (3)" ...: the first that no other episode of the show
 * has, so two digests of one day can be told apart. Takes title; a new string. */
static char *build_unique_title(struct build_ctx *ctx, char *title, const char *slug)
{
	char *name = title;

	if (!ctx->titles_read) {
		DIR *d = opendir(ctx->episodes);
		struct dirent *de;

		while (d && (de = readdir(d))) {
			struct episode old;
			char *path;

			if (de->d_name[0] == '.' || !util_ends_with(de->d_name, ".json") ||
			    util_ends_with(de->d_name, ".chapters.json"))
				continue;
			path = xasprintf("%s/%s", ctx->episodes, de->d_name);
			episode_init(&old);
			if (episode_read(&old, path) == 0)
				build_title_note(ctx, old.slug, old.title);
			episode_release(&old);
			free(path);
		}
		if (d)
			closedir(d);
		ctx->titles_read = true;
	}
	for (int k = 2;; k++) {
		bool taken = false;

		for (size_t i = 0; i < ctx->n_titles && !taken; i++)
			taken = strcmp(ctx->titles[i].title, name) == 0 && strcmp(ctx->titles[i].slug, slug) != 0;
		if (!taken)
			break;
		if (name != title)
			free(name);
		name = xasprintf("%s (%d)", title, k);
	}
	if (name != title)
		free(title);
	return name;
}

/* Builds the episode of pieces; replaces is the slug of the episode it corrects in place
 * (its guid, number, slug and date are kept), or NULL for a new episode. */
static int build_episode(struct build_ctx *ctx, struct build_piece **pieces, size_t n, struct build_state *st,
			 const char *replaces)
{
	struct encode_part *parts = xcalloc(n ? n : 1, sizeof *parts);	/* one a piece: none is left out */
	struct encode_chapter *chapters = NULL;
	struct transcript tr;
	struct transcript_word *words = NULL;
	size_t n_parts = 0, n_chapters = 0, cap_chapters = 0, cap_words = 0, n_articles = 0;
	struct episode ep, old;
	struct encode_tags tags = { 0 };
	struct strbuf desc;
	unsigned char *cover = NULL;
	size_t cover_len = 0;
	const char *cover_mime = NULL;
	char *path = NULL, date[16], rfc[32], *first_headline = NULL, *writers = NULL;
	uint64_t total = 0;
	struct stat stb;
	struct tm tm;
	time_t when, day;
	int ret = -1;

	episode_init(&ep);
	episode_init(&old);
	transcript_init(&tr);
	strbuf_init(&desc);
	for (size_t i = 0; i < n; i++) {
		if (pieces[i]->kind == PIECE_ARTICLE && pieces[i]->ready)
			n_articles++;
		else if (pieces[i]->kind == PIECE_ARTICLE && replaces) {
			/* a correction never drops the rest of its episode: the episode stays as it was */
			log_warn("episode '%s' is not rebuilt: its article '%s' could not be made", replaces,
				 pieces[i]->name);
			ret = 0;
			goto out;
		}
	}
	if (!n_articles) {
		ret = 0;
		goto out;
	}
	if (replaces) {
		char *json = xasprintf("%s/%s.json", ctx->episodes, replaces);

		ret = episode_read(&old, json);
		free(json);
		if (ret < 0)
			goto out;
		ret = -1;
	}
	/* the parts in order, and where each begins */
	for (size_t i = 0; i < n; i++) {
		struct build_piece *p = pieces[i];
		uint64_t at;
		uint32_t at_ms;

		if (!p->ready)
			continue;
		parts[n_parts] = p->res.part;
		parts[n_parts].fp = p->fp;
		at = encode_part_offset(parts, n_parts);
		n_parts++;
		at_ms = (uint32_t)llround((double)at * 1000.0 / ctx->audio.out_rate);
		if (p->kind == PIECE_ARTICLE || (p->kind == PIECE_INTRO && i == 0)) {
			const char *title = p->kind == PIECE_INTRO ? "Introduction" : p->sc.doc.headline;

			build_add_chapter(&chapters, &n_chapters, &cap_chapters, at_ms, title);
		}
		/* in article mode, a chapter for each section too: where its subheading is spoken */
		for (size_t k = 0; ctx->show.mode == SHOW_ARTICLE && p->kind == PIECE_ARTICLE && k < p->res.n_timings; k++)
			if (p->sc.segments.items[k].role == ROLE_SUBHEADING)
				build_add_chapter(&chapters, &n_chapters, &cap_chapters,
						  at_ms + p->res.timings[k].start_ms, p->sc.segments.items[k].written);
		/* captions: each sentence cut into cues, timed by its words */
		for (size_t k = 0, w = 0; k < p->res.n_timings; k++) {
			const struct segment *seg = &p->sc.segments.items[k];
			struct transcript_sentence ts = { seg->written, seg->text, at_ms + p->res.timings[k].speech_ms,
							  at_ms + p->res.timings[k].end_ms, NULL, 0 };

			while (w < p->res.n_words && p->res.words[w].seg < k)
				w++;
			for (; w < p->res.n_words && p->res.words[w].seg == k; w++) {
				util_grow((void **)&words, &cap_words, ts.n_words + 1, sizeof *words);
				words[ts.n_words++] = (struct transcript_word){ p->res.words[w].text_pos,
										at_ms + p->res.words[w].ms };
			}
			ts.words = words;
			transcript_add_sentence(&tr, &ts);
		}
		if (p->kind == PIECE_ARTICLE) {
			char *summary = build_summary(&p->sc);

			if (!first_headline)
				first_headline = p->sc.doc.headline;
			strbuf_addf(&desc, "%s%s\n%s\n", desc.len ? "\n" : "", p->sc.doc.headline, summary);
			episode_add_article(&ep, (struct episode_article){
							 xstrdup(p->id), xstrdup(p->hash), xstrdup(p->sc.doc.headline), summary,
							 p->sc.doc.author ? xstrdup(p->sc.doc.author) : NULL,
							 p->sc.doc.date ? xstrdup(p->sc.doc.date) : NULL,
							 p->sc.doc.link ? xstrdup(p->sc.doc.link) : NULL });
		}
	}
	for (size_t k = 0; k < n_parts; k++)
		total += (uint64_t)parts[k].frames * 1152;
	total -= parts[0].delay + parts[n_parts - 1].padding;
	if (n_chapters)
		chapters[n_chapters - 1].end_ms = (uint32_t)llround((double)total * 1000.0 / ctx->audio.out_rate);

	/* the replaced episode's sidecar is read already */
	day = replaces ? build_sidecar_time(ctx, &old) : ctx->when;
	localtime_r(&day, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	/* the episodes of one build a second apart, in build order, so the feed keeps that order */
	when = ctx->when + ctx->new_episodes;
	gmtime_r(&when, &tm);
	strftime(rfc, sizeof rfc, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (replaces) {
		ep.slug = xstrdup(old.slug);
		ep.guid = xstrdup(old.guid);
		ep.number = old.number;
		ep.date = xstrdup(old.date ? old.date : rfc);
	} else {
		ep.slug = build_slug(ctx, ctx->show.mode == SHOW_ARTICLE ? first_headline : ctx->show.title);
		ep.guid = episode_new_guid();
		ep.number = build_state_next_number(st);
		ep.date = xstrdup(rfc);
	}
	ep.title = build_unique_title(ctx, show_expand(&ctx->show, ctx->show.mode == SHOW_ARTICLE ?
					(ctx->show.title_pattern && strcmp(ctx->show.title_pattern,
					"{show} — {date:%A %-d %B %Y}") != 0 ? ctx->show.title_pattern : "{headline}") :
					ctx->show.title_pattern, first_headline, (long)day), ep.slug);
	ep.description = strbuf_detach(&desc);
	strbuf_init(&desc);
	ep.duration = (double)total / ctx->audio.out_rate;
	for (size_t i = 0; i < n_chapters; i++)
		episode_add_chapter(&ep, chapters[i].start_ms, xstrdup(chapters[i].title));

	build_read_cover(&ctx->show, &cover, &cover_len, &cover_mime);
	tags.title = ep.title;
	tags.artist = ctx->show.author;
	tags.album = ctx->show.title;
	tags.date = date;
	tags.genre = "Podcast";
	tags.comment = ctx->show.description;
	tags.writer = writers = build_writers(&ep);
	tags.source_url = ep.n_articles == 1 && ctx->show.mode == SHOW_ARTICLE && ep.articles[0].link &&
				  fetch_is_url(ep.articles[0].link) ? ep.articles[0].link : NULL;
	tags.show_url = ctx->show.link;
	tags.chapters = chapters;
	tags.n_chapters = n_chapters;
	tags.cover = cover;
	tags.cover_len = cover_len;
	tags.cover_mime = cover_mime;
	path = xasprintf("%s/%s.mp3", ctx->staging, ep.slug);
	if (encode_join(path, &ctx->encode, &tags, parts, n_parts) < 0)
		goto out;
	if (stat(path, &stb) == 0)
		ep.bytes = (uint64_t)stb.st_size;
	free(path);
	path = xasprintf("%s/%s.vtt", ctx->staging, ep.slug);
	if (transcript_write_vtt(path, tr.cues, tr.n) < 0)
		goto out;
	free(path);
	path = xasprintf("%s/%s.srt", ctx->staging, ep.slug);
	if (transcript_write_srt(path, tr.cues, tr.n) < 0)
		goto out;
	if (episode_write(&ep, ctx->staging) < 0)
		goto out;
	build_step("staged");
	/* the commit point: from here on the episode is published, by this build or the next */
	if (build_state_commit(st, &ep, replaces != NULL) < 0)
		goto out;
	build_step("committed");
	if (!replaces)
		ctx->new_episodes++;
	build_title_note(ctx, ep.slug, ep.title);
	if (build_publish(ctx, ep.slug, false) < 0)
		goto out;
	/* published parts are never needed again: the cache keeps only unfinished work */
	for (size_t i = 0; i < n; i++) {
		if (!pieces[i]->ready)
			continue;
		for (int k = 0; k < 2; k++) {
			char *f = xasprintf("%s/%s.%s", ctx->cache_dir, pieces[i]->key, k ? "meta" : "mp3");

			unlink(f);
			free(f);
		}
	}
	progress_done(&ctx->progress);
	log_info("%s %s/%s.mp3: \"%s\", %zu article%s, %d:%02d", replaces ? "rebuilt in place" : "built",
	       ctx->episodes, ep.slug, ep.title, n_articles, n_articles == 1 ? "" : "s", (int)ep.duration / 60,
	       (int)ep.duration % 60);
	ret = 0;
out:
	free(parts);
	free(path);
	free(writers);
	free(chapters);
	transcript_release(&tr);
	free(words);
	free(cover);
	strbuf_release(&desc);
	episode_release(&ep);
	episode_release(&old);
	return ret;
}

/* ---- the pieces of a run ---- */

static struct build_piece *build_text_piece(struct build_ctx *ctx, enum build_kind kind, const char *value,
					    const char *headline, int tail_ms, time_t at)
{
	struct build_piece *p = xcalloc(1, sizeof *p);

	p->kind = kind;
	p->name = xstrdup(kind == PIECE_INTRO ? "intro" : kind == PIECE_OUTRO ? "outro" : "between");
	if (show_is_audio(value)) {
		p->path = show_path(&ctx->show, value);
		if (access(p->path, R_OK) != 0) {
			log_error("'%s': [episode] %s names '%s', which cannot be read: %s", ctx->show.ini, p->name, p->path,
				  strerror(errno));
			build_piece_free(p);
			return NULL;
		}
	} else {
		char *text = show_expand(&ctx->show, value, headline, (long)at);

		script_init(&p->sc);
		p->scripted = true;
		if (script_build_text(&p->sc, p->name, text, &ctx->script) < 0) {
			free(text);
			build_piece_free(p);
			return NULL;
		}
		free(text);
	}
	p->job = (struct article_job){ p->name, &ctx->voice, p->scripted ? &p->sc.segments : NULL, p->path, tail_ms,
				       ctx->audio, ctx->encode, 600000 };
	return p;
}

/* A file's content hash; "unreadable" when it cannot be read, which is then
 * reported once, by whoever reads it for real. */
static char *build_file_hash(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);	/* as its reader will */
	FILE *fp = fd < 0 ? NULL : fdopen(fd, "rb");
	uint64_t h = UTIL_FNV_START;
	char buf[65536];
	size_t n;
	bool bad;

	if (!fp) {
		if (fd >= 0)
			close(fd);
		return xstrdup("unreadable");
	}
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		h = util_fnv(h, buf, n);
	bad = ferror(fp);
	fclose(fp);
	return bad ? xstrdup("unreadable") : util_hex64(h);
}

/* Whether id was seen before in this run, remembering it if not: a set of 64-bit
 * hashes, open addressing in cap (a power of two, at least twice the ids) slots. */
static bool build_seen(uint64_t *set, size_t cap, const char *id)
{
	uint64_t h = util_fnv(UTIL_FNV_START, id, strlen(id)) | 1;	/* 0 marks a free slot */

	for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		if (set[i] == h)
			return true;
		if (!set[i]) {
			set[i] = h;
			return false;
		}
	}
}

/* An article to build: a file in articles/, or an item of a [source] feed. */
struct build_todo {
	const char *id;		/* its key in the state */
	const char *file;	/* the file's name in articles/; NULL for an item */
	struct source_item *item;
	const char *hash;
	char *replaces;		/* --rebuild: the episode it is in, rebuilt in place; NULL for a new article */
};

static bool build_streq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether p (at i) goes before q in the digests' order: new articles first, then the
 * corrected episodes in the order their first article came in arts[0..i). */
static bool build_group_before(const struct build_piece *p, const struct build_piece *q,
			       struct build_piece *const *arts, size_t i)
{
	size_t fp = i, fq = i;

	if (build_streq(p->replaces, q->replaces))
		return false;
	if (!p->replaces || !q->replaces)
		return !p->replaces;
	for (size_t k = 0; k < i; k++) {
		if (fp == i && build_streq(arts[k]->replaces, p->replaces))
			fp = k;
		if (fq == i && build_streq(arts[k]->replaces, q->replaces))
			fq = k;
	}
	return fp < fq;
}

static int build_run(struct build_ctx *ctx, const struct build_todo *todo, size_t n_todo, struct build_state *st)
{
	struct build_piece **arts = xcalloc(n_todo ? n_todo : 1, sizeof *arts), **all = NULL;
	size_t n_arts = 0, n_all = 0, cap_all = 0, *ep_start = xcalloc(n_todo + 2, sizeof *ep_start), n_eps = 0;
	char **ep_replaces = xcalloc(n_todo + 1, sizeof *ep_replaces);
	const int *pause = ctx->voice.pause_ms;
	int ret = 0;

	/* read, clean and segment every new article; a bad one is set aside */
	for (size_t i = 0; i < n_todo; i++) {
		struct build_piece *p = xcalloc(1, sizeof *p);
		int bad;

		p->kind = PIECE_ARTICLE;
		p->id = xstrdup(todo[i].id);
		p->name = xstrdup(todo[i].file ? todo[i].file : todo[i].item->doc.headline);
		p->path = todo[i].file ? xasprintf("%s/articles/%s", ctx->show.dir, todo[i].file) : NULL;
		p->hash = xstrdup(todo[i].hash);
		p->replaces = todo[i].replaces ? xstrdup(todo[i].replaces) : NULL;
		script_init(&p->sc);
		p->scripted = true;
		bad = p->path ? script_build(&p->sc, p->path, &ctx->script)
			      : script_build_doc(&p->sc, &todo[i].item->doc, &ctx->script);
		if (bad < 0 && log_last_error_storage()) {	/* the disk could not give the article back */
			build_halt(ctx, log_last_error_storage());
			build_piece_free(p);
			goto fail;
		}
		if (bad < 0) {
			build_failed(ctx, st, p, log_last_error());
			build_piece_free(p);
			if (ctx->halt)
				goto fail;
			continue;
		}
		p->job = (struct article_job){ p->name, &ctx->voice, &p->sc.segments, NULL, pause[BREAK_ARTICLE],
					       ctx->audio, ctx->encode, synth_time_limit_ms(&p->sc.segments),
					       ctx->args->jobs > 1 ? 2 : 1 };
		arts[n_arts++] = p;
	}

	/* a digest's corrections go with the other articles of the episode they correct: the new
	 * articles first, then each corrected episode's, each a run (the order kept otherwise) */
	if (ctx->show.mode == SHOW_DIGEST)
		for (size_t i = 1; i < n_arts; i++) {
			struct build_piece *p = arts[i];
			size_t k = i;

			while (k > 0 && build_group_before(p, arts[k - 1], arts, i)) {
				arts[k] = arts[k - 1];
				k--;
			}
			arts[k] = p;
		}
	/* the episodes: one for all (digest), or one each, with intro, sounds between, outro */
	for (size_t first = 0, last; first < n_arts; first = last) {
		const char *headline = arts[first]->sc.doc.headline;
		struct build_piece *p;
		time_t at;

		last = first + 1;
		while (ctx->show.mode == SHOW_DIGEST && last < n_arts &&
		       build_streq(arts[last]->replaces, arts[first]->replaces))
			last++;
		ep_replaces[n_eps] = arts[first]->replaces ? xstrdup(arts[first]->replaces) : NULL;
		at = build_episode_time(ctx, ep_replaces[n_eps]);
		ep_start[n_eps++] = n_all;
		if (ctx->show.intro && *ctx->show.intro) {
			if (!(p = build_text_piece(ctx, PIECE_INTRO, ctx->show.intro, headline, pause[BREAK_SECTION], at)))
				goto fail;
			util_grow((void **)&all, &cap_all, n_all + 1, sizeof *all);
			all[n_all++] = p;
		}
		for (size_t i = first; i < last; i++) {
			bool more = i + 1 < last;

			/* after the last article, the pause before the outro; between articles, the sound or a pause */
			arts[i]->job.tail_ms = more ? (ctx->show.between ? pause[BREAK_PARAGRAPH] : pause[BREAK_ARTICLE])
						    : (ctx->show.outro && *ctx->show.outro ? pause[BREAK_SECTION] : 0);
			util_grow((void **)&all, &cap_all, n_all + 2, sizeof *all);
			all[n_all++] = arts[i];
			arts[i] = NULL;
			if (more && ctx->show.between) {
				if (!(p = build_text_piece(ctx, PIECE_BETWEEN, ctx->show.between, headline,
							   pause[BREAK_PARAGRAPH], at)))
					goto fail;
				all[n_all++] = p;
			}
		}
		if (ctx->show.outro && *ctx->show.outro) {
			if (!(p = build_text_piece(ctx, PIECE_OUTRO, ctx->show.outro, headline, 0, at)))
				goto fail;
			util_grow((void **)&all, &cap_all, n_all + 1, sizeof *all);
			all[n_all++] = p;
		}
	}
	ep_start[n_eps] = n_all;
	build_make_parts(ctx, all, n_all);
	/* the storage failed: no article is blamed for it, and no episode is made */
	if (ctx->halt)
		goto fail;
	for (size_t i = 0; i < n_all && !ctx->halt; i++) {
		if (all[i]->failed && all[i]->kind == PIECE_ARTICLE) {
			build_failed(ctx, st, all[i], all[i]->error ? all[i]->error : "it failed");
		} else if (all[i]->failed) {
			log_error("the show's %s could not be made; no episode is built without it", all[i]->name);
			ret = -1;
		}
	}
	if (ctx->halt)
		goto fail;
	for (size_t e = 0; e < n_eps && ret == 0; e++)
		if (build_episode(ctx, all + ep_start[e], ep_start[e + 1] - ep_start[e], st, ep_replaces[e]) < 0)
			ret = -1;
	if (ret < 0 && log_last_error_storage())
		build_halt(ctx, log_last_error_storage());
	goto out;
fail:
	ret = -1;
out:
	for (size_t i = 0; i < n_arts; i++)
		build_piece_free(arts[i]);
	for (size_t i = 0; i < n_all; i++)
		build_piece_free(all[i]);
	for (size_t e = 0; e < n_eps; e++)
		free(ep_replaces[e]);
	free(arts);
	free(all);
	free(ep_start);
	free(ep_replaces);
	return ret;
}

static int build_mkdirs(struct build_ctx *ctx)
{
	char *dirs[] = { xasprintf("%s/public", ctx->show.dir), ctx->episodes,
			 xasprintf("%s/.newscast", ctx->show.dir), ctx->cache_dir, ctx->staging };
	int ret = 0;

	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		/* .newscast/ holds the feeds' URLs and copies: its owner's only */
		if (i >= 2) {
			if (util_private_dir(dirs[i]) < 0)
				ret = -1;
		} else if (mkdir(dirs[i], 0777) < 0 && errno != EEXIST) {
			log_error("cannot create '%s': %s", dirs[i], strerror(errno));
			ret = -1;
		}
	}
	free(dirs[0]);
	free(dirs[2]);
	return ret;
}

/* Removes the files in dir (all, or only temporary ones). */
static void build_clear_dir(const char *dir, bool only_tmp)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	while (d && (de = readdir(d))) {
		char *p;

		if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
			continue;
		if (only_tmp && !util_ends_with(de->d_name, ".tmp"))
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
}

/* What a killed build left half-written is thrown away: it was never published nor cached. */
static void build_clear_staging(const struct build_ctx *ctx)
{
	build_clear_dir(ctx->staging, false);
	build_clear_dir(ctx->cache_dir, true);
}

/* The episode a published article is in, if it is still published: its slug (a new string), else NULL. */
static char *build_episode_of(const struct build_ctx *ctx, const struct build_state *st, const char *id)
{
	const char *slug = build_state_get(st, id, "episode");
	char *json = slug && !strchr(slug, '/') ? xasprintf("%s/%s.json", ctx->episodes, slug) : NULL;
	bool there = json && access(json, F_OK) == 0;

	free(json);
	return there ? xstrdup(slug) : NULL;
}

/* --rebuild in a digest: a corrected article's digest is rebuilt in place with every article
 * it holds, so the others come too, as they are now. A digest one of whose articles is no
 * longer in the inbox (or its feed) is not rebuilt, and its correction is reported as a change.
 * Returns the new count; todo has room for every article, and is kept in the inbox's order. */
static size_t build_add_companions(const struct build_ctx *ctx, const struct build_state *st, struct build_todo *todo,
				   size_t n_todo, char **names, char **hashes, size_t n_names,
				   struct source_item *items, size_t n_items, size_t *changed)
{
	struct build_todo *sorted;
	size_t n_sorted = 0;

	for (size_t r = 0; r < n_todo; r++) {
		const char *slug = todo[r].replaces;
		struct episode ep;
		char *json, *missing = NULL;
		bool first = true;

		for (size_t k = 0; slug && k < r && first; k++)
			first = !build_streq(todo[k].replaces, slug);
		if (!slug || !first)
			continue;
		json = xasprintf("%s/%s.json", ctx->episodes, slug);
		episode_init(&ep);
		if (episode_read(&ep, json) < 0)
			missing = xstrdup("its sidecar cannot be read");
		for (size_t a = 0; a < ep.n_articles && !missing; a++) {
			const char *id = ep.articles[a].file;
			bool found = false;

			for (size_t k = 0; k < n_todo && !found; k++)
				found = id && todo[k].id && strcmp(todo[k].id, id) == 0;
			for (size_t c = 0; c < n_names + n_items && !found && id; c++) {
				const char *cid = c < n_names ? names[c] : items[c - n_names].key;
				const char *in = build_state_get(st, cid, "episode");

				if (strcmp(cid, id) != 0 || !in || strcmp(in, slug) != 0)
					continue;
				todo[n_todo++] = c < n_names ? (struct build_todo){ names[c], names[c], NULL, hashes[c],
										  xstrdup(slug) }
							     : (struct build_todo){ items[c - n_names].key, NULL,
										  &items[c - n_names],
										  items[c - n_names].hash, xstrdup(slug) };
				found = true;
			}
			if (!found)
				missing = xasprintf("its article '%s' is no longer in articles/ or its feed",
						    ep.articles[a].headline ? ep.articles[a].headline : id ? id : "?");
		}
		if (missing) {
			log_warn("episode '%s' cannot be rebuilt with its corrected article: %s", slug, missing);
			(*changed)++;
			for (size_t k = n_todo; k-- > r;)	/* r itself last: slug is its string */
				if (build_streq(todo[k].replaces, slug)) {
					free(todo[k].replaces);
					todo[k].replaces = NULL;
					todo[k].id = NULL;	/* left out */
				}
		}
		free(missing);
		free(json);
		episode_release(&ep);
	}
	/* back in the inbox's order, the order the digest had */
	sorted = xcalloc(n_todo + 1, sizeof *sorted);
	for (size_t c = 0; c < n_names + n_items; c++)
		for (size_t k = 0; k < n_todo; k++)
			if (todo[k].id && (c < n_names ? todo[k].file == names[c] : todo[k].item == &items[c - n_names])) {
				sorted[n_sorted++] = todo[k];
				break;
			}
	memcpy(todo, sorted, n_sorted * sizeof *todo);
	free(sorted);
	return n_sorted;
}

int cmd_build(int argc, char **argv)
{
	struct build_args a = { 0 };
	struct build_ctx ctx = { 0 };
	struct build_state st = { 0 };
	struct lock lock = { -1, false };
	char **names = NULL, **hashes = NULL;
	struct source_item *items = NULL;
	struct build_todo *todo = NULL;
	uint64_t *seen = NULL;
	size_t seen_cap = 16, n_names = 0, n_items = 0, cap_items = 0, n_todo = 0, published = 0, changed = 0;
	int first, ret, feed_failures = 0;

	a.jobs = render_default_jobs();
	ret = cli_parse("build", argc, argv, cmd_build_options, cmd_build_on_option, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		cli_help(stdout, "build", "[OPTIONS] SHOW",
			 "Turn the new articles in SHOW/articles (.txt, .md, .html, and feeds: .rss, .atom, .xml)\n"
			 "and the new items of the feeds in [source] of SHOW/podcast.ini into episodes in\n"
			 "SHOW/public/episodes: one digest of them all, or one episode each ([episode] mode). Each\n"
			 "episode is an MP3 with chapters and cover, its transcript (.vtt, .srt), Podcasting 2.0\n"
			 "chapters and a JSON sidecar. Articles already published are not spoken again (a feed's\n"
			 "items are known by their guid); an article that fails is moved to SHOW/articles/failed/\n"
			 "with a note saying why (a feed's item gets the note), and the rest are built.",
			 cmd_build_options);
		return 0;
	}
	if (cli_one_operand("build", "show folder", argc - first) != 0)
		return 2;
	ctx.args = &a;
	show_init(&ctx.show);
	voice_profile_init(&ctx.voice);
	ret = 1;
	if (show_load(&ctx.show, argv[first]) < 0)
		goto out;
	/* one run on a show at a time: two would publish the same articles twice */
	if ((ret = lock_show(&lock, ctx.show.dir, a.wait)) != 0) {
		ret = ret == LOCK_EXIT_BUSY ? LOCK_EXIT_BUSY : 1;
		goto out;
	}
	ret = 1;
	if (voice_profile_find(&ctx.voice, ctx.show.voice ? ctx.show.voice : VOICE_DEFAULT) < 0)
		goto out;
	ctx.script.voice = ctx.voice.path;
	ctx.script.inbox = true;	/* nothing is read through a link in articles/ */
	ctx.script.max_minutes = ctx.show.max_minutes;
	ctx.script.lexicon = ctx.show.lexicon ? show_path(&ctx.show, ctx.show.lexicon) : NULL;
	ctx.audio = (struct audio_settings){ ctx.show.sample_rate, ctx.show.loudness, ctx.show.true_peak, 1 };
	ctx.encode = (struct encode_settings){ ENCODE_MP3, ctx.show.sample_rate, ctx.show.bitrate,
					       ENCODE_DEFAULT_QUALITY };
	ctx.when = time(NULL);
	if (a.date) {
		struct tm tm = { 0 };

		strptime(a.date, "%Y-%m-%d", &tm);
		tm.tm_hour = 6;
		tm.tm_isdst = -1;
		ctx.when = mktime(&tm);
	}
	ctx.cache_dir = xasprintf("%s/.newscast/cache", ctx.show.dir);
	ctx.staging = xasprintf("%s/.newscast/staging", ctx.show.dir);
	ctx.episodes = xasprintf("%s/public/episodes", ctx.show.dir);
	progress_init(&ctx.progress, ctx.show.dir, a.quiet);
	if (build_mkdirs(&ctx) < 0 || build_state_load(&st, &ctx.show) < 0)
		goto out;
	/* a commit a stopped build left is finished first: its files are in staging */
	if (build_recover(&ctx, &st) < 0 || build_list_articles(&ctx.show, &names, &n_names) < 0)
		goto out;
	build_clear_staging(&ctx);
	build_clear_failed_tmp(&ctx.show);

	/* the articles: files in articles/, then each feed's items in the feed's order */
	for (size_t i = 0; i < ctx.show.n_feeds; i++)
		if (source_read(&ctx.show, ctx.show.feeds[i], cJSON_GetObjectItemCaseSensitive(st.root, "feeds"), ctx.when,
				&items, &n_items, &cap_items) < 0)
			feed_failures++;
	/* a feed dropped into articles/ is read like a [source] feed (one that cannot be read
	 * is set aside); what stays in names are the articles that are files */
	{
		size_t k = 0;

		for (size_t i = 0; i < n_names; i++) {
			char *rel;

			if (input_format_of(names[i]) != INPUT_FEED) {
				names[k++] = names[i];
				continue;
			}
			rel = xasprintf("articles/%s", names[i]);
			if (source_read(&ctx.show, rel, NULL, ctx.when, &items, &n_items, &cap_items) < 0) {
				if (log_last_error_storage())	/* the disk could not give the feed back */
					build_halt(&ctx, log_last_error_storage());
				else
					build_count_failure(&ctx, build_set_aside(&ctx.show, names[i], log_last_error()));
			}
			free(rel);
			free(names[i]);
		}
		n_names = k;
	}
	hashes = xcalloc(n_names ? n_names : 1, sizeof *hashes);
	for (size_t i = 0; i < n_names; i++) {
		char *path = xasprintf("%s/articles/%s", ctx.show.dir, names[i]);

		hashes[i] = build_file_hash(path);
		free(path);
	}
	todo = xcalloc(n_names + n_items + 1, sizeof *todo);
	while (seen_cap < 2 * (n_names + n_items))
		seen_cap *= 2;
	seen = xcalloc(seen_cap, sizeof *seen);
	for (size_t i = 0; i < n_names + n_items; i++) {
		struct build_todo t = i < n_names ? (struct build_todo){ names[i], names[i], NULL, hashes[i] }
						  : (struct build_todo){ items[i - n_names].key, NULL, &items[i - n_names],
									 items[i - n_names].hash };
		const char *had = build_state_get(&st, t.id, "hash"), *why = build_state_get(&st, t.id, "failed");
		const char *label = t.file ? t.file : t.item->doc.headline;

		if (build_seen(seen, seen_cap, t.id)) {
			/* the first wins: a feed repeating a guid must not flip between its items each night */
			log_verbose("build: '%s' has the same guid as an item read before (%s): left out", label, t.id);
		} else if (!had) {
			todo[n_todo++] = t;
		} else if (strcmp(t.hash, had) != 0 && (why || a.rebuild)) {
			log_verbose("build: '%s' changed since it %s: %s", label, why ? "failed" : "was published",
				    why ? "trying again" : "republishing (--rebuild)");
			t.replaces = why ? NULL : build_episode_of(&ctx, &st, t.id);
			todo[n_todo++] = t;
		} else if (strcmp(t.hash, had) != 0) {
			changed++;
			log_warn("'%s' changed since it was published; 'newscast build --rebuild' republishes it", label);
		} else if (why) {
			log_verbose("build: '%s' failed before and has not changed since: not tried again (%s)", label, why);
		} else {
			published++;
			log_verbose("build: '%s' is published already", label);
		}
	}
	/* a correction in a digest rebuilds the digest in place: its other articles come too */
	if (ctx.show.mode == SHOW_DIGEST)
		n_todo = build_add_companions(&ctx, &st, todo, n_todo, names, hashes, n_names, items, n_items, &changed);
	if (n_todo == 0) {
		char *feed = xasprintf("%s/public/feed.xml", ctx.show.dir);

		log_info("nothing new to build in %s (%zu article%s published already%s)", ctx.show.dir, published,
		       published == 1 ? "" : "s", changed ? ", some changed: see above" : "");
		/* nothing to do, unless the feed itself is missing */
		ret = (access(feed, F_OK) != 0 && feed_write(&ctx.show) < 0) || build_state_save(&st) < 0 || feed_failures ||
		      ctx.failures;
		free(feed);
		goto out;
	}
	progress_update(&ctx.progress, "speaking and encoding", 0.0);
	ret = build_run(&ctx, todo, n_todo, &st) < 0 || ctx.failures || feed_failures ? 1 : 0;
	/* what failed, and the feeds' validators, are remembered even when no episode was made */
	if (build_state_save(&st) < 0)
		ret = 1;
	else
		build_step("state saved");
	/* the feed last, once every file it points at is in place; then the commits are done */
	if (feed_write(&ctx.show) < 0) {
		ret = 1;
	} else {
		build_step("feed written");
		if (build_state_commits_done(&ctx, &st) < 0)
			ret = 1;
	}
	if (ctx.failures)
		log_error("%d article%s could not be built: see %s/articles/failed/", ctx.failures,
			  ctx.failures == 1 ? "" : "s", ctx.show.dir);
	if (feed_failures)
		log_error("%d of the show's %zu feed%s could not be read: see above", feed_failures, ctx.show.n_feeds,
			  ctx.show.n_feeds == 1 ? "" : "s");
out:
	progress_done(&ctx.progress);
	if (ctx.halt) {
		build_report_halt(&ctx);
		ret = 1;
	}
	for (size_t i = 0; i < n_names; i++) {
		free(names[i]);
		free(hashes ? hashes[i] : NULL);
	}
	for (size_t i = 0; i < n_items; i++)
		source_item_release(&items[i]);
	free(items);
	free(hashes);
	free(names);
	for (size_t i = 0; i < n_todo; i++)
		free(todo[i].replaces);
	free(todo);
	free(seen);
	for (size_t i = 0; i < ctx.n_titles; i++) {
		free(ctx.titles[i].slug);
		free(ctx.titles[i].title);
	}
	free(ctx.titles);
	free((char *)ctx.script.lexicon);
	free(ctx.cache_dir);
	free(ctx.staging);
	free(ctx.episodes);
	build_state_release(&st);
	voice_profile_release(&ctx.voice);
	show_release(&ctx.show);
	lock_release(&lock);
	return ret;
}

int cmd_init(int argc, char **argv)
{
	struct build_args a = { 0 };
	int first, ret;

	ret = cli_parse("init", argc, argv, cmd_init_options, cmd_build_on_option, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		cli_help(stdout, "init", "SHOW",
			 "Create the show folder SHOW with a commented podcast.ini, an empty inbox (articles/),\n"
			 "public/ for what gets published, and .newscast/ for newscast's own state.",
			 cmd_init_options);
		return 0;
	}
	if (cli_one_operand("init", "show folder", argc - first) != 0)
		return 2;
	if (show_create(argv[first]) < 0)
		return 1;
	printf("created the show %s: edit %s/podcast.ini, drop articles into %s/articles/, then run "
	       "'newscast build %s'\n", argv[first], argv[first], argv[first], argv[first]);
	return 0;
}
