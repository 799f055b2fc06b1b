/* Tests for article: the part, one job made in a worker, its status, and the one splitter. */
#include "suites.h"

#include "article.h"
#include "error.h"
#include "helpers.h"
#include "jobserver.h"
#include "log.h"
#include "pcm.h"
#include "segment.h"
#include "util.h"
#include "voice.h"

#include <math.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>

/* speech-like audio: 0.8 s of tone, then 0.4 s of silence, over and over */
static void bursts(struct pcm *pcm, int rate, double seconds)
{
	size_t n = (size_t)(seconds * rate), period = (size_t)(1.2 * rate), tone = (size_t)(0.8 * rate);
	int16_t *s = xcalloc(n, sizeof *s);

	for (size_t i = 0; i < n; i++)
		if (i % period < tone)
			s[i] = (int16_t)lrint(8000.0 * sin(2.0 * M_PI * 440.0 * (double)i / rate));
	pcm_init(pcm, rate);
	pcm_append(pcm, s, n);
	free(s);
}

static char *write_wav(const struct pcm *pcm)
{
	char *path = xasprintf("%s/tone.wav", test_dir);
	SF_INFO info = { .samplerate = pcm->rate, .channels = 1, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16 };
	SNDFILE *sf = sf_open(path, SFM_WRITE, &info);

	ck_assert_ptr_nonnull(sf);
	ck_assert_int_eq(sf_write_short(sf, pcm->data, (sf_count_t)pcm->len), (sf_count_t)pcm->len);
	sf_close(sf);
	return path;
}

static struct article_job job_for(const char *name)
{
	struct article_job job = { 0 };

	job.name = name;
	job.audio = (struct audio_settings){ 44100, -16.0, -1.0, 1 };
	job.encode = (struct encode_settings){ ENCODE_MP3, 44100, 96, 3 };
	job.timeout_ms = 60000;
	return job;
}

/* Makes job's part; its MP3 bytes into *bytes (new memory) when bytes is not NULL. */
static int make_bytes(const struct article_job *job, struct article_result *res, struct error *err, char **bytes,
		      size_t *len)
{
	struct article_run run;
	FILE *out = tmpfile();
	int ret;

	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(article_start(&run, job, out), 0);
	ret = article_finish(&run, res, err);
	if (bytes) {
		long n;

		ck_assert_int_eq(fseek(out, 0, SEEK_END), 0);
		n = ftell(out);
		ck_assert_int_gt(n, 0);
		*len = (size_t)n;
		*bytes = xmalloc(*len);
		rewind(out);
		ck_assert_uint_eq(fread(*bytes, 1, *len, out), *len);
	}
	fclose(out);
	return ret;
}

static int make(const struct article_job *job, struct article_result *res, struct error *err)
{
	return make_bytes(job, res, err, NULL, NULL);
}

START_TEST(a_tiny_article_gives_its_timings_and_words)
{
	struct voice_profile vp;
	struct segment_list segs;
	struct article_job job = job_for("tiny.txt");
	struct article_result res;
	struct error err = { 0 };
	const struct article_timing *t;

	voice_profile_init(&vp);
	segment_list_init(&segs);
	segment_list_add(&segs, xstrdup("Hello world."), ROLE_HEADLINE, BREAK_HEADLINE, 1);
	segment_list_add(&segs, xstrdup("This second one is longer."), ROLE_BODY, BREAK_ARTICLE, 3);
	job.voice = &vp;
	job.segs = &segs;
	job.tail_ms = 500;
	ck_assert_int_eq(make(&job, &res, &err), 0);
	ck_assert_int_eq(err.kind, ERROR_NONE);
	ck_assert_uint_eq(res.n_timings, 2);
	t = res.timings;
	/* each segment: its start, its first word, its end, in order, the second after the first */
	ck_assert_uint_le(t[0].start_ms, t[0].speech_ms);
	ck_assert_uint_lt(t[0].speech_ms, t[0].end_ms);
	ck_assert_uint_le(t[0].end_ms, t[1].start_ms);
	ck_assert_uint_lt(t[1].speech_ms, t[1].end_ms);
	/* the part holds the speech and the 0.5 s tail after it */
	ck_assert_uint_ge(res.out_samples, (uint64_t)t[1].end_ms * 44100 / 1000 + 44100 / 2 - 441);
	ck_assert_uint_eq(article_result_samples(&res, &job.encode), res.out_samples);
	ck_assert_double_eq_tol(res.lufs, -16.0, 1.0);
	/* two words, then five, each timed within its segment */
	ck_assert_uint_eq(res.n_words, 7);
	ck_assert_uint_eq(res.words[0].seg, 0);
	ck_assert_uint_eq(res.words[1].seg, 0);
	ck_assert_uint_eq(res.words[2].seg, 1);
	ck_assert_uint_eq(res.words[2].text_pos, 0);
	for (size_t i = 1; i < res.n_words; i++)
		ck_assert_uint_gt(res.words[i].ms, res.words[i - 1].ms);
	ck_assert_uint_ge(res.words[2].ms, t[1].speech_ms);
	ck_assert_uint_lt(res.words[6].ms, t[1].end_ms);
	article_result_release(&res);
	segment_list_release(&segs);
	voice_profile_release(&vp);
}
END_TEST

