/* build_part: one job of a plan made into a part in the cache, in a child process; all of a plan's, on a pool. */
#include "build_part.h"

#include "build.h"
#include "log.h"
#include "synth.h"
#include "util.h"
#include "version.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void build_part_release(struct build_part *part)
{
	article_result_release(&part->res);
	if (part->fp)
		fclose(part->fp);
	part->fp = NULL;
	part->ready = false;
	error_release(&part->err);
}

/* CACHE/KEY.EXT, a new string. */
static char *build_cache_file(const char *cache_dir, const char *key, const char *ext)
{
	return xasprintf("%s/%s.%s", cache_dir, key, ext);
}

enum build_cached build_part_state(const char *cache_dir, const char *key)
{
	char *meta = build_cache_file(cache_dir, key, "meta"), *failed = build_cache_file(cache_dir, key, "failed");
	/* KEY.meta is renamed into place after KEY.mp3: a part is there once its meta is */
	enum build_cached state = access(meta, F_OK) == 0	  ? BUILD_CACHED_READY
				  : access(failed, F_OK) == 0 ? BUILD_CACHED_FAILED
							      : BUILD_CACHED_NONE;

	free(meta);
	free(failed);
	return state;
}

int build_part_failure(const char *cache_dir, const char *key, struct error *err)
{
	char *path = build_cache_file(cache_dir, key, "failed");
	FILE *fp = fopen(path, "rb");
	unsigned char buf[8192];
	size_t n = fp ? fread(buf, 1, sizeof buf, fp) : 0;
	int ret = fp && !ferror(fp) && n < sizeof buf ? error_unpack(err, buf, n) : -1;

	if (fp)
		fclose(fp);
	free(path);
	return ret;
}

int build_part_mark_failed(const char *cache_dir, const char *key, const struct error *err)
{
	char *path = build_cache_file(cache_dir, key, "failed");
	size_t len;
	unsigned char *buf = error_pack(err, &len);
	struct outfile of;
	int ret = -1;

	if (outfile_open_private(&of, path) == 0) {
		fwrite(buf, 1, len, of.fp);
		ret = outfile_commit(&of);
	}
	free(buf);
	free(path);
	return ret;
}

