/* Unit tests for log: what a message may show on a terminal, and which errors are the storage's. */
#include "error.h"
#include "helpers.h"
#include "log.h"
#include "suites.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(control_bytes_are_written_out)
{
	struct error caught = { 0 };
	struct error_catch c;
	char *err;

	log_set_quiet_errors(true);
	error_catch_begin(&c, &caught, ERROR_INPUT);
	log_error("cannot read '%s'", "a\x1b[2Jb\tc\x7f.txt");
	ck_assert_str_eq(caught.message, "cannot read 'a\\x1b[2Jb\\x09c\\x7f.txt'");
	/* C1 controls (U+009B, CSI), bidirectional overrides, and bytes that are not UTF-8 */
	log_error("'%s'", "x\xc2\x9by\xe2\x80\xaez\xff\xc3(w");
	ck_assert_str_eq(caught.message, "'x\\u009by\\u202ez\\xff\\xc3(w'");
	/* text that is only UTF-8 passes as it is */
	log_error("'%s'", "Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\xbb \xc2\xa0");
	ck_assert_str_eq(caught.message, "'Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\xbb \xc2\xa0'");
	/* overlong forms and surrogates are not UTF-8 */
	log_error("%s", "\xc0\xaf\xed\xa0\x80");
	ck_assert_str_eq(caught.message, "\\xc0\\xaf\\xed\\xa0\\x80");
	error_catch_end(&c);
	error_release(&caught);
	log_set_quiet_errors(false);
	/* and what is printed is the same */
	test_stderr_begin();
	log_warn("'%s'", "n\x1b]0;title\x07");
	log_verbose("%s", "\x1b");
	err = test_stderr_end();
	ck_assert_str_eq(err, "newscast: warning: 'n\\x1b]0;title\\x07'\n");
	free(err);
	log_set_quiet_errors(true);
}
END_TEST

START_TEST(storage_errors_are_told_from_others)
{
	int errs[] = { ENOSPC, EDQUOT, EROFS, EIO };
	struct error caught = { 0 };
	struct error_catch c;

	log_set_quiet_errors(true);
	error_catch_begin(&c, &caught, ERROR_INPUT);
	for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) {
		errno = errs[i];
		log_error("cannot write 'a': %s", strerror(errno));
		ck_assert_int_eq(caught.kind, ERROR_STORAGE);
		ck_assert_int_eq(caught.errnum, errs[i]);
		ck_assert_int_eq(errno, errs[i]);	/* log_error keeps errno */
	}
	errno = EACCES;
	log_error("cannot write 'a': %s", strerror(errno));
	ck_assert_int_eq(caught.kind, ERROR_INPUT);
	ck_assert_int_eq(caught.errnum, 0);
	/* a stale errno is not the error's unless its message reports it */
	errno = ENOSPC;
	log_error("'a' is empty");
	ck_assert_int_eq(caught.kind, ERROR_INPUT);
	error_catch_end(&c);
	error_release(&caught);
	log_set_quiet_errors(true);
}
END_TEST

/* Reports errors as fast as it can, as the loudness plan's threads may: one caught error for all. */
static void *report_many(void *ud)
{
	for (int i = 0; i < 20000; i++)
		log_error("thread %ld: error %d", (long)ud, i);
	return NULL;
}

START_TEST(threads_report_errors_at_once)
{
	struct error caught = { 0 };
	struct error_catch c;
	pthread_t t[3];
	FILE *sink = fopen("/dev/null", "w");

	/* caught and printed by one thread at a time: without it, two threads free the caught message
	 * twice (the sanitizers' build stops on it) and lines printed at once interleave */
	ck_assert_ptr_nonnull(sink);
	log_set_stream(sink);
	error_catch_begin(&c, &caught, ERROR_INPUT);
	for (long k = 0; k < 3; k++)
		ck_assert_int_eq(pthread_create(&t[k], NULL, report_many, (void *)k), 0);
	report_many((void *)3L);
	for (int k = 0; k < 3; k++)
		pthread_join(t[k], NULL);
	error_catch_end(&c);
	ck_assert_ptr_nonnull(strstr(caught.message, ": error "));
	error_release(&caught);
	log_set_stream(NULL);
	fclose(sink);
}
END_TEST

Suite *suite_log(void)
{
	Suite *s = suite_create("log");
	TCase *tc = tcase_create("log");

	tcase_add_test(tc, control_bytes_are_written_out);
	tcase_add_test(tc, storage_errors_are_told_from_others);
	tcase_add_test(tc, threads_report_errors_at_once);
	suite_add_tcase(s, tc);
	return s;
}
