/* lock: one build or feed of a show at a time: an exclusive flock on SHOW/.newscast/lock. */
#ifndef NEWSCAST_LOCK_H
#define NEWSCAST_LOCK_H

#include <stdbool.h>

/* The exit status of a command that gave up waiting for the lock (EX_TEMPFAIL). */
#define LOCK_EXIT_BUSY 75

/* The environment variable through which a caller that holds the show's lock itself
 * (scripts/nightly) hands it down: the number of an open descriptor on SHOW/.newscast/lock.
 * Taking the lock through that descriptor succeeds at once where opening the file again
 * would wait for the caller, which waits for us. */
#define LOCK_FD_ENV "NEWSCAST_LOCK_FD"

struct lock {
	int fd;		/* -1 when not held */
	bool own;	/* opened here; else the caller's descriptor, never unlocked here */
};

/* Takes the show's lock, creating SHOW/.newscast/ and the lock file when missing, and waits
 * up to wait_s seconds while another process holds it. Returns 0 when held, LOCK_EXIT_BUSY
 * when another process held it all that time, -1 on another error; both are reported. */
int lock_show(struct lock *lk, const char *show_dir, int wait_s);
/* Lets the lock go; safe on a lock not held. */
void lock_release(struct lock *lk);

#endif
