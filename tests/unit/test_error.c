/* Unit tests for error: kinds, the catch of what lower modules report, the wire form. */
#include "error.h"
#include "helpers.h"
#include "log.h"
#include "suites.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

START_TEST(set_escapes_and_redacts)
{
	struct error err = { 0 };

	error_set(&err, ERROR_INPUT, "cannot read '%s' from %s", "a\x1b[2Jb", "https://u:secret@example.org/x");
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_ptr_null(strstr(err.message, "secret"));
	ck_assert_ptr_nonnull(strstr(err.message, "'a\\x1b[2Jb'"));
	error_set(&err, ERROR_TIMEOUT, "again");	/* replaces, no leak */
	ck_assert_str_eq(err.message, "again");
	error_release(&err);
	ck_assert_int_eq(err.kind, ERROR_NONE);
	ck_assert_ptr_null(err.message);
	error_release(NULL);
}
END_TEST

START_TEST(kinds_decide_who_is_at_fault)
{
	ck_assert(error_is_input_fault(ERROR_INPUT));
	ck_assert(error_is_input_fault(ERROR_TOO_LONG));
	ck_assert(error_is_input_fault(ERROR_CRASH));
	ck_assert(error_is_input_fault(ERROR_TIMEOUT));
	ck_assert(!error_is_input_fault(ERROR_STORAGE));
	ck_assert(!error_is_input_fault(ERROR_SYSTEM));
	ck_assert(!error_is_input_fault(ERROR_NONE));
	ck_assert_str_eq(error_kind_name(ERROR_STORAGE), "storage");
	ck_assert_str_eq(error_kind_name((enum error_kind)99), "unknown");
}
END_TEST

START_TEST(catch_keeps_the_last_report_with_its_kind)
{
	struct error outer = { 0 }, inner = { 0 };
	struct error_catch c1, c2;

	log_set_quiet_errors(true);
	log_error("before any catch");
	error_catch_begin(&c1, &outer, ERROR_INPUT);
	log_error("first '%s'", "x");
	log_error("second");
	ck_assert_int_eq(outer.kind, ERROR_INPUT);
	ck_assert_str_eq(outer.message, "second");
	error_catch_begin(&c2, &inner, ERROR_SYSTEM);
	errno = ENOSPC;
	log_error("cannot write 'y': %s", strerror(ENOSPC));
	error_catch_end(&c2);
	ck_assert_int_eq(inner.kind, ERROR_STORAGE);
	ck_assert_int_eq(inner.errnum, ENOSPC);
	ck_assert_str_eq(outer.message, "second");	/* the inner catch took it */
	log_error("third");
	/* a reporter that knows the kind says it */
	log_error_as(ERROR_CRASH, "espeak-ng crashed");
	ck_assert_int_eq(outer.kind, ERROR_CRASH);
	ck_assert_str_eq(outer.message, "espeak-ng crashed");
	log_error("third");
	ck_assert_int_eq(outer.kind, ERROR_INPUT);
	error_catch_end(&c1);
	log_error("after");
	ck_assert_str_eq(outer.message, "third");
	error_release(&outer);
	error_release(&inner);
}
END_TEST

START_TEST(wire_form_round_trips_and_refuses_short_input)
{
	struct error a = { 0 }, b = { 0 };
	unsigned char *buf;
	size_t len;

	error_set(&a, ERROR_STORAGE, "disk full on '%s'", "z");
	a.errnum = ENOSPC;
	buf = error_pack(&a, &len);
	ck_assert_int_eq(error_unpack(&b, buf, len), 0);
	ck_assert_int_eq(b.kind, ERROR_STORAGE);
	ck_assert_int_eq(b.errnum, ENOSPC);
	ck_assert_str_eq(b.message, "disk full on 'z'");
	ck_assert_int_eq(error_unpack(&b, buf, len - 1), -1);
	ck_assert_int_eq(error_unpack(&b, buf, 3), -1);
	buf[0] = 200;	/* no such kind */
	ck_assert_int_eq(error_unpack(&b, buf, len), -1);
	free(buf);
	error_release(&a);
	error_release(&b);
}
END_TEST

Suite *suite_error(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("error");

	tcase_add_test(tc, set_escapes_and_redacts);
	tcase_add_test(tc, kinds_decide_who_is_at_fault);
	tcase_add_test(tc, catch_keeps_the_last_report_with_its_kind);
	tcase_add_test(tc, wire_form_round_trips_and_refuses_short_input);
	suite_add_tcase(s, tc);
	return s;
}
