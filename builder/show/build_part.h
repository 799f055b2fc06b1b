/* build_part: one job of a plan made into a part in the cache, in a child process; all of a plan's, on a pool. */
#ifndef NEWSCAST_BUILD_PART_H
#define NEWSCAST_BUILD_PART_H

#include "article.h"
#include "build_plan.h"
#include "error.h"
#include "outfile.h"

#include <stdbool.h>
#include <stdio.h>

struct build;	/* build.h */

/* A job's part, made or found in the cache. */
struct build_part {
	struct article_result res;	/* the frames' shape, the timings and words */
	FILE *fp;			/* the frames: cache_dir/KEY.mp3 */
	bool ready;
	struct error err;		/* why it could not be made; ERROR_NONE when it was */
};

void build_part_release(struct build_part *part);
/* The part of job made before (same key), from the cache: true when it is there. */
bool build_part_cached(const char *cache_dir, const struct build_job *job, struct build_part *part);

/* Part: makes job's part in a child process (the one unit of isolation), into the cache. */
struct build_part_run {
	struct article_run run;
	struct outfile out;	/* cache_dir/KEY.mp3, until it is whole */
};
int build_part_start(struct build_part_run *r, const char *cache_dir, const struct build_job *job,
		     struct build_part *part);
/* Waits for it: the part is ready, or part->err says why not (an input fault, or the storage's). */
int build_part_finish(struct build_part_run *r, const char *cache_dir, const struct build_job *job,
		      struct build_part *part);
/* Both, for one job. */
int build_part(const char *cache_dir, const struct build_job *job, struct build_part *part);

/* Makes the part of every job of the plan, b->opts.jobs at a time; parts has one a job. A job
 * whose key an earlier job has is made once; a job whose part failed before (KEY.failed, left
 * by `newscast part`) is not tried again: its part gets that error, reported again here.
 * *from_cache and *made (may be NULL) get how many parts were found and how many made. */
void build_make_parts(struct build *b, const struct build_plan *plan, struct build_part *parts, size_t *from_cache,
		      size_t *made);

/*
 * The cache, shared by the machines that build a show (a shared file system, even NFS):
 * each file named by its key, written under a temporary name and renamed into place whole,
 * so no lock is needed, a half-written part is never seen, and two machines making the same
 * part leave one (the same bytes: the key decides them). KEY.mp3 is written before KEY.meta,
 * so a part is there when its KEY.meta is. KEY.failed holds the error of a part that failed
 * for its input (error_pack's bytes): the article is not spoken again for that key.
 */
enum build_cached { BUILD_CACHED_NONE, BUILD_CACHED_READY, BUILD_CACHED_FAILED };
/* What the cache holds of key: a part, a failure, or nothing. */
enum build_cached build_part_state(const char *cache_dir, const char *key);
/* The error KEY.failed holds, into *err: 0, or -1 when there is none that can be read. */
int build_part_failure(const char *cache_dir, const char *key, struct error *err);
/* Leaves err, an input's fault, as KEY.failed; 0, or -1 (reported). */
int build_part_mark_failed(const char *cache_dir, const char *key, const struct error *err);
/* Removes KEY.failed, once the article was set aside. */
void build_part_forget_failure(const char *cache_dir, const char *key);

/* Options of `newscast part`: which jobs. */
struct build_part_options {
	char **jobs;		/* job ids, or lines of `newscast plan` (JSON objects) */
	size_t n_jobs;
	long task;		/* >= 0: the task-th job (from 0) of plan_file, or of the plan made now */
	const char *plan_file;	/* a saved output of `newscast plan`; NULL: the plan made now */
};

/*
 * `newscast part SHOW`: plans the show in dir as a build would now (changing nothing but the
 * cache), finds each job asked for by its key, and makes its part into the cache with the
 * build's worker, unless the cache has it. A job not in this machine's plan is reported with
 * why (the article changed or was published, or the install differs from the plan line's).
 * An article that fails is reported as a build reports it, and leaves KEY.failed. The exit
 * status: 0, 1 when a job could not be made or found, 2 for a job that is no job.
 */
int build_show_parts(const char *dir, const struct build_options *opts, const struct build_part_options *po);

#endif
