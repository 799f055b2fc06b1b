/* build: a show's new articles into episodes, as plan → parts → assemble, then the commit. */
#include "build.h"

#include "assemble.h"
#include "feed.h"
#include "fetch.h"
#include "lock.h"
#include "log.h"
#include "render.h"
#include "source.h"
#include "synth.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Bump when a change to newscast changes the audio it makes: cached parts are keyed by it. */
#define BUILD_CACHE_VERSION "newscast-parts-2"

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
	char *why = xstrdup(why_given);	/* it may be an error's message, which the next error replaces */
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

/* ---- the build ---- */

void build_halt(struct build *b, int storage)
{
	if (!b->halt)
		b->halt = storage ? storage : -1;
}

/* The build's last word when it stopped for its storage. */
static void build_report_halt(const struct build *b)
{
	if (b->halt > 0)
		log_error("the build stopped: the storage failed (%s); no article was set aside, every one is still "
			  "in %s/articles/ for the next build", strerror(b->halt), b->show.dir);
	else if (b->halt)
		log_error("the build stopped for a failure that is not the articles' (see above); no article was set "
			  "aside, every one is still in %s/articles/ for the next build", b->show.dir);
}

/* A feed's item that failed: a note in articles/failed/, and the state remembers it,
 * so it is not tried every night; it is tried again when the item changes. 0 when the
 * note is written, -1 when not (reported; the item is then tried again next time). */
static int build_item_failed(struct build *b, struct build_state *st, const char *id, const char *name,
			     const char *hash, const char *why)
{
	char *slug = util_slug(name, 60);
	/* the guid's hash too: two items may share a headline, or have none in ASCII */
	char *id_hash = util_hex64(util_fnv(UTIL_FNV_START, id, strlen(id)));
	char *note = xasprintf("feed-%s-%.8s.error", slug, id_hash);
	char *then = xasprintf("Item: %s (%s)\nIt is tried again when it changes in its feed.", name, id);
	int ret = build_note(&b->show, note, "feed item", why, then);

	if (ret == 0) {
		build_state_set(st, id, hash, NULL, why);
		/* why was reported where it happened: said once, and kept in the note */
		log_warn("feed item '%s' failed (the reason is in articles/failed/%s)", name, note);
	}
	free(slug);
	free(id_hash);
	free(note);
	free(then);
	return ret;
}

/* Sets an article that failed for err aside: a file in articles/ (file: named name) is moved
 * to articles/failed/, a feed's item remembered. It counts as a failure once it is; when
 * setting it aside failed because the storage did, the build stops instead. */
