/* isolate: runs risky work (espeak-ng) in a child process with a time limit, streaming its output back. */
#include "isolate.h"

#include "error.h"
#include "jobserver.h"
#include "log.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int isolate_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* A child that failed for a storage failure exits with this plus its errno, so that its
 * parent knows the disk, not the work, was at fault. */
#define ISOLATE_EXIT_STORAGE 64

static long isolate_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void isolate_child_main(int fd, int (*child_fn)(int fd, void *ud), void *ud, pid_t parent, int holder)
{
	struct rlimit no_core = { 0, 0 };
	struct error err = { 0 };
	struct error_catch c;
	/* the messages' own descriptor, not stderr: a worker's child (a synthesiser in an
	 * encoding worker) would otherwise inherit the worker's /dev/null and report nothing */
	int r, saved = dup(log_fd()), null = open("/dev/null", O_WRONLY);
	FILE *log_fp;

	setrlimit(RLIMIT_CORE, &no_core);
	/* a killed parent takes its workers with it: nothing runs on, orphaned */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(1);
	jobserver_holder_set(holder);
	/* Our own messages still reach the user, one line each; what libraries and
	 * glibc print as they die ("*** stack smashing detected ***", which glibc
	 * sends to the terminal unless told otherwise) does not: the parent reports. */
	setenv("LIBC_FATAL_STDERR_", "1", 1);
	if (saved >= 0 && null >= 0 && (log_fp = fdopen(saved, "w"))) {
		setvbuf(log_fp, NULL, _IONBF, 0);
		log_set_stream(log_fp);
		dup2(null, STDERR_FILENO);
	}
	if (null >= 0)
		close(null);
	signal(SIGPIPE, SIG_DFL);
	/* what the child reports, caught here: the parent's errors before the fork are not the child's */
	error_catch_begin(&c, &err, ERROR_INPUT);
	r = child_fn(fd, ud);
	error_catch_end(&c);
	if (r < 0 && err.kind == ERROR_STORAGE && ISOLATE_EXIT_STORAGE + err.errnum <= 255)
		_exit(ISOLATE_EXIT_STORAGE + err.errnum);
	_exit(r < 0 ? 1 : r > 255 ? 255 : r);
}

