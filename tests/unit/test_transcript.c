/* Unit tests for transcript: sentences cut into captions of two lines of 42 characters and 7 seconds, timed by spoken words. */
#include "helpers.h"
#include "suites.h"
#include "transcript.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The words of spoken (ASCII, split at spaces) timed start, start + step, ... */
static size_t words_every(const char *spoken, uint32_t start, uint32_t step, struct transcript_word *out)
{
	size_t n = 0;

	for (size_t i = 0; spoken[i]; i++)
		if (spoken[i] != ' ' && (i == 0 || spoken[i - 1] == ' ')) {
			out[n] = (struct transcript_word){ (uint32_t)i, start + (uint32_t)n * step };
			n++;
		}
	return n;
}

/* Cuts one sentence; written is also what was spoken, words every step ms from start. */
static void cut(struct transcript *t, const char *written, const char *spoken, uint32_t start, uint32_t step,
		uint32_t end)
{
	struct transcript_word w[64];
	struct transcript_sentence s = { written, spoken, start, end, w, words_every(spoken, start, step, w) };

	transcript_add_sentence(t, &s);
}

#define ck_cue(t, i, a, b, txt)                                         \
	do {                                                            \
		ck_assert_uint_eq((t)->cues[i].start_ms, (a));          \
		ck_assert_uint_eq((t)->cues[i].end_ms, (b));            \
		ck_assert_str_eq((t)->cues[i].text, (txt));             \
	} while (0)

START_TEST(short_sentence_is_one_cue)
{
	struct transcript t;

	transcript_init(&t);
	cut(&t, "It passed.", "It passed.", 1000, 300, 2000);
	ck_assert_uint_eq(t.n, 1);
	ck_cue(&t, 0, 1000, 2000, "It passed.");
	transcript_release(&t);
}
END_TEST

START_TEST(two_balanced_lines)
{
	const char *s = "The roof of the village school will be repaired this summer.";
	struct transcript t;

	transcript_init(&t);
	cut(&t, s, s, 0, 300, 3300);
	ck_assert_uint_eq(t.n, 1);
	ck_cue(&t, 0, 0, 3300, "The roof of the village school\nwill be repaired this summer.");
	transcript_release(&t);
}
END_TEST

START_TEST(long_sentence_cut_into_even_cues_at_word_times)
{
	const char *s = "Fares on the harbour ferry will not rise this year, the operator said on Friday, and the council "
			"agreed.";
	struct transcript t;

	transcript_init(&t);
	cut(&t, s, s, 1000, 300, 6700);
	ck_assert_uint_eq(t.n, 2);
	/* 104 characters: cut after "year," (51 and 52), each cue's lines balanced; the
	 * second cue starts when its first word, the 11th, is spoken */
	ck_cue(&t, 0, 1000, 4000, "Fares on the harbour ferry\nwill not rise this year,");
	ck_cue(&t, 1, 4000, 6700, "the operator said on Friday,\nand the council agreed.");
	transcript_release(&t);
}
END_TEST

START_TEST(slow_speech_cut_at_seven_seconds)
{
	const char *s = "One two three four five six seven eight nine ten.";
	struct transcript t;

	transcript_init(&t);
	cut(&t, s, s, 0, 1200, 12000);
	ck_assert_uint_eq(t.n, 2);
	ck_cue(&t, 0, 0, 6000, "One two three four five");
	ck_cue(&t, 1, 6000, 12000, "six seven eight nine ten.");
	transcript_release(&t);
}
END_TEST

START_TEST(rewritten_words_timed_by_what_replaced_them)
{
	struct transcript t;

	transcript_init(&t);
	/* a spoken word a second: "$1.2bn" is "one point two billion dollars", from 3 s to 8 s; so
	 * "A budget of $1.2bn" would last 8 s and the only cut is before "$1.2bn", at 3 s (by
	 * characters alone it would fall at about 5 s) */
	cut(&t, "A budget of $1.2bn was set.", "A budget of one point two billion dollars was set.", 0, 1000, 10000);
	ck_assert_uint_eq(t.n, 2);
	ck_cue(&t, 0, 0, 3000, "A budget of");
	ck_cue(&t, 1, 3000, 10000, "$1.2bn was set.");
	transcript_release(&t);
}
END_TEST

START_TEST(words_espeak_did_not_time_are_interpolated)
{
	const char *s = "Ten nine eight seven six five four three two one go.";
	struct transcript_word w[] = { { 0, 0 }, { 45, 9000 } };	/* "Ten" and "one" only */
	struct transcript_sentence st = { s, s, 0, 10000, w, 2 };
	struct transcript t;

	transcript_init(&t);
	transcript_add_sentence(&t, &st);
	/* 200 ms a character between the two: "five" (at 25) at 5000 ms; the cut must fall between
	 * 3 s and 7 s, and there the cues are most even */
	ck_assert_uint_eq(t.n, 2);
	ck_cue(&t, 0, 0, 5000, "Ten nine eight seven six");
	ck_cue(&t, 1, 5000, 10000, "five four three two one go.");
	transcript_release(&t);
}
END_TEST

