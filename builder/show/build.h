/* build: a show's new articles into episodes, as plan → parts → assemble, then the commit. */
#ifndef NEWSCAST_BUILD_H
#define NEWSCAST_BUILD_H

#include "audio.h"
#include "build_part.h"
#include "build_plan.h"
#include "build_state.h"
#include "encode.h"
#include "episode.h"
#include "progress.h"
#include "script.h"
#include "show.h"
#include "voice.h"

#include <stdbool.h>
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
	/* `newscast part`: the only articles (by name) whose jobs it may make; the others are read
	 * in outline (script_options.outline), enough for the plan's shape. NULL: all. */
	char **speak_only;
	size_t n_speak_only;
};

/* Loads the show in dir, its voice and settings (reported when they cannot be). b is to be
 * released either way. */
int build_init(struct build *b, const char *dir, const struct build_options *opts);
void build_release(struct build *b);

/* Stops the build for a failure that is the show's storage's (a full disk), not an article's:
 * nothing is set aside, every article stays in the inbox, and the build fails. storage is the
 * errno, or -1 for a failure to keep the build's own files that is no storage errno. */
void build_halt(struct build *b, int storage);

/* Assembles the plan's episode e from its parts (assemble.c), stages it and commits it. */
int build_episode(struct build *b, struct build_state *st, const struct build_plan *plan, size_t e,
		  const struct build_part *parts);
/* The time of a sidecar's date, or the build's when it has none. */
time_t build_sidecar_time(const struct build *b, const struct episode *ep);

#endif