int isolate_spawn(struct isolate_child *child, int (*child_fn)(int fd, void *ud), void *child_ud, int timeout_ms)
{
	int fds[2];
	pid_t pid, self;
	int holder = jobserver_holder_new();

	child->pid = -1;
	child->fd = -1;
	child->holder = 0;
	if (pipe(fds) < 0) {
		log_error("cannot create a pipe: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	self = getpid();
	pid = fork();
	if (pid < 0) {
		log_error("cannot start a child process: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		isolate_child_main(fds[1], child_fn, child_ud, self, holder);
	}
	close(fds[1]);
	child->pid = pid;
	child->holder = holder;
	child->fd = fds[0];
	child->deadline_ms = isolate_now_ms() + timeout_ms;
	return 0;
}

int isolate_wait(struct isolate_child *child, int (*on_data)(const void *buf, size_t n, void *ud), void *parent_ud,
		 struct isolate_result *res)
{
	char buf[1 << 16];
	pid_t pid = child->pid;
	long deadline = child->deadline_ms;
	int wstatus = 0, kill_child = 0;

	memset(res, 0, sizeof *res);
	if (pid < 0) {
		res->status = ISOLATE_ERROR;
		return -1;
	}
	res->status = ISOLATE_OK;
	for (;;) {
		struct pollfd pfd = { child->fd, POLLIN, 0 };
		long left = deadline - isolate_now_ms();
		int r;
		ssize_t n;

		if (left <= 0) {
			res->status = ISOLATE_TIMEOUT;
			kill_child = 1;
			break;
		}
		r = poll(&pfd, 1, (int)(left > 1000 ? 1000 : left));
		if (r <= 0)
			continue;
		n = read(child->fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (on_data && on_data(buf, (size_t)n, parent_ud) != 0) {
			res->status = ISOLATE_ABORTED;
			kill_child = 1;
			break;
		}
	}
	close(child->fd);
	child->fd = -1;
	/* A child that closed its end may still hang before exiting: the limit holds. */
	while (!kill_child) {
		pid_t w = waitpid(pid, &wstatus, WNOHANG);

		if (w == pid || (w < 0 && errno != EINTR))
			break;
		if (isolate_now_ms() >= deadline) {
			res->status = ISOLATE_TIMEOUT;
			kill_child = 1;
			break;
		}
		usleep(2000);
	}
	if (kill_child) {
		kill(pid, SIGKILL);
		while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
			;
	}
	child->pid = -1;
	/* tokens a child took for its own children or threads and could not give back (it crashed,
	 * or was killed) are freed here, by its parent: none is lost for the rest of the run */
	if (jobserver_reclaim(child->holder))
		log_verbose("gave back the cores a child process held when it ended");
	child->holder = 0;
	if (res->status == ISOLATE_OK) {
		if (WIFSIGNALED(wstatus)) {
			res->status = ISOLATE_CRASHED;
			res->signal = WTERMSIG(wstatus);
		} else if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) != 0) {
			res->status = ISOLATE_FAILED;
			res->exit_code = WEXITSTATUS(wstatus);
			if (res->exit_code > ISOLATE_EXIT_STORAGE &&
			    log_errno_is_storage(res->exit_code - ISOLATE_EXIT_STORAGE))
				res->storage_errno = res->exit_code - ISOLATE_EXIT_STORAGE;
		}
	}
	return res->status == ISOLATE_OK ? 0 : -1;
}

int isolate_run(int (*child_fn)(int fd, void *ud), void *child_ud,
		int (*on_data)(const void *buf, size_t n, void *ud), void *parent_ud,
		int timeout_ms, struct isolate_result *res)
{
	struct isolate_child child;

	if (isolate_spawn(&child, child_fn, child_ud, timeout_ms) < 0) {
		memset(res, 0, sizeof *res);
		res->status = ISOLATE_ERROR;
		return -1;
	}
	return isolate_wait(&child, on_data, parent_ud, res);
}

/* ---- a pool of children ---- */

void isolate_pool_init(struct isolate_pool *pool, size_t slots)
{
	pool->slots = slots ? slots : 1;
	pool->active = 0;
	pool->child = xcalloc(pool->slots, sizeof *pool->child);
	pool->ud = xcalloc(pool->slots, sizeof *pool->ud);
	pool->fds = xcalloc(pool->slots + 1, sizeof *pool->fds);	/* and a bell */
	pool->map = xcalloc(pool->slots, sizeof *pool->map);
}

void isolate_pool_release(struct isolate_pool *pool)
{
	free(pool->child);
	free(pool->ud);
	free(pool->fds);
	free(pool->map);
	memset(pool, 0, sizeof *pool);
}

int isolate_pool_add(struct isolate_pool *pool, const struct isolate_child *child, void *ud)
{
	for (size_t i = 0; i < pool->slots; i++) {
		if (pool->child[i])
			continue;
		pool->child[i] = child;
		pool->ud[i] = ud;
		pool->active++;
		return 0;
	}
	return -1;
}

/* The slot whose child finished first, waiting if none has: every watched child is polled,
 * and bell too (a descriptor, or -1): pool->slots when it rang. */
static size_t isolate_pool_wait(struct isolate_pool *pool, int bell)
{
	for (;;) {
		size_t n = 0;
		long now;

		for (size_t i = 0; i < pool->slots; i++) {
			if (!pool->child[i])
				continue;
			pool->fds[n] = (struct pollfd){ pool->child[i]->fd, POLLIN, 0 };
			pool->map[n++] = i;
		}
		pool->fds[n] = (struct pollfd){ bell, POLLIN, 0 };
		/* a timeout leaves every revents 0, as set above; an interrupted one says what it saw */
		(void)poll(pool->fds, n + (bell >= 0), 1000);
		for (size_t k = 0; k < n; k++)
			if (pool->fds[k].revents & (POLLHUP | POLLERR | POLLNVAL))
				return pool->map[k];
		if (bell >= 0 && (pool->fds[n].revents & POLLIN))
			return pool->slots;
		/* a child that has written its result but not closed yet: read it too */
		for (size_t k = 0; k < n; k++)
			if (pool->fds[k].revents & POLLIN)
				return pool->map[k];
		/* one that hangs silently past its time limit: isolate_wait stops it */
		now = isolate_now_ms();
		for (size_t k = 0; k < n; k++)
			if (pool->child[pool->map[k]]->deadline_ms <= now)
				return pool->map[k];
	}
}

/* Frees slot i of the pool: its ud. */
static void *isolate_pool_free_slot(struct isolate_pool *pool, size_t i)
{
	void *ud = pool->ud[i];

	pool->child[i] = NULL;
	pool->ud[i] = NULL;
	pool->active--;
	return ud;
}

void *isolate_pool_next_done(struct isolate_pool *pool)
{
	return pool->active ? isolate_pool_free_slot(pool, isolate_pool_wait(pool, -1)) : NULL;
}

/* A core for the next job: this process's own when none of the pool's jobs has it (*own
 * then set), else a token; -2 when none is free. */
static int isolate_pool_core(bool *own)
{
	int token;

	if (!*own) {
		*own = true;
		return -1;
	}
	if ((token = jobserver_take()) >= 0)
		return token;
	/* what is given back from now on rings the bell; one given back just now is taken here */
	jobserver_drain();
	return (token = jobserver_take()) >= 0 ? token : -2;
}

void isolate_pool_run(size_t slots, size_t n, struct isolate_child *(*start)(size_t i, void *ud),
		      void (*finish)(size_t i, void *ud), void *ud)
{
	struct isolate_pool pool;
	size_t *jobs = xcalloc(n ? n : 1, sizeof *jobs), next = 0;
	int *core = xcalloc(n ? n : 1, sizeof *core);	/* each job's token, or -1: this process's core */
	bool tokens = jobserver_fd() >= 0, own = false, waiting;

	isolate_pool_init(&pool, slots);
	while (next < n || pool.active) {
		waiting = false;
		/* start as many as there are free slots (and, with a jobserver, cores) */
		while (next < n && pool.active < pool.slots) {
			struct isolate_child *child;
			int c = tokens ? isolate_pool_core(&own) : -1;

			if (c == -2) {
				waiting = true;
				break;
			}
			child = start(next, ud);
			jobs[next] = next;
			core[next] = c;
			if (child) {
				isolate_pool_add(&pool, child, &jobs[next]);
			} else if (c >= 0) {
				jobserver_give(c);
			} else if (tokens) {
				own = false;
			}
			next++;
		}
		if (pool.active) {
			size_t i = isolate_pool_wait(&pool, waiting ? jobserver_fd() : -1), job;

			if (i == pool.slots)
				continue;	/* a token was given back: try again */
			job = *(size_t *)isolate_pool_free_slot(&pool, i);
			finish(job, ud);
			if (core[job] >= 0)
				jobserver_give(core[job]);
			else if (tokens)
				own = false;
		}
	}
	isolate_pool_release(&pool);
	free(jobs);
	free(core);
}
