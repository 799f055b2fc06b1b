/* lock: one build or feed of a show at a time: an exclusive flock on SHOW/.newscast/lock. */
#include "lock.h"

#include "log.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The descriptor LOCK_FD_ENV names, when it is open on the file at path; else -1. */
static int lock_inherited(const char *path)
{
	const char *env = getenv(LOCK_FD_ENV);
	struct stat a, b;
	char *end;
	long fd;

	if (!env || !*env)
		return -1;
	errno = 0;
	fd = strtol(env, &end, 10);
	if (errno || *end || fd < 0 || fd > INT_MAX)
		return -1;
	if (fstat((int)fd, &a) != 0 || stat(path, &b) != 0 || a.st_dev != b.st_dev || a.st_ino != b.st_ino)
		return -1;
	return (int)fd;
}

static long lock_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

int lock_show(struct lock *lk, const char *show_dir, int wait_s)
{
	char *dir = xasprintf("%s/.newscast", show_dir), *path = xasprintf("%s/lock", dir);
	long deadline = lock_now_ms() + (long)wait_s * 1000L;
	bool told = false;
	int ret = -1;

	lk->fd = -1;
	lk->own = false;
	/* .newscast/ is its owner's only, whichever command makes it first */
	if (util_private_dir(dir) < 0)
		goto out;
	lk->fd = lock_inherited(path);
	if (lk->fd < 0) {
		/* read-only is enough to lock */
		lk->fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
		if (lk->fd < 0) {
			log_error("cannot open the lock '%s': %s", path, strerror(errno));
			goto out;
		}
		lk->own = true;
	}
	for (;;) {
		if (flock(lk->fd, LOCK_EX | LOCK_NB) == 0) {
			ret = 0;
			break;
		}
		if (errno != EWOULDBLOCK && errno != EINTR) {
			log_error("cannot lock '%s': %s", path, strerror(errno));
			break;
		}
		if (lock_now_ms() >= deadline) {
			if (wait_s)
				log_error("another newscast run on '%s' still held its lock '%s' after %d s; giving up",
					  show_dir, path, wait_s);
			else
				log_error("another newscast run on '%s' holds its lock '%s'; try again when it is done, "
					  "or wait for it with --wait SECONDS", show_dir, path);
			ret = LOCK_EXIT_BUSY;
			break;
		}
		if (!told) {
			log_verbose("lock: '%s' is held by another run; waiting up to %d s", path, wait_s);
			told = true;
		}
		usleep(50000);
	}
	if (ret != 0)
		lock_release(lk);
out:
	free(dir);
	free(path);
	return ret;
}

void lock_release(struct lock *lk)
{
	/* the caller's descriptor is left as it is: unlocking it would unlock the caller */
	if (lk->fd >= 0 && lk->own)
		close(lk->fd);
	lk->fd = -1;
	lk->own = false;
}
