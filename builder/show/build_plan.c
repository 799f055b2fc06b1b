/* build_plan: what a build makes: the new articles of a show, read and grouped into episodes, each part a job. */
#include "build_plan.h"

#include "build.h"
#include "log.h"
#include "paths.h"
#include "source.h"
#include "synth.h"
#include "util.h"
#include "version.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <nettle/sha2.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Bump when a change to newscast changes the audio it makes: cached parts are keyed by it
 * (and by the program's version, for a change that forgot to). */
#define BUILD_CACHE_VERSION "newscast-parts-4"

static void build_job_free(struct build_job *job)
{
	if (!job)
		return;
	free(job->id);
	free(job->name);
	free(job->path);
	free(job->hash);
	if (job->scripted)
		script_release(&job->sc);
	free(job->key);
	free(job->replaces);
	free(job);
}

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

static void build_reject_release(struct build_reject *r)
{
	free(r->id);
	free(r->name);
	free(r->hash);
	error_release(&r->err);
}

/* Adds to the plan's rejects; takes err. */
static void build_reject(struct build_plan *plan, const char *id, const char *name, const char *hash, bool file,
			 struct error *err)
{
	struct build_reject *r;

	util_grow((void **)&plan->rejects, &plan->cap_rejects, plan->n_rejects + 1, sizeof *plan->rejects);
	r = &plan->rejects[plan->n_rejects++];
	*r = (struct build_reject){ id ? xstrdup(id) : NULL, xstrdup(name), hash ? xstrdup(hash) : NULL, file };
	error_move(&r->err, err);
}

void build_plan_init(struct build_plan *plan)
{
	memset(plan, 0, sizeof *plan);
}

void build_plan_release(struct build_plan *plan)
{
	for (size_t i = 0; i < plan->n_jobs; i++)
		build_job_free(plan->jobs[i]);
	for (size_t e = 0; e < plan->n_episodes; e++)
		free(plan->episodes[e].replaces);
	for (size_t i = 0; i < plan->n_rejects; i++)
		build_reject_release(&plan->rejects[i]);
	free(plan->jobs);
	free(plan->episodes);
	free(plan->rejects);
	build_plan_init(plan);
}

/* ---- the cache key: a SHA-256 of everything that decides a part's audio ---- */

/* Each ingredient goes in with its length first, so that no two inputs run together into one. */
static void build_key_bytes(struct sha256_ctx *c, const void *data, size_t n)
{
	uint8_t len[8];

	for (int i = 0; i < 8; i++)
		len[i] = (uint8_t)((uint64_t)n >> (8 * i));
	sha256_update(c, sizeof len, len);
	sha256_update(c, n, data);
}

/* A string; NULL is not "". */
static void build_key_str(struct sha256_ctx *c, const char *s)
{
	build_key_bytes(c, s ? "s" : "-", 1);
	if (s)
		build_key_bytes(c, s, strlen(s));
}

static void build_key_int(struct sha256_ctx *c, long long v)
{
	char buf[32];

	build_key_bytes(c, buf, (size_t)snprintf(buf, sizeof buf, "%lld", v));
}

static void build_key_double(struct sha256_ctx *c, double v)
{
	char buf[40];

	build_key_bytes(c, buf, (size_t)snprintf(buf, sizeof buf, "%.17g", v));
}

/* A file's bytes, or that it cannot be read (a file that cannot be read is reported by
 * whoever reads it for real): a path with nothing behind it is an ingredient too. */
static void build_key_file(struct sha256_ctx *c, const char *path)
{
	int fd = path ? open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) : -1;
	FILE *fp = fd < 0 ? NULL : fdopen(fd, "rb");
	struct sha256_ctx file;
	uint8_t digest[SHA256_DIGEST_SIZE], buf[65536];
	size_t n;
	bool bad;

	if (!fp) {
		if (fd >= 0)
			close(fd);
		build_key_str(c, NULL);
		return;
	}
	sha256_init(&file);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sha256_update(&file, n, buf);
	bad = ferror(fp);
	fclose(fp);
	sha256_digest(&file, sizeof digest, digest);
	if (bad)
		build_key_str(c, NULL);
	else
		build_key_bytes(c, digest, sizeof digest);
}

