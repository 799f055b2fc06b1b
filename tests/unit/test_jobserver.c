/* Unit tests for jobserver: tokens taken and given back, held by the children started with them, and freed by the
 * parent of a child that died holding them. */
#include "helpers.h"
#include "isolate.h"
#include "jobserver.h"
#include "suites.h"
#include "util.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

START_TEST(tokens_are_taken_once_and_given_back)
{
	int a, b;

	ck_assert_int_eq(jobserver_take(), -1);	/* no jobserver: nothing beside this process */
	ck_assert_int_eq(jobserver_init(3), 0);
	ck_assert_int_eq(jobserver_init(8), 0);	/* one a run: the first stays */
	ck_assert_int_ge(a = jobserver_take(), 0);
	ck_assert_int_ge(b = jobserver_take(), 0);
	ck_assert_int_ne(a, b);
	ck_assert_int_eq(jobserver_take(), -1);	/* two, as the first said */
	jobserver_give(a);
	ck_assert_int_eq(jobserver_take(), a);
	ck_assert_int_eq(jobserver_take(), -1);
	jobserver_give(a);
	jobserver_give(b);
	jobserver_give(-1);
	ck_assert_uint_eq(test_free_tokens(), 2);
	jobserver_release();
	ck_assert_int_eq(jobserver_init(1), 0);	/* one core: no token */
	ck_assert_int_eq(jobserver_take(), -1);
	jobserver_release();
	ck_assert_int_ge(jobserver_cores(), 1);
}
END_TEST

/* Takes every token it can get (waiting for one for up to 5 s), says how many, and dies with them. */
static int child_dies_holding_tokens(int fd, void *ud)
{
	int sig = (int)(long)ud;
	char got = 0;
	long until = now_ms() + 5000;

	while (!got && now_ms() < until) {
		while (jobserver_take() >= 0)
			got++;
		if (!got)
			usleep(1000);
	}
	if (write(fd, &got, 1) != 1)
		return 1;
	if (sig)
		raise(sig);
	return 0;	/* exits without giving them back */
}

START_TEST(a_child_that_dies_holding_tokens_gives_them_back_through_its_parent)
{
	static const int how[] = { SIGABRT, SIGKILL, 0 };
	struct isolate_result res;

	ck_assert_int_eq(jobserver_init(3), 0);
	for (size_t i = 0; i < sizeof how / sizeof *how; i++) {
		isolate_run(child_dies_holding_tokens, (void *)(long)how[i], NULL, NULL, 10000, &res);
		ck_assert_int_eq(res.status, how[i] ? ISOLATE_CRASHED : ISOLATE_OK);
		/* crashed, killed, or ended forgetting them: freed when it was reaped */
		ck_assert_uint_eq(test_free_tokens(), 2);
	}
	jobserver_release();
}
END_TEST

/* Sleeps, silent, past any time limit a test gives it. */
static int child_hangs(int fd, void *ud)
{
	(void)fd;
	(void)ud;
	sleep(10);
	return 0;
}

/* A job of the pool: it naps ms and says when it ran; or, for ms of -1, it dies holding a token; for -2,
 * it hangs past its time limit of 300 ms. */
struct pool_run {
	int ms[6];
	struct isolate_child child[6];
	long start[6], end[6];
	int most, running;
	enum isolate_status status[6];
};

static int child_naps(int fd, void *ud)
{
	long t[2] = { now_ms(), 0 };

	usleep((useconds_t)(long)ud * 1000);
	t[1] = now_ms();
	return write(fd, t, sizeof t) == (ssize_t)sizeof t ? 0 : 1;
}

static struct isolate_child *pool_start(size_t i, void *ud)
{
	struct pool_run *p = ud;

