/* Unit tests for synth: text sanitising, and speaking segments in a child process (espeak-ng). */
#include "helpers.h"
#include "jobserver.h"
#include "suites.h"
#include "synth.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/*
 * espeak-ng has global state and may crash: these tests only use
 * synth_segments_isolated, which runs it in a child, never synth_new here.
 */

START_TEST(sanitize_replaces_control_bytes)
{
	char *s = synth_sanitize("a\x01" "b\tc\x7f\nd\x1b[0m\xc3\xa9");

	ck_assert_str_eq(s, "a b c  d [0m\xc3\xa9");
	free(s);
	s = synth_sanitize("");
	ck_assert_str_eq(s, "");
	free(s);
	s = synth_sanitize("plain < [[text]]");
	ck_assert_str_eq(s, "plain < [[text]]");
	free(s);
}
END_TEST

/* What arrived at the sink, segment by segment. */
struct heard {
	size_t samples[4];
	size_t words[4];
	size_t done[4];
	size_t n_done;
	int out_of_order;	/* samples for a segment after it was done, or before an earlier one was */
	size_t stop_after;	/* samples returns non-zero after this many; 0: never */
	size_t total;
};

static int heard_samples(void *ud, size_t seg, const int16_t *pcm, size_t n)
{
	struct heard *h = ud;

	(void)pcm;
	if (seg >= 4 || seg != h->n_done)
		h->out_of_order = 1;
	else
		h->samples[seg] += n;
	h->total += n;
	return h->stop_after && h->total >= h->stop_after;
}

static int heard_event(void *ud, size_t seg, const struct synth_event *ev)
{
	struct heard *h = ud;

	if (seg < 4 && ev->kind == SYNTH_WORD)
		h->words[seg]++;
	return 0;
}

static int heard_done(void *ud, size_t seg)
{
	struct heard *h = ud;

	if (h->n_done < 4)
		h->done[h->n_done] = seg;
	h->n_done++;
	return 0;
}

static void two_segments(struct segment_list *segs)
{
	segment_list_init(segs);
	segment_list_add(segs, xstrdup("Hello world."), ROLE_HEADLINE, BREAK_HEADLINE, 1);
	segment_list_add(segs, xstrdup("This second one is longer."), ROLE_BODY, BREAK_ARTICLE, 3);
}

START_TEST(isolated_segments_arrive_in_order)
{
	struct voice_profile vp;
	struct segment_list segs;
	struct heard h = { .stop_after = 0 };
	struct synth_sink sink = { &h, heard_samples, heard_event, heard_done };
	int rate = 0;

	voice_profile_init(&vp);
	two_segments(&segs);
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate), 0);
	ck_assert_int_eq(rate, 22050);
	ck_assert_uint_eq(h.n_done, 2);
	ck_assert_uint_eq(h.done[0], 0);
	ck_assert_uint_eq(h.done[1], 1);
	ck_assert_int_eq(h.out_of_order, 0);
	/* a second or so of speech each: more than 0.3 s, less than 5 s */
	ck_assert_uint_gt(h.samples[0], 22050 * 3 / 10);
	ck_assert_uint_lt(h.samples[0], 22050 * 5);
	ck_assert_uint_gt(h.samples[1], h.samples[0]);
	ck_assert_uint_lt(h.samples[1], 22050 * 5);
	ck_assert_uint_eq(h.words[0], 2);
	ck_assert_uint_eq(h.words[1], 5);
	segment_list_release(&segs);
	voice_profile_release(&vp);
}
END_TEST

/* With the phonemes flag, [[...]] is a pronunciation, as long as the word it
 * spells; without it, the brackets and symbols are read out as text. */