void build_part_forget_failure(const char *cache_dir, const char *key)
{
	char *path = build_cache_file(cache_dir, key, "failed");

	unlink(path);
	free(path);
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
	size_t *first;			/* one a job: the first job with its key (itself, or one before) */
	size_t *order;			/* the jobs in the order they start: the longest first */
	size_t done, made;
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

static struct isolate_child *build_start_one(size_t k, void *ud)
{
	struct build_making *m = ud;
	size_t i = m->order[k];
	const struct build_job *job = m->plan->jobs[i];
	struct build_part *part = &m->parts[i];

	/* once the storage failed, nothing more is made; a part made by an earlier job with its
	 * key, or one that failed before (KEY.failed), is not made again */
	if (part->ready || part->err.kind || m->first[i] != i || m->b->halt) {
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

static void build_finish_one(size_t k, void *ud)
{
	struct build_making *m = ud;
	size_t i = m->order[k];
	struct build_part *part = &m->parts[i];

	/* whichever finishes first frees its slot for the next job */
	if (build_part_finish(&m->running[i], m->b->cache_dir, m->plan->jobs[i], part) == 0)
		m->made++;
	else if (!error_is_input_fault(part->err.kind))
		build_halt(m->b, build_halt_errno(&part->err));
	m->done++;
	build_progress(m);
}

/* About how long a job's part takes to make: the text it speaks (an audio file's is short). */
static size_t build_job_weight(const struct build_job *job)
{
	size_t n = 0;

	for (size_t i = 0; job->scripted && i < job->sc.segments.n; i++)
		n += strlen(job->sc.segments.items[i].text);
	return n;
}

/* The order jobs start in: the longest first, so that the last to start are short ones and
 * no core waits long for the last part at the end (ties keep the plan's order). */
static size_t *build_job_order(const struct build_plan *plan)
{
	size_t n = plan->n_jobs, *order = xcalloc(n ? n : 1, sizeof *order), *weight = xcalloc(n ? n : 1, sizeof *weight);

	for (size_t i = 0; i < n; i++) {
		size_t k = i, w = build_job_weight(plan->jobs[i]);

		/* insertion: a plan is a few dozen jobs */
		for (; k > 0 && weight[k - 1] < w; k--) {
			order[k] = order[k - 1];
			weight[k] = weight[k - 1];
		}
		order[k] = i;
		weight[k] = w;
	}
	free(weight);
	return order;
}

void build_make_parts(struct build *b, const struct build_plan *plan, struct build_part *parts, size_t *from_cache,
		      size_t *made)
{
	size_t n = plan->n_jobs, cached = 0;
	struct build_making m = { b, plan, parts, xcalloc(n ? n : 1, sizeof *m.running), xcalloc(n ? n : 1, sizeof *m.first),
				  build_job_order(plan), 0, 0, time(NULL) };

	for (size_t i = 0; i < n; i++) {
		const struct build_job *job = plan->jobs[i];

		m.first[i] = i;
		for (size_t k = 0; k < i && m.first[i] == i; k++)
			if (strcmp(plan->jobs[k]->key, job->key) == 0)
				m.first[i] = k;
		if (build_part_cached(b->cache_dir, job, &parts[i])) {
			cached++;
			m.first[i] = i;	/* found: nothing to wait for */
		} else if (m.first[i] == i && build_part_failure(b->cache_dir, job->key, &parts[i].err) == 0) {
			/* `newscast part` tried it, with the same key: its error, said again for this build's log */
			log_error_as(parts[i].err.kind, "%s", parts[i].err.message ? parts[i].err.message : "it failed");
		}
	}
	isolate_pool_run((size_t)b->opts.jobs, n, build_start_one, build_finish_one, &m);
	for (size_t i = 0; i < n; i++) {
		const struct build_part *first = &parts[m.first[i]];

		if (m.first[i] == i)
			continue;
		/* the same part as an earlier job's: found in the cache where that one put it */
		if (first->ready && !build_part_cached(b->cache_dir, plan->jobs[i], &parts[i]))
			error_set(&parts[i].err, ERROR_SYSTEM, "the part of '%s' is no longer in the cache", plan->jobs[i]->name);
		else if (!first->ready && first->err.kind)
			error_set(&parts[i].err, first->err.kind, "%s", first->err.message ? first->err.message : "it failed");
	}
	if (from_cache)
		*from_cache = cached;
	if (made)
		*made = m.made;
	free(m.running);
	free(m.first);
	free(m.order);
}

/* ---- `newscast part` ---- */

/* A job asked for: its key, and what its plan line says of it (NULL when given by its id). */
struct build_wanted {
	char *key, *install, *article, *kind;
};

static void build_wanted_release(struct build_wanted *w)
{
	free(w->key);
	free(w->install);
	free(w->article);
	free(w->kind);
}

static bool build_is_key(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* A string member of o, a new string, or NULL. */
static char *build_json_string(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) && v->valuestring ? xstrdup(v->valuestring) : NULL;
}

/* A job id, or a line of `newscast plan`; -1 (reported) when it is neither. */
static int build_wanted_parse(const char *arg, struct build_wanted *w)
{
	cJSON *o;

	memset(w, 0, sizeof *w);
	if (arg[strspn(arg, " \t")] != '{') {
		if (!build_is_key(arg)) {
			log_error("'%s' is not a job: give a job id (64 hex digits) or a line of 'newscast plan'", arg);
			return -1;
		}
		w->key = xstrdup(arg);
		return 0;
	}
	o = cJSON_Parse(arg);
	w->key = o ? build_json_string(o, "job") : NULL;
	if (!w->key || !build_is_key(w->key)) {
		log_error("'%s' is not a line of 'newscast plan': it has no \"job\" of 64 hex digits", arg);
		cJSON_Delete(o);
		build_wanted_release(w);
		return -1;
	}
	w->install = build_json_string(o, "install");
	w->article = build_json_string(o, "article");
	w->kind = build_json_string(o, "kind");
	cJSON_Delete(o);
	return 0;
}

/* The task-th line of a saved plan into *w: 0, or -1 (reported). */
static int build_wanted_task(const char *plan_file, long task, struct build_wanted *w)
{
	char *data = NULL, *line, *save = NULL;
	size_t len;
	long n = 0;
	int ret = -1;

	if (util_read_file(plan_file, (size_t)1 << 28, &data, &len) < 0)
		return -1;
	for (line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!line[strspn(line, " \t\r")])
			continue;
		if (n++ == task) {
			ret = build_wanted_parse(line, w);
			break;
		}
	}
	if (n <= task)
		log_error("'%s' has no task %ld: its jobs are numbered from 0 to %ld", plan_file, task, n - 1);
	free(data);
	return ret;
}

/* Makes the part of job into the cache, unless it is there; 0, or -1 (reported). */
static int build_part_make(struct build *b, const struct build_job *job)
{
	struct build_part part = { 0 };
	int ret = -1;

	switch (build_part_state(b->cache_dir, job->key)) {
	case BUILD_CACHED_READY:
		log_verbose("part: '%s' is in the cache already (%s)", job->name, job->key);
		return 0;
	case BUILD_CACHED_FAILED:
		/* tried before with the same key: the same error, not the same time limit again */
		if (build_part_failure(b->cache_dir, job->key, &part.err) == 0) {
			log_error_as(part.err.kind, "%s", part.err.message ? part.err.message : "it failed");
			error_release(&part.err);
			return -1;
		}
		break;
	case BUILD_CACHED_NONE:
		break;
	}
	log_verbose("part: speaking '%s' (%s)", job->name, job->key);
	if (build_part(b->cache_dir, job, &part) == 0) {
		ret = 0;
	} else if (error_is_input_fault(part.err.kind)) {
		/* the article's own failure, reported by the worker as a build reports it: kept for
		 * the build, which sets the article aside without speaking it again */
		build_part_mark_failed(b->cache_dir, job->key, &part.err);
	}
	build_part_release(&part);
	return ret;
}

/* The job of the plan with key, or NULL. */
static const struct build_job *build_part_find(const struct build_plan *plan, const char *key)
{
	for (size_t i = 0; i < plan->n_jobs; i++)
		if (!plan->jobs[i]->outline && strcmp(plan->jobs[i]->key, key) == 0)
			return plan->jobs[i];
	return NULL;
}

/* Finds w in the plan and makes its part; 0, or -1 (reported). */
static int build_part_wanted(struct build *b, const struct build_plan *plan, const char *dir,
			     const struct build_wanted *w)
{
	const char *install = build_install(b->voice.espeak);
	const struct build_job *job = build_part_find(plan, w->key);
	char *what;
	int ret = -1;

	if (job)
		return build_part_make(b, job);
	what = w->article ? xasprintf("job %s ('%s')", w->key, w->article) : xasprintf("job %s", w->key);
	if (w->install && strcmp(w->install, install) != 0)
		log_error("%s is not in this machine's plan of '%s': newscast or espeak-ng differ: this machine %s "
			  "(newscast %s, espeak-ng %s), the plan's %s", what, dir, install, NEWSCAST_VERSION,
			  synth_espeak_version(NULL), w->install);
	else
		log_error("%s is not in this machine's plan of '%s': the article changed or was published since it "
			  "was planned, or it is not this show's ('newscast plan' lists the jobs there are now)", what, dir);
	free(what);
	return ret;
}

int build_show_parts(const char *dir, const struct build_options *opts, const struct build_part_options *po)
{
	struct build b;
	struct build_state st;
	struct build_plan plan;
	size_t n = po->task >= 0 ? 1 : po->n_jobs;
	struct build_wanted *wanted = xcalloc(n ? n : 1, sizeof *wanted);
	char **only = xcalloc(n ? n : 1, sizeof *only), *newscast_dir = NULL;
	size_t n_only = 0;
	int ret = 2;

	build_plan_init(&plan);
	memset(&b, 0, sizeof b);
	memset(&st, 0, sizeof st);
	/* the jobs first: one that is no job is a mistake of the command line */
	for (size_t i = 0; i < n && po->task < 0; i++)
		if (build_wanted_parse(po->jobs[i], &wanted[i]) < 0)
			goto out;
	ret = 1;
	if (po->task >= 0 && po->plan_file && build_wanted_task(po->plan_file, po->task, &wanted[0]) < 0)
		goto out;
	/* plan lines of articles name them: the other articles are read only in outline, the
	 * plan's shape (which are read, what comes first and last), not spoken in full */
	for (size_t i = 0; i < n && !(po->task >= 0 && !po->plan_file); i++)
		if (wanted[i].article && wanted[i].kind && strcmp(wanted[i].kind, "article") == 0)
			only[n_only++] = wanted[i].article;
	if (n_only < n)
		n_only = 0;
	if (build_plan_now(&b, &st, &plan, dir, opts, n_only ? only : NULL, n_only) < 0)
		goto out;
	for (size_t i = 0; i < n_only; i++) {
		if (build_part_find(&plan, wanted[i].key))
			continue;
		/* not there in outline: the whole plan says why */
		build_plan_release(&plan);
		build_state_release(&st);
		build_release(&b);
		if (build_plan_now(&b, &st, &plan, dir, opts, NULL, 0) < 0)
			goto out;
		break;
	}
	if (po->task >= 0 && !po->plan_file) {
		size_t n_list;
		struct build_job **list = build_plan_list(&b, &plan, false, &n_list);

		if ((size_t)po->task < n_list) {
			wanted[0].key = xstrdup(list[po->task]->key);
		} else {
			/* the jobs are numbered as 'newscast plan' lists them now: the list shrinks as parts are made */
			log_error("'%s' has no task %ld now: 'newscast plan' lists %zu job%s (save the plan and give it "
				  "with --plan, so that the tasks keep their numbers)", b.show.dir, po->task, n_list,
				  n_list == 1 ? "" : "s");
			free(list);
			goto out;
		}
		free(list);
	}
	newscast_dir = xasprintf("%s/.newscast", b.show.dir);
	if (util_private_dir(newscast_dir) < 0 || util_private_dir(b.cache_dir) < 0)
		goto out;
	ret = 0;
	for (size_t i = 0; i < n; i++)
		if (build_part_wanted(&b, &plan, b.show.dir, &wanted[i]) < 0)
			ret = 1;
out:
	for (size_t i = 0; i < n; i++)
		build_wanted_release(&wanted[i]);
	free(wanted);
	free(only);
	free(newscast_dir);
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);
	return ret;
}
