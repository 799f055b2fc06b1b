/* Unit tests for util: the growable string, slugs, stems, word counts, white space. */
#include "helpers.h"
#include "suites.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(strbuf_starts_empty)
{
	struct strbuf sb;

	strbuf_init(&sb);
	ck_assert_ptr_nonnull(sb.buf);
	ck_assert_str_eq(sb.buf, "");
	ck_assert_uint_eq(sb.len, 0);
	strbuf_release(&sb);
	ck_assert_ptr_null(sb.buf);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_uint_eq(sb.cap, 0);
}
END_TEST

START_TEST(strbuf_adds_and_formats)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_add(&sb, "abcdef", 3);
	strbuf_adds(&sb, "-x");
	strbuf_addc(&sb, '!');
	strbuf_addf(&sb, " %d/%s/%.2f", 42, "ok", 1.5);
	ck_assert_str_eq(sb.buf, "abc-x! 42/ok/1.50");
	ck_assert_uint_eq(sb.len, 17);
	strbuf_reset(&sb);
	ck_assert_str_eq(sb.buf, "");
	ck_assert_uint_eq(sb.len, 0);
	strbuf_addf(&sb, "%s", "");	/* nothing to add */
	ck_assert_str_eq(sb.buf, "");
	strbuf_release(&sb);
}
END_TEST

START_TEST(strbuf_grows_past_its_first_buffer)
{
	struct strbuf sb;
	char want[1001];

	strbuf_init(&sb);
	for (int i = 0; i < 1000; i++) {
		strbuf_addc(&sb, (char)('a' + i % 26));
		want[i] = (char)('a' + i % 26);
	}
	want[1000] = '\0';
	ck_assert_uint_eq(sb.len, 1000);
	ck_assert_uint_ge(sb.cap, 1001);
	ck_assert_str_eq(sb.buf, want);
	strbuf_addf(&sb, "%0200d", 7);
	ck_assert_uint_eq(sb.len, 1200);
	ck_assert_int_eq(sb.buf[1199], '7');
	ck_assert_int_eq(sb.buf[1000], '0');
	ck_assert_int_eq(sb.buf[1200], '\0');
	strbuf_release(&sb);
}
END_TEST

START_TEST(strbuf_detach_hands_over_the_buffer)
{
	struct strbuf sb;
	char *s;

	strbuf_init(&sb);
	strbuf_adds(&sb, "kept");
	s = strbuf_detach(&sb);
	ck_assert_str_eq(s, "kept");
	ck_assert_ptr_null(sb.buf);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_uint_eq(sb.cap, 0);
	free(s);
}
END_TEST

START_TEST(asprintf_and_strndup)
{
	char *s = xasprintf("%s=%03d", "n", 7);
	char *t = xstrndup("abcdef", 4);

	ck_assert_str_eq(s, "n=007");
	ck_assert_str_eq(t, "abcd");
	free(s);
	free(t);
}
END_TEST

