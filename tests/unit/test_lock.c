/* Unit tests for lock: one holder of a show's lock at a time, a time-out, and a lock handed down. */
#include "helpers.h"
#include "lock.h"
#include "suites.h"
#include "util.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

START_TEST(a_second_holder_gives_up)
{
	struct lock a, b;
	char *path = xasprintf("%s/.newscast/lock", test_dir);
	long t0;

	ck_assert_int_eq(lock_show(&a, test_dir, 0), 0);
	ck_assert(test_exists(path));
	/* flock locks belong to the open file: a second open conflicts even in this process */
	ck_assert_int_eq(lock_show(&b, test_dir, 0), LOCK_EXIT_BUSY);
	ck_assert_int_eq(b.fd, -1);
	t0 = now_ms();
	ck_assert_int_eq(lock_show(&b, test_dir, 1), LOCK_EXIT_BUSY);
	ck_assert_int_ge(now_ms() - t0, 950);
	ck_assert_int_lt(now_ms() - t0, 3000);
	lock_release(&a);
	lock_release(&a);	/* twice is harmless */
	ck_assert_int_eq(lock_show(&b, test_dir, 0), 0);
	lock_release(&b);
	free(path);
}
END_TEST

START_TEST(a_lock_handed_down_is_taken_at_once_and_kept)
{
	struct lock a, b;
	char *path = xasprintf("%s/.newscast/lock", test_dir), *other = xasprintf("%s/other", test_dir);
	char num[16];
	int fd, ofd;

	/* the caller (scripts/nightly) holds the lock through its own descriptor */
	ck_assert_int_eq(lock_show(&a, test_dir, 0), 0);
	lock_release(&a);
	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(flock(fd, LOCK_EX | LOCK_NB), 0);
	ck_assert_int_eq(lock_show(&b, test_dir, 0), LOCK_EXIT_BUSY);
	snprintf(num, sizeof num, "%d", fd);
	setenv(LOCK_FD_ENV, num, 1);
	ck_assert_int_eq(lock_show(&b, test_dir, 0), 0);
	ck_assert_int_eq(b.fd, fd);
	lock_release(&b);
	/* the caller's lock is still held, and its descriptor open */
	ck_assert_int_eq(fcntl(fd, F_GETFD), 0);
	unsetenv(LOCK_FD_ENV);
	ck_assert_int_eq(lock_show(&b, test_dir, 0), LOCK_EXIT_BUSY);
	/* a descriptor on another file is not the show's lock */
	test_write_file(other, "");
	ofd = open(other, O_RDONLY);
	snprintf(num, sizeof num, "%d", ofd);
	setenv(LOCK_FD_ENV, num, 1);
	ck_assert_int_eq(lock_show(&b, test_dir, 0), LOCK_EXIT_BUSY);
	setenv(LOCK_FD_ENV, "not a number", 1);
	ck_assert_int_eq(lock_show(&b, test_dir, 0), LOCK_EXIT_BUSY);
	unsetenv(LOCK_FD_ENV);
	close(ofd);
	close(fd);
	ck_assert_int_eq(lock_show(&b, test_dir, 0), 0);
	lock_release(&b);
	free(path);
	free(other);
}
END_TEST

START_TEST(a_show_that_cannot_hold_a_lock_is_an_error)
{
	struct lock a;
	char *file = xasprintf("%s/file", test_dir);

	test_write_file(file, "");
	/* SHOW/.newscast cannot be made inside a file */
	ck_assert_int_eq(lock_show(&a, file, 0), -1);
	ck_assert_int_eq(a.fd, -1);
	free(file);
}
END_TEST

Suite *suite_lock(void)
{
	Suite *s = suite_create("lock");
	TCase *tc = tcase_create("lock");

	tcase_set_timeout(tc, 20);
	test_add_dir_fixtures(tc);
	tcase_add_test(tc, a_second_holder_gives_up);
	tcase_add_test(tc, a_lock_handed_down_is_taken_at_once_and_kept);
	tcase_add_test(tc, a_show_that_cannot_hold_a_lock_is_an_error);
	suite_add_tcase(s, tc);
	return s;
}
