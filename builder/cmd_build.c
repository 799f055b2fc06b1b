/* cmd_build: `newscast build SHOW` turns the show's new articles into finished episodes in SHOW/public/episodes. */
#include "cmd.h"

#include "article.h"
#include "cli.h"
#include "encode.h"
#include "episode.h"
#include "feed.h"
#include "fetch.h"
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
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Bump when a change to newscast changes the audio it makes: cached parts are keyed by it. */
#define BUILD_CACHE_VERSION "newscast-parts-1"

enum {
	BUILD_JOBS = CMD_OPT_FIRST_OWN,
	BUILD_REBUILD,
	BUILD_DATE,
	BUILD_QUIET,
};

static const struct cli_option cmd_build_options[] = {
	{ "jobs", 'j', "N", "speak and encode N articles at once (default: one per CPU)", BUILD_JOBS },
	{ "rebuild", 0, NULL, "republish articles that changed since they were published", BUILD_REBUILD },
	{ "date", 0, "YYYY-MM-DD", "the episode's date (default: today)", BUILD_DATE },
	{ "quiet", 'q', NULL, "no progress line", BUILD_QUIET },
	{ "verbose", 'v', NULL, "explain decisions: what clean-up removed, what was skipped and why",
	  CMD_OPT_VERBOSE },
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP },
	{ 0 },
};

struct build_args {
	int jobs, rebuild, quiet, help;
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
	article_result_release(&p->res);
	if (p->fp)
		fclose(p->fp);
	free(p);
}

/* ---- the show's state: which article went into which episode ---- */

struct build_state {
	char *path;
	/* {"articles": {NAME: {"hash": H, "episode": SLUG} or {"hash": H, "failed": WHY}},
	 *  "feeds": {SOURCE: {"etag": E, "last_modified": L}}, "episodes": N} */
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
	}
	if (!st->root)
		st->root = cJSON_CreateObject();
	if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(st->root, "articles")))
		cJSON_AddObjectToObject(st->root, "articles");
	if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(st->root, "feeds")))
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

/* The next episode number: numbers are given once and never reused, whatever keep = N removes. */
static int build_state_next_number(struct build_state *st)
{
	cJSON *last = cJSON_GetObjectItemCaseSensitive(st->root, "episodes");
	int n = cJSON_IsNumber(last) ? last->valueint + 1 : 1;

	cJSON_DeleteItemFromObjectCaseSensitive(st->root, "episodes");
	cJSON_AddNumberToObject(st->root, "episodes", n);
	return n;
}

static int build_state_save(const struct build_state *st)
{
	char *text = cJSON_Print(st->root);
	struct outfile of;
	int ret = -1;

	if (text && outfile_open(&of, st->path) == 0) {
		fputs(text, of.fp);
		ret = outfile_commit(&of);
	}
	free(text);
	return ret;
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
		char *path;
		struct stat st;

		if (de->d_name[0] == '.' || input_format_of(de->d_name) == INPUT_AUTO)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			util_grow((void **)names, &cap, *n + 1, sizeof **names);
			(*names)[(*n)++] = xstrdup(de->d_name);
		}
		free(path);
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

/* Moves a failed article aside, with a file saying why: articles/failed/NAME and NAME.error. */
static void build_set_aside(const struct show *show, const char *name, const char *why_given)
{
	char *why = xstrdup(why_given);	/* it may be log_last_error()'s buffer, which the next error reuses */
	char *note = xasprintf("%s.error", name), *from = xasprintf("%s/articles/%s", show->dir, name);
	char *to = xasprintf("%s/articles/failed/%s", show->dir, name);

	if (build_note(show, note, "article", why, "Fix it and move it back into articles/ to try again.") == 0 &&
	    rename(from, to) != 0)
		log_error("cannot move '%s' to '%s': %s", from, to, strerror(errno));
	log_warn("'%s' set aside in articles/failed/: %s", name, why);
	free(why);
	free(note);
	free(from);
	free(to);
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
};

