/* build: a show's new articles into episodes, as plan → parts → assemble, then the commit. */
#ifndef NEWSCAST_BUILD_H
#define NEWSCAST_BUILD_H

#include "article.h"
#include "audio.h"
#include "build_state.h"
#include "encode.h"
#include "error.h"
#include "outfile.h"
#include "progress.h"
#include "script.h"
#include "show.h"
#include "voice.h"

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

/* What the command line asks of a build. */
struct build_options {
	int jobs;		/* articles spoken and encoded at once */
	bool rebuild;		/* republish the articles that changed since they were published */
	bool quiet;		/* no progress line */
	int wait;		/* seconds to wait for another run on the show to finish */
	time_t when;		/* the episodes' date; 0: now */
};

/* Builds the show in dir (see `newscast build --help`): the exit status, 0, 1, or
 * LOCK_EXIT_BUSY when another run holds the show past opts->wait. */
int build_show(const char *dir, const struct build_options *opts);

/* ---- the steps, for build_show and its tests ---- */

/* A build of one show: its settings, as read from podcast.ini and the options, and how it goes. */
struct build {
	struct show show;
	struct voice_profile voice;	/* for the audio settings and pauses */
	struct script_options script;
	struct build_options opts;
	struct audio_settings audio;
	struct encode_settings encode;
	time_t when;
	char *cache_dir;		/* .newscast/cache: the parts, KEY.mp3 and KEY.meta */
	struct progress progress;
	int failures;			/* articles set aside */
	int new_episodes;	/* made by this build so far: each a second later than the one before */
	struct build_title { char *slug, *title; } *titles;	/* the show's episodes, once read */
	size_t n_titles, cap_titles;
	bool titles_read;
	int halt;	/* the build stopped for its storage: the errno, or -1 (see build_halt) */
};

/* Loads the show in dir, its voice and settings (reported when they cannot be). b is to be
 * released either way. */
int build_init(struct build *b, const char *dir, const struct build_options *opts);
void build_release(struct build *b);

/* Stops the build for a failure that is the show's storage's (a full disk), not an article's:
 * nothing is set aside, every article stays in the inbox, and the build fails. storage is the
 * errno, or -1 for a failure to keep the build's own files that is no storage errno. */
void build_halt(struct build *b, int storage);

enum build_kind { BUILD_ARTICLE, BUILD_INTRO, BUILD_OUTRO, BUILD_BETWEEN };

/* One job of a plan: an article, or the intro, outro or sound between, to make into a part. */
struct build_job {
	enum build_kind kind;
	char *id;		/* an article's key in the state: its file name, or "feed:" and its guid */
	char *name;		/* what messages call it: the file name, a feed item's headline, or "intro" ... */
	char *path;		/* the article's file (NULL for a feed's item), or the audio file */
	char *hash;		/* the article's content hash */
	struct script sc;	/* what is spoken; empty for an audio file */
	bool scripted;
	char *replaces;		/* a correction: the slug of the episode it is rebuilt in place in */
	struct article_job job;	/* what the worker is given (it points into this job) */
	char *key;		/* the cache key of its part: everything that decides its audio */
};

/* An article that cannot be built, to be set aside: a file moved to articles/failed/, a
 * feed's item remembered as failed. */
struct build_reject {
	char *id, *name, *hash;
	bool file;		/* a file in articles/, named name */
	struct error err;	/* why */
};

/* One episode of a plan: its jobs, in the order they are heard. */
struct build_plan_episode {
	size_t first, n;
	char *replaces;		/* the slug of the episode it corrects in place, or NULL */
};

struct build_plan {
	struct build_job **jobs;	/* every episode's, one after another */
	size_t n_jobs, cap_jobs;
	struct build_plan_episode *episodes;
	size_t n_episodes, cap_episodes;
	struct build_reject *rejects;
	size_t n_rejects, cap_rejects;
	size_t n_new;		/* the articles new or changed to build, before any is read */
	size_t published;	/* the articles published already, left out */
	size_t changed;		/* the articles changed since they were published, left out */
	int feed_failures;	/* [source] feeds that could not be read */
	bool inbox_read;	/* false: articles/ could not be read (reported), and nothing is planned */
};

void build_plan_init(struct build_plan *plan);
void build_plan_release(struct build_plan *plan);

/*
 * Plan: reads the inbox and the show's [source] feeds, leaves out what the state says is
 * published (or failed and unchanged), reads, cleans and segments the rest, and groups them
 * into episodes (one digest, or one an article) with the show's intro, sounds between and
 * outro, each job with its cache key. What cannot be read is in plan->rejects, for the
 * caller to set aside. -1 when an episode cannot be made (the show's intro cannot), or the
 * storage failed (b->halt).
 */
int build_plan(struct build *b, struct build_state *st, struct build_plan *plan);

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

/* Assembles the plan's episode e from its parts (assemble.c), stages it and commits it. */
int build_episode(struct build *b, struct build_state *st, const struct build_plan *plan, size_t e,
		  const struct build_part *parts);

#endif
