/* isolate: runs risky work (espeak-ng) in a child process with a time limit, streaming its output back. */
#ifndef NEWSCAST_ISOLATE_H
#define NEWSCAST_ISOLATE_H

#include <stddef.h>

struct pollfd;

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

/* A child started by isolate_spawn, waited for by isolate_wait. */
struct isolate_child {
	int pid;
	int fd;		/* the parent's end of the child's output */
	long deadline_ms;
	int holder;	/* its number in the jobserver: what it still holds is freed when it is reaped */
};

/* Forks a child that runs child_fn(fd, child_ud) and exits with its return
 * value (which, if positive, stays under 64; 1 for a negative one, or a code that carries the errno of a storage
 * failure to res->storage_errno; core dumps off). The parent goes on at once; it must call isolate_wait. */
int isolate_spawn(struct isolate_child *child, int (*child_fn)(int fd, void *ud), void *child_ud, int timeout_ms);

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

/*
 * A pool of children: at most slots of them run at once, and whichever finishes first (its
 * output ended, or it stays silent past its deadline) frees its slot for the next. The caller
 * spawns each child and collects it with isolate_wait; the pool only watches.
 */
struct isolate_pool {
	size_t slots, active;
	const struct isolate_child **child;	/* one a slot: the child watched there, or NULL */
	void **ud;				/* the caller's data of each */
	struct pollfd *fds;
	size_t *map;
};

/* A pool of slots (at least 1) children; isolate_pool_release frees it. */
void isolate_pool_init(struct isolate_pool *pool, size_t slots);
void isolate_pool_release(struct isolate_pool *pool);
/* Watches child (borrowed until isolate_pool_next_done returns its ud) in a free slot;
 * -1 when every slot is taken. */
int isolate_pool_add(struct isolate_pool *pool, const struct isolate_child *child, void *ud);
/* Waits for the first watched child to finish and frees its slot: its ud, for the caller
 * to isolate_wait it; NULL when none is watched. */
void *isolate_pool_next_done(struct isolate_pool *pool);

/* Runs jobs 0 .. n-1 in order, at most slots at once: start(i, ud) spawns job i's child and
 * returns it (it must live until finish), or NULL when job i needs none or could not start;
 * finish(i, ud) is called once job i's child is done, to collect it with isolate_wait. With a
 * jobserver, a job starts only with a core: the first on this process's own, each other one
 * with a token taken here, given back once it is finished (the pool waits for one beside its
 * children). */
void isolate_pool_run(size_t slots, size_t n, struct isolate_child *(*start)(size_t i, void *ud),
		      void (*finish)(size_t i, void *ud), void *ud);

#endif
