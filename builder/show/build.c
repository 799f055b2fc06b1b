/* build: a show's new articles into episodes, as plan → parts → assemble, then the commit. */
#include "build.h"

#include "assemble.h"
#include "cover.h"
#include "lock.h"
#include "log.h"
#include "publish.h"
#include "tags.h"
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

/* ---- stopping for the storage ---- */

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

/* ---- setting aside what failed ---- */

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

/* The time of a sidecar's date, or the build's when it has none. */
time_t build_sidecar_time(const struct build *b, const struct episode *ep)
{
	struct tm tm = { 0 };
	const char *end;

	if (ep->date && (end = strptime(ep->date, "%Y-%m-%dT%H:%M:%SZ", &tm)) && !*end)
		return timegm(&tm);
	return b->when;
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

/* The show's cover for the episodes' tags, when it is a JPEG or PNG; none (warned) otherwise. */
static int build_read_cover(const struct show *show, unsigned char **data, size_t *len, const char **mime)
{
	struct cover c;
	char *path;
	int r;

	*data = NULL;
	*mime = NULL;
	if (!show->image)
		return 0;
	path = show_path(show, show->image);
	r = cover_read(&c, path);
	if (r == COVER_UNREADABLE) {
		log_warn("the cover '%s' cannot be read: episodes are built without it", path);
	} else if (r != COVER_OK) {
		log_warn("the cover '%s' is neither JPEG nor PNG: episodes are built without it", path);
	} else {
		*data = c.data;	/* the caller's now */
		*len = c.len;
		*mime = c.mime;
		c.data = NULL;
	}
	cover_release(&c);
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
		.tags = { .cover = cover, .cover_len = cover_len, .cover_mime = cover_mime },
		.parts = aparts,
		.n_parts = n_parts,
	};
	tags_for_episode(&aj.tags, &b->show, ep, writers, date);
	/* the staged files reach the disk together, before the commit point that needs them there */
	outfile_defer_sync();
	if (assemble(&aj, &ar) < 0)
		goto out;
	ep->duration = ar.seconds;
	ep->bytes = ar.bytes;
	for (size_t i = 0; i < ar.n_chapters; i++)
		episode_add_chapter(ep, ar.chapters[i].start_ms, xstrdup(ar.chapters[i].title));
	ret = episode_write(ep, st->staging);
out:
	if (outfile_sync_deferred() < 0)
		ret = -1;
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
	size_t from_cache = 0, made = 0;
	int ret = 0;

	build_make_parts(b, plan, parts, &from_cache, &made);
	/* the storage failed: no article is blamed for it, and no episode is made */
	for (size_t i = 0; i < plan->n_jobs && !b->halt; i++) {
		const struct build_job *job = plan->jobs[i];

		if (parts[i].ready)
			continue;
		if (job->kind == BUILD_ARTICLE) {
			build_set_aside_failed(b, st, job->id, job->name, job->hash, job->path != NULL, &parts[i].err);
			/* set aside, it is tried again when it comes back: `newscast part`'s verdict is spent */
			if (!b->halt)
				build_part_forget_failure(b->cache_dir, job->key);
		} else {
			log_error("the show's %s could not be made; no episode is built without it", job->name);
			build_part_forget_failure(b->cache_dir, job->key);	/* tried again next time */
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
	/* what `newscast part` made elsewhere, said so that its work is seen to be used */
	if (from_cache && !b->halt)
		log_info("joined %zu part%s from the cache, rendered %zu", from_cache, from_cache == 1 ? "" : "s", made);
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
	int found = 1;

	/* no profile named: the one that speaks the show's language, else the default */
	if (!b->show.voice && b->show.language && (found = voice_profile_for_language(&b->voice, b->show.language)) < 0)
		return -1;
	if (found != 0 && voice_profile_find(&b->voice, b->show.voice ? b->show.voice : VOICE_DEFAULT) < 0)
		return -1;
	b->script.voice = b->voice.path;
	b->script.show_language = b->show.language;
	b->script.inbox = true;	/* nothing is read through a link in articles/ */
	b->script.max_minutes = b->show.max_minutes;
	b->script.lexicon = b->show.lexicon ? show_path(&b->show, b->show.lexicon) : NULL;
	b->audio = (struct audio_settings){ b->show.sample_rate, b->show.loudness, b->show.true_peak, 1 };
	b->encode = (struct encode_settings){ ENCODE_MP3, b->show.sample_rate, b->show.bitrate, b->show.quality };
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
	ret = (access(feed, F_OK) != 0 && publish_feed(&b->show) < 0) || build_state_save(st) < 0 || plan->feed_failures ||
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
	if (publish_feed(&b->show) < 0) {
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
