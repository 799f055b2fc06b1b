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

/* Forks the child; token (one this process took, or -1) is the child's to run on, given back when
 * isolate_wait reaps it, or here when it cannot start. It stays marked as this process's: should
 * this process die first, whoever reaps it frees the token with the rest of what it held. */
static int isolate_start(struct isolate_child *child, int token, int (*child_fn)(int fd, void *ud), void *child_ud,
			 int timeout_ms)
{
	int fds[2];
	pid_t pid, self;
	int holder = jobserver_holder_new();

	child->pid = -1;
	child->fd = -1;
	child->holder = 0;
	child->token = -1;
	if (pipe(fds) < 0) {
		log_error("cannot create a pipe: %s", strerror(errno));
		jobserver_give(token);
		return -1;
	}
	fflush(NULL);
	self = getpid();
	pid = fork();
	if (pid < 0) {
		log_error("cannot start a child process: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		jobserver_give(token);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		isolate_child_main(fds[1], child_fn, child_ud, self, holder);
	}
	close(fds[1]);
	child->pid = pid;
	child->holder = holder;
	child->token = token;
	child->fd = fds[0];
	child->deadline_ms = isolate_now_ms() + timeout_ms;
	return 0;
}

int isolate_spawn(struct isolate_child *child, int (*child_fn)(int fd, void *ud), void *child_ud, int timeout_ms)
{
	return isolate_start(child, -1, child_fn, child_ud, timeout_ms);
}

int isolate_spawn_beside(struct isolate_child *child, int (*child_fn)(int fd, void *ud), void *child_ud,
			 int timeout_ms)
{
	int token = jobserver_take();

	if (token < 0) {
		*child = (struct isolate_child){ -1, -1, 0, 0, -1 };
		return 0;
	}
	return isolate_start(child, token, child_fn, child_ud, timeout_ms) < 0 ? -1 : 1;
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
	/* any token it took for its own children or threads and could not give back (it crashed,
	 * or was killed) is freed here, and the one it was started with: none is lost for the rest
	 * of the run */
	if (jobserver_reclaim(child->holder))
		log_verbose("gave back the cores a child process held when it ended");
	jobserver_give(child->token);
	child->holder = 0;
	child->token = -1;
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

/* The children a pool watches: at most slots at once, and whichever finishes first frees its slot. */
struct isolate_pool {
	size_t slots, active;
	const struct isolate_child **child;	/* one a slot: the child watched there, or NULL */
	size_t *job;				/* the job of each */
	struct pollfd *fds;			/* one a slot, and the jobserver's bell */
	size_t *map;				/* the slot of each descriptor polled */
};

static void isolate_pool_init(struct isolate_pool *pool, size_t slots)
{
	pool->slots = slots ? slots : 1;
	pool->active = 0;
	pool->child = xcalloc(pool->slots, sizeof *pool->child);
	pool->job = xcalloc(pool->slots, sizeof *pool->job);
	pool->fds = xcalloc(pool->slots + 1, sizeof *pool->fds);
	pool->map = xcalloc(pool->slots, sizeof *pool->map);
}

static void isolate_pool_release(struct isolate_pool *pool)
{
	free(pool->child);
	free(pool->job);
	free(pool->fds);
	free(pool->map);
}

/* Watches child in a free slot (the caller checked there is one). */
static void isolate_pool_add(struct isolate_pool *pool, const struct isolate_child *child, size_t job)
{
	size_t i = 0;

	while (pool->child[i])
		i++;
	pool->child[i] = child;
	pool->job[i] = job;
	pool->active++;
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

/* Frees slot i of the pool: its job. */
static size_t isolate_pool_free_slot(struct isolate_pool *pool, size_t i)
{
	pool->child[i] = NULL;
	pool->active--;
	return pool->job[i];
}

/* A free token for the next job, or -1 when there is none. */
static int isolate_pool_token(void)
{
	int token = jobserver_take();

	if (token >= 0)
		return token;
	/* what is given back from now on rings the bell; one given back just now is taken here */
	jobserver_drain();
	return jobserver_take();
}

void isolate_pool_run(size_t slots, size_t n, struct isolate_child *(*start)(size_t i, void *ud),
		      void (*finish)(size_t i, void *ud), void *ud)
{
	struct isolate_pool pool;
	size_t next = 0, own = n;	/* the job on this process's own core; n when it is free */
	bool tokens = jobserver_fd() >= 0;

	isolate_pool_init(&pool, slots);
	while (next < n || pool.active) {
		bool waiting = false;

		/* start as many as there are free slots (and, with a jobserver, cores) */
		while (next < n && pool.active < pool.slots) {
			struct isolate_child *child;
			int token = -1;

			if (tokens && own < n && (token = isolate_pool_token()) < 0) {
				waiting = true;
				break;
			}
			if ((child = start(next, ud))) {
				isolate_pool_add(&pool, child, next);
				if (token < 0) {
					own = next;
				} else {
					/* the child's: given back when finish reaps it, however it ended */
					child->token = token;
				}
			} else {
				jobserver_give(token);
			}
			next++;
		}
		if (pool.active) {
			size_t i = isolate_pool_wait(&pool, waiting ? jobserver_fd() : -1), job;

			if (i == pool.slots)
				continue;	/* a token was given back: try again */
			job = isolate_pool_free_slot(&pool, i);
			finish(job, ud);
			if (job == own)
				own = n;
		}
	}
	isolate_pool_release(&pool);
}
