/* isolate: runs risky work (espeak-ng) in a child process with a time limit, streaming its output back. */
#ifndef NEWSCAST_ISOLATE_H
#define NEWSCAST_ISOLATE_H

#include <stddef.h>

enum isolate_status {
	ISOLATE_OK,		/* the child exited 0 */
	ISOLATE_FAILED,		/* the child exited non-zero (it reported why itself) */
	ISOLATE_CRASHED,	/* the child died of a signal: see signal */
	ISOLATE_TIMEOUT,	/* the child ran past the limit and was killed */
	ISOLATE_ABORTED,	/* on_data asked to stop; the child was killed */
	ISOLATE_ERROR,		/* fork or pipe failed (reported) */
};

struct isolate_result {
	enum isolate_status status;
	int exit_code;
	int signal;
	int storage_errno;	/* ISOLATE_FAILED on a storage failure the child reported with log_error; else 0 */
};

/* A child started by isolate_spawn (or _beside), waited for by isolate_wait. */
struct isolate_child {
	int pid;
	int fd;		/* the parent's end of the child's output */
	long deadline_ms;
	int holder;	/* its number in the jobserver: what it still holds is freed when it is reaped */
	int token;	/* the token it runs on (beside this process), given back when it is reaped; or -1 */
};

/* Forks a child that runs child_fn(fd, child_ud) and exits with its return
 * value (which, if positive, stays under 64; 1 for a negative one, or a code that carries the errno of a storage
 * failure to res->storage_errno; core dumps off). The parent goes on at once; it must call isolate_wait. */
int isolate_spawn(struct isolate_child *child, int (*child_fn)(int fd, void *ud), void *child_ud, int timeout_ms);
/* As isolate_spawn, for a child that runs beside this process: only with a jobserver's token,
 * taken here without waiting for the child to run on (given back when isolate_wait reaps it,
 * however it ended; here if it cannot start; by whoever reaps this process, should it die
 * first). 1 when it started, 0 when no token was free (nothing started:
 * the work is the caller's, in turn), -1 when it could not start (reported). */
int isolate_spawn_beside(struct isolate_child *child, int (*child_fn)(int fd, void *ud), void *child_ud,
			 int timeout_ms);

/* Passes what the child writes to on_data(buf, n, parent_ud) (which may be NULL;
 * a non-zero return stops the child) until it exits, and kills it at its
 * deadline. Returns 0 when the child exited 0. */
int isolate_wait(struct isolate_child *child, int (*on_data)(const void *buf, size_t n, void *ud), void *parent_ud,
		 struct isolate_result *res);

/* Forks; the child runs child_fn(fd, child_ud), writing to fd, and exits with
 * its return value. The parent passes what arrives to on_data(buf, n, parent_ud)
 * (a non-zero return stops the child), and kills the child after timeout_ms.
 * Core dumps are off in the child. Returns 0 when the child exited 0. */
int isolate_run(int (*child_fn)(int fd, void *ud), void *child_ud,
		int (*on_data)(const void *buf, size_t n, void *ud), void *parent_ud,
		int timeout_ms, struct isolate_result *res);

/* Writes all of buf to fd, retrying short writes; 0 or -1. */
int isolate_write_all(int fd, const void *buf, size_t n);

/* Runs jobs 0 .. n-1 in order, at most slots at once: start(i, ud) spawns job i's child (with
 * isolate_spawn) and returns it (it must live until finish), or NULL when job i needs none or could not start;
 * finish(i, ud) is called once job i's child is done (its output ended, or it stays silent past
 * its deadline), to collect it with isolate_wait. With a jobserver, a job starts only with a
 * core: the first on this process's own, each other one with a token taken here for its child,
 * given back when finish reaps it (the pool waits for one beside its children). */
void isolate_pool_run(size_t slots, size_t n, struct isolate_child *(*start)(size_t i, void *ud),
		      void (*finish)(size_t i, void *ud), void *ud);

#endif
