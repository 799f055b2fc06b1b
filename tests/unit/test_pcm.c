/* Unit tests for pcm: the growable buffer of 16-bit samples, silence, durations. */
#include "pcm.h"
#include "suites.h"

START_TEST(starts_empty)
{
	struct pcm pcm;

	pcm_init(&pcm, 22050);
	ck_assert_int_eq(pcm.rate, 22050);
	ck_assert_uint_eq(pcm.len, 0);
	ck_assert_ptr_null(pcm.data);
	pcm_release(&pcm);
	ck_assert_ptr_null(pcm.data);
	ck_assert_uint_eq(pcm.len, 0);
}
END_TEST

START_TEST(appends_in_order)
{
	static int16_t big[5000];
	const int16_t first[3] = { 1, -2, 32767 };
	struct pcm pcm;

	for (int i = 0; i < 5000; i++)
		big[i] = (int16_t)(i - 2500);
	pcm_init(&pcm, 22050);
	pcm_append(&pcm, first, 3);
	pcm_append(&pcm, big, 5000);
	ck_assert_uint_eq(pcm.len, 5003);
	ck_assert_uint_ge(pcm.cap, 5003);
	ck_assert_int_eq(pcm.data[0], 1);
	ck_assert_int_eq(pcm.data[1], -2);
	ck_assert_int_eq(pcm.data[2], 32767);
	ck_assert_int_eq(pcm.data[3], -2500);
	ck_assert_int_eq(pcm.data[5002], 2499);
	pcm_release(&pcm);
}
END_TEST

START_TEST(silence_in_milliseconds)
{
	const int16_t one = 99;
	struct pcm pcm;

	pcm_init(&pcm, 22050);
	pcm_append(&pcm, &one, 1);
	pcm_append_silence(&pcm, 100);
	ck_assert_uint_eq(pcm.len, 1 + 2205);
	ck_assert_int_eq(pcm.data[0], 99);
	for (size_t i = 1; i < pcm.len; i++)
		ck_assert_int_eq(pcm.data[i], 0);
	pcm_append_silence(&pcm, 0);
	pcm_append_silence(&pcm, -500);
	ck_assert_uint_eq(pcm.len, 2206);
	pcm_append_silence(&pcm, 2500);
	ck_assert_uint_eq(pcm.len, 2206 + 55125);
	pcm_release(&pcm);
}
END_TEST

START_TEST(silence_on_an_empty_buffer)
{
	struct pcm pcm;

	pcm_init(&pcm, 44100);
	pcm_append_silence(&pcm, 1);
	ck_assert_uint_eq(pcm.len, 44);
	ck_assert_int_eq(pcm.data[43], 0);
	pcm_release(&pcm);
}
END_TEST

/*
 * BUG (builder/speech/pcm.c, pcm_append line 24): appending no samples to an empty
 * buffer calls memcpy(NULL, samples, 0) (util_grow does nothing for need 0, so
 * data stays NULL): undefined behaviour, which the sanitizer build stops on
 * ("null pointer passed as argument 1"). The plain build passes.
 */
START_TEST(appending_nothing_to_an_empty_buffer)
{
	const int16_t one = 1;
	struct pcm pcm;

	pcm_init(&pcm, 22050);
	pcm_append(&pcm, &one, 0);
	ck_assert_uint_eq(pcm.len, 0);
	pcm_append(&pcm, &one, 1);
	pcm_append(&pcm, &one, 0);
	ck_assert_uint_eq(pcm.len, 1);
	pcm_release(&pcm);
}
END_TEST

START_TEST(durations)
{
	struct pcm pcm;

	pcm_init(&pcm, 22050);
	ck_assert_double_eq(pcm_ms(&pcm, 22050), 1000.0);
	ck_assert_double_eq(pcm_ms(&pcm, 0), 0.0);
	ck_assert_double_eq_tol(pcm_ms(&pcm, 2205), 100.0, 1e-9);
	pcm.rate = 0;
	ck_assert_double_eq(pcm_ms(&pcm, 100), 0.0);
	pcm_release(&pcm);
}
END_TEST

Suite *suite_pcm(void)
{
	Suite *s = suite_create("pcm");
	TCase *tc = tcase_create("buffer");

	tcase_add_test(tc, starts_empty);
	tcase_add_test(tc, appends_in_order);
	tcase_add_test(tc, silence_in_milliseconds);
	tcase_add_test(tc, silence_on_an_empty_buffer);
	tcase_add_test(tc, appending_nothing_to_an_empty_buffer);
	tcase_add_test(tc, durations);
	suite_add_tcase(s, tc);
	return s;
}
