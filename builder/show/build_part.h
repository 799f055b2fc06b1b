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

/* Makes the part of every job of the plan, b->opts.jobs at a time; parts has one a job. */
void build_make_parts(struct build *b, const struct build_plan *plan, struct build_part *parts);

#endif
