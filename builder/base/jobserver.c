/* jobserver: the cores a run may keep busy, as tokens its processes share (as GNU make's jobserver does). */
#include "jobserver.h"

#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* What the processes share: a mapping made before the first fork. A slot holds 0 when its
 * token is free, else its holder's number. */
struct jobserver_area {
	atomic_int next_holder;
	int n;
	atomic_int slot[];
};

static struct jobserver_area *jobserver_area;
static size_t jobserver_bytes;
static int jobserver_bell[2] = { -1, -1 };
static pid_t jobserver_owner;	/* the process that made it, the one that ends it */
static int jobserver_self = 1;	/* this process's holder number: 1 for the top one */

int jobserver_cores(void)
{
	cpu_set_t set;
	long n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

int jobserver_init(int jobs)
{
	size_t n = jobs > 1 ? (size_t)jobs - 1 : 0;

	if (jobserver_area)
		return 0;
	jobserver_bytes = sizeof *jobserver_area + (n ? n : 1) * sizeof jobserver_area->slot[0];
	jobserver_area = mmap(NULL, jobserver_bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (jobserver_area == MAP_FAILED) {
		jobserver_area = NULL;
		log_error("cannot share the jobs' tokens: %s", strerror(errno));
		return -1;
	}
	if (pipe2(jobserver_bell, O_NONBLOCK | O_CLOEXEC) < 0) {
		log_error("cannot create a pipe: %s", strerror(errno));
		munmap(jobserver_area, jobserver_bytes);
		jobserver_area = NULL;
		return -1;
	}
	atomic_init(&jobserver_area->next_holder, 2);
	jobserver_area->n = (int)n;
	for (size_t i = 0; i < n; i++)
		atomic_init(&jobserver_area->slot[i], 0);
	jobserver_owner = getpid();
	jobserver_self = 1;
	return 0;
}

void jobserver_release(void)
{
	if (!jobserver_area || getpid() != jobserver_owner)
		return;
	munmap(jobserver_area, jobserver_bytes);
	jobserver_area = NULL;
	close(jobserver_bell[0]);
	close(jobserver_bell[1]);
	jobserver_bell[0] = jobserver_bell[1] = -1;
}

int jobserver_take(void)
{
	if (!jobserver_area)
		return -1;
	for (int i = 0; i < jobserver_area->n; i++) {
		int expected = 0;

		if (atomic_compare_exchange_strong(&jobserver_area->slot[i], &expected, jobserver_self))
			return i;
	}
	return -1;
}

/* Tells whoever waits for a token that one is free; a full pipe has told them already. */
static void jobserver_ring(void)
{
	char c = '+';

	/* nothing to do when it fails: EAGAIN is the full pipe, and a waiter polls again within a second */
	(void)!write(jobserver_bell[1], &c, 1);
}

void jobserver_give(int token)
{
	if (!jobserver_area || token < 0 || token >= jobserver_area->n)
		return;
	atomic_store(&jobserver_area->slot[token], 0);
	jobserver_ring();
}

int jobserver_holder_new(void)
{
	return jobserver_area ? atomic_fetch_add(&jobserver_area->next_holder, 1) : 0;
}

void jobserver_holder_set(int holder)
{
	if (holder > 0)
		jobserver_self = holder;
}

size_t jobserver_reclaim(int holder)
{
	size_t n = 0;

	if (!jobserver_area || holder <= 0)
		return 0;
	for (int i = 0; i < jobserver_area->n; i++) {
		int expected = holder;

		n += atomic_compare_exchange_strong(&jobserver_area->slot[i], &expected, 0);
	}
	if (n)
		jobserver_ring();
	return n;
}

int jobserver_fd(void)
{
	return jobserver_area ? jobserver_bell[0] : -1;
}

void jobserver_drain(void)
{
	char buf[256];

	while (jobserver_area && read(jobserver_bell[0], buf, sizeof buf) > 0)
		;
}
