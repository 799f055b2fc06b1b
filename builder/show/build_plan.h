/* build_plan: what a build makes: the new articles of a show, read and grouped into episodes, each part a job. */
#ifndef NEWSCAST_BUILD_PLAN_H
#define NEWSCAST_BUILD_PLAN_H

#include "article.h"
#include "build_state.h"
#include "error.h"
#include "script.h"

#include <stdbool.h>
#include <stddef.h>

struct build;	/* build.h */

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
	char *key;		/* the cache key of its part: a SHA-256 of everything that decides its
				 * audio, 64 hex digits (build_plan_key) */
	bool outline;		/* read in outline only (build.speak_only): its key is not its part's */
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

/* ---- `newscast plan`, and what `newscast part` shares with it ---- */

struct build_options;	/* build.h */

/* Plans the show in dir as `newscast build` would now, without its lock and changing nothing
 * in the show (a [source] feed may be fetched): b, st and plan are to be released either
 * way. only (n_only names; NULL: all) are the articles read in full, for build.speak_only.
 * 0, or -1 (reported) when the show or its inbox cannot be read or the plan made. */
int build_plan_now(struct build *b, struct build_state *st, struct build_plan *plan, const char *dir,
		   const struct build_options *opts, char **only, size_t n_only);
/* The jobs `newscast plan` lists, in the plan's order, each key once: those whose part the
 * cache lacks (a part that failed before counts as there), or (all) every one. A new array
 * of *n pointers into plan. */
struct build_job **build_plan_list(const struct build *b, const struct build_plan *plan, bool all, size_t *n);
/* A job as a line of `newscast plan`, compact JSON without the newline (a new string):
 * {"job","kind","article","key","seconds","install"}, and with all "cached" (and "failed"
 * for a part that failed). */
char *build_plan_line(const struct build *b, const struct build_job *job, bool all);
/* About how many seconds the job's part will last: its words at the voice's rate and its
 * pauses, or the audio file's length; and the silence after it. */
double build_plan_seconds(const struct build *b, const struct build_job *job);
/* `newscast plan SHOW`: prints the list, one line a job (count: only how many); the exit status. */
int build_show_plan(const char *dir, const struct build_options *opts, bool all, bool count);

/*
 * The cache key of job's part in build b, as 64 hex digits (a new string): a SHA-256 of
 * everything that changes its audio: what is spoken (each segment's text, pause and whether
 * it holds phonemes) or the audio file's bytes, the silence after it and the pieces it is
 * encoded in; the voice profile (espeak-ng voice, variant, rate, pitch, range, pauses), the
 * lexicons in force (the show's, the voice's, the language's: their bytes), every audio and
 * encoding setting; and the install (build_install). Names and descriptions are not in it.
 */
char *build_plan_key(const struct build *b, const struct build_job *job);

/*
 * The install's fingerprint, 64 hex digits: a SHA-256 of newscast's cache version and
 * program version, espeak-ng's version, and the bytes of the espeak-ng data that decide the
 * sound (phontab, phonindex, phondata, intonations and the voice language's LANG_dict).
 * Parts made by two installs with different fingerprints are never mixed. Computed once per
 * process for a voice's language; the string is this module's.
 */
const char *build_install(const char *espeak_voice);
/* The same, of given versions and data folder (NULL: none): a new string. For the tests. */
char *build_install_digest(const char *newscast, const char *espeak, const char *data_dir, const char *espeak_voice);

#endif