	if (p->ms[i] == -1)
		ck_assert_int_eq(isolate_spawn(&p->child[i], child_dies_holding_tokens, (void *)(long)SIGABRT, 10000), 0);
	else if (p->ms[i] == -2)
		ck_assert_int_eq(isolate_spawn(&p->child[i], child_hangs, NULL, 300), 0);
	else
		ck_assert_int_eq(isolate_spawn(&p->child[i], child_naps, (void *)(long)p->ms[i], 10000), 0);
	if (++p->running > p->most)
		p->most = p->running;
	return &p->child[i];
}

static int pool_data(const void *buf, size_t n, void *ud)
{
	long *t = ud;

	if (n == 2 * sizeof *t)
		memcpy(t, buf, n);
	return 0;
}

static void pool_finish(size_t i, void *ud)
{
	struct pool_run *p = ud;
	struct isolate_result res;
	long t[2] = { 0, 0 };

	p->running--;
	isolate_wait(&p->child[i], pool_data, t, &res);
	p->status[i] = res.status;
	p->start[i] = t[0];
	p->end[i] = t[1];
}

START_TEST(a_pool_starts_a_job_only_with_a_core_and_a_crash_loses_none)
{
	/* two cores: this process's and one token. The first job runs alone and dies holding the token
	 * (nothing else runs, so it gets it); then four jobs of 300 ms run two at once all the same */
	struct pool_run one = { .ms = { -1 } }, four = { .ms = { 300, 300, 300, 300 } };

	ck_assert_int_eq(jobserver_init(2), 0);
	isolate_pool_run(2, 1, pool_start, pool_finish, &one);
	ck_assert_int_eq(one.status[0], ISOLATE_CRASHED);
	ck_assert_uint_eq(test_free_tokens(), 1);
	isolate_pool_run(8, 4, pool_start, pool_finish, &four);
	/* eight slots, but two cores: never more than two at once, and two at once twice */
	ck_assert_int_eq(four.most, 2);
	ck_assert_uint_eq(test_free_tokens(), 1);
	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(four.status[i], ISOLATE_OK);
	ck_assert_int_lt(four.start[1], four.end[0]);
	ck_assert_int_lt(four.start[3], four.end[2]);
	ck_assert_int_ge(four.start[2], four.end[0] < four.end[1] ? four.end[0] : four.end[1]);
	jobserver_release();
}
END_TEST

START_TEST(a_pool_job_killed_at_its_time_limit_gives_its_core_back)
{
	/* two cores: job 0 runs on this process's, job 1 with the token, hanging; job 2 waits for a core
	 * (job 0's, once it is done); job 1 is killed at its limit, and its token freed as it is reaped */
	struct pool_run p = { .ms = { 50, -2, 50 } };

	ck_assert_int_eq(jobserver_init(2), 0);
	isolate_pool_run(4, 3, pool_start, pool_finish, &p);
	ck_assert_int_eq(p.status[0], ISOLATE_OK);
	ck_assert_int_eq(p.status[1], ISOLATE_TIMEOUT);
	ck_assert_int_eq(p.status[2], ISOLATE_OK);
	ck_assert_int_eq(p.most, 2);
	ck_assert_int_ge(p.start[2], p.end[0]);
	ck_assert_uint_eq(test_free_tokens(), 1);
	jobserver_release();
}
END_TEST

