/* outfile: writes a file under a temporary name beside its destination and renames it into place when complete. */
#include "outfile.h"

#include "log.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files still open, so an interrupt can remove them. The list grows as
 * needed (a build may have one a job open at once); it is swapped in with single
 * stores, so a signal handler that interrupts a change sees the old list or the new. */
static char *volatile *volatile outfile_open_tmp;
static volatile size_t outfile_open_cap;

static void outfile_track(char *tmp, int add)
{
	size_t cap = outfile_open_cap;
	char *volatile *grown;

	for (size_t i = 0; i < cap; i++) {
		if (add && !outfile_open_tmp[i]) {
			outfile_open_tmp[i] = tmp;
			return;
		}
		if (!add && outfile_open_tmp[i] == tmp) {
			outfile_open_tmp[i] = NULL;
			return;
		}
	}
	if (!add)
		return;
	grown = xcalloc(cap ? 2 * cap : 16, sizeof *grown);
	for (size_t i = 0; i < cap; i++)
		grown[i] = outfile_open_tmp[i];
	grown[cap] = tmp;
	{
		char *volatile *old = outfile_open_tmp;

		outfile_open_tmp = grown;
		outfile_open_cap = cap ? 2 * cap : 16;
		free((void *)old);
	}
}

void outfile_abort_all_signal_safe(void)
{
	char *volatile *list = outfile_open_tmp;
	size_t cap = outfile_open_cap;	/* stored after the list, so never larger than it */

	for (size_t i = 0; list && i < cap; i++)
		if (list[i])
			unlink(list[i]);
}

static int outfile_open_mode(struct outfile *of, const char *dest, bool private);

int outfile_open(struct outfile *of, const char *dest)
{
	return outfile_open_mode(of, dest, false);
}

int outfile_open_private(struct outfile *of, const char *dest)
{
	return outfile_open_mode(of, dest, true);
}

static int outfile_open_mode(struct outfile *of, const char *dest, bool private)
{
	const char *slash = strrchr(dest, '/');
	char *dir = slash ? xstrndup(dest, (size_t)(slash - dest) + 1) : xstrdup("");
	const char *base = slash ? slash + 1 : dest;
	mode_t mask;

	memset(of, 0, sizeof *of);
	of->fd = -1;
	if (!*base) {
		log_error("cannot write '%s': not a file name", dest);
		free(dir);
		return -1;
	}
	of->tmp = xasprintf("%s.%s.XXXXXX.tmp", dir, base);
	free(dir);
	of->fd = mkstemps(of->tmp, 4);
	if (of->fd < 0) {
		log_error("cannot write '%s': %s", dest, strerror(errno));
		free(of->tmp);
		of->tmp = NULL;
		return -1;
	}
	outfile_track(of->tmp, 1);
	/* mkstemp makes the file private; a published file gets the usual mode. */
	mask = umask(0);
	umask(mask);
	fchmod(of->fd, private ? 0600 : 0666 & ~mask);
	of->fp = fdopen(of->fd, "w+b");
	if (!of->fp) {
		log_error("cannot write '%s': %s", dest, strerror(errno));
		outfile_abort(of);
		return -1;
	}
	of->dest = xstrdup(dest);
	return 0;
}

/* Tests only: NEWSCAST_TEST_STOP_BEFORE_RENAME=NAME stops the process (SIGSTOP) when a file
 * whose name ends in NAME is complete but not yet renamed into place, so that a test can
 * signal it at exactly that moment rather than hope a timed kill lands in a window of
 * milliseconds. */
static void outfile_test_stop(const char *dest)
{
	const char *name = getenv("NEWSCAST_TEST_STOP_BEFORE_RENAME");
	size_t n = name ? strlen(name) : 0, len = strlen(dest);

	if (n && len >= n && strcmp(dest + len - n, name) == 0)
		raise(SIGSTOP);
}

/* Files renamed into place whose sync is deferred (see outfile_defer_sync). */
struct outfile_pending {
	int fd;		/* a duplicate of the file's descriptor, kept open until it is synced */
	char *dest;
	int err;	/* fsync's errno, or 0 */
	pthread_t thread;
	bool started;
};
static bool outfile_deferring;
static struct outfile_pending *outfile_pending;
static size_t outfile_n_pending, outfile_cap_pending;

void outfile_defer_sync(void)
{
	outfile_deferring = true;
}

static void *outfile_sync_one(void *arg)
{
	struct outfile_pending *p = arg;

	p->err = fsync(p->fd) == 0 ? 0 : errno;
	return NULL;
}

int outfile_sync_deferred(void)
{
	int ret = 0;

	/* each its own thread: the file system writes them out together, in one journal commit */
	for (size_t i = 0; i < outfile_n_pending; i++)
		outfile_pending[i].started = pthread_create(&outfile_pending[i].thread, NULL, outfile_sync_one,
							    &outfile_pending[i]) == 0;
	for (size_t i = 0; i < outfile_n_pending; i++) {
		struct outfile_pending *p = &outfile_pending[i];

		if (p->started)
			pthread_join(p->thread, NULL);
		else
			outfile_sync_one(p);
		if (p->err && !ret) {
			errno = p->err;
			log_error("cannot write '%s': %s", p->dest, strerror(p->err));
			ret = -1;
		}
		close(p->fd);
		free(p->dest);
	}
	outfile_n_pending = 0;
	outfile_deferring = false;
	return ret;
}

int outfile_commit(struct outfile *of)
{
	int ret = -1;

	if (fflush(of->fp) != 0 || (!outfile_deferring && fsync(of->fd) != 0)) {
		log_error("cannot write '%s': %s", of->dest, strerror(errno));
		goto out;
	}
	if (outfile_deferring) {
		int fd = dup(of->fd);

		if (fd < 0) {
			log_error("cannot write '%s': %s", of->dest, strerror(errno));
			goto out;
		}
		util_grow((void **)&outfile_pending, &outfile_cap_pending, outfile_n_pending + 1, sizeof *outfile_pending);
		outfile_pending[outfile_n_pending++] = (struct outfile_pending){ fd, xstrdup(of->dest), 0 };
	}
	if (fclose(of->fp) != 0) {
		of->fp = NULL;
		of->fd = -1;
		log_error("cannot write '%s': %s", of->dest, strerror(errno));
		goto out;
	}
	of->fp = NULL;
	of->fd = -1;
	outfile_test_stop(of->dest);
	if (rename(of->tmp, of->dest) != 0) {
		log_error("cannot rename '%s' to '%s': %s", of->tmp, of->dest, strerror(errno));
		goto out;
	}
	outfile_track(of->tmp, 0);
	free(of->tmp);
	of->tmp = NULL;
	ret = 0;
out:
	outfile_abort(of);
	return ret;
}

void outfile_abort(struct outfile *of)
{
	if (of->fp)
		fclose(of->fp);
	else if (of->fd >= 0 && of->tmp)
		close(of->fd);
	if (of->tmp) {
		/* removed, then forgotten: an interrupt between the two unlinks a name already gone,
		 * where the other order would leave the file behind */
		unlink(of->tmp);
		outfile_track(of->tmp, 0);
		free(of->tmp);
	}
	free(of->dest);
	memset(of, 0, sizeof *of);
	of->fd = -1;
}