/* A feed's item that failed: a note in articles/failed/, and the state remembers it,
 * so it is not tried every night; it is tried again when the item changes. */
static void build_item_failed(struct build_ctx *ctx, struct build_state *st, const struct build_piece *p,
			      const char *why_given)
{
	char *why = xstrdup(why_given);	/* it may be log_last_error()'s buffer, which the next error reuses */
	char *slug = util_slug(p->name, 60);
	/* the guid's hash too: two items may share a headline, or have none in ASCII */
	char *id_hash = util_hex64(util_fnv(UTIL_FNV_START, p->id, strlen(p->id)));
	char *note = xasprintf("feed-%s-%.8s.error", slug, id_hash);
	char *then = xasprintf("Item: %s (%s)\nIt is tried again when it changes in its feed.", p->name, p->id);

	build_note(&ctx->show, note, "feed item", why, then);
	build_state_set(st, p->id, p->hash, NULL, why);
	log_warn("feed item '%s' failed (note in articles/failed/): %s", p->name, why);
	free(why);
	free(slug);
	free(id_hash);
	free(note);
	free(then);
}

/* An article that failed: a file is moved aside, a feed's item remembered. */
static void build_failed(struct build_ctx *ctx, struct build_state *st, const struct build_piece *p, const char *why)
{
	if (p->path)
		build_set_aside(&ctx->show, p->name, why);
	else
		build_item_failed(ctx, st, p, why);
	ctx->failures++;
}