START_TEST(a_child_started_with_a_token_holds_it_until_it_is_reaped_even_at_its_time_limit)
{
	struct isolate_child child, other;
	struct isolate_result res;
	long t0;

	/* no jobserver: nothing runs beside this process */
	ck_assert_int_eq(isolate_spawn_beside(&child, child_hangs, NULL, 300), 0);
	ck_assert_int_eq(child.pid, -1);
	ck_assert_int_eq(jobserver_init(2), 0);
	ck_assert_int_eq(isolate_spawn_beside(&child, child_hangs, NULL, 300), 1);
	ck_assert_uint_eq(test_free_tokens(), 0);	/* the child's */
	ck_assert_int_eq(isolate_spawn_beside(&other, child_hangs, NULL, 300), 0);	/* none free: nothing started */
	ck_assert_int_eq(other.pid, -1);
	t0 = now_ms();
	ck_assert_int_eq(isolate_wait(&child, NULL, NULL, &res), -1);
	ck_assert_int_eq(res.status, ISOLATE_TIMEOUT);
	ck_assert_int_lt(now_ms() - t0, 3000);
	ck_assert_uint_eq(test_free_tokens(), 1);	/* killed at its limit: freed as it was reaped */
	ck_assert_int_eq(isolate_spawn_beside(&child, child_naps, (void *)10L, 10000), 1);
	ck_assert_int_eq(isolate_wait(&child, NULL, NULL, &res), 0);
	ck_assert_uint_eq(test_free_tokens(), 1);	/* ended well, never giving it back itself */
	jobserver_release();
	/* three cores: one that crashes holding its own token and the other it took gives both back */
	ck_assert_int_eq(jobserver_init(3), 0);
	ck_assert_int_eq(isolate_spawn_beside(&child, child_dies_holding_tokens, (void *)(long)SIGABRT, 10000), 1);
	isolate_wait(&child, NULL, NULL, &res);
	ck_assert_int_eq(res.status, ISOLATE_CRASHED);
	ck_assert_uint_eq(test_free_tokens(), 2);
	jobserver_release();
}
END_TEST

/* A worker that starts a child beside itself (with a token), says whether it did, and then dies with
 * the child still running: crashed (ud 1) or silent past its time limit (ud 0). */
static int worker_dies_beside_its_child(int fd, void *ud)
{
	struct isolate_child beside;
	char started = (char)('0' + isolate_spawn_beside(&beside, child_hangs, NULL, 60000));

	if (write(fd, &started, 1) != 1)
		return 1;
	if (ud)
		raise(SIGABRT);	/* not SIGSEGV, which the sanitizers' handler turns into an exit */
	sleep(10);
	return 0;
}

static int keep_byte(const void *buf, size_t n, void *ud)
{
	if (n)
		*(char *)ud = ((const char *)buf)[n - 1];
	return 0;
}

START_TEST(a_worker_that_dies_while_its_child_runs_beside_it_loses_no_token)
{
	struct isolate_child worker;
	struct isolate_result res;

	/* the child's token is marked as the worker's: the worker's parent frees it as it reaps the
	 * worker, though nobody reaps the child (it goes with its parent) */
	ck_assert_int_eq(jobserver_init(3), 0);
	for (long crash = 0; crash <= 1; crash++) {
		char started = 0;

		ck_assert_int_eq(isolate_spawn(&worker, worker_dies_beside_its_child, (void *)crash, 300), 0);
		isolate_wait(&worker, keep_byte, &started, &res);
		ck_assert_int_eq(started, '1');	/* it had a token, and its child was running */
		ck_assert_int_eq(res.status, crash ? ISOLATE_CRASHED : ISOLATE_TIMEOUT);
		ck_assert_uint_eq(test_free_tokens(), 2);
	}
	jobserver_release();
}
END_TEST

Suite *suite_jobserver(void)
{
	Suite *s = suite_create("jobserver");
	TCase *tc = tcase_create("tokens");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, tokens_are_taken_once_and_given_back);
	tcase_add_test(tc, a_child_that_dies_holding_tokens_gives_them_back_through_its_parent);
	tcase_add_test(tc, a_pool_starts_a_job_only_with_a_core_and_a_crash_loses_none);
	tcase_add_test(tc, a_pool_job_killed_at_its_time_limit_gives_its_core_back);
	tcase_add_test(tc, a_child_started_with_a_token_holds_it_until_it_is_reaped_even_at_its_time_limit);
	tcase_add_test(tc, a_worker_that_dies_while_its_child_runs_beside_it_loses_no_token);
	suite_add_tcase(s, tc);
	return s;
}
