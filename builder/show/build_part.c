/* build_part: one job of a plan made into a part in the cache, in a child process; all of a plan's, on a pool. */
#include "build_part.h"

#include "build.h"
#include "log.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

	/* the worker's status says whose fault a failure is: the article's, or the storage's */
	ret = article_finish(&r->run, &part->res, &part->err);
	if (ret < 0) {
		outfile_abort(&r->out);
		if (!part->err.kind)
			error_set(&part->err, ERROR_INPUT, "'%s' failed", job->name);
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

