/* Tests for cover: JPEG and PNG told by their headers, their sizes, what is refused, and Apple's rule. */
#include "cover.h"
#include "helpers.h"
#include "suites.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The first bytes of a PNG of w x h: signature, IHDR's length and type, width, height, the rest of IHDR. */
static size_t png_header(unsigned char *b, unsigned w, unsigned h)
{
	static const unsigned char head[16] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	memcpy(b, head, sizeof head);
	b[16] = (unsigned char)(w >> 24), b[17] = (unsigned char)(w >> 16), b[18] = (unsigned char)(w >> 8), b[19] = (unsigned char)w;
	b[20] = (unsigned char)(h >> 24), b[21] = (unsigned char)(h >> 16), b[22] = (unsigned char)(h >> 8), b[23] = (unsigned char)h;
	memcpy(b + 24, "\x08\x02\x00\x00\x00", 5);	/* 8-bit RGB */
	return 29;
}

/* A JPEG's first bytes, w x h: SOI, an APP0 (JFIF) segment and a DHT (C4, not a frame) to skip, then SOF2. */
static size_t jpeg_header(unsigned char *b, unsigned w, unsigned h)
{
	static const unsigned char head[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
					      0xff, 0xc4, 0x00, 0x04, 0x00, 0x00 };
	size_t n = sizeof head;

	memcpy(b, head, n);
	b[n++] = 0xff, b[n++] = 0xc2, b[n++] = 0x00, b[n++] = 0x11, b[n++] = 0x08;
	b[n++] = (unsigned char)(h >> 8), b[n++] = (unsigned char)h, b[n++] = (unsigned char)(w >> 8), b[n++] = (unsigned char)w;
	b[n++] = 0x03;
	return n;
}

static void write_bytes(const char *path, const unsigned char *b, size_t n)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(b, 1, n, fp), n);
	ck_assert_int_eq(fclose(fp), 0);
}

START_TEST(png_and_jpeg_sizes)
{
	unsigned char b[64];
	struct cover c;
	size_t n;

	n = png_header(b, 1400, 1400);
	ck_assert_int_eq(cover_sniff(b, n, &c), COVER_OK);
	ck_assert_str_eq(c.mime, "image/png");
	ck_assert_str_eq(c.ext, "png");
	ck_assert_int_eq(c.width, 1400);
	ck_assert_int_eq(c.height, 1400);
	n = png_header(b, 3000, 600);
	ck_assert_int_eq(cover_sniff(b, n, &c), COVER_OK);
	ck_assert_int_eq(c.width, 3000);
	ck_assert_int_eq(c.height, 600);
	n = jpeg_header(b, 2048, 1536);
	ck_assert_int_eq(cover_sniff(b, n, &c), COVER_OK);
	ck_assert_str_eq(c.mime, "image/jpeg");
	ck_assert_str_eq(c.ext, "jpg");
	ck_assert_int_eq(c.width, 2048);
	ck_assert_int_eq(c.height, 1536);
}
END_TEST

START_TEST(others_and_truncated_refused)
{
	static const unsigned char gif[] = "GIF89a\x78\x05\x78\x05\xf7\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00";
	unsigned char b[64];
	struct cover c;
	size_t n;

	ck_assert_int_eq(cover_sniff(gif, sizeof gif - 1, &c), COVER_UNKNOWN);
	ck_assert_ptr_null(c.mime);
	ck_assert_int_eq(cover_sniff((const unsigned char *)"", 0, &c), COVER_UNKNOWN);
	/* cut before the size: a PNG in its IHDR, a JPEG before its frame header */
	n = png_header(b, 1400, 1400);
	ck_assert_int_eq(cover_sniff(b, 22, &c), COVER_UNKNOWN);
	ck_assert_int_eq(cover_sniff(b, n, &c), COVER_OK);
	n = jpeg_header(b, 1400, 1400);
	ck_assert_int_eq(cover_sniff(b, 26, &c), COVER_UNKNOWN);
	ck_assert_int_eq(cover_sniff(b, n - 4, &c), COVER_UNKNOWN);
	ck_assert_int_eq(cover_sniff(b, n, &c), COVER_OK);
	/* a segment length that runs past the end is not followed */
	b[4] = 0xff;
	ck_assert_int_eq(cover_sniff(b, n, &c), COVER_UNKNOWN);
	/* a PNG size past PNG's own limit */
	n = png_header(b, 0x80000000u, 1400);
	ck_assert_int_eq(cover_sniff(b, n, &c), COVER_UNKNOWN);
}
END_TEST

START_TEST(read_a_file)
{
	char *png = xasprintf("%s/cover.png", test_dir), *gif = xasprintf("%s/cover.gif", test_dir);
	char *cut = xasprintf("%s/cut.png", test_dir), *missing = xasprintf("%s/missing.png", test_dir);
	unsigned char b[64];
	struct cover c;
	size_t n = png_header(b, 1400, 1400);

	write_bytes(png, b, n);
	write_bytes(cut, b, 20);
	write_bytes(gif, (const unsigned char *)"GIF89a\x78\x05\x78\x05\xf7\x00\x00", 13);
	ck_assert_int_eq(cover_read(&c, png), COVER_OK);
	ck_assert_uint_eq(c.len, n);
	ck_assert_mem_eq(c.data, b, n);
	ck_assert_str_eq(c.mime, "image/png");
	cover_release(&c);
	ck_assert_ptr_null(c.data);
	ck_assert_int_eq(cover_read(&c, gif), COVER_UNKNOWN);
	ck_assert_ptr_null(c.data);
	ck_assert_int_eq(cover_read(&c, cut), COVER_UNKNOWN);
	ck_assert_ptr_null(c.data);
	cover_release(&c);
	ck_assert_int_eq(cover_read(&c, missing), COVER_UNREADABLE);
	ck_assert_ptr_null(c.data);
	/* a folder is not a cover */
	ck_assert_int_eq(cover_read(&c, test_dir), COVER_UNREADABLE);
	ck_assert_ptr_null(c.data);
	cover_release(&c);
	free(png);
	free(gif);
	free(cut);
	free(missing);
}
END_TEST

START_TEST(apples_square)
{
	struct cover c = { 0 };
	char *err;

	c.width = c.height = 1400;
	ck_assert_int_eq(cover_check(&c, "a.png"), 0);
	c.width = c.height = 3000;
	ck_assert_int_eq(cover_check(&c, "a.png"), 0);
	c.width = c.height = 3001;
	test_stderr_begin();
	ck_assert_int_eq(cover_check(&c, "big.png"), -1);
	err = test_stderr_end();
	ck_assert_ptr_nonnull(strstr(err, "cover 'big.png' is 3001x3001: Apple Podcasts wants a square of 1400 to 3000 pixels"));
	free(err);
	c.width = 1400;
	c.height = 1000;
	test_stderr_begin();
	ck_assert_int_eq(cover_check(&c, "wide.png"), -1);
	err = test_stderr_end();
	ck_assert_ptr_nonnull(strstr(err, "'wide.png' is 1400x1000"));
	free(err);
	c.width = c.height = 600;
	ck_assert_int_eq(cover_check(&c, "small.png"), -1);
}
END_TEST

Suite *suite_cover(void)
{
	Suite *s = suite_create("cover");
	TCase *tc = tcase_create("cover");

	test_add_dir_fixtures(tc);
	tcase_add_test(tc, png_and_jpeg_sizes);
	tcase_add_test(tc, others_and_truncated_refused);
	tcase_add_test(tc, read_a_file);
	tcase_add_test(tc, apples_square);
	suite_add_tcase(s, tc);
	return s;
}