START_TEST(phonemes_only_when_asked)
{
	struct voice_profile vp;
	struct segment_list segs;
	struct heard h = { .stop_after = 0 };
	struct synth_sink sink = { &h, heard_samples, heard_event, heard_done };
	int rate = 0;
	double ratio;

	voice_profile_init(&vp);
	segment_list_init(&segs);
	segment_list_add(&segs, xstrdup("[[h@l'oU]]"), ROLE_BODY, BREAK_SENTENCE, 1);
	segment_list_add(&segs, xstrdup("hello"), ROLE_BODY, BREAK_SENTENCE, 1);
	segment_list_add(&segs, xstrdup("[[h@l'oU]]"), ROLE_BODY, BREAK_ARTICLE, 1);
	segs.items[0].phonemes = true;
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate), 0);
	ck_assert_uint_eq(h.n_done, 3);
	ratio = (double)h.samples[0] / (double)h.samples[1];
	ck_assert_msg(ratio > 0.8 && ratio < 1.25, "phonemes %zu samples, the word %zu", h.samples[0], h.samples[1]);
	ck_assert_uint_gt(h.samples[2] * 2, h.samples[1] * 3);
	segment_list_release(&segs);
	voice_profile_release(&vp);
}
END_TEST

START_TEST(sink_can_stop_the_child)
{
	struct voice_profile vp;
	struct segment_list segs;
	struct heard h = { .stop_after = 100 };
	struct synth_sink sink = { &h, heard_samples, NULL, heard_done };
	int rate = 0;

	voice_profile_init(&vp);
	two_segments(&segs);
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate), -1);
	ck_assert_uint_ge(h.total, 100);
	ck_assert_uint_lt(h.n_done, 2);
	segment_list_release(&segs);
	voice_profile_release(&vp);
}
END_TEST

/* Speaks two segments with the default profile but its espeak-ng voice (and variant); the result. */
static int speak_two_as(const char *espeak, const char *variant, struct heard *h)
{
	struct voice_profile vp;
	struct segment_list segs;
	struct synth_sink sink = { h, heard_samples, NULL, heard_done };
	int rate = 0, ret;

	voice_profile_init(&vp);
	free(vp.espeak);
	vp.espeak = xstrdup(espeak);
	if (variant) {
		free(vp.variant);
		vp.variant = xstrdup(variant);
	}
	two_segments(&segs);
	ret = synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate);
	segment_list_release(&segs);
	voice_profile_release(&vp);
	return ret;
}

START_TEST(unknown_espeak_voice_fails)
{
	struct heard h = { .stop_after = 0 };

	ck_assert_int_eq(speak_two_as("zz-no-such-voice", NULL, &h), -1);
	ck_assert_uint_eq(h.total, 0);
	ck_assert_uint_eq(h.n_done, 0);
}
END_TEST

/* A voice named by its language, as `newscast voices` accepts it: "fr-fr" is the file "roa/fr". */
START_TEST(voice_named_by_its_language)
{
	struct heard h = { .stop_after = 0 };

	ck_assert_int_eq(speak_two_as("fr-fr", "m3", &h), 0);
	ck_assert_uint_eq(h.n_done, 2);
}
END_TEST

START_TEST(time_limit)
{
	struct voice_profile vp;
	struct segment_list segs;
	struct heard h = { .stop_after = 0 };
	struct synth_sink sink = { &h, heard_samples, NULL, heard_done };
	int rate = 0;

	voice_profile_init(&vp);
	two_segments(&segs);
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 1, &sink, &rate), -1);
	ck_assert_uint_lt(h.n_done, 2);
	segment_list_release(&segs);
	voice_profile_release(&vp);
}
END_TEST

START_TEST(no_segments)
{
	struct voice_profile vp;
	struct segment_list segs;
	struct heard h = { .stop_after = 0 };
	struct synth_sink sink = { &h, heard_samples, NULL, heard_done };
	int rate = 0;

	voice_profile_init(&vp);
	segment_list_init(&segs);
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate), 0);
	ck_assert_int_eq(rate, 22050);
	ck_assert_uint_eq(h.total, 0);
	ck_assert_uint_eq(h.n_done, 0);
	voice_profile_release(&vp);
}
END_TEST

