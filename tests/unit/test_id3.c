/* Unit tests for id3: the ID3v2.3 header, text encodings, comments, pictures and chapters. */
#include "id3.h"
#include "suites.h"

#include <stdlib.h>
#include <string.h>

/* One frame of a rendered tag. */
struct frame {
	char id[5];
	const unsigned char *body;
	size_t size;
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Splits frames[0..len) into at most max frames; every byte must belong to one. */
static size_t parse_frames(const unsigned char *p, size_t len, struct frame *out, size_t max)
{
	size_t n = 0, off = 0;

	while (off < len) {
		ck_assert_uint_ge(len - off, 10);
		ck_assert_uint_lt(n, max);
		memcpy(out[n].id, p + off, 4);
		out[n].id[4] = '\0';
		out[n].size = be32(p + off + 4);
		ck_assert_int_eq(p[off + 8], 0);	/* no frame flags */
		ck_assert_int_eq(p[off + 9], 0);
		ck_assert_uint_le(out[n].size, len - off - 10);
		out[n].body = p + off + 10;
		off += 10 + out[n].size;
		n++;
	}
	return n;
}

/* Renders tag and checks the header; returns its frames. */
static size_t render(struct id3_tag *tag, const char *toc_title, unsigned char **buf, size_t *len,
		     struct frame *frames, size_t max)
{
	size_t size;

