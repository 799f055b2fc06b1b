/* Unit tests for encode: formats from paths, bitrates, MP3 (ID3 tag, Info frame) and WAV files. */
#include "encode.h"
#include "helpers.h"
#include "suites.h"
#include "util.h"

#include <math.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* n samples of a 440 Hz sine at half scale. */
static float *sine(size_t n, int rate)
{
	float *s = xmalloc(n * sizeof *s);

	for (size_t i = 0; i < n; i++)
		s[i] = (float)(0.5 * sin(2.0 * M_PI * 440.0 * (double)i / rate));
	return s;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static size_t synchsafe(const unsigned char *p)
{
	return (size_t)p[0] << 21 | (size_t)p[1] << 14 | (size_t)p[2] << 7 | p[3];
}

static const struct encode_chapter chapters[] = {
	{ 0, 200, "Headline" },
	{ 200, 500, "Body" },
};

static const struct encode_tags tags = {
	.title = "Harbour bridge",
	.artist = "Zoë Ōkubo",
	.writer = "Ada Reporter",
	.album = "newscast demo",
	.date = "2026-03-14",
	.genre = "Podcast",
	.comment = "made in a test",
	.source_url = "https://news.example/harbour-bridge",
	.show_url = "https://radio.example/",
	.chapters = chapters,
	.n_chapters = 2,
};

START_TEST(format_from_path)
{
	static const struct {
		const char *path;
		int ret;
		enum encode_format format;
	} cases[] = {
		{ "out.mp3", 0, ENCODE_MP3 },
		{ "dir/OUT.MP3", 0, ENCODE_MP3 },
		{ "a.wav", 0, ENCODE_WAV },
		{ "a.flac", 0, ENCODE_FLAC },
		{ "a.ogg", 0, ENCODE_OGG },
		{ "a.oga", 0, ENCODE_OGG },
		{ "a.b.wav", 0, ENCODE_WAV },
		{ "noext", -1, ENCODE_MP3 },
		{ "a.mp3.txt", -1, ENCODE_MP3 },
		{ "a.mp4", -1, ENCODE_MP3 },
		{ "dir.mp3/file", -1, ENCODE_MP3 },
		{ "a.", -1, ENCODE_MP3 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum encode_format f = (enum encode_format)99;
		int ret = encode_format_from_path(cases[i].path, &f);

		ck_assert_msg(ret == cases[i].ret, "'%s' gives %d", cases[i].path, ret);
		if (ret == 0)
			ck_assert_msg(f == cases[i].format, "'%s' is format %d", cases[i].path, (int)f);
		else
			ck_assert_int_eq(f, 99);
	}
	ck_assert_str_eq(encode_format_name(ENCODE_MP3), "MP3");
	ck_assert_str_eq(encode_format_name(ENCODE_OGG), "Ogg Vorbis");
}
END_TEST

START_TEST(bitrates)
{
	const int good[] = { 8, 32, 64, 96, 128, 192, 320 };
	const int bad[] = { 0, -96, 7, 100, 129, 384, 1000 };

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(encode_bitrate_valid(good[i]), "%d kbps is valid", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!encode_bitrate_valid(bad[i]), "%d kbps is not valid", bad[i]);
}
END_TEST

START_TEST(mp3_with_tag_and_info_frame)
{
	const struct encode_settings settings = { ENCODE_MP3, 44100, 96, ENCODE_DEFAULT_QUALITY };
	char *path = xasprintf("%s/a.mp3", test_dir);
	size_t n = 22050, len, tag_end;
	float *s = sine(n, 44100);
	struct encoder *enc = encoder_new(path, &settings, &tags);
	unsigned char *data, *frame, *info, *lame;
	uint32_t flags, frames, delay, padding;

	ck_assert_ptr_nonnull(enc);
	ck_assert(!test_exists(path));	/* not until it is finished */
	ck_assert_int_eq(encoder_write(enc, s, n), 0);
	ck_assert_int_eq(encoder_finish(enc), 0);
	encoder_free(enc);
	free(s);
	ck_assert_int_eq(test_count_entries(test_dir), 1);

	data = test_read_file(path, &len);
	ck_assert_ptr_nonnull(data);
	ck_assert_uint_gt(len, 1000);
	ck_assert_int_eq(memcmp(data, "ID3\x03\x00\x00", 6), 0);
	tag_end = 10 + synchsafe(data + 6);
	ck_assert_uint_lt(tag_end, len);
	/* the tag has the chapters, their table of contents and the encoder */
	ck_assert_ptr_nonnull(memmem(data, tag_end, "CTOC", 4));
	ck_assert_ptr_nonnull(memmem(data, tag_end, "CHAP", 4));
	ck_assert_ptr_nonnull(memmem(data, tag_end, "TIT2\x00\x00\x00\x0f\x00\x00\x00Harbour bridge", 25));
	ck_assert_ptr_nonnull(memmem(data, tag_end, "newscast with LAME", 18));
	/* the writer, the article's page and the show's page */
	ck_assert_ptr_nonnull(memmem(data, tag_end, "TEXT\x00\x00\x00\x0d\x00\x00\x00" "Ada Reporter", 23));
	ck_assert_ptr_nonnull(memmem(data, tag_end, "WOAS\x00\x00\x00\x23\x00\x00https://news.example/harbour-bridge", 45));
	ck_assert_ptr_nonnull(memmem(data, tag_end, "WORS\x00\x00\x00\x16\x00\x00https://radio.example/", 32));
	/* then an MPEG-1 Layer III frame, 96 kbps, 44.1 kHz, mono */
	frame = data + tag_end;
	ck_assert_int_eq(frame[0], 0xff);
	ck_assert_int_eq(frame[1] & 0xfe, 0xfa);
	ck_assert_int_eq(frame[2] >> 4, 7);
	ck_assert_int_eq((frame[2] >> 2) & 3, 0);
	ck_assert_int_eq(frame[3] >> 6, 3);
	/* which is the Info frame (CBR's Xing header), after 4 + 17 bytes of header and side info */
	info = frame + 4 + 17;
	ck_assert_int_eq(memcmp(info, "Info", 4), 0);
	flags = be32(info + 4);
	ck_assert_uint_eq(flags & 3, 3);
	frames = be32(info + 8);
	ck_assert_uint_eq(be32(info + 12), len - tag_end);	/* bytes: the whole MP3 stream */
	lame = info + 120;
	ck_assert_int_eq(memcmp(lame, "LAME", 4), 0);
	delay = (uint32_t)lame[21] << 4 | lame[22] >> 4;
	padding = (uint32_t)(lame[22] & 0x0f) << 8 | lame[23];
	/* the frames less the encoder delay and padding are exactly the samples written */
	ck_assert_uint_eq((uint64_t)frames * 1152 - delay - padding, n);
	free(data);
	free(path);
}
END_TEST

START_TEST(wav_reads_back)
{
	const struct encode_settings settings = { ENCODE_WAV, 22050, 0, 0 };
	char *path = xasprintf("%s/a.wav", test_dir);
	size_t n = 1000, len;
	float *s = sine(n, 22050);
	struct encoder *enc;
	unsigned char *data;
	SF_INFO info = { 0 };
	SNDFILE *sf;
	short back[1001];

	s[10] = 1.5f;	/* clipped, not wrapped */
	s[11] = -1.5f;
	enc = encoder_new(path, &settings, &tags);
	ck_assert_ptr_nonnull(enc);
	ck_assert_int_eq(encoder_write(enc, s, n), 0);
	ck_assert_int_eq(encoder_finish(enc), 0);
	encoder_free(enc);
	free(s);

	data = test_read_file(path, &len);
	ck_assert_ptr_nonnull(data);
	ck_assert_int_eq(memcmp(data, "RIFF", 4), 0);
	ck_assert_int_eq(memcmp(data + 8, "WAVE", 4), 0);
	free(data);
	sf = sf_open(path, SFM_READ, &info);
	ck_assert_ptr_nonnull(sf);
	ck_assert_int_eq(info.frames, 1000);
	ck_assert_int_eq(info.samplerate, 22050);
	ck_assert_int_eq(info.channels, 1);
	ck_assert_int_eq(info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
	ck_assert_str_eq(sf_get_string(sf, SF_STR_TITLE), "Harbour bridge");
	ck_assert_str_eq(sf_get_string(sf, SF_STR_ARTIST), "Zoë Ōkubo");
	ck_assert_int_eq(sf_read_short(sf, back, 1001), 1000);
	ck_assert_int_eq(back[0], 0);
	ck_assert_int_ge(back[10], 32766);
	ck_assert_int_le(back[11], -32767);
	sf_close(sf);
	free(path);
}
END_TEST

/* libsndfile has no writer string: the writer is the artist when there is none, and URLs are left out. */
START_TEST(wav_writer_stands_in_for_a_missing_artist)
{
	const struct encode_settings settings = { ENCODE_WAV, 22050, 0, 0 };
	struct encode_tags t = tags;
	char *path = xasprintf("%s/w.wav", test_dir);
	float *s = sine(100, 22050);
	struct encoder *enc;
	unsigned char *data;
	size_t len;
	SF_INFO info = { 0 };
	SNDFILE *sf;

	t.artist = "";
	enc = encoder_new(path, &settings, &t);
	ck_assert_ptr_nonnull(enc);
	ck_assert_int_eq(encoder_write(enc, s, 100), 0);
	ck_assert_int_eq(encoder_finish(enc), 0);
	encoder_free(enc);
	free(s);
	sf = sf_open(path, SFM_READ, &info);
	ck_assert_ptr_nonnull(sf);
	ck_assert_str_eq(sf_get_string(sf, SF_STR_ARTIST), "Ada Reporter");
	sf_close(sf);
	data = test_read_file(path, &len);
	ck_assert_ptr_nonnull(data);
	ck_assert_ptr_null(memmem(data, len, "example/", 8));
	free(data);
	free(path);
}
END_TEST

START_TEST(flac_and_ogg_files)
{
	static const struct {
		const char *name;
		enum encode_format format;
		const char *magic;
	} cases[] = {
		{ "a.flac", ENCODE_FLAC, "fLaC" },
		{ "a.ogg", ENCODE_OGG, "OggS" },
	};
	float *s = sine(4410, 44100);

	for (size_t i = 0; i < 2; i++) {
		const struct encode_settings settings = { cases[i].format, 44100, 0, 0 };
		char *path = xasprintf("%s/%s", test_dir, cases[i].name);
		struct encoder *enc = encoder_new(path, &settings, &tags);
		unsigned char *data;
		size_t len;

		ck_assert_ptr_nonnull(enc);
		ck_assert_int_eq(encoder_write(enc, s, 4410), 0);
		ck_assert_int_eq(encoder_finish(enc), 0);
		encoder_free(enc);
		data = test_read_file(path, &len);
		ck_assert_ptr_nonnull(data);
		ck_assert_int_eq(memcmp(data, cases[i].magic, 4), 0);
		free(data);
		free(path);
	}
	free(s);
}
END_TEST

START_TEST(free_without_finish_leaves_no_file)
{
	const struct encode_settings mp3 = { ENCODE_MP3, 44100, 96, ENCODE_DEFAULT_QUALITY };
	const struct encode_settings wav = { ENCODE_WAV, 44100, 0, 0 };
	char *a = xasprintf("%s/a.mp3", test_dir);
	char *b = xasprintf("%s/b.wav", test_dir);
	float *s = sine(4410, 44100);
	struct encoder *ea = encoder_new(a, &mp3, &tags);
	struct encoder *eb = encoder_new(b, &wav, &tags);

	ck_assert_ptr_nonnull(ea);
	ck_assert_ptr_nonnull(eb);
	ck_assert_int_eq(encoder_write(ea, s, 4410), 0);
	ck_assert_int_eq(encoder_write(eb, s, 4410), 0);
	ck_assert_int_eq(test_count_entries(test_dir), 2);	/* the two temporary files */
	encoder_free(ea);
	encoder_free(eb);
	encoder_free(NULL);
	ck_assert(!test_exists(a));
	ck_assert(!test_exists(b));
	ck_assert_int_eq(test_count_entries(test_dir), 0);
	free(s);
	free(a);
	free(b);
}
END_TEST

START_TEST(missing_folder_fails)
{
	const struct encode_settings settings = { ENCODE_MP3, 44100, 96, ENCODE_DEFAULT_QUALITY };
	char *path = xasprintf("%s/missing/a.mp3", test_dir);

	ck_assert_ptr_null(encoder_new(path, &settings, &tags));
	ck_assert_int_eq(test_count_entries(test_dir), 0);
	free(path);
}
END_TEST

/* What a listener hears: the samples encoded and decoded again, as long (a frame or
 * two more: the encoder's delay and padding) and as loud as what went in, near enough. */
START_TEST(mp3_roundtrip)
{
	const struct encode_settings s = { ENCODE_MP3, 44100, 96, ENCODE_DEFAULT_QUALITY };
	size_t n = 3 * 44100, got = 0;
	float *in = xmalloc(n * sizeof *in), *out = NULL;
	double rms_in = 0, rms_out = 0;

	for (size_t i = 0; i < n; i++)
		in[i] = 0.3f * (float)sin(2 * M_PI * 440.0 * (double)i / 44100.0);
	ck_assert_int_eq(encode_roundtrip(&s, in, n, &out, &got), 0);
	ck_assert_uint_ge(got, n);
	ck_assert_uint_le(got, n + 3 * 1152);
	for (size_t i = 0; i < n; i++)
		rms_in += (double)in[i] * in[i];
	for (size_t i = 0; i < got; i++)
		rms_out += (double)out[i] * out[i];
	ck_assert_double_eq_tol(10 * log10(rms_out / rms_in), 0.0, 0.5);
	free(in);
	free(out);
}
END_TEST

/* The quality setting reaches LAME: the same samples encoded at two settings are heard differently. */
START_TEST(mp3_quality_setting_is_used)
{
	struct encode_settings s = { ENCODE_MP3, 44100, 96, 2 };
	size_t n = 44100, n2 = 0, n7 = 0, differ = 0;
	float *in = xmalloc(n * sizeof *in), *out2 = NULL, *out7 = NULL;
	uint32_t x = 1;

	/* a vowel-like tone and noise, which the two settings' psychoacoustics treat apart */
	for (size_t i = 0; i < n; i++) {
		x = x * 1664525u + 1013904223u;
		in[i] = 0.2f * (float)sin(2 * M_PI * 220.0 * (double)i / 44100.0) +
			0.1f * (float)sin(2 * M_PI * 1250.0 * (double)i / 44100.0) + 0.05f * ((float)(x >> 8) / 8388608.0f - 1.0f);
	}
	ck_assert_int_eq(encode_roundtrip(&s, in, n, &out2, &n2), 0);
	s.quality = 7;
	ck_assert_int_eq(encode_roundtrip(&s, in, n, &out7, &n7), 0);
	ck_assert_uint_eq(n2, n7);
	for (size_t i = 0; i < n2; i++)
		differ += fabsf(out2[i] - out7[i]) > 1e-4f;
	ck_assert_uint_gt(differ, n / 10);
	free(in);
	free(out2);
	free(out7);
}
END_TEST

START_TEST(empty_tags_and_no_samples)
{
	const struct encode_settings settings = { ENCODE_MP3, 44100, 64, ENCODE_DEFAULT_QUALITY };
	const struct encode_tags none = { 0 };
	char *path = xasprintf("%s/empty.mp3", test_dir);
	struct encoder *enc = encoder_new(path, &settings, &none);
	unsigned char *data;
	size_t len, tag_end;

	ck_assert_ptr_nonnull(enc);
	ck_assert_int_eq(encoder_finish(enc), 0);
	encoder_free(enc);
	data = test_read_file(path, &len);
	ck_assert_ptr_nonnull(data);
	ck_assert_int_eq(memcmp(data, "ID3\x03\x00\x00", 6), 0);
	tag_end = 10 + synchsafe(data + 6);
	/* no chapters: no CTOC; the encoder is named all the same */
	ck_assert_ptr_null(memmem(data, tag_end, "CTOC", 4));
	ck_assert_ptr_null(memmem(data, tag_end, "TIT2", 4));
	ck_assert_ptr_null(memmem(data, tag_end, "TEXT", 4));
	ck_assert_ptr_null(memmem(data, tag_end, "WOAS", 4));
	ck_assert_ptr_null(memmem(data, tag_end, "WORS", 4));
	ck_assert_ptr_nonnull(memmem(data, tag_end, "TSSE", 4));
	ck_assert_uint_lt(tag_end, len);
	free(data);
	free(path);
}
END_TEST

Suite *suite_encode(void)
{
	Suite *s = suite_create("encode");
	TCase *names = tcase_create("names");
	TCase *files = tcase_create("files");

	tcase_add_test(names, format_from_path);
	tcase_add_test(names, bitrates);
	suite_add_tcase(s, names);
	test_add_dir_fixtures(files);
	tcase_set_timeout(files, 20);
	tcase_add_test(files, mp3_with_tag_and_info_frame);
	tcase_add_test(files, wav_reads_back);
	tcase_add_test(files, wav_writer_stands_in_for_a_missing_artist);
	tcase_add_test(files, flac_and_ogg_files);
	tcase_add_test(files, free_without_finish_leaves_no_file);
	tcase_add_test(files, missing_folder_fails);
	tcase_add_test(files, empty_tags_and_no_samples);
	tcase_add_test(files, mp3_roundtrip);
	tcase_add_test(files, mp3_quality_setting_is_used);
	suite_add_tcase(s, files);
	return s;
}