/* A long list is spoken by two children, in turn or, with a token, at once: what arrives is in
 * order, whole, and the sink can still stop it in the second child's share. */
struct heard_long {
	size_t seg, done, words, stop_at;
	size_t samples[20];
	int out_of_order;
};

static int long_samples(void *ud, size_t seg, const int16_t *pcm, size_t n)
{
	struct heard_long *h = ud;

	(void)pcm;
	if (seg != h->done || seg >= 20)
		h->out_of_order = 1;
	else
		h->samples[seg] += n;
	return 0;
}

static int long_event(void *ud, size_t seg, const struct synth_event *ev)
{
	struct heard_long *h = ud;

	if (seg != h->done)
		h->out_of_order = 1;
	h->words += ev->kind == SYNTH_WORD;
	return 0;
}

static int long_done(void *ud, size_t seg)
{
	struct heard_long *h = ud;

	if (seg != h->done)
		h->out_of_order = 1;
	h->done = seg + 1;
	return h->stop_at && h->done == h->stop_at;
}

START_TEST(long_lists_shared_out_in_order)
{
	struct voice_profile vp;
	struct segment_list segs;
	struct heard_long h = { 0 }, alone;
	struct synth_sink sink = { &h, long_samples, long_event, long_done };
	int rate = 0;

	voice_profile_init(&vp);
	segment_list_init(&segs);
	for (int i = 0; i < 20; i++)
		segment_list_add(&segs, xasprintf("Sentence number %d is here.", i + 1), ROLE_BODY, BREAK_SENTENCE, i + 1);
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate), 0);
	ck_assert_int_eq(rate, 22050);
	ck_assert_int_eq(h.out_of_order, 0);
	ck_assert_uint_eq(h.done, 20);
	ck_assert_uint_ge(h.words, 20 * 5);
	for (int i = 0; i < 20; i++)
		ck_assert_uint_gt(h.samples[i], 22050 / 2);
	alone = h;
	h = (struct heard_long){ .stop_at = 15 };
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate), -1);
	ck_assert_uint_eq(h.done, 15);
	/* with a token free, the second child speaks beside the first: the same speech, and the
	 * token is back once it is reaped, whether it finished or was stopped */
	ck_assert_int_eq(jobserver_init(2), 0);
	h = (struct heard_long){ 0 };
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate), 0);
	ck_assert_int_eq(h.out_of_order, 0);
	ck_assert_uint_eq(h.done, 20);
	ck_assert_uint_eq(h.words, alone.words);
	ck_assert(memcmp(h.samples, alone.samples, sizeof h.samples) == 0);
	ck_assert_uint_eq(test_free_tokens(), 1);
	h = (struct heard_long){ .stop_at = 15 };
	ck_assert_int_eq(synth_segments_isolated("t.txt", &vp, &segs, 20000, &sink, &rate), -1);
	ck_assert_uint_eq(h.done, 15);
	ck_assert_uint_eq(test_free_tokens(), 1);
	jobserver_release();
	segment_list_release(&segs);
	voice_profile_release(&vp);
}
END_TEST

Suite *suite_synth(void)
{
	Suite *s = suite_create("synth");
	TCase *text = tcase_create("text");
	TCase *tc = tcase_create("isolated");

	tcase_add_test(text, sanitize_replaces_control_bytes);
	suite_add_tcase(s, text);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, isolated_segments_arrive_in_order);
	tcase_add_test(tc, sink_can_stop_the_child);
	tcase_add_test(tc, phonemes_only_when_asked);
	tcase_add_test(tc, unknown_espeak_voice_fails);
	tcase_add_test(tc, voice_named_by_its_language);
	tcase_add_test(tc, time_limit);
	tcase_add_test(tc, no_segments);
	tcase_add_test(tc, long_lists_shared_out_in_order);
	suite_add_tcase(s, tc);
	return s;
}