START_TEST(word_longer_than_a_line_is_cut)
{
	const char *s = "Antidisestablishmentarianismcounterrevolutionaries is long.";
	struct transcript t;

	transcript_init(&t);
	cut(&t, s, s, 0, 500, 2000);
	ck_assert_uint_eq(t.n, 1);
	ck_cue(&t, 0, 0, 2000, "Antidisestablishmentarianismcounterrevolut\nionaries is long.");
	transcript_release(&t);
}
END_TEST

START_TEST(lines_count_characters_not_bytes)
{
	const char *s = "Café owners cheer the new footbridge café.";	/* 42 characters, 44 bytes */
	struct transcript t;

	transcript_init(&t);
	cut(&t, s, s, 0, 300, 2400);
	ck_assert_uint_eq(t.n, 1);
	ck_cue(&t, 0, 0, 2400, s);
	transcript_release(&t);
}
END_TEST

START_TEST(no_word_events_spread_by_characters)
{
	struct transcript t;
	struct transcript_sentence st = { "One two three four five six seven eight nine.", "x", 1000, 10000, NULL, 0 };

	transcript_init(&t);
	transcript_add_sentence(&t, &st);
	ck_assert_uint_eq(t.n, 2);
	/* 9 s over 45 characters: 200 ms each; "six" starts at character 24 */
	ck_cue(&t, 0, 1000, 5800, "One two three four five");
	ck_cue(&t, 1, 5800, 10000, "six seven eight nine.");
	transcript_release(&t);
}
END_TEST

START_TEST(empty_sentence_adds_no_cue)
{
	struct transcript t;
	struct transcript_sentence st = { "  \n ", "", 0, 1000, NULL, 0 };

	transcript_init(&t);
	transcript_add_sentence(&t, &st);
	ck_assert_uint_eq(t.n, 0);
	transcript_release(&t);
}
END_TEST

START_TEST(sentences_append_in_order)
{
	struct transcript t;

	transcript_init(&t);
	cut(&t, "First one.", "First one.", 0, 500, 1000);
	cut(&t, "Second one.", "Second one.", 1500, 500, 2600);
	ck_assert_uint_eq(t.n, 2);
	ck_cue(&t, 0, 0, 1000, "First one.");
	ck_cue(&t, 1, 1500, 2600, "Second one.");
	transcript_release(&t);
}
END_TEST

START_TEST(vtt_and_srt_keep_the_two_lines)
{
	struct transcript_cue cues[] = { { 0, 3300, "The roof of the village school\nwill be repaired." },
					 { 3661001, 3662500, "A --> B" } };
	char *vtt = xasprintf("%s/a.vtt", test_dir), *srt = xasprintf("%s/a.srt", test_dir);
	unsigned char *got;
	size_t len;

	ck_assert_int_eq(transcript_write_vtt(vtt, cues, 2), 0);
	ck_assert_int_eq(transcript_write_srt(srt, cues, 2), 0);
	got = test_read_file(vtt, &len);
	ck_assert_str_eq((char *)got, "WEBVTT\n\n"
				      "1\n00:00:00.000 --> 00:00:03.300\nThe roof of the village school\nwill be repaired.\n\n"
				      "2\n01:01:01.001 --> 01:01:02.500\nA --&gt; B\n\n");
	free(got);
	got = test_read_file(srt, &len);
	ck_assert_str_eq((char *)got, "1\n00:00:00,000 --> 00:00:03,300\nThe roof of the village school\nwill be repaired.\n\n"
				      "2\n01:01:01,001 --> 01:01:02,500\nA --&gt; B\n\n");
	free(got);
	free(vtt);
	free(srt);
}
END_TEST

Suite *suite_transcript(void)
{
	Suite *s = suite_create("transcript");
	TCase *tc = tcase_create("captions");

	tcase_add_test(tc, short_sentence_is_one_cue);
	tcase_add_test(tc, two_balanced_lines);
	tcase_add_test(tc, long_sentence_cut_into_even_cues_at_word_times);
	tcase_add_test(tc, slow_speech_cut_at_seven_seconds);
	tcase_add_test(tc, rewritten_words_timed_by_what_replaced_them);
	tcase_add_test(tc, words_espeak_did_not_time_are_interpolated);
	tcase_add_test(tc, word_longer_than_a_line_is_cut);
	tcase_add_test(tc, lines_count_characters_not_bytes);
	tcase_add_test(tc, no_word_events_spread_by_characters);
	tcase_add_test(tc, empty_sentence_adds_no_cue);
	tcase_add_test(tc, sentences_append_in_order);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	test_add_dir_fixtures(tc);
	tcase_add_test(tc, vtt_and_srt_keep_the_two_lines);
	suite_add_tcase(s, tc);
	return s;
}
