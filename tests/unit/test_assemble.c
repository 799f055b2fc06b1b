/* Unit tests for assemble: two parts joined into one MP3, its chapters and tags at the right times, its captions. */
#include "assemble.h"
#include "helpers.h"
#include "log.h"
#include "suites.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static const struct encode_settings mp3 = { ENCODE_MP3, 44100, 96, 3 };

/* A part of seconds of a sine, encoded into a temporary file as the build's worker would. */
static FILE *make_part(double seconds, int first, struct encode_part *part)
{
	size_t n = (size_t)(seconds * mp3.rate);
	float *s = xmalloc(n * sizeof *s);
	FILE *fp = tmpfile();
	struct encoder *enc;

	ck_assert_ptr_nonnull(fp);
	for (size_t i = 0; i < n; i++)
		s[i] = (float)(0.3 * sin(2.0 * M_PI * 330.0 * (double)i / mp3.rate));
	enc = encoder_new_part(&mp3, first, fp);
	ck_assert_ptr_nonnull(enc);
	ck_assert_int_eq(encoder_write(enc, s, n), 0);
	ck_assert_int_eq(encoder_finish_part(enc, part), 0);
	free(s);
	return fp;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The CHAP frames of an ID3v2.3 tag: their start and end times and their TIT2's text. */
struct chap {
	uint32_t start, end;
	char title[32];
};

static size_t read_chapters(const unsigned char *data, size_t len, struct chap *out, size_t max, size_t *tag_end)
{
	size_t off = 10, n = 0;

	ck_assert_int_eq(memcmp(data, "ID3\x03", 4), 0);
	*tag_end = 10 + ((size_t)data[6] << 21 | (size_t)data[7] << 14 | (size_t)data[8] << 7 | data[9]);
	ck_assert_uint_le(*tag_end, len);
	while (off + 10 <= *tag_end && data[off]) {
		size_t size = be32(data + off + 4);
		const unsigned char *body = data + off + 10;

		if (memcmp(data + off, "CHAP", 4) == 0 && n < max) {
			const unsigned char *p = memchr(body, 0, size) + 1;
			const unsigned char *sub = p + 16;	/* start, end, and two byte offsets */

			out[n].start = be32(p);
			out[n].end = be32(p + 4);
			out[n].title[0] = '\0';
			/* TIT2: ISO-8859-1 (0) text after the encoding byte */
			if (memcmp(sub, "TIT2", 4) == 0 && sub[10] == 0)
				snprintf(out[n].title, sizeof out[n].title, "%.*s", (int)be32(sub + 4) - 1, sub + 11);
			n++;
		}
		off += 10 + size;
	}
	return n;
}

START_TEST(two_parts_make_one_episode_with_its_chapters)
{
	struct encode_part e1, e2;
	FILE *f1 = make_part(1.0, 1, &e1), *f2 = make_part(1.5, 0, &e2);
	struct segment segs[2] = { { .text = "Second part.", .written = "Second part", .role = ROLE_HEADLINE },
				   { .text = "A section.", .written = "A section", .role = ROLE_SUBHEADING } };
	struct article_timing timings[2] = { { 0, 20, 500 }, { 600, 620, 1400 } };
	struct article_word words[2] = { { 1, 0, 620 }, { 1, 2, 900 } };
	struct assemble_part parts[2] = {
		{ .fp = f1, .encode = e1, .chapter = "Introduction" },
		{ .fp = f2, .encode = e2, .segments = segs, .timings = timings, .n_timings = 2, .words = words,
		  .n_words = 2, .chapter = "Second part", .section_chapters = true },
	};
	char *path = xasprintf("%s/episode.mp3", test_dir), *vtt = xasprintf("%s/episode.vtt", test_dir);
	struct assemble_job job = { .path = path, .vtt = vtt, .encode = mp3,
				    .tags = { .title = "An episode", .artist = "A show", .genre = "Podcast" },
				    .parts = parts, .n_parts = 2 };
	struct assemble_result res;
	struct encode_part joined[2] = { e1, e2 };
	uint32_t second = (uint32_t)llround((double)encode_part_offset(joined, 1) * 1000.0 / mp3.rate);
	struct chap chaps[8];
	unsigned char *data, *info;
	size_t len, tag_end, n;
	char *captions;

	ck_assert_int_eq(assemble(&job, &res), 0);
	/* where the second part begins: after the first's audio, less the encoder's delay */
	ck_assert_uint_ge(second, 1000);
	ck_assert_uint_lt(second, 1100);
	ck_assert_uint_eq(res.n_chapters, 3);
	ck_assert_uint_eq(res.chapters[0].start_ms, 0);
	ck_assert_uint_eq(res.chapters[0].end_ms, second);
	ck_assert_uint_eq(res.chapters[1].start_ms, second);
	ck_assert_uint_eq(res.chapters[2].start_ms, second + 600);
	ck_assert_str_eq(res.chapters[2].title, "A section");
	ck_assert_uint_eq(res.chapters[2].end_ms, (uint32_t)llround((double)res.samples * 1000.0 / mp3.rate));
	ck_assert_double_eq_tol(res.seconds, 2.5, 0.06);
	/* the file says the same */
	data = test_read_file(path, &len);
	ck_assert_ptr_nonnull(data);
	ck_assert_uint_eq(res.bytes, len);
	n = read_chapters(data, len, chaps, 8, &tag_end);
	ck_assert_uint_eq(n, 3);
	for (size_t i = 0; i < n; i++) {
		ck_assert_uint_eq(chaps[i].start, res.chapters[i].start_ms);
		ck_assert_uint_eq(chaps[i].end, res.chapters[i].end_ms);
		ck_assert_str_eq(chaps[i].title, res.chapters[i].title);
	}
	ck_assert_ptr_nonnull(memmem(data, tag_end, "TIT2\x00\x00\x00\x0b\x00\x00\x00" "An episode", 21));
	ck_assert_ptr_nonnull(memmem(data, tag_end, "TCON\x00\x00\x00\x08\x00\x00\x00" "Podcast", 18));
	/* one Info frame for the whole: its frames less delay and padding are the episode's samples */
	info = data + tag_end + 4 + 17;
	ck_assert_int_eq(memcmp(info, "Info", 4), 0);
	ck_assert_uint_eq(be32(info + 8), e1.frames + e2.frames);
	{
		const unsigned char *lame = info + 120;
		uint32_t delay = (uint32_t)lame[21] << 4 | lame[22] >> 4, padding = (uint32_t)(lame[22] & 0x0f) << 8 | lame[23];

		ck_assert_uint_eq((uint64_t)be32(info + 8) * 1152 - delay - padding, res.samples);
	}
	/* the captions: the second part's sentences, at its place */
	captions = (char *)test_read_file(vtt, &len);
	ck_assert_ptr_nonnull(captions);
	ck_assert_ptr_nonnull(strstr(captions, "WEBVTT"));
	ck_assert_ptr_nonnull(strstr(captions, "A section"));
	free(captions);
	free(data);
	assemble_result_release(&res);
	fclose(f1);
	fclose(f2);
	free(path);
	free(vtt);
}
END_TEST

/* speak's case: one part of float samples for a format LAME's frames are not joined in, and a
 * lone chapter, which says nothing, left out. */
START_TEST(one_part_of_samples_makes_a_wav)
{
	const struct encode_settings wav = { ENCODE_WAV, 22050, 0, 0 };
	struct segment segs[2] = { { .text = "Headline.", .written = "Headline", .role = ROLE_HEADLINE },
				   { .text = "Body.", .written = "Body", .role = ROLE_BODY } };
	struct article_timing timings[2] = { { 0, 10, 400 }, { 500, 510, 900 } };
	float s[2205];
	FILE *fp = tmpfile();
	struct assemble_part part = { .fp = fp, .encode = { .samples = 2205 }, .segments = segs, .timings = timings,
				      .n_timings = 2, .chapter = "Headline", .section_chapters = true };
	char *path = xasprintf("%s/one.wav", test_dir);
	struct assemble_job job = { .path = path, .encode = wav, .parts = &part, .n_parts = 1, .min_chapters = 2 };
	struct assemble_result res;
	unsigned char *data;
	size_t len;

	ck_assert_ptr_nonnull(fp);
	for (size_t i = 0; i < 2205; i++)
		s[i] = (float)(0.2 * sin(2.0 * M_PI * 440.0 * (double)i / 22050.0));
	ck_assert_uint_eq(fwrite(s, sizeof s[0], 2205, fp), 2205);
	ck_assert_int_eq(assemble(&job, &res), 0);
	ck_assert_uint_eq(res.samples, 2205);
	ck_assert_double_eq_tol(res.seconds, 0.1, 1e-9);
	ck_assert_uint_eq(res.n_chapters, 0);	/* only the headline's */
	data = test_read_file(path, &len);
	ck_assert_ptr_nonnull(data);
	ck_assert_uint_eq(res.bytes, len);
	ck_assert_int_eq(memcmp(data, "RIFF", 4), 0);
	ck_assert_uint_ge(len, 44 + 2205 * 2);	/* 16-bit samples behind the header */
	free(data);
	assemble_result_release(&res);
	/* two parts cannot be joined in WAV: refused, nothing written */
	{
		struct assemble_part two[2] = { part, part };
		char *other = xasprintf("%s/two.wav", test_dir);

		job.parts = two;
		job.n_parts = 2;
		job.path = other;
		log_set_quiet_errors(true);
		ck_assert_int_eq(assemble(&job, &res), -1);
		ck_assert_int_ne(access(other, F_OK), 0);
		assemble_result_release(&res);
		free(other);
	}
	fclose(fp);
	free(path);
}
END_TEST

Suite *suite_assemble(void)
{
	Suite *s = suite_create("assemble");
	TCase *tc = tcase_create("assemble");

	tcase_set_timeout(tc, 30);
	test_add_dir_fixtures(tc);
	tcase_add_test(tc, two_parts_make_one_episode_with_its_chapters);
	tcase_add_test(tc, one_part_of_samples_makes_a_wav);
	suite_add_tcase(s, tc);
	return s;
}
