/* build_state: a show's state (.newscast/state.json): what was published, and the commit of an episode. */
#ifndef NEWSCAST_BUILD_STATE_H
#define NEWSCAST_BUILD_STATE_H

#include "episode.h"
#include "show.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * {"articles": {NAME: {"hash": H, "episode": SLUG} or {"hash": H, "failed": WHY}},
 *  "feeds": {SOURCE: {"etag": E, "last_modified": L}}, "episodes": N,
 *  "commit": [{"slug", "guid", "number", "replaces", "articles": [NAME ...]} ...]}: the
 *  episodes committed but not yet all moved into public/ (see build_state_commit).
 * The paths are the show's: state.json, .newscast/staging and public/episodes.
 */
struct build_state {
	char *path;
	char *staging;
	char *episodes;
	cJSON *root;
};

/* Reads SHOW_DIR/.newscast/state.json (an empty state when there is none). A file that is
 * not the state (not JSON, a count or a list of the wrong type) is refused, reported:
 * read past, it would publish again what was published. st is to be released either way. */
int build_state_load(struct build_state *st, const char *show_dir);
void build_state_release(struct build_state *st);
/* Writes state.json atomically, private to its owner. */
int build_state_save(const struct build_state *st);

/* A string the state keeps about an article ("hash", "episode", "failed"); NULL if none. */
const char *build_state_get(const struct build_state *st, const char *name, const char *key);
/* The article went into episode slug, or (slug NULL) failed for the reason why. */
void build_state_set(struct build_state *st, const char *name, const char *hash, const char *slug, const char *why);
/* The state forgets the article: it is new again. */
void build_state_forget(struct build_state *st, const char *name);
/* The validators of the show's feeds, for source_read (part of st). */
cJSON *build_state_feeds(struct build_state *st);
/* The next episode number: numbers are given once and never reused, whatever keep = N removes.
 * It is only taken (stored) when the episode is committed, so a failed episode leaves no gap. */
int build_state_next_number(const struct build_state *st);

/*
 * Committing an episode. Its files are all written in .newscast/staging first; then one
 * save of state.json commits it: the articles are marked as in it, its number is taken,
 * and "commit" lists it as not finished. Only then are its files renamed into
 * public/episodes (the sidecar last), the feed written, and the "commit" list emptied.
 * A build killed before that save leaves nothing (staging is cleared); one killed after
 * it leaves a commit that the next build finishes before anything else.
 */

/* NEWSCAST_TEST_KILL_AFTER=N: for the tests, the build kills itself after the N-th step of a commit. */
void build_state_step(const char *what);
/* The commit point of an episode: its articles, its number and the unfinished commit in one save. */
int build_state_commit(struct build_state *st, const struct episode *ep, bool replaces);
/* How many commits are not finished. */
size_t build_state_n_commits(const struct build_state *st);
/* Moves the staged files of episode slug into public/episodes; the sidecar last. Finishing
 * an interrupted commit (again), a file no longer staged was moved already. */
int build_state_publish(const struct build_state *st, const char *slug, bool again);
/* The commits are finished once the feed is written: each whose files are all in place is
 * dropped; one whose files could not be moved stays, for the next build to finish. Saves. */
int build_state_commits_done(struct build_state *st);
/* Finishes what a build stopped in the middle of a commit left: the files still staged are
 * moved into place and the show's feed is written. An episode whose staged files are lost is
 * rolled back, so its articles are built again (a correction is reported as changed). -1
 * (reported) when a commit is still not finished: nothing may be built until it is. */
int build_state_recover(struct build_state *st, const struct show *show);

#endif