static void build_set_aside_failed(struct build *b, struct build_state *st, const char *id, const char *name,
				   const char *hash, bool file, const struct error *why)
{
	const char *message = why->message ? why->message : "it failed";
	struct error err = { 0 };
	struct error_catch c;
	int ret;

	error_catch_begin(&c, &err, ERROR_SYSTEM);
	ret = file ? build_set_aside(&b->show, name, message) : build_item_failed(b, st, id, name, hash, message);
	error_catch_end(&c);
	if (ret < 0 && err.kind == ERROR_STORAGE)
		build_halt(b, err.errnum);
	else
		b->failures++;
	error_release(&err);
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

/* ---- plan: what is new, read and grouped into episodes ---- */

/* The cache key: everything that decides the part's audio. */
static char *build_key(const struct build *b, const struct build_job *p)
{
	uint64_t h = UTIL_FNV_START;
	/* the whole of it, however long the voice's names: a cut key could match another voice's */
	char *settings = xasprintf("%s|%s|%d|%d|%d|%d|%.2f|%.2f|%d|%d", b->voice.espeak,
				   b->voice.variant ? b->voice.variant : "", b->voice.rate, b->voice.pitch,
				   b->voice.range, p->job.tail_ms, b->audio.target_lufs, b->audio.ceiling_dbtp,
				   b->encode.bitrate, b->encode.rate);

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
 * Returns the new count; todo has room for every article, and is kept in the inbox's order. */
static size_t build_add_companions(const struct build_state *st, struct build_todo *todo, size_t n_todo,
				   char **names, char **hashes, size_t n_names, struct source_item *items, size_t n_items,
				   size_t *changed)
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

/* The time of a sidecar's date, or the build's when it has none. */
static time_t build_sidecar_time(const struct build *b, const struct episode *ep)
{
	struct tm tm = { 0 };
	const char *end;

	if (ep->date && (end = strptime(ep->date, "%Y-%m-%dT%H:%M:%SZ", &tm)) && !*end)
		return timegm(&tm);
	return b->when;
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
	size_t n = in->n_names + in->n_items, n_todo = 0, seen_cap = 16;
	struct build_todo *todo = xcalloc(n + 1, sizeof *todo);
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
		n_todo = build_add_companions(st, todo, n_todo, in->names, in->hashes, in->n_names, in->items,
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
		error_catch_begin(&c, &err, ERROR_INPUT);
		bad = p->path ? script_build(&p->sc, p->path, &b->script)
			      : script_build_doc(&p->sc, &todo[i].item->doc, &b->script);
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
					       b->encode, synth_time_limit_ms(&p->sc.segments), b->opts.jobs > 1 };
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
	for (size_t i = 0; i < plan->n_jobs && ret == 0; i++)
		plan->jobs[i]->key = build_key(b, plan->jobs[i]);
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

/* ---- part: one job's audio, made in a child process into the cache ---- */

void build_part_release(struct build_part *part)
{
	article_result_release(&part->res);
	if (part->fp)
		fclose(part->fp);
	part->fp = NULL;
	part->ready = false;
	error_release(&part->err);
}

bool build_part_cached(const char *cache_dir, const struct build_job *job, struct build_part *part)
{
	char *mp3 = xasprintf("%s/%s.mp3", cache_dir, job->key);
	char *meta = xasprintf("%s/%s.meta", cache_dir, job->key);
	FILE *fp = fopen(meta, "rb");
	bool ok = false;

	if (fp && fread(&part->res, sizeof part->res, 1, fp) == 1) {
		size_t n = part->res.n_timings, nw = part->res.n_words;

		part->res.timings = NULL;
		part->res.words = NULL;
		ok = n == (job->scripted ? job->sc.segments.n : 0) && nw <= (size_t)1 << 28;
		if (ok) {
			part->res.timings = xcalloc(n ? n : 1, sizeof *part->res.timings);
			part->res.words = xcalloc(nw ? nw : 1, sizeof *part->res.words);
			ok = fread(part->res.timings, sizeof *part->res.timings, n, fp) == n &&
			     fread(part->res.words, sizeof *part->res.words, nw, fp) == nw;
		}
		part->fp = ok ? fopen(mp3, "rb") : NULL;
		ok = part->fp != NULL;
	}
	if (!ok) {
		article_result_release(&part->res);
		memset(&part->res, 0, sizeof part->res);
	} else {
		part->ready = true;
		log_verbose("build: '%s' is in the cache, not spoken again", job->name);
	}
	if (fp)
		fclose(fp);
	free(mp3);
	free(meta);
	return ok;
}

static int build_part_store_meta(const char *cache_dir, const struct build_job *job, const struct build_part *part)
{
	char *path = xasprintf("%s/%s.meta", cache_dir, job->key);
	struct outfile of;
	int ret = -1;

	if (outfile_open_private(&of, path) == 0) {
		fwrite(&part->res, sizeof part->res, 1, of.fp);
		fwrite(part->res.timings, sizeof *part->res.timings, part->res.n_timings, of.fp);
		fwrite(part->res.words, sizeof *part->res.words, part->res.n_words, of.fp);
		ret = outfile_commit(&of);
	}
	free(path);
	return ret;
}

int build_part_start(struct build_part_run *r, const char *cache_dir, const struct build_job *job,
		     struct build_part *part)
{
	char *path = xasprintf("%s/%s.mp3", cache_dir, job->key);
	struct error_catch c;
	int ret = 0;

	memset(r, 0, sizeof *r);
	/* no room in the cache, or no process to make it: not the article's fault */
	error_catch_begin(&c, &part->err, ERROR_SYSTEM);
	if (outfile_open_private(&r->out, path) < 0 || article_start(&r->run, &job->job, r->out.fp) < 0) {
		outfile_abort(&r->out);
		ret = -1;
	}
	error_catch_end(&c);
	if (ret < 0 && !part->err.kind)
		error_set(&part->err, ERROR_SYSTEM, "'%s' could not be started", job->name);
	free(path);
	return ret;
}

int build_part_finish(struct build_part_run *r, const char *cache_dir, const struct build_job *job,
		      struct build_part *part)
{
	struct error_catch c;
	char *path;
	int ret = -1;

	/* what the worker could not do is the article's own failure, unless it was the storage */
	error_catch_begin(&c, &part->err, ERROR_INPUT);
	ret = article_finish(&r->run, &part->res);
	error_catch_end(&c);
	if (ret < 0) {
		outfile_abort(&r->out);
		if (!part->err.kind)
			error_set(&part->err, ERROR_INPUT, "it failed");
		return -1;
	}
	path = xstrdup(r->out.dest);
	/* the cache is the show's: whatever went wrong, it is not the article's fault */
	error_catch_begin(&c, &part->err, ERROR_SYSTEM);
	if (outfile_commit(&r->out) < 0 || build_part_store_meta(cache_dir, job, part) < 0) {
		ret = -1;
	} else if (!(part->fp = fopen(path, "rb"))) {
		log_error("cannot read '%s': %s", path, strerror(errno));
		ret = -1;
	}
	error_catch_end(&c);
	if (ret < 0 && !part->err.kind)
		error_set(&part->err, ERROR_SYSTEM, "'%s' could not be kept in the cache", job->name);
	part->ready = ret == 0;
	free(path);
	return ret;
}

int build_part(const char *cache_dir, const struct build_job *job, struct build_part *part)
{
	struct build_part_run r;

	if (build_part_start(&r, cache_dir, job, part) < 0)
		return -1;
	return build_part_finish(&r, cache_dir, job, part);
}

/* The errno a failure that is not an article's stops the build with (see build_halt). */
static int build_halt_errno(const struct error *err)
{
	return err->kind == ERROR_STORAGE && err->errnum ? err->errnum : -1;
}

/* What build_make_parts' callbacks share. */
struct build_making {
	struct build *b;
	const struct build_plan *plan;
	struct build_part *parts;
	struct build_part_run *running;	/* one a job */
	size_t done;
	time_t started;
};

/* "3 of 7 done, now robot-library.txt, about 12 s left" on a terminal. */
static void build_progress(const struct build_making *m)
{
	const struct build_plan *plan = m->plan;
	size_t n = plan->n_jobs, done = m->done;
	char phase[160];
	const char *now = NULL;
	long spent = (long)(time(NULL) - m->started), left = done ? spent * (long)(n - done) / (long)done : -1;

	if (!m->b->progress.enabled)
		return;
	for (size_t i = 0; i < n && !now; i++)
		if (!m->parts[i].ready && !m->parts[i].err.kind)
			now = plan->jobs[i]->name;
	snprintf(phase, sizeof phase, "%zu of %zu pieces made%s%.40s%s, ", done, n, now ? ", now " : "", now ? now : "",
		 left >= 0 && done < n ? "" : "");
	if (left >= 0 && done < n)
		snprintf(phase + strlen(phase), sizeof phase - strlen(phase), "about %ld s left,", left);
	progress_update(&m->b->progress, phase, (double)done / (double)n);
}

static struct isolate_child *build_start_one(size_t i, void *ud)
{
	struct build_making *m = ud;
	const struct build_job *job = m->plan->jobs[i];
	struct build_part *part = &m->parts[i];

	/* once the storage failed, nothing more is made */
	if (part->ready || m->b->halt) {
		m->done++;
		return NULL;
	}
	if (build_part_start(&m->running[i], m->b->cache_dir, job, part) < 0) {
		build_halt(m->b, build_halt_errno(&part->err));
		m->done++;
		return NULL;
	}
	log_verbose("build: speaking '%s'", job->name);
	return &m->running[i].run.child;
}

static void build_finish_one(size_t i, void *ud)
{
	struct build_making *m = ud;
	struct build_part *part = &m->parts[i];

	/* whichever finishes first frees its slot for the next job */
	if (build_part_finish(&m->running[i], m->b->cache_dir, m->plan->jobs[i], part) < 0 &&
	    !error_is_input_fault(part->err.kind))
		build_halt(m->b, build_halt_errno(&part->err));
	m->done++;
	build_progress(m);
}

void build_make_parts(struct build *b, const struct build_plan *plan, struct build_part *parts)
{
	struct build_making m = { b, plan, parts, xcalloc(plan->n_jobs ? plan->n_jobs : 1, sizeof *m.running), 0,
				  time(NULL) };

	for (size_t i = 0; i < plan->n_jobs; i++)
		build_part_cached(b->cache_dir, plan->jobs[i], &parts[i]);
	isolate_pool_run((size_t)b->opts.jobs, plan->n_jobs, build_start_one, build_finish_one, &m);
	free(m.running);
}

/* ---- assemble: an episode of the parts, staged, then committed ---- */

static char *build_slug(const struct build *b, const struct build_state *st, const char *text)
{
	char date[16], *base, *slug, *stem;
	struct tm tm;

	localtime_r(&b->when, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	stem = util_slug(text, 60);
	base = xasprintf("%s-%s", date, stem);
	slug = xstrdup(base);
	for (int k = 2;; k++) {
		char *json = xasprintf("%s/%s.json", st->episodes, slug);
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

/* Remembers an episode's title (a rebuilt one's new title replaces its old). */
static void build_title_note(struct build *b, const char *slug, const char *title)
{
	for (size_t i = 0; i < b->n_titles; i++)
		if (strcmp(b->titles[i].slug, slug) == 0) {
			free(b->titles[i].title);
			b->titles[i].title = xstrdup(title);
			return;
		}
	util_grow((void **)&b->titles, &b->cap_titles, b->n_titles + 1, sizeof *b->titles);
	b->titles[b->n_titles++] = (struct build_title){ xstrdup(slug), xstrdup(title) };
}

/* title, else "title (2)", "title (3)" ...: the first that no other episode of the show
 * has, so two digests of one day can be told apart. Takes title; a new string. */
static char *build_unique_title(struct build *b, const struct build_state *st, char *title, const char *slug)
{
	char *name = title;

	if (!b->titles_read) {
		DIR *d = opendir(st->episodes);
		struct dirent *de;

		while (d && (de = readdir(d))) {
			struct episode old;
			char *path;

			if (de->d_name[0] == '.' || !util_ends_with(de->d_name, ".json") ||
			    util_ends_with(de->d_name, ".chapters.json"))
				continue;
			path = xasprintf("%s/%s", st->episodes, de->d_name);
			episode_init(&old);
			if (episode_read(&old, path) == 0)
				build_title_note(b, old.slug, old.title);
			episode_release(&old);
			free(path);
		}
		if (d)
			closedir(d);
		b->titles_read = true;
	}
	for (int k = 2;; k++) {
		bool taken = false;

		for (size_t i = 0; i < b->n_titles && !taken; i++)
			taken = strcmp(b->titles[i].title, name) == 0 && strcmp(b->titles[i].slug, slug) != 0;
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

/* The episode's title: the show's pattern (in article mode, the headline unless the show set
 * a pattern of its own), made unique among the show's episodes. A new string. */
static char *build_title(struct build *b, const struct build_state *st, const char *headline, time_t day,
			 const char *slug)
{
	const char *pattern = b->show.title_pattern;

	if (b->show.mode == SHOW_ARTICLE)
		pattern = pattern && strcmp(pattern, "{show} — {date:%A %-d %B %Y}") != 0 ? pattern : "{headline}";
	return build_unique_title(b, st, show_expand(&b->show, pattern, headline, (long)day), slug);
}

/* The episode's parts in order, each with the chapter it begins (aparts has room for n), and
 * its articles, description and first headline. The number of parts. */
static size_t build_episode_parts(const struct build *b, struct build_job *const *jobs, const struct build_part *parts,
				  size_t n, struct assemble_part *aparts, struct episode *ep, const char **first_headline)
{
	struct strbuf desc;
	size_t n_parts = 0;

	strbuf_init(&desc);
	for (size_t i = 0; i < n; i++) {
		const struct build_job *p = jobs[i];

		if (!parts[i].ready)
			continue;
		aparts[n_parts++] = (struct assemble_part){
			.fp = parts[i].fp,
			.encode = parts[i].res.part,
			.segments = p->scripted ? p->sc.segments.items : NULL,
			.timings = parts[i].res.timings,
			.n_timings = parts[i].res.n_timings,
			.words = parts[i].res.words,
			.n_words = parts[i].res.n_words,
			.chapter = p->kind == BUILD_ARTICLE ? p->sc.doc.headline
				   : p->kind == BUILD_INTRO && i == 0 ? "Introduction" : NULL,
			/* in article mode, a chapter for each section too */
			.section_chapters = b->show.mode == SHOW_ARTICLE && p->kind == BUILD_ARTICLE,
		};
		if (p->kind == BUILD_ARTICLE) {
			char *summary = build_summary(&p->sc);

			if (!*first_headline)
				*first_headline = p->sc.doc.headline;
			strbuf_addf(&desc, "%s%s\n%s\n", desc.len ? "\n" : "", p->sc.doc.headline, summary);
			episode_add_article(ep, (struct episode_article){
							xstrdup(p->id), xstrdup(p->hash), xstrdup(p->sc.doc.headline), summary,
							p->sc.doc.author ? xstrdup(p->sc.doc.author) : NULL,
							p->sc.doc.date ? xstrdup(p->sc.doc.date) : NULL,
							p->sc.doc.link ? xstrdup(p->sc.doc.link) : NULL });
		}
	}
	ep->description = strbuf_detach(&desc);
	return n_parts;
}

/* Who the episode is: a correction keeps the slug, guid, number and date of the episode it
 * replaces (old), a new one gets its own. date gets the day it tells of (YYYY-MM-DD). */
static void build_episode_name(struct build *b, const struct build_state *st, struct episode *ep,
			       const struct episode *old, const char *first_headline, char date[16])
{
	char rfc[32];
	struct tm tm;
	time_t when, day;

	/* the replaced episode's sidecar is read already */
	day = old ? build_sidecar_time(b, old) : b->when;
	localtime_r(&day, &tm);
	strftime(date, 16, "%Y-%m-%d", &tm);
	/* the episodes of one build a second apart, in build order, so the feed keeps that order */
	when = b->when + b->new_episodes;
	gmtime_r(&when, &tm);
	strftime(rfc, sizeof rfc, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (old) {
		ep->slug = xstrdup(old->slug);
		ep->guid = xstrdup(old->guid);
		ep->number = old->number;
		ep->date = xstrdup(old->date ? old->date : rfc);
	} else {
		ep->slug = build_slug(b, st, b->show.mode == SHOW_ARTICLE ? first_headline : b->show.title);
		ep->guid = episode_new_guid();
		ep->number = build_state_next_number(st);
		ep->date = xstrdup(rfc);
	}
	ep->title = build_title(b, st, first_headline, day, ep->slug);
}

/* Writes the episode's MP3, captions and sidecar into staging, from its parts. */
static int build_episode_stage(const struct build *b, const struct build_state *st, struct episode *ep,
			       const char *date, const struct assemble_part *aparts, size_t n_parts)
{
	unsigned char *cover = NULL;
	size_t cover_len = 0;
	const char *cover_mime = NULL;
	char *writers = build_writers(ep), *mp3 = xasprintf("%s/%s.mp3", st->staging, ep->slug);
	char *vtt = xasprintf("%s/%s.vtt", st->staging, ep->slug), *srt = xasprintf("%s/%s.srt", st->staging, ep->slug);
	struct assemble_job aj;
	struct assemble_result ar = { 0 };
	int ret = -1;

	build_read_cover(&b->show, &cover, &cover_len, &cover_mime);
	aj = (struct assemble_job){
		.path = mp3,
		.vtt = vtt,
		.srt = srt,
		.encode = b->encode,
		.tags = { .title = ep->title,
			  .artist = b->show.author,
			  .writer = writers,
			  .album = b->show.title,
			  .date = date,
			  .genre = "Podcast",
			  .comment = b->show.description,
			  .source_url = ep->n_articles == 1 && b->show.mode == SHOW_ARTICLE && ep->articles[0].link &&
						fetch_is_url(ep->articles[0].link) ? ep->articles[0].link : NULL,
			  .show_url = b->show.link,
			  .cover = cover,
			  .cover_len = cover_len,
			  .cover_mime = cover_mime },
		.parts = aparts,
		.n_parts = n_parts,
	};
	if (assemble(&aj, &ar) < 0)
		goto out;
	ep->duration = ar.seconds;
	ep->bytes = ar.bytes;
	for (size_t i = 0; i < ar.n_chapters; i++)
		episode_add_chapter(ep, ar.chapters[i].start_ms, xstrdup(ar.chapters[i].title));
	ret = episode_write(ep, st->staging);
out:
	assemble_result_release(&ar);
	free(cover);
	free(writers);
	free(mp3);
	free(vtt);
	free(srt);
	return ret;
}

/* The commit point of a staged episode, then its files moved into public/episodes; the parts
 * it was made of leave the cache. */
static int build_episode_commit(struct build *b, struct build_state *st, const struct episode *ep, bool replaces,
				struct build_job *const *jobs, const struct build_part *parts, size_t n)
{
	build_state_step("staged");
	/* the commit point: from here on the episode is published, by this build or the next */
	if (build_state_commit(st, ep, replaces) < 0)
		return -1;
	build_state_step("committed");
	if (!replaces)
		b->new_episodes++;
	build_title_note(b, ep->slug, ep->title);
	if (build_state_publish(st, ep->slug, false) < 0)
		return -1;
	/* published parts are never needed again: the cache keeps only unfinished work */
	for (size_t i = 0; i < n; i++) {
		if (!parts[i].ready)
			continue;
		for (int k = 0; k < 2; k++) {
			char *f = xasprintf("%s/%s.%s", b->cache_dir, jobs[i]->key, k ? "meta" : "mp3");

			unlink(f);
			free(f);
		}
	}
	return 0;
}

int build_episode(struct build *b, struct build_state *st, const struct build_plan *plan, size_t e,
		  const struct build_part *all_parts)
{
	const struct build_plan_episode *pe = &plan->episodes[e];
	struct build_job *const *jobs = plan->jobs + pe->first;
	const struct build_part *parts = all_parts + pe->first;
	const char *replaces = pe->replaces, *first_headline = NULL;
	size_t n = pe->n, n_parts, n_articles = 0;
	struct assemble_part *aparts = xcalloc(n ? n : 1, sizeof *aparts);	/* one a job: none is left out */
	struct episode ep, old;
	char date[16];
	int ret = -1;

	episode_init(&ep);
	episode_init(&old);
	for (size_t i = 0; i < n; i++) {
		if (jobs[i]->kind == BUILD_ARTICLE && parts[i].ready)
			n_articles++;
		else if (jobs[i]->kind == BUILD_ARTICLE && replaces) {
			/* a correction never drops the rest of its episode: the episode stays as it was */
			log_warn("episode '%s' is not rebuilt: its article '%s' could not be made", replaces, jobs[i]->name);
			ret = 0;
			goto out;
		}
	}
	if (!n_articles) {
		ret = 0;
		goto out;
	}
	if (replaces) {
		char *json = xasprintf("%s/%s.json", st->episodes, replaces);

		ret = episode_read(&old, json);
		free(json);
		if (ret < 0)
			goto out;
		ret = -1;
	}
	n_parts = build_episode_parts(b, jobs, parts, n, aparts, &ep, &first_headline);
	build_episode_name(b, st, &ep, replaces ? &old : NULL, first_headline, date);
	if (build_episode_stage(b, st, &ep, date, aparts, n_parts) < 0 ||
	    build_episode_commit(b, st, &ep, replaces != NULL, jobs, parts, n) < 0)
		goto out;
	progress_done(&b->progress);
	log_info("%s %s/%s.mp3: \"%s\", %zu article%s, %d:%02d", replaces ? "rebuilt in place" : "built", st->episodes,
		 ep.slug, ep.title, n_articles, n_articles == 1 ? "" : "s", (int)ep.duration / 60, (int)ep.duration % 60);
	ret = 0;
out:
	free(aparts);
	episode_release(&ep);
	episode_release(&old);
	return ret;
}

/* Makes the plan's parts and its episodes; an article whose part cannot be made is set aside. */
static int build_make_episodes(struct build *b, struct build_state *st, const struct build_plan *plan)
{
	struct build_part *parts = xcalloc(plan->n_jobs ? plan->n_jobs : 1, sizeof *parts);
	int ret = 0;

	build_make_parts(b, plan, parts);
	/* the storage failed: no article is blamed for it, and no episode is made */
	for (size_t i = 0; i < plan->n_jobs && !b->halt; i++) {
		const struct build_job *job = plan->jobs[i];

		if (parts[i].ready)
			continue;
		if (job->kind == BUILD_ARTICLE) {
			build_set_aside_failed(b, st, job->id, job->name, job->hash, job->path != NULL, &parts[i].err);
		} else {
			log_error("the show's %s could not be made; no episode is built without it", job->name);
			ret = -1;
		}
	}
	for (size_t e = 0; e < plan->n_episodes && ret == 0 && !b->halt; e++) {
		struct error err = { 0 };
		struct error_catch c;

		error_catch_begin(&c, &err, ERROR_SYSTEM);
		ret = build_episode(b, st, plan, e, parts);
		error_catch_end(&c);
		if (ret < 0 && err.kind == ERROR_STORAGE)
			build_halt(b, err.errnum);
		error_release(&err);
	}
	for (size_t i = 0; i < plan->n_jobs; i++)
		build_part_release(&parts[i]);
	free(parts);
	return b->halt ? -1 : ret;
}

/* ---- the run ---- */

/* Loads the show; the rest of the build's settings wait for its lock (build_load_settings). */
static int build_load_show(struct build *b, const char *dir, const struct build_options *opts)
{
	memset(b, 0, sizeof *b);
	b->opts = *opts;
	show_init(&b->show);
	voice_profile_init(&b->voice);
	return show_load(&b->show, dir);
}

static int build_load_settings(struct build *b)
{
	if (voice_profile_find(&b->voice, b->show.voice ? b->show.voice : VOICE_DEFAULT) < 0)
		return -1;
	b->script.voice = b->voice.path;
	b->script.inbox = true;	/* nothing is read through a link in articles/ */
	b->script.max_minutes = b->show.max_minutes;
	b->script.lexicon = b->show.lexicon ? show_path(&b->show, b->show.lexicon) : NULL;
	b->audio = (struct audio_settings){ b->show.sample_rate, b->show.loudness, b->show.true_peak, 1 };
	b->encode = (struct encode_settings){ ENCODE_MP3, b->show.sample_rate, b->show.bitrate, ENCODE_DEFAULT_QUALITY };
	b->when = b->opts.when ? b->opts.when : time(NULL);
	b->cache_dir = xasprintf("%s/.newscast/cache", b->show.dir);
	progress_init(&b->progress, b->show.dir, b->opts.quiet);
	return 0;
}

int build_init(struct build *b, const char *dir, const struct build_options *opts)
{
	if (build_load_show(b, dir, opts) < 0)
		return -1;
	return build_load_settings(b);
}

void build_release(struct build *b)
{
	for (size_t i = 0; i < b->n_titles; i++) {
		free(b->titles[i].slug);
		free(b->titles[i].title);
	}
	free(b->titles);
	free((char *)b->script.lexicon);
	free(b->cache_dir);
	voice_profile_release(&b->voice);
	show_release(&b->show);
	memset(b, 0, sizeof *b);
}

static int build_mkdirs(const struct build *b)
{
	char *dirs[] = { xasprintf("%s/public", b->show.dir), xasprintf("%s/public/episodes", b->show.dir),
			 xasprintf("%s/.newscast", b->show.dir), xstrdup(b->cache_dir),
			 xasprintf("%s/.newscast/staging", b->show.dir) };
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
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		free(dirs[i]);
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
static void build_clear_staging(const struct build *b, const struct build_state *st)
{
	build_clear_dir(st->staging, false);
	build_clear_dir(b->cache_dir, true);
}

/* Nothing new: the state is saved (what failed, the feeds' validators), and the feed written
 * if it is missing. The exit status. */
static int build_nothing_new(struct build *b, const struct build_state *st, const struct build_plan *plan)
{
	char *feed = xasprintf("%s/public/feed.xml", b->show.dir);
	int ret;

	log_info("nothing new to build in %s (%zu article%s published already%s)", b->show.dir, plan->published,
		 plan->published == 1 ? "" : "s", plan->changed ? ", some changed: see above" : "");
	/* nothing to do, unless the feed itself is missing */
	ret = (access(feed, F_OK) != 0 && feed_write(&b->show) < 0) || build_state_save(st) < 0 || plan->feed_failures ||
	      b->failures;
	free(feed);
	return ret;
}

/* After the episodes: the state, the feed (last, once every file it points at is in place),
 * then the commits are done. The exit status, given the episodes' (ret). */
static int build_finish(struct build *b, struct build_state *st, const struct build_plan *plan, int ret)
{
	/* what failed, and the feeds' validators, are remembered even when no episode was made */
	if (build_state_save(st) < 0)
		ret = 1;
	else
		build_state_step("state saved");
	if (feed_write(&b->show) < 0) {
		ret = 1;
	} else {
		build_state_step("feed written");
		if (build_state_commits_done(st) < 0)
			ret = 1;
	}
	if (b->failures)
		log_error("%d article%s could not be built: see %s/articles/failed/", b->failures,
			  b->failures == 1 ? "" : "s", b->show.dir);
	if (plan->feed_failures)
		log_error("%d of the show's %zu feed%s could not be read: see above", plan->feed_failures,
			  b->show.n_feeds, b->show.n_feeds == 1 ? "" : "s");
	return ret;
}

int build_show(const char *dir, const struct build_options *opts)
{
	struct build b;
	struct build_state st = { 0 };
	struct build_plan plan;
	struct lock lock = { -1, false };
	int ret = 1, planned;

	build_plan_init(&plan);
	if (build_load_show(&b, dir, opts) < 0)
		goto out;
	/* one run on a show at a time: two would publish the same articles twice */
	if ((ret = lock_show(&lock, b.show.dir, opts->wait)) != 0) {
		ret = ret == LOCK_EXIT_BUSY ? LOCK_EXIT_BUSY : 1;
		goto out;
	}
	ret = 1;
	if (build_load_settings(&b) < 0 || build_mkdirs(&b) < 0 || build_state_load(&st, b.show.dir) < 0)
		goto out;
	/* a commit a stopped build left is finished first: its files are in staging */
	if (build_state_recover(&st, &b.show) < 0)
		goto out;
	build_clear_staging(&b, &st);
	build_clear_failed_tmp(&b.show);
	planned = build_plan(&b, &st, &plan);
	if (!plan.inbox_read)
		goto out;
	/* what cannot be read is set aside, unless the storage failed: then nothing is */
	for (size_t i = 0; i < plan.n_rejects && !b.halt; i++) {
		const struct build_reject *r = &plan.rejects[i];

		build_set_aside_failed(&b, &st, r->id, r->name, r->hash, r->file, &r->err);
	}
	if (plan.n_new == 0) {
		ret = build_nothing_new(&b, &st, &plan);
		goto out;
	}
	progress_update(&b.progress, "speaking and encoding", 0.0);
	ret = planned < 0 || b.halt || build_make_episodes(&b, &st, &plan) < 0 || b.failures || plan.feed_failures;
	ret = build_finish(&b, &st, &plan, ret);
out:
	progress_done(&b.progress);
	if (b.halt) {
		build_report_halt(&b);
		ret = 1;
	}
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);
	lock_release(&lock);
	return ret;
}