static char *build_key_hex(const uint8_t digest[SHA256_DIGEST_SIZE])
{
	char *hex = xcalloc(2 * SHA256_DIGEST_SIZE + 1, 1);

	for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	return hex;
}

/* The part of an espeak-ng voice name that names its dictionary: "en" of "en-gb-x-rp" or "en+m3". */
static char *build_voice_language(const char *espeak)
{
	return xstrndup(espeak, strcspn(espeak, "-_+"));
}

char *build_install_digest(const char *newscast, const char *espeak, const char *data_dir, const char *voice)
{
	/* the data that decides the sound: the phonemes, their sounds, the intonation, and the language's rules */
	static const char *const files[] = { "phontab", "phonindex", "phondata", "intonations" };
	char *lang = build_voice_language(voice), *dict = xasprintf("%s_dict", lang);
	uint8_t digest[SHA256_DIGEST_SIZE];
	struct sha256_ctx c;

	sha256_init(&c);
	build_key_str(&c, BUILD_CACHE_VERSION);
	build_key_str(&c, newscast);
	build_key_str(&c, espeak);
	for (size_t i = 0; i <= sizeof files / sizeof files[0]; i++) {
		const char *name = i < sizeof files / sizeof files[0] ? files[i] : dict;
		char *path = data_dir ? paths_join(data_dir, name) : NULL;

		build_key_str(&c, name);
		build_key_file(&c, path);
		free(path);
	}
	sha256_digest(&c, sizeof digest, digest);
	free(lang);
	free(dict);
	return build_key_hex(digest);
}

const char *build_install(const char *voice)
{
	/* the data files are a few megabytes: read once per process (a process builds one show) */
	static char *install, *install_lang;
	char *lang = build_voice_language(voice);

	if (!install || strcmp(install_lang, lang) != 0) {
		const char *data_dir = NULL, *espeak = synth_espeak_version(&data_dir);

		free(install);
		free(install_lang);
		install = build_install_digest(NEWSCAST_VERSION, espeak, data_dir, voice);
		install_lang = lang;
		lang = NULL;
	}
	free(lang);
	return install;
}

/* What every job of the build shares: the install, the voice, its lexicons, the audio and encoding. */
static void build_key_settings(const struct build *b, uint8_t digest[SHA256_DIGEST_SIZE])
{
	const struct voice_profile *v = &b->voice;
	char *lang = build_voice_language(v->espeak), *name = xasprintf("lexicon.%s", lang);
	char *lexicon = paths_join(paths_rules_dir(), name);
	struct sha256_ctx c;

	sha256_init(&c);
	build_key_str(&c, build_install(v->espeak));
	build_key_str(&c, v->espeak);
	build_key_str(&c, v->variant);
	build_key_int(&c, v->rate);
	build_key_int(&c, v->pitch);
	build_key_int(&c, v->range);
	for (int i = 0; i < BREAK_COUNT; i++)
		build_key_int(&c, v->pause_ms[i]);
	/* the lexicons in force, as script.c loads them: the show's, the voice's, the language's */
	build_key_file(&c, b->script.lexicon);
	build_key_file(&c, v->lexicon);
	build_key_file(&c, lexicon);
	build_key_int(&c, b->audio.out_rate);
	build_key_double(&c, b->audio.target_lufs);
	build_key_double(&c, b->audio.ceiling_dbtp);
	build_key_int(&c, b->encode.format);
	build_key_int(&c, b->encode.rate);
	build_key_int(&c, b->encode.bitrate);
	build_key_int(&c, b->encode.quality);
	sha256_digest(&c, SHA256_DIGEST_SIZE, digest);
	free(lang);
	free(name);
	free(lexicon);
}

/* A job's key, given the build's settings' digest: what is spoken (or the audio file's bytes)
 * and the silence after it. Not --jobs: the pieces a part is encoded in are the speech's. */