START_TEST(slug_of_headlines)
{
	static const struct {
		const char *text;
		size_t max;
		const char *want;
	} cases[] = {
		{ "Harbour Bridge: Repairs Approved!", 80, "harbour-bridge-repairs-approved" },
		{ "  --Leading and trailing--  ", 80, "leading-and-trailing" },
		{ "Council's vote", 80, "councils-vote" },
		{ "A  B\t\tC", 80, "a-b-c" },
		/* accents and other scripts become ASCII letters (ICU's Any-Latin; Latin-ASCII) */
		{ "Zoë's café opens", 80, "zoes-cafe-opens" },
		{ "Київ і Львів", 80, "kiiv-i-lviv" },
		{ "abcdefgh", 5, "abcde" },
		{ "ab cd", 3, "ab" },	/* cut after the hyphen, which is then trimmed */
		{ "", 80, "article" },
		{ "!!! ???", 80, "article" },
		{ "ÉÉÉ", 80, "eee" },
		{ "☂☂☂", 80, "article" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = util_slug(cases[i].text, cases[i].max);

		ck_assert_msg(strcmp(s, cases[i].want) == 0, "slug of '%s' is '%s', want '%s'", cases[i].text, s,
			      cases[i].want);
		free(s);
	}
}
END_TEST

START_TEST(stem_of_paths)
{
	static const char *const cases[][2] = {
		{ "voices/anchor.ini", "anchor" },
		{ "/a/b/file.tar.gz", "file.tar" },
		{ "noext", "noext" },
		{ ".hidden", ".hidden" },
		{ "dir.d/name", "name" },
		{ "trailing.", "trailing" },
		{ "dir/", "" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = util_stem(cases[i][0]);

		ck_assert_msg(strcmp(s, cases[i][1]) == 0, "stem of '%s' is '%s', want '%s'", cases[i][0], s,
			      cases[i][1]);
		free(s);
	}
}
END_TEST

START_TEST(count_words)
{
	ck_assert_uint_eq(util_count_words(""), 0);
	ck_assert_uint_eq(util_count_words("   \t\n"), 0);
	ck_assert_uint_eq(util_count_words("one"), 1);
	ck_assert_uint_eq(util_count_words("  one  two\tthree\nfour  "), 4);
	ck_assert_uint_eq(util_count_words("a-b c,d"), 2);
	ck_assert_uint_eq(util_count_words("Zoë Ōkubo"), 2);
}
END_TEST

START_TEST(squeeze_spaces)
{
	char a[] = "  a \t b\n\nc  ";
	char b[] = "";
	char c[] = " \t\r\n ";
	char d[] = "no-change here";

	util_squeeze_spaces(a);
	util_squeeze_spaces(b);
	util_squeeze_spaces(c);
	util_squeeze_spaces(d);
	ck_assert_str_eq(a, "a b c");
	ck_assert_str_eq(b, "");
	ck_assert_str_eq(c, "");
	ck_assert_str_eq(d, "no-change here");
}
END_TEST

START_TEST(ends_with)
{
	ck_assert(util_ends_with("anchor.ini", ".ini"));
	ck_assert(util_ends_with("x", ""));
	ck_assert(util_ends_with(".ini", ".ini"));
	ck_assert(!util_ends_with("ini", ".ini"));
	ck_assert(!util_ends_with("anchor.ini.bak", ".ini"));
}
END_TEST

static void expect_redacted(const char *in, const char *want)
{
	char *got = util_redact_urls(in);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(redact_urls)
{
	expect_redacted("cannot fetch 'https://user:pw@example.com/feed.rss': HTTP 404",
			"cannot fetch 'https://***@example.com/feed.rss': HTTP 404");
	expect_redacted("http://user@host:8080/a?b=c@d", "http://***@host:8080/a?b=c@d");
	expect_redacted("http://a:b@c@host/x", "http://***@host/x");	/* the last '@' ends the userinfo */
	expect_redacted("two: http://a:1@h/ and HTTPS://b:2@k", "two: http://***@h/ and HTTPS://***@k");
	expect_redacted("no credentials: https://example.com/a@b", "no credentials: https://example.com/a@b");
	expect_redacted("mail desk@news.example.org; ://x@y", "mail desk@news.example.org; ://x@y");
	expect_redacted("", "");
	expect_redacted("http://", "http://");
}
END_TEST

START_TEST(read_file_whole_and_too_large)
{
	char *dir = test_tmpdir();
	char *path = xasprintf("%s/f.txt", dir);
	char *data = NULL;
	size_t len = 0;

	test_write_file(path, "hello\nworld\n");
	ck_assert_int_eq(util_read_file(path, 100, &data, &len), 0);
	ck_assert_uint_eq(len, 12);
	ck_assert_str_eq(data, "hello\nworld\n");
	free(data);
	data = NULL;
	ck_assert_int_eq(util_read_file(path, 11, &data, &len), -1);
	ck_assert_ptr_null(data);
	free(path);
	path = xasprintf("%s/missing.txt", dir);
	ck_assert_int_eq(util_read_file(path, 100, &data, &len), -1);
	ck_assert_ptr_null(data);
	free(path);
	test_rmdir(dir);
}
END_TEST

/* Reads path with util_read_regular; returns its status, and what it said in *err. */
static int read_regular(const char *path, size_t max, int flags, char **err)
{
	char *data = NULL;
	size_t len = 0;
	int ret;

	test_stderr_begin();
	ret = util_read_regular(path, "test file", max, flags, &data, &len);
	*err = test_stderr_end();
	if (ret == 0) {
		ck_assert_uint_eq(len, strlen(data));
		free(data);
	} else {
		ck_assert_ptr_null(data);
	}
	return ret;
}

/* Configuration files are regular files: a folder, a device or a FIFO is refused (none blocks). */
START_TEST(read_regular_takes_only_files)
{
	char *file = xasprintf("%s/f.ini", test_dir), *fifo = xasprintf("%s/fifo.ini", test_dir);
	char *link = xasprintf("%s/link.ini", test_dir), *want, *err;

	test_write_file(file, "[s]\nk = v\n");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(symlink(file, link), 0);

	ck_assert_int_eq(read_regular(file, 100, 0, &err), 0);
	ck_assert_str_eq(err, "");
	free(err);
	/* a link is followed, unless UTIL_NO_LINK says not to */
	ck_assert_int_eq(read_regular(link, 100, 0, &err), 0);
	free(err);
	ck_assert_int_eq(read_regular(link, 100, UTIL_NO_LINK, &err), -1);
	want = xasprintf("newscast: cannot open test file '%s': it is a symbolic link, which is not followed here\n", link);
	ck_assert_str_eq(err, want);
	free(want);
	free(err);
	ck_assert_int_eq(read_regular(test_dir, 100, 0, &err), -1);
	want = xasprintf("newscast: cannot open test file '%s': it is a folder, not a file\n", test_dir);
	ck_assert_str_eq(err, want);
	free(want);
	free(err);
	ck_assert_int_eq(read_regular("/dev/zero", 100, 0, &err), -1);
	ck_assert_str_eq(err, "newscast: cannot open test file '/dev/zero': it is a device, not a file\n");
	free(err);
	ck_assert_int_eq(read_regular(fifo, 100, 0, &err), -1);
	want = xasprintf("newscast: cannot open test file '%s': it is a FIFO, not a file\n", fifo);
	ck_assert_str_eq(err, want);
	free(want);
	free(err);
	/* too large, by its size before a byte is read */
	ck_assert_int_eq(read_regular(file, 9, 0, &err), -1);
	want = xasprintf("newscast: '%s' is too large (over 9 bytes)\n", file);
	ck_assert_str_eq(err, want);
	free(want);
	free(err);
	ck_assert_int_eq(util_open_regular("/dev/null", NULL, 1, 0), -1);
	ck_assert_int_eq(errno, EINVAL);
	free(file);
	free(fifo);
	free(link);
}
END_TEST

/* util_tmpfile honours $TMPDIR (tmpfile(3) does not) and leaves no name behind there. */
START_TEST(tmpfile_in_tmpdir_and_unlinked)
{
	char *old = getenv("TMPDIR") ? xstrdup(getenv("TMPDIR")) : NULL, buf[6] = { 0 };
	struct stat dir_st, file_st;
	FILE *fp;
	DIR *d;
	struct dirent *e;
	int names = 0;

	setenv("TMPDIR", test_dir, 1);
	ck_assert_str_eq(util_tmpdir(), test_dir);
	fp = util_tmpfile();
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fputs("hello", fp) >= 0, 1);
	rewind(fp);
	ck_assert_uint_eq(fread(buf, 1, 5, fp), 5);
	ck_assert_str_eq(buf, "hello");
	ck_assert_int_eq(stat(test_dir, &dir_st), 0);
	ck_assert_int_eq(fstat(fileno(fp), &file_st), 0);
	ck_assert_uint_eq(file_st.st_dev, dir_st.st_dev);
	ck_assert_uint_eq(file_st.st_nlink, 0);
	d = opendir(test_dir);
	while ((e = readdir(d)))
		names += e->d_name[0] != '.';
	closedir(d);
	ck_assert_int_eq(names, 0);
	fclose(fp);
	/* a folder that is not there: NULL and why */
	setenv("TMPDIR", "/nonexistent-newscast-dir", 1);
	errno = 0;
	ck_assert_ptr_null(util_tmpfile());
	ck_assert_int_eq(errno, ENOENT);
	unsetenv("TMPDIR");
	ck_assert_str_eq(util_tmpdir(), "/tmp");
	if (old)
		setenv("TMPDIR", old, 1);
	free(old);
}
END_TEST

Suite *suite_util(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("strings");

	tcase_add_test(tc, strbuf_starts_empty);
	tcase_add_test(tc, strbuf_adds_and_formats);
	tcase_add_test(tc, strbuf_grows_past_its_first_buffer);
	tcase_add_test(tc, strbuf_detach_hands_over_the_buffer);
	tcase_add_test(tc, asprintf_and_strndup);
	tcase_add_test(tc, slug_of_headlines);
	tcase_add_test(tc, stem_of_paths);
	tcase_add_test(tc, count_words);
	tcase_add_test(tc, squeeze_spaces);
	tcase_add_test(tc, ends_with);
	tcase_add_test(tc, read_file_whole_and_too_large);
	tcase_add_test(tc, redact_urls);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	test_add_dir_fixtures(tc);
	tcase_add_test(tc, read_regular_takes_only_files);
	tcase_add_test(tc, tmpfile_in_tmpdir_and_unlinked);
	suite_add_tcase(s, tc);
	return s;
}