START_TEST(a_missing_audio_file_is_the_inputs_fault)
{
	struct article_job job = job_for("intro");
	struct article_result res;
	struct error err = { 0 };
	char *path = xasprintf("%s/no-such.wav", test_dir);

	job.audio_path = path;
	log_set_quiet_errors(true);
	ck_assert_int_eq(make(&job, &res, &err), -1);
	log_set_quiet_errors(false);
	ck_assert_int_eq(err.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(strstr(err.message, "no-such.wav"));
	ck_assert_ptr_null(res.timings);
	error_release(&err);
	free(path);
}
END_TEST

START_TEST(a_worker_past_its_time_is_a_timeout)
{
	struct pcm pcm;
	struct article_job job = job_for("slow");
	struct article_result res;
	struct error err = { 0 };
	char *path;

	bursts(&pcm, 44100, 30);
	path = write_wav(&pcm);
	job.audio_path = path;
	/* the worker gets a minute more than the job's time: this leaves it 1 ms */
	job.timeout_ms = -59999;
	log_set_quiet_errors(true);
	ck_assert_int_eq(make(&job, &res, &err), -1);
	log_set_quiet_errors(false);
	ck_assert_int_eq(err.kind, ERROR_TIMEOUT);
	ck_assert_ptr_nonnull(strstr(err.message, "'slow'"));
	ck_assert(error_is_input_fault(err.kind));
	error_release(&err);
	free(path);
	pcm_release(&pcm);
}
END_TEST

START_TEST(the_splitter_cuts_in_silences)
{
	struct pcm pcm;
	size_t starts[ENCODE_MAX_PARTS + 1], n;

	bursts(&pcm, 22050, 90);
	/* one piece for every 20 s: the speech decides, not the cores */
	n = article_cuts(&pcm, starts);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(starts[0], 0);
	ck_assert_uint_eq(starts[n], pcm.len);
	for (size_t k = 1; k < n; k++) {
		ck_assert_uint_gt(starts[k], starts[k - 1]);
		/* in the silence, with a good margin of it either side */
		for (size_t i = starts[k] - 2205; i < starts[k] + 2205; i++)
			ck_assert_int_eq(pcm.data[i], 0);
	}
	pcm_release(&pcm);
	/* short speech is never cut, and long speech in ENCODE_MAX_PARTS at most */
	bursts(&pcm, 22050, 30);
	ck_assert_uint_eq(article_cuts(&pcm, starts), 1);
	ck_assert_uint_eq(starts[1], pcm.len);
	pcm_release(&pcm);
	bursts(&pcm, 22050, 400);
	ck_assert_uint_eq(article_cuts(&pcm, starts), ENCODE_MAX_PARTS);
	pcm_release(&pcm);
}
END_TEST

START_TEST(pieces_join_to_the_same_length)
{
	struct pcm pcm;
	struct article_job job = job_for("long");
	struct article_result one, four;
	struct error err = { 0 };
	char *path;

	/* 35 s: one piece; 85 s: four, joined */
	bursts(&pcm, 44100, 35);
	path = write_wav(&pcm);
	job.audio_path = path;
	ck_assert_int_eq(make(&job, &one, &err), 0);
	ck_assert_uint_eq(article_result_samples(&one, &job.encode), one.out_samples);
	free(path);
	pcm_release(&pcm);
	bursts(&pcm, 44100, 85);
	path = write_wav(&pcm);
	job.audio_path = path;
	ck_assert_int_eq(make(&job, &four, &err), 0);
	/* every sample of the speech encoded once, as in one piece */
	ck_assert_uint_eq(four.part.samples, four.out_samples);
	ck_assert_uint_eq(four.part.delay, one.part.delay);
	/* each of the three joins adds the encoder's delay and padding, under two frames, in a silence */
	ck_assert_uint_gt(article_result_samples(&four, &job.encode), four.out_samples);
	ck_assert_uint_lt(article_result_samples(&four, &job.encode), four.out_samples + 3 * 2 * 1152);
	article_result_release(&one);
	article_result_release(&four);
	free(path);
	pcm_release(&pcm);
}
END_TEST

START_TEST(a_part_is_the_same_bytes_whatever_cores_were_free)
{
	struct pcm pcm;
	struct article_job job = job_for("long");
	struct article_result alone, beside;
	struct error err = { 0 };
	char *path, *a, *b;
	size_t na, nb;

	bursts(&pcm, 44100, 85);
	path = write_wav(&pcm);
	job.audio_path = path;
	/* no jobserver: every piece encoded by the worker, in turn */
	ck_assert_int_eq(make_bytes(&job, &alone, &err, &a, &na), 0);
	/* three tokens: the pieces after the first in children at once */
	ck_assert_int_eq(jobserver_init(4), 0);
	ck_assert_int_eq(make_bytes(&job, &beside, &err, &b, &nb), 0);
	ck_assert_uint_eq(test_free_tokens(), 3);	/* every token given back */
	jobserver_release();
	ck_assert_uint_eq(na, nb);
	ck_assert(memcmp(a, b, na) == 0);
	ck_assert_uint_eq(alone.part.frames, beside.part.frames);
	article_result_release(&alone);
	article_result_release(&beside);
	free(a);
	free(b);
	free(path);
	pcm_release(&pcm);
}
END_TEST

Suite *suite_article(void)
{
	Suite *s = suite_create("article");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	test_add_dir_fixtures(tc);
	tcase_add_test(tc, a_tiny_article_gives_its_timings_and_words);
	tcase_add_test(tc, a_missing_audio_file_is_the_inputs_fault);
	tcase_add_test(tc, a_worker_past_its_time_is_a_timeout);
	tcase_add_test(tc, the_splitter_cuts_in_silences);
	tcase_add_test(tc, pieces_join_to_the_same_length);
	tcase_add_test(tc, a_part_is_the_same_bytes_whatever_cores_were_free);
	suite_add_tcase(s, tc);
	return s;
}
