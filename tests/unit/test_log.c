/* Unit tests for log: what a message may show on a terminal, and which errors are the storage's. */
#include "error.h"
#include "helpers.h"
#include "log.h"
#include "suites.h"

#include <errno.h>
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

Suite *suite_log(void)
{
	Suite *s = suite_create("log");
	TCase *tc = tcase_create("log");

	tcase_add_test(tc, control_bytes_are_written_out);
	tcase_add_test(tc, storage_errors_are_told_from_others);
	suite_add_tcase(s, tc);
	return s;
}