static char *build_job_key(const uint8_t settings[SHA256_DIGEST_SIZE], const struct build_job *p)
{
	uint8_t digest[SHA256_DIGEST_SIZE];
	struct sha256_ctx c;

	sha256_init(&c);
	build_key_bytes(&c, settings, SHA256_DIGEST_SIZE);
	build_key_int(&c, p->job.tail_ms);
	build_key_int(&c, p->scripted);
	if (p->scripted) {
		build_key_int(&c, (long long)p->sc.segments.n);
		for (size_t i = 0; i < p->sc.segments.n; i++) {
			const struct segment *s = &p->sc.segments.items[i];

			build_key_str(&c, s->text);
			build_key_int(&c, s->pause_ms);
			build_key_int(&c, s->phonemes);
		}
	} else {
		build_key_file(&c, p->path);
	}
	sha256_digest(&c, sizeof digest, digest);
	return build_key_hex(digest);
}

char *build_plan_key(const struct build *b, const struct build_job *job)
{
	uint8_t settings[SHA256_DIGEST_SIZE];

	build_key_settings(b, settings);
	return build_job_key(settings, job);
}

/* The show's intro, outro or sound between, as a job; NULL (reported) when it cannot be made. */
static struct build_job *build_text_job(struct build *b, enum build_kind kind, const char *value,
					const char *headline, int tail_ms, time_t at)
{
	struct build_job *p = xcalloc(1, sizeof *p);

	p->kind = kind;
	p->name = xstrdup(kind == BUILD_INTRO ? "intro" : kind == BUILD_OUTRO ? "outro" : "between");
	if (show_is_audio(value)) {
		p->path = show_path(&b->show, value);
		if (access(p->path, R_OK) != 0) {
			log_error("'%s': [episode] %s names '%s', which cannot be read: %s", b->show.ini, p->name, p->path,
				  strerror(errno));
			build_job_free(p);
			return NULL;
		}
	} else {
		char *text = show_expand(&b->show, value, headline, (long)at);

		script_init(&p->sc);
		p->scripted = true;
		if (script_build_text(&p->sc, p->name, text, &b->script) < 0) {
			free(text);
			build_job_free(p);
			return NULL;
		}
		free(text);
	}
	p->job = (struct article_job){ p->name, &b->voice, p->scripted ? &p->sc.segments : NULL, p->path, tail_ms,
				       b->audio, b->encode, 600000 };
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
static bool build_group_before(const struct build_job *p, const struct build_job *q,
			       struct build_job *const *arts, size_t i)
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

/* The episode a published article is in, if it is still published: its slug (a new string), else NULL. */
static char *build_episode_of(const struct build_state *st, const char *id)
{
	const char *slug = build_state_get(st, id, "episode");
	char *json = slug && !strchr(slug, '/') ? xasprintf("%s/%s.json", st->episodes, slug) : NULL;
	bool there = json && access(json, F_OK) == 0;

	free(json);
	return there ? xstrdup(slug) : NULL;
}

/* --rebuild in a digest: a corrected article's digest is rebuilt in place with every article
 * it holds, so the others come too, as they are now. A digest one of whose articles is no
 * longer in the inbox (or its feed) is not rebuilt, and its correction is reported as a change.
 * Returns the new count; *todo (of *cap) grows as it needs, and is kept in the inbox's order. */
static size_t build_add_companions(const struct build_state *st, struct build_todo **todo_p, size_t *cap,
				   size_t n_todo, char **names, char **hashes, size_t n_names, struct source_item *items,
				   size_t n_items, size_t *changed)
{
	struct build_todo *todo = *todo_p, *sorted;
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
		json = xasprintf("%s/%s.json", st->episodes, slug);
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
				util_grow((void **)todo_p, cap, n_todo + 1, sizeof *todo);
				todo = *todo_p;
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

/* When an episode was published, for what it says of its day: a correction's title, intro
 * and tag keep the day of the episode it replaces (slug), a new episode has the build's. */
static time_t build_episode_time(const struct build *b, const struct build_state *st, const char *slug)
{
	char *json = slug ? xasprintf("%s/%s.json", st->episodes, slug) : NULL;
	struct episode old;
	time_t at = b->when;

	episode_init(&old);
	if (json && episode_read(&old, json) == 0)
		at = build_sidecar_time(b, &old);
	episode_release(&old);
	free(json);
	return at;
}

/* The inbox: the files in articles/ and the items of the show's feeds. */
struct build_inbox {
	char **names;		/* the articles that are files in articles/ */
	char **hashes;		/* their content hashes */
	size_t n_names;
	struct source_item *items;	/* the feeds' items: [source] feeds', then those dropped in articles/ */
	size_t n_items, cap_items;
};

static void build_inbox_release(struct build_inbox *in)
{
	for (size_t i = 0; i < in->n_names; i++) {
		free(in->names[i]);
		free(in->hashes ? in->hashes[i] : NULL);
	}
	for (size_t i = 0; i < in->n_items; i++)
		source_item_release(&in->items[i]);
	free(in->items);
	free(in->hashes);
	free(in->names);
}

/* Reads the inbox: the files in articles/, then each feed's items in the feed's order. */
static int build_plan_inbox(struct build *b, struct build_state *st, struct build_plan *plan, struct build_inbox *in)
{
	size_t k = 0;

	if (build_list_articles(&b->show, &in->names, &in->n_names) < 0)
		return -1;
	for (size_t i = 0; i < b->show.n_feeds; i++)
		if (source_read(&b->show, b->show.feeds[i], build_state_feeds(st), b->when, &in->items, &in->n_items,
				&in->cap_items) < 0)
			plan->feed_failures++;
	/* a feed dropped into articles/ is read like a [source] feed (one that cannot be read
	 * is set aside); what stays in names are the articles that are files */
	for (size_t i = 0; i < in->n_names; i++) {
		struct error err = { 0 };
		struct error_catch c;
		char *rel;
		int ret;

		if (input_format_of(in->names[i]) != INPUT_FEED) {
			in->names[k++] = in->names[i];
			continue;
		}
		rel = xasprintf("articles/%s", in->names[i]);
		error_catch_begin(&c, &err, ERROR_INPUT);
		ret = source_read(&b->show, rel, NULL, b->when, &in->items, &in->n_items, &in->cap_items);
		error_catch_end(&c);
		if (ret < 0 && err.kind == ERROR_STORAGE)	/* the disk could not give the feed back */
			build_halt(b, err.errnum);
		else if (ret < 0)
			build_reject(plan, NULL, in->names[i], NULL, true, &err);
		error_release(&err);
		free(rel);
		free(in->names[i]);
	}
	in->n_names = k;
	in->hashes = xcalloc(k ? k : 1, sizeof *in->hashes);
	for (size_t i = 0; i < k; i++) {
		char *path = xasprintf("%s/articles/%s", b->show.dir, in->names[i]);

		in->hashes[i] = build_file_hash(path);
		free(path);
	}
	return 0;
}

/* What of the inbox is to be built: what the state does not know, what failed and changed since,
 * and (--rebuild) what changed since it was published. todo gets a new array, in the inbox's order. */
static size_t build_plan_select(struct build *b, const struct build_state *st, struct build_plan *plan,
				struct build_inbox *in, struct build_todo **todo_out)
{
	size_t n = in->n_names + in->n_items, n_todo = 0, seen_cap = 16, cap = n + 1;
	struct build_todo *todo = xcalloc(cap, sizeof *todo);
	uint64_t *seen;

	while (seen_cap < 2 * n)
		seen_cap *= 2;
	seen = xcalloc(seen_cap, sizeof *seen);
	for (size_t i = 0; i < n; i++) {
		struct build_todo t = i < in->n_names ? (struct build_todo){ in->names[i], in->names[i], NULL, in->hashes[i] }
						      : (struct build_todo){ in->items[i - in->n_names].key, NULL,
									     &in->items[i - in->n_names],
									     in->items[i - in->n_names].hash };
		const char *had = build_state_get(st, t.id, "hash"), *why = build_state_get(st, t.id, "failed");
		const char *label = t.file ? t.file : t.item->doc.headline;

		if (build_seen(seen, seen_cap, t.id)) {
			/* the first wins: a feed repeating a guid must not flip between its items each night */
			log_verbose("build: '%s' has the same guid as an item read before (%s): left out", label, t.id);
		} else if (!had) {
			todo[n_todo++] = t;
		} else if (strcmp(t.hash, had) != 0 && (why || b->opts.rebuild)) {
			log_verbose("build: '%s' changed since it %s: %s", label, why ? "failed" : "was published",
				    why ? "trying again" : "republishing (--rebuild)");
			t.replaces = why ? NULL : build_episode_of(st, t.id);
			todo[n_todo++] = t;
		} else if (strcmp(t.hash, had) != 0) {
			plan->changed++;
			log_warn("'%s' changed since it was published; 'newscast build --rebuild' republishes it", label);
		} else if (why) {
			log_verbose("build: '%s' failed before and has not changed since: not tried again (%s)", label, why);
		} else {
			plan->published++;
			log_verbose("build: '%s' is published already", label);
		}
	}
	free(seen);
	/* a correction in a digest rebuilds the digest in place: its other articles come too */
	if (b->show.mode == SHOW_DIGEST)
		n_todo = build_add_companions(st, &todo, &cap, n_todo, in->names, in->hashes, in->n_names, in->items,
					      in->n_items, &plan->changed);
	*todo_out = todo;
	return n_todo;
}

/* Reads, cleans and segments every article to build: arts gets a job for each that can be
 * read; one that cannot is rejected. -1 when the storage failed (the build halts). */
static int build_plan_read(struct build *b, struct build_plan *plan, const struct build_todo *todo, size_t n_todo,
			   struct build_job **arts, size_t *n_arts)
{
	const int *pause = b->voice.pause_ms;
	struct script_options opts = b->script;

	*n_arts = 0;
	for (size_t i = 0; i < n_todo; i++) {
		struct build_job *p = xcalloc(1, sizeof *p);
		struct error err = { 0 };
		struct error_catch c;
		int bad;

		p->kind = BUILD_ARTICLE;
		p->id = xstrdup(todo[i].id);
		p->name = xstrdup(todo[i].file ? todo[i].file : todo[i].item->doc.headline);
		p->path = todo[i].file ? xasprintf("%s/articles/%s", b->show.dir, todo[i].file) : NULL;
		p->hash = xstrdup(todo[i].hash);
		p->replaces = todo[i].replaces ? xstrdup(todo[i].replaces) : NULL;
		script_init(&p->sc);
		p->scripted = true;
		p->outline = b->speak_only != NULL;
		for (size_t k = 0; k < b->n_speak_only && p->outline; k++)
			p->outline = strcmp(b->speak_only[k], p->name) != 0;
		opts.outline = p->outline;
		error_catch_begin(&c, &err, ERROR_INPUT);
		bad = p->path ? script_build(&p->sc, p->path, &opts) : script_build_doc(&p->sc, &todo[i].item->doc, &opts);
		error_catch_end(&c);
		if (bad < 0 && err.kind == ERROR_STORAGE) {	/* the disk could not give the article back */
			build_halt(b, err.errnum);
			error_release(&err);
			build_job_free(p);
			return -1;
		}
		if (bad < 0) {
			build_reject(plan, p->id, p->name, p->hash, p->path != NULL, &err);
			build_job_free(p);
			continue;
		}
		p->job = (struct article_job){ p->name, &b->voice, &p->sc.segments, NULL, pause[BREAK_ARTICLE], b->audio,
					       b->encode, synth_time_limit_ms(&p->sc.segments) };
		arts[(*n_arts)++] = p;
	}
	return 0;
}

/* Adds job to the plan (which takes it). */
static void build_plan_add(struct build_plan *plan, struct build_job *job)
{
	util_grow((void **)&plan->jobs, &plan->cap_jobs, plan->n_jobs + 1, sizeof *plan->jobs);
	plan->jobs[plan->n_jobs++] = job;
}

/* Adds the show's intro, outro or sound between (when it has one) to the plan; -1 when it cannot be made. */
static int build_plan_add_text(struct build *b, struct build_plan *plan, enum build_kind kind, const char *value,
			       const char *headline, int tail_ms, time_t at)
{
	struct build_job *p;

	if (!value || !*value)
		return 0;
	if (!(p = build_text_job(b, kind, value, headline, tail_ms, at)))
		return -1;
	build_plan_add(plan, p);
	return 0;
}

/* Groups the articles (the plan takes them) into episodes: one for all (digest), or one each,
 * with intro, sounds between, outro. -1 when one of those cannot be made. */
static int build_plan_group(struct build *b, const struct build_state *st, struct build_plan *plan,
			    struct build_job **arts, size_t n_arts)
{
	const int *pause = b->voice.pause_ms;
	int ret = 0;

	/* a digest's corrections go with the other articles of the episode they correct: the new
	 * articles first, then each corrected episode's, each a run (the order kept otherwise) */
	if (b->show.mode == SHOW_DIGEST)
		for (size_t i = 1; i < n_arts; i++) {
			struct build_job *p = arts[i];
			size_t k = i;

			while (k > 0 && build_group_before(p, arts[k - 1], arts, i)) {
				arts[k] = arts[k - 1];
				k--;
			}
			arts[k] = p;
		}
	for (size_t first = 0, last; first < n_arts && ret == 0; first = last) {
		const char *headline = arts[first]->sc.doc.headline;
		struct build_plan_episode *ep;
		time_t at;

		last = first + 1;
		while (b->show.mode == SHOW_DIGEST && last < n_arts && build_streq(arts[last]->replaces, arts[first]->replaces))
			last++;
		util_grow((void **)&plan->episodes, &plan->cap_episodes, plan->n_episodes + 1, sizeof *plan->episodes);
		ep = &plan->episodes[plan->n_episodes++];
		*ep = (struct build_plan_episode){ plan->n_jobs, 0, arts[first]->replaces ? xstrdup(arts[first]->replaces)
											 : NULL };
		at = build_episode_time(b, st, ep->replaces);
		ret = build_plan_add_text(b, plan, BUILD_INTRO, b->show.intro, headline, pause[BREAK_SECTION], at);
		for (size_t i = first; i < last && ret == 0; i++) {
			bool more = i + 1 < last;

			/* after the last article, the pause before the outro; between articles, the sound or a pause */
			arts[i]->job.tail_ms = more ? (b->show.between ? pause[BREAK_PARAGRAPH] : pause[BREAK_ARTICLE])
						    : (b->show.outro && *b->show.outro ? pause[BREAK_SECTION] : 0);
			build_plan_add(plan, arts[i]);
			arts[i] = NULL;
			if (more && b->show.between)
				ret = build_plan_add_text(b, plan, BUILD_BETWEEN, b->show.between, headline,
							  pause[BREAK_PARAGRAPH], at);
		}
		if (ret == 0)
			ret = build_plan_add_text(b, plan, BUILD_OUTRO, b->show.outro, headline, 0, at);
		/* the episode's jobs are the plan's last ones */
		plan->episodes[plan->n_episodes - 1].n = plan->n_jobs - plan->episodes[plan->n_episodes - 1].first;
	}
	for (size_t i = 0; i < n_arts; i++)
		build_job_free(arts[i]);
	return ret;
}

int build_plan(struct build *b, struct build_state *st, struct build_plan *plan)
{
	struct build_inbox in = { 0 };
	struct build_todo *todo = NULL;
	struct build_job **arts = NULL;
	size_t n_todo = 0, n_arts = 0;
	int ret = -1;

	if (build_plan_inbox(b, st, plan, &in) < 0)
		goto out;
	plan->inbox_read = true;
	n_todo = build_plan_select(b, st, plan, &in, &todo);
	plan->n_new = n_todo;
	arts = xcalloc(n_todo ? n_todo : 1, sizeof *arts);
	if (build_plan_read(b, plan, todo, n_todo, arts, &n_arts) < 0)
		goto out;
	ret = build_plan_group(b, st, plan, arts, n_arts);
	n_arts = 0;
	/* each job's part is known by everything that decides its audio */
	if (ret == 0) {
		uint8_t settings[SHA256_DIGEST_SIZE];

		build_key_settings(b, settings);
		for (size_t i = 0; i < plan->n_jobs; i++)
			plan->jobs[i]->key = build_job_key(settings, plan->jobs[i]);
	}
out:
	for (size_t i = 0; i < n_arts; i++)
		build_job_free(arts[i]);
	free(arts);
	for (size_t i = 0; i < n_todo; i++)
		free(todo[i].replaces);
	free(todo);
	build_inbox_release(&in);
	return ret;
}


/* ---- `newscast plan` ---- */

int build_plan_now(struct build *b, struct build_state *st, struct build_plan *plan, const char *dir,
		   const struct build_options *opts, char **only, size_t n_only)
{
	build_plan_init(plan);
	memset(st, 0, sizeof *st);
	if (build_init(b, dir, opts) < 0 || build_state_load(st, b->show.dir) < 0)
		return -1;
	b->speak_only = only;
	b->n_speak_only = n_only;
	/* no lock, no recovery, nothing set aside: the state is read as it is; a commit a stopped
	 * build left has marked its articles published already */
	if (build_plan(b, st, plan) < 0 || !plan->inbox_read || b->halt)
		return -1;
	return 0;
}

struct build_job **build_plan_list(const struct build *b, const struct build_plan *plan, bool all, size_t *n)
{
	struct build_job **list = xcalloc(plan->n_jobs ? plan->n_jobs : 1, sizeof *list);

	*n = 0;
	for (size_t i = 0; i < plan->n_jobs; i++) {
		struct build_job *job = plan->jobs[i];
		bool seen = false;

		/* one job a part: an intro every episode says the same way is made once */
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(plan->jobs[k]->key, job->key) == 0;
		if (seen || (!all && build_part_state(b->cache_dir, job->key) != BUILD_CACHED_NONE))
			continue;
		list[(*n)++] = job;
	}
	return list;
}

/* An audio file's length in seconds, 0 when it cannot be read (its job reports it). */
static double build_audio_seconds(const char *path)
{
	SF_INFO info = { 0 };
	SNDFILE *f = sf_open(path, SFM_READ, &info);
	double seconds = f && info.samplerate > 0 ? (double)info.frames / info.samplerate : 0;

	if (f)
		sf_close(f);
	return seconds;
}

double build_plan_seconds(const struct build *b, const struct build_job *job)
{
	double seconds = job->job.tail_ms / 1000.0;
	size_t words = 0;

	if (!job->scripted)
		return seconds + (job->path ? build_audio_seconds(job->path) : 0);
	for (size_t i = 0; i < job->sc.segments.n; i++) {
		words += util_count_words(job->sc.segments.items[i].text);
		seconds += job->sc.segments.items[i].pause_ms / 1000.0;
	}
	return seconds + 60.0 * (double)words / (b->voice.rate > 0 ? b->voice.rate : 1);
}

char *build_plan_line(const struct build *b, const struct build_job *job, bool all)
{
	static const char *const kinds[] = { "article", "intro", "outro", "between" };
	cJSON *o = cJSON_CreateObject();
	char *json, *line;

	cJSON_AddStringToObject(o, "job", job->key);
	cJSON_AddStringToObject(o, "kind", kinds[job->kind]);
	cJSON_AddStringToObject(o, "article", job->name);
	cJSON_AddStringToObject(o, "key", job->key);
	cJSON_AddNumberToObject(o, "seconds", round(build_plan_seconds(b, job) * 10) / 10);
	cJSON_AddStringToObject(o, "install", build_install(b->voice.espeak));
	if (all) {
		enum build_cached state = build_part_state(b->cache_dir, job->key);

		cJSON_AddBoolToObject(o, "cached", state != BUILD_CACHED_NONE);
		if (state == BUILD_CACHED_FAILED)
			cJSON_AddBoolToObject(o, "failed", true);
	}
	json = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (!json) {	/* cJSON fails only for memory, which xmalloc's callers do not survive either */
		fputs("newscast: out of memory\n", stderr);
		abort();
	}
	line = xstrdup(json);
	cJSON_free(json);
	return line;
}

int build_show_plan(const char *dir, const struct build_options *opts, bool all, bool count)
{
	struct build b;
	struct build_state st;
	struct build_plan plan;
	struct build_job **list = NULL;
	size_t n = 0;
	int ret = 1;

	if (build_plan_now(&b, &st, &plan, dir, opts, NULL, 0) < 0)
		goto out;
	list = build_plan_list(&b, &plan, all, &n);
	if (count) {
		printf("%zu\n", n);
	} else {
		for (size_t i = 0; i < n; i++) {
			char *line = build_plan_line(&b, list[i], all);

			puts(line);
			free(line);
		}
	}
	ret = fflush(stdout) != 0 || ferror(stdout);
	if (ret)
		log_error("cannot write the plan: %s", strerror(errno));
out:
	free(list);
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);
	return ret;
}