/* The cache key: everything that decides the part's audio. */
static char *build_key(const struct build_ctx *ctx, const struct build_piece *p)
{
	uint64_t h = UTIL_FNV_START;
	char settings[256];

	h = util_fnv(h, BUILD_CACHE_VERSION, strlen(BUILD_CACHE_VERSION));
	snprintf(settings, sizeof settings, "%s|%s|%d|%d|%d|%d|%.2f|%.2f|%d|%d", ctx->voice.espeak,
		 ctx->voice.variant ? ctx->voice.variant : "", ctx->voice.rate, ctx->voice.pitch, ctx->voice.range,
		 p->job.tail_ms, ctx->audio.target_lufs, ctx->audio.ceiling_dbtp, ctx->encode.bitrate,
		 ctx->encode.rate);
	h = util_fnv(h, settings, strlen(settings));
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
		size_t n = p->res.n_timings;

		p->res.timings = xcalloc(n ? n : 1, sizeof *p->res.timings);
		ok = fread(p->res.timings, sizeof *p->res.timings, n, fp) == n &&
		     n == (p->scripted ? p->sc.segments.n : 0);
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

	if (outfile_open(&of, path) == 0) {
		fwrite(&p->res, sizeof p->res, 1, of.fp);
		fwrite(p->res.timings, sizeof *p->res.timings, p->res.n_timings, of.fp);
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
	char *path;

	if (article_finish(&r->run, &p->res) < 0) {
		outfile_abort(&r->out);
		p->failed = true;
		p->error = xstrdup(log_last_error());
		return;
	}
	path = xstrdup(r->out.dest);
	if (outfile_commit(&r->out) < 0 || build_cache_store_meta(ctx, p) < 0 || !(p->fp = fopen(path, "rb"))) {
		p->failed = true;
		p->error = xstrdup("cannot write its audio to the cache");
	} else {
		p->ready = true;
	}
	free(path);
}

/* The running child that finished first (its output ended), waiting if none has. */
static size_t build_next_done(struct build_running *running, size_t slots)
{
	for (;;) {
		struct pollfd fds[64];
		size_t map[64], n = 0;

		for (size_t i = 0; i < slots && n < 64; i++) {
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

			if (p->ready || p->failed) {
				done++;
				continue;
			}
			while (r->piece)
				r++;
			path = xasprintf("%s/%s.mp3", ctx->cache_dir, p->key);
			memset(r, 0, sizeof *r);
			r->piece = p;
			if (outfile_open(&r->out, path) < 0 || article_start(&r->run, &p->job, r->out.fp) < 0) {
				outfile_abort(&r->out);
				p->failed = true;
				p->error = xstrdup(log_last_error());
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
			size_t i = build_next_done(running, slots);

			build_finish_one(ctx, &running[i]);
			running[i].piece = NULL;
		}
		active--;
		done++;
		build_progress(ctx, pieces, n, done, started);
	}
	free(running);
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

/* Moves the staged files of an episode into public/episodes; the sidecar last. */
static int build_publish(const struct build_ctx *ctx, const char *slug)
{
	int ret = 0;

	for (size_t i = 0; i < EPISODE_N_FILES && ret == 0; i++) {
		char *from = xasprintf("%s/%s%s", ctx->staging, slug, episode_files[i]);
		char *to = xasprintf("%s/%s%s", ctx->episodes, slug, episode_files[i]);

		if (rename(from, to) != 0) {
			log_error("cannot move '%s' to '%s': %s", from, to, strerror(errno));
			ret = -1;
		}
		free(from);
		free(to);
	}
	return ret;
}

/* Who wrote the episode's articles, each once: "A", "A and B", "A, B and C"; NULL if unknown. */
static char *build_writers(const struct episode *ep)
{
	const char *names[32];
	size_t n = 0;

	for (size_t i = 0; i < ep->n_articles && n < 32; i++) {
		bool seen = !ep->articles[i].author;

		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(names[k], ep->articles[i].author) == 0;
		if (!seen)
			names[n++] = ep->articles[i].author;
	}
	return util_join_names(names, n);
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

static int build_episode(struct build_ctx *ctx, struct build_piece **pieces, size_t n, struct build_state *st)
{
	struct encode_part parts[64];
	struct encode_chapter *chapters = NULL;
	struct transcript_cue *cues = NULL;
	size_t n_parts = 0, n_chapters = 0, cap_chapters = 0, n_cues = 0, cap_cues = 0, n_articles = 0;
	struct episode ep;
	struct encode_tags tags = { 0 };
	struct strbuf desc;
	unsigned char *cover = NULL;
	size_t cover_len = 0;
	const char *cover_mime = NULL;
	char *path = NULL, date[16], rfc[32], *first_headline = NULL, *writers = NULL;
	uint64_t total = 0;
	struct stat stb;
	struct tm tm;
	int ret = -1;

	episode_init(&ep);
	strbuf_init(&desc);
	for (size_t i = 0; i < n; i++)
		if (pieces[i]->kind == PIECE_ARTICLE && pieces[i]->ready)
			n_articles++;
	if (!n_articles) {
		ret = 0;
		goto out;
	}
	/* the parts in order, and where each begins */
	for (size_t i = 0; i < n && n_parts < sizeof parts / sizeof parts[0]; i++) {
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
		for (size_t k = 0; k < p->res.n_timings; k++) {
			util_grow((void **)&cues, &cap_cues, n_cues + 1, sizeof *cues);
			cues[n_cues].start_ms = at_ms + p->res.timings[k].speech_ms;
			cues[n_cues].end_ms = at_ms + p->res.timings[k].end_ms;
			cues[n_cues].text = p->sc.segments.items[k].written;
			n_cues++;
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

	localtime_r(&ctx->when, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	gmtime_r(&ctx->when, &tm);
	strftime(rfc, sizeof rfc, "%Y-%m-%dT%H:%M:%SZ", &tm);
	ep.title = show_expand(&ctx->show, ctx->show.mode == SHOW_ARTICLE ? (ctx->show.title_pattern &&
				strcmp(ctx->show.title_pattern, "{show} — {date:%A %-d %B %Y}") != 0 ?
				ctx->show.title_pattern : "{headline}") : ctx->show.title_pattern,
			       first_headline, (long)ctx->when);
	ep.slug = build_slug(ctx, ctx->show.mode == SHOW_ARTICLE ? first_headline : ctx->show.title);
	ep.guid = episode_new_guid();
	ep.number = build_state_next_number(st);
	ep.date = xstrdup(rfc);
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
	if (transcript_write_vtt(path, cues, n_cues) < 0)
		goto out;
	free(path);
	path = xasprintf("%s/%s.srt", ctx->staging, ep.slug);
	if (transcript_write_srt(path, cues, n_cues) < 0)
		goto out;
	if (episode_write(&ep, ctx->staging) < 0 || build_publish(ctx, ep.slug) < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (pieces[i]->kind == PIECE_ARTICLE && pieces[i]->ready)
			build_state_set(st, pieces[i]->id, pieces[i]->hash, ep.slug, NULL);
	if (build_state_save(st) < 0)
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
	printf("built %s/%s.mp3: \"%s\", %zu article%s, %d:%02d\n", ctx->episodes, ep.slug, ep.title, n_articles,
	       n_articles == 1 ? "" : "s", (int)ep.duration / 60, (int)ep.duration % 60);
	ret = 0;
out:
	free(path);
	free(writers);
	free(chapters);
	free(cues);
	free(cover);
	strbuf_release(&desc);
	episode_release(&ep);
	return ret;
}

/* ---- the pieces of a run ---- */

static struct build_piece *build_text_piece(struct build_ctx *ctx, enum build_kind kind, const char *value,
					    const char *headline, int tail_ms)
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
		char *text = show_expand(&ctx->show, value, headline, (long)ctx->when);

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
	FILE *fp = fopen(path, "rb");
	uint64_t h = UTIL_FNV_START;
	char buf[65536];
	size_t n;
	bool bad;

	if (!fp)
		return xstrdup("unreadable");
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
};

static int build_run(struct build_ctx *ctx, const struct build_todo *todo, size_t n_todo, struct build_state *st)
{
	struct build_piece **arts = xcalloc(n_todo ? n_todo : 1, sizeof *arts), **all = NULL;
	size_t n_arts = 0, n_all = 0, cap_all = 0, *ep_start = xcalloc(n_todo + 2, sizeof *ep_start), n_eps = 0;
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
		script_init(&p->sc);
		p->scripted = true;
		bad = p->path ? script_build(&p->sc, p->path, &ctx->script)
			      : script_build_doc(&p->sc, &todo[i].item->doc, &ctx->script);
		if (bad < 0) {
			build_failed(ctx, st, p, log_last_error());
			build_piece_free(p);
			continue;
		}
		p->job = (struct article_job){ p->name, &ctx->voice, &p->sc.segments, NULL, pause[BREAK_ARTICLE],
					       ctx->audio, ctx->encode, synth_time_limit_ms(&p->sc.segments),
					       ctx->args->jobs > 1 };
		arts[n_arts++] = p;
	}

	/* the episodes: one for all (digest), or one each, with intro, sounds between, outro */
	for (size_t e = 0; e < (ctx->show.mode == SHOW_DIGEST ? (n_arts ? 1 : 0) : n_arts); e++) {
		size_t first = ctx->show.mode == SHOW_DIGEST ? 0 : e, last = ctx->show.mode == SHOW_DIGEST ? n_arts : e + 1;
		const char *headline = arts[first]->sc.doc.headline;
		struct build_piece *p;

		ep_start[n_eps++] = n_all;
		if (ctx->show.intro && *ctx->show.intro) {
			if (!(p = build_text_piece(ctx, PIECE_INTRO, ctx->show.intro, headline, pause[BREAK_SECTION])))
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
							   pause[BREAK_PARAGRAPH])))
					goto fail;
				all[n_all++] = p;
			}
		}
		if (ctx->show.outro && *ctx->show.outro) {
			if (!(p = build_text_piece(ctx, PIECE_OUTRO, ctx->show.outro, headline, 0)))
				goto fail;
			util_grow((void **)&all, &cap_all, n_all + 1, sizeof *all);
			all[n_all++] = p;
		}
	}
	ep_start[n_eps] = n_all;
	build_make_parts(ctx, all, n_all);
	for (size_t i = 0; i < n_all; i++) {
		if (all[i]->failed && all[i]->kind == PIECE_ARTICLE) {
			build_failed(ctx, st, all[i], all[i]->error ? all[i]->error : "it failed");
		} else if (all[i]->failed) {
			log_error("the show's %s could not be made; no episode is built without it", all[i]->name);
			ret = -1;
		}
	}
	for (size_t e = 0; e < n_eps && ret == 0; e++)
		if (build_episode(ctx, all + ep_start[e], ep_start[e + 1] - ep_start[e], st) < 0)
			ret = -1;
	goto out;
fail:
	ret = -1;
out:
	for (size_t i = 0; i < n_arts; i++)
		build_piece_free(arts[i]);
	for (size_t i = 0; i < n_all; i++)
		build_piece_free(all[i]);
	free(arts);
	free(all);
	free(ep_start);
	return ret;
}

static int build_mkdirs(struct build_ctx *ctx)
{
	char *dirs[] = { xasprintf("%s/public", ctx->show.dir), ctx->episodes,
			 xasprintf("%s/.newscast", ctx->show.dir), ctx->cache_dir, ctx->staging };
	int ret = 0;

	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (mkdir(dirs[i], 0777) < 0 && errno != EEXIST) {
			log_error("cannot create '%s': %s", dirs[i], strerror(errno));
			ret = -1;
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

int cmd_build(int argc, char **argv)
{
	struct build_args a = { 0 };
	struct build_ctx ctx = { 0 };
	struct build_state st = { 0 };
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
	if (voice_profile_find(&ctx.voice, ctx.show.voice ? ctx.show.voice : VOICE_DEFAULT) < 0)
		goto out;
	ctx.script.voice = ctx.voice.path;
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
	if (build_mkdirs(&ctx) < 0 || build_state_load(&st, &ctx.show) < 0 ||
	    build_list_articles(&ctx.show, &names, &n_names) < 0)
		goto out;
	build_clear_staging(&ctx);

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
				build_set_aside(&ctx.show, names[i], log_last_error());
				ctx.failures++;
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
	if (n_todo == 0) {
		char *feed = xasprintf("%s/public/feed.xml", ctx.show.dir);

		printf("nothing new to build in %s (%zu article%s published already%s)\n", ctx.show.dir, published,
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
	/* the feed last, once every file it points at is in place */
	if (feed_write(&ctx.show) < 0)
		ret = 1;
	if (ctx.failures)
		log_error("%d article%s could not be built: see %s/articles/failed/", ctx.failures,
			  ctx.failures == 1 ? "" : "s", ctx.show.dir);
	if (feed_failures)
		log_error("%d of the show's %zu feed%s could not be read: see above", feed_failures, ctx.show.n_feeds,
			  ctx.show.n_feeds == 1 ? "" : "s");
out:
	progress_done(&ctx.progress);
	for (size_t i = 0; i < n_names; i++) {
		free(names[i]);
		free(hashes ? hashes[i] : NULL);
	}
	for (size_t i = 0; i < n_items; i++)
		source_item_release(&items[i]);
	free(items);
	free(hashes);
	free(names);
	free(todo);
	free(seen);
	free((char *)ctx.script.lexicon);
	free(ctx.cache_dir);
	free(ctx.staging);
	free(ctx.episodes);
	build_state_release(&st);
	voice_profile_release(&ctx.voice);
	show_release(&ctx.show);
	return ret;
}

int cmd_init(int argc, char **argv)
{
	struct build_args a = { 0 };
	int first, ret;

	ret = cli_parse("init", argc, argv, cmd_build_options + 4, cmd_build_on_option, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		cli_help(stdout, "init", "SHOW",
			 "Create the show folder SHOW with a commented podcast.ini, an empty inbox (articles/),\n"
			 "public/ for what gets published, and .newscast/ for newscast's own state.",
			 cmd_build_options + 4);
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
