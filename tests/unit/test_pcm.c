/* Unit tests for pcm: the growable buffer of 16-bit samples, silence, durations, the spool to a file. */
#include "pcm.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

START_TEST(spooled_then_mapped)
{
	static int16_t big[100000];
	const int16_t first[2] = { 7, -7 };
	struct pcm pcm;

	for (int i = 0; i < 100000; i++)
		big[i] = (int16_t)(i % 65536 - 32768);
	pcm_init(&pcm, 22050);
	/* what was appended before the spool began goes first */
	pcm_append(&pcm, first, 2);
	ck_assert_int_eq(pcm_spool(&pcm, "an article"), 0);
	ck_assert_ptr_null(pcm.data);
	ck_assert_int_eq(pcm_append(&pcm, big, 100000), 0);
	ck_assert_int_eq(pcm_append_silence(&pcm, 100), 0);
	ck_assert_int_eq(pcm_append(&pcm, first, 1), 0);
	ck_assert_uint_eq(pcm.len, 2 + 100000 + 2205 + 1);
	ck_assert_int_eq(pcm_map(&pcm), 0);
	ck_assert_ptr_nonnull(pcm.data);
	ck_assert_uint_eq(pcm.mapped, pcm.len * sizeof *pcm.data);
	ck_assert_int_eq(pcm.data[0], 7);
	ck_assert_int_eq(pcm.data[1], -7);
	ck_assert_int_eq(memcmp(pcm.data + 2, big, sizeof big), 0);
	for (size_t i = 2 + 100000; i < 2 + 100000 + 2205; i++)
		ck_assert_int_eq(pcm.data[i], 0);
	ck_assert_int_eq(pcm.data[pcm.len - 1], 7);
	pcm_release(&pcm);
	ck_assert_ptr_null(pcm.data);
	ck_assert_uint_eq(pcm.mapped, 0);
}
END_TEST

/* Dropped samples are only out of the process's memory: read again, they are the same. */
START_TEST(dropped_samples_read_back)
{
	static int16_t big[200000];
	struct pcm pcm;

	for (int i = 0; i < 200000; i++)
		big[i] = (int16_t)(i * 7 % 65536 - 32768);
	pcm_init(&pcm, 22050);
	ck_assert_int_eq(pcm_spool(&pcm, "an article"), 0);
	pcm_append(&pcm, big, 200000);
	ck_assert_int_eq(pcm_map(&pcm), 0);
	for (size_t off = 0; off < pcm.len; off += 4096)
		pcm_drop(&pcm, off, off + 4096 < pcm.len ? off + 4096 : pcm.len);
	pcm_drop(&pcm, 10, 5);
	pcm_drop(&pcm, 0, pcm.len * 2);
	ck_assert_int_eq(memcmp(pcm.data, big, sizeof big), 0);
	pcm_release(&pcm);
}
END_TEST

/* KB of the mapping at addr in this process's memory (its Rss in /proc/self/smaps), -1 if not found. */
static long mapped_kb(const void *addr)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	int in = 0;
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		unsigned long lo, hi;

		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
			in = (unsigned long)addr >= lo && (unsigned long)addr < hi;
		else if (in && sscanf(line, "Rss: %ld kB", &kb) == 1)
			break;
	}
	fclose(f);
	return kb;
}

/* What the passes drop leaves the process: the speech is not held whatever its length. */
START_TEST(dropped_pages_leave_the_process)
{
	static int16_t block[4096];
	struct pcm pcm;
	long sum = 0, kb;

	for (int i = 0; i < 4096; i++)
		block[i] = (int16_t)(i + 1);
	pcm_init(&pcm, 22050);
	ck_assert_int_eq(pcm_spool(&pcm, "an article"), 0);
	for (int k = 0; k < 512; k++)	/* 4 MB */
		pcm_append(&pcm, block, 4096);
	ck_assert_int_eq(pcm_map(&pcm), 0);
	for (size_t i = 0; i < pcm.len; i++)
		sum += pcm.data[i];
	kb = mapped_kb(pcm.data);
	ck_assert_msg(kb >= 3 * 1024, "read whole, %ld KB of 4096 are mapped", kb);
	/* a loop's blocks, as audio.c's passes call it, then the whole range */
	for (size_t off = 0; off < pcm.len / 2; off += 4096)
		pcm_drop(&pcm, off, off + 4096);
	kb = mapped_kb(pcm.data);
	ck_assert_msg(kb > 1024 && kb <= 2048 + 64, "half dropped, %ld KB are mapped", kb);
	pcm_drop(&pcm, 0, pcm.len);
	kb = mapped_kb(pcm.data);
	ck_assert_msg(kb >= 0 && kb <= 64, "all dropped, %ld KB are mapped", kb);
	ck_assert_int_eq(pcm.data[pcm.len - 1], 4096);
	ck_assert_int_gt(sum, 0);
	pcm_release(&pcm);
}
END_TEST

START_TEST(drop_in_memory_does_nothing)
{
	const int16_t some[3] = { 1, 2, 3 };
	struct pcm pcm;

	pcm_init(&pcm, 22050);
	pcm_append(&pcm, some, 3);
	ck_assert_int_eq(pcm_map(&pcm), 0);
	pcm_drop(&pcm, 0, 3);
	ck_assert_int_eq(pcm.data[2], 3);
	ck_assert_uint_eq(pcm.mapped, 0);
	pcm_release(&pcm);
}
END_TEST

START_TEST(an_empty_spool_maps_to_nothing)
{
	struct pcm pcm;

	pcm_init(&pcm, 22050);
	ck_assert_int_eq(pcm_spool(&pcm, "an article"), 0);
	ck_assert_int_eq(pcm_map(&pcm), 0);
	ck_assert_uint_eq(pcm.len, 0);
	ck_assert_ptr_null(pcm.data);
	pcm_release(&pcm);
}
END_TEST

/* A spool that cannot be made is reported, and the pcm takes nothing more. */
START_TEST(no_temporary_folder)
{
	const int16_t one = 1;
	char *old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	struct pcm pcm;

	setenv("TMPDIR", "/nonexistent/newscast-test", 1);
	pcm_init(&pcm, 22050);
	ck_assert_int_eq(pcm_spool(&pcm, "an article"), -1);
	ck_assert_int_eq(pcm_append(&pcm, &one, 1), -1);
	ck_assert_int_eq(pcm_append_silence(&pcm, 10), -1);
	ck_assert_int_eq(pcm_map(&pcm), -1);
	ck_assert_uint_eq(pcm.len, 0);
	pcm_release(&pcm);
	if (old)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
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
	tcase_add_test(tc, spooled_then_mapped);
	tcase_add_test(tc, dropped_samples_read_back);
	tcase_add_test(tc, dropped_pages_leave_the_process);
	tcase_add_test(tc, drop_in_memory_does_nothing);
	tcase_add_test(tc, an_empty_spool_maps_to_nothing);
	tcase_add_test(tc, no_temporary_folder);
	suite_add_tcase(s, tc);
	return s;
}