	id3_render(tag, toc_title, buf, len);
	ck_assert_uint_ge(*len, 10);
	ck_assert_int_eq(memcmp(*buf, "ID3\x03\x00\x00", 6), 0);
	for (int i = 6; i < 10; i++)
		ck_assert_int_lt((*buf)[i], 0x80);	/* synchsafe */
	size = (size_t)(*buf)[6] << 21 | (size_t)(*buf)[7] << 14 | (size_t)(*buf)[8] << 7 | (*buf)[9];
	ck_assert_uint_eq(size, *len - 10);
	return parse_frames(*buf + 10, *len - 10, frames, max);
}

static void expect_body(const struct frame *f, const char *id, const void *body, size_t size)
{
	ck_assert_str_eq(f->id, id);
	ck_assert_uint_eq(f->size, size);
	ck_assert_msg(memcmp(f->body, body, size) == 0, "%s frame body", id);
}

START_TEST(full_tag)
{
	struct id3_tag *tag = id3_new();
	struct frame f[8];
	unsigned char *buf;
	size_t len, n;
	/* "Zoë Ōkubo": Ō is not Latin-1, so UTF-16 with a byte order mark */
	static const unsigned char tpe1[] = { 1, 0xff, 0xfe, 'Z', 0, 'o', 0, 0xeb, 0, ' ', 0, 0x4c, 0x01,
					      'k', 0, 'u', 0, 'b', 0, 'o', 0 };
	static const unsigned char ctoc[] = { 't', 'o', 'c', 0, 0x03, 2, 'c', 'h', 'p', '0', 0, 'c', 'h', 'p', '1', 0,
					      'T', 'I', 'T', '2', 0, 0, 0, 5, 0, 0, 0, 'N', 'e', 'w', 's' };
	static const unsigned char chp1[] = { 'c', 'h', 'p', '1', 0, 0, 0, 0x03, 0xe8, 0, 0, 0x07, 0xd0,
					      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
					      'T', 'I', 'T', '2', 0, 0, 0, 5, 0, 0, 0, 'B', 'o', 'd', 'y' };

	id3_add_text(tag, "TIT2", "Harbour News");
	id3_add_text(tag, "TPE1", "Zoë Ōkubo");
	id3_add_comment(tag, "eng", "", "A comment");
	id3_add_chapter(tag, 0, 1000, "Head");
	id3_add_chapter(tag, 1000, 2000, "Body");
	n = render(tag, "News", &buf, &len, f, 8);
	ck_assert_uint_eq(n, 6);
	/* the table of contents first: top-level and ordered (0x03), two entries */
	expect_body(&f[0], "CTOC", ctoc, sizeof ctoc);
	expect_body(&f[1], "TIT2", "\0Harbour News", 13);
	expect_body(&f[2], "TPE1", tpe1, sizeof tpe1);
	expect_body(&f[3], "COMM", "\0eng\0A comment", 14);
	ck_assert_str_eq(f[4].id, "CHAP");
	ck_assert_int_eq(memcmp(f[4].body, "chp0\0\0\0\0\0\0\0\x03\xe8", 13), 0);
	expect_body(&f[5], "CHAP", chp1, sizeof chp1);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(latin1_text_stays_latin1)
{
	struct id3_tag *tag = id3_new();
	struct frame f[2];
	unsigned char *buf;
	size_t len;

	id3_add_text(tag, "TALB", "Café ÿ");
	ck_assert_uint_eq(render(tag, NULL, &buf, &len, f, 2), 1);
	expect_body(&f[0], "TALB", "\0Caf\xe9 \xff", 7);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(invalid_utf8_becomes_a_replacement_character)
{
	struct id3_tag *tag = id3_new();
	struct frame f[2];
	unsigned char *buf;
	size_t len;

	id3_add_text(tag, "TIT2", "a\xff" "b");
	ck_assert_uint_eq(render(tag, NULL, &buf, &len, f, 2), 1);
	expect_body(&f[0], "TIT2", "\x01\xff\xfe" "a\0\xfd\xff" "b\0", 9);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(characters_beyond_the_bmp_are_surrogate_pairs)
{
	struct id3_tag *tag = id3_new();
	struct frame f[2];
	unsigned char *buf;
	size_t len;

	id3_add_text(tag, "TIT2", "\xf0\x9f\x8e\x99");	/* U+1F399 studio microphone */
	ck_assert_uint_eq(render(tag, NULL, &buf, &len, f, 2), 1);
	expect_body(&f[0], "TIT2", "\x01\xff\xfe\x3c\xd8\x99\xdf", 7);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(unicode_comment)
{
	struct id3_tag *tag = id3_new();
	struct frame f[2];
	unsigned char *buf;
	size_t len;

	/* both strings in UTF-16, each with its BOM; the description is terminated */
	id3_add_comment(tag, "fra", "d", "Ō");
	ck_assert_uint_eq(render(tag, NULL, &buf, &len, f, 2), 1);
	expect_body(&f[0], "COMM", "\x01" "fra\xff\xfe" "d\0\0\0\xff\xfe\x4c\x01", 14);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(empty_text_adds_nothing)
{
	struct id3_tag *tag = id3_new();
	struct frame f[4];
	unsigned char *buf;
	size_t len;

	id3_add_text(tag, "TIT2", "");
	id3_add_text(tag, "TIT2", NULL);
	id3_add_text(tag, "TIT", "short id");
	id3_add_text(tag, "TITLE", "long id");
	id3_add_comment(tag, "eng", "x", "");
	id3_add_comment(tag, "eng", "x", NULL);
	id3_add_text(tag, "TCON", "News");
	ck_assert_uint_eq(render(tag, "toc", &buf, &len, f, 4), 1);
	expect_body(&f[0], "TCON", "\0News", 5);
	ck_assert_uint_eq(len, 10 + 10 + 5);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(url_and_writer_frames_byte_for_byte)
{
	struct id3_tag *tag = id3_new();
	unsigned char *buf;
	size_t len;
	/* the whole tag: header (size 0x3c = 60), then each frame's 10-byte header and body */
	static const unsigned char want[] = {
		'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0x3c,
		/* TEXT: encoding 0 (ISO-8859-1), no terminator; 1 + 12 = 13 bytes */
		'T', 'E', 'X', 'T', 0, 0, 0, 13, 0, 0,
		0, 'A', 'd', 'a', ' ', 'R', 'e', 'p', 'o', 'r', 't', 'e', 'r',
		/* WOAS: no encoding byte, the URL's bytes as they are, no terminator; 27 bytes */
		'W', 'O', 'A', 'S', 0, 0, 0, 27, 0, 0,
		'h', 't', 't', 'p', 's', ':', '/', '/', 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'o', 'r', 'g', '/',
		'a', '?', 'b', '=', '1', '#', 'c'
	};

	id3_add_text(tag, "TEXT", "Ada Reporter");
	id3_add_url(tag, "WOAS", "https://example.org/a?b=1#c");
	id3_render(tag, NULL, &buf, &len);
	ck_assert_uint_eq(len, sizeof want);
	ck_assert_int_eq(memcmp(buf, want, sizeof want), 0);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(url_non_ascii_bytes_are_percent_encoded)
{
	struct id3_tag *tag = id3_new();
	struct frame f[2];
	unsigned char *buf;
	size_t len;

	/* "é" is C3 A9 in UTF-8; a space and a tab are no URL characters either; '%' itself is kept */
	id3_add_url(tag, "WORS", "https://ex.org/caf\xc3\xa9 a\tb%20");
	ck_assert_uint_eq(render(tag, NULL, &buf, &len, f, 2), 1);
	expect_body(&f[0], "WORS", "https://ex.org/caf%C3%A9%20a%09b%20", 35);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(empty_url_and_bad_ids_add_nothing)
{
	struct id3_tag *tag = id3_new();
	struct frame f[2];
	unsigned char *buf;
	size_t len;

	id3_add_url(tag, "WOAS", "");
	id3_add_url(tag, "WOAS", NULL);
	id3_add_url(tag, "WOA", "https://a.example/");
	id3_add_url(tag, "WOASX", "https://a.example/");
	id3_add_url(tag, "TIT2", "https://a.example/");	/* not a URL frame */
	id3_add_url(tag, "WXXX", "https://a.example/");	/* needs a description */
	id3_add_url(tag, "WOAF", "x");
	ck_assert_uint_eq(render(tag, NULL, &buf, &len, f, 2), 1);
	expect_body(&f[0], "WOAF", "x", 1);
	ck_assert_uint_eq(len, 10 + 10 + 1);
	free(buf);
	id3_free(tag);
}
END_TEST

/*
 * BUG (builder/id3.c, id3_render → id3_put line 31): a tag with no frames has
 * frames.data == NULL, and id3_render calls id3_put(&out, NULL, 0), i.e.
 * memcpy(dst, NULL, 0): undefined behaviour, which the sanitizer build stops
 * on ("null pointer passed as argument 2"). The plain build passes.
 */
START_TEST(empty_tag_is_a_bare_header)
{
	struct id3_tag *tag = id3_new();
	unsigned char *buf;
	size_t len;

	id3_render(tag, "toc", &buf, &len);
	ck_assert_uint_eq(len, 10);
	ck_assert_int_eq(memcmp(buf, "ID3\x03\x00\x00\x00\x00\x00\x00", 10), 0);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(picture_and_a_synchsafe_size)
{
	struct id3_tag *tag = id3_new();
	unsigned char data[300];
	struct frame f[2];
	unsigned char *buf;
	size_t len;

	for (int i = 0; i < 300; i++)
		data[i] = (unsigned char)i;
	id3_add_picture(tag, "image/png", data, sizeof data);
	ck_assert_uint_eq(render(tag, NULL, &buf, &len, f, 2), 1);
	/* 10 + 10 + 1 + 10 + 1 + 1 + 300 = 333 bytes; the size leaves out the header: 323 = 2 * 128 + 67 */
	ck_assert_uint_eq(len, 333);
	ck_assert_int_eq(buf[6], 0);
	ck_assert_int_eq(buf[7], 0);
	ck_assert_int_eq(buf[8], 2);
	ck_assert_int_eq(buf[9], 67);
	ck_assert_str_eq(f[0].id, "APIC");
	ck_assert_uint_eq(f[0].size, 313);
	ck_assert_int_eq(memcmp(f[0].body, "\0image/png\0\x03\0", 13), 0);
	ck_assert_int_eq(memcmp(f[0].body + 13, data, 300), 0);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(chapter_without_a_title_and_no_toc_title)
{
	struct id3_tag *tag = id3_new();
	struct frame f[3];
	unsigned char *buf;
	size_t len;

	id3_add_chapter(tag, 5, 6, NULL);
	ck_assert_uint_eq(render(tag, "", &buf, &len, f, 3), 2);
	expect_body(&f[0], "CTOC", "toc\0\x03\x01" "chp0", 11);
	expect_body(&f[1], "CHAP", "chp0\0\0\0\0\x05\0\0\0\x06\xff\xff\xff\xff\xff\xff\xff\xff", 21);
	free(buf);
	id3_free(tag);
}
END_TEST

START_TEST(at_most_255_chapters)
{
	struct id3_tag *tag = id3_new();
	static struct frame f[300];
	unsigned char *buf;
	size_t len, n;

	for (uint32_t i = 0; i < 300; i++)
		id3_add_chapter(tag, i * 10, i * 10 + 10, "c");
	n = render(tag, NULL, &buf, &len, f, 300);
	ck_assert_uint_eq(n, 1 + 255);
	ck_assert_str_eq(f[0].id, "CTOC");
	ck_assert_int_eq(f[0].body[4], 0x03);
	ck_assert_int_eq(f[0].body[5], 255);
	ck_assert_str_eq(f[255].id, "CHAP");
	ck_assert_int_eq(memcmp(f[255].body, "chp254\0", 7), 0);
	free(buf);
	id3_free(tag);
}
END_TEST

Suite *suite_id3(void)
{
	Suite *s = suite_create("id3");
	TCase *tc = tcase_create("render");

	tcase_add_test(tc, full_tag);
	tcase_add_test(tc, latin1_text_stays_latin1);
	tcase_add_test(tc, invalid_utf8_becomes_a_replacement_character);
	tcase_add_test(tc, characters_beyond_the_bmp_are_surrogate_pairs);
	tcase_add_test(tc, unicode_comment);
	tcase_add_test(tc, empty_text_adds_nothing);
	tcase_add_test(tc, url_and_writer_frames_byte_for_byte);
	tcase_add_test(tc, url_non_ascii_bytes_are_percent_encoded);
	tcase_add_test(tc, empty_url_and_bad_ids_add_nothing);
	tcase_add_test(tc, empty_tag_is_a_bare_header);
	tcase_add_test(tc, picture_and_a_synchsafe_size);
	tcase_add_test(tc, chapter_without_a_title_and_no_toc_title);
	tcase_add_test(tc, at_most_255_chapters);
	suite_add_tcase(s, tc);
	return s;
}
