/* Unit tests for ini: long lines, continuation lines, CRLF, BOM, comments, and errors on the right line. */
#include "helpers.h"
#include "ini.h"
#include "suites.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Writes each entry as "[SECTION] KEY=VALUE @LINE(+CONTINUED)\n"; a key "fail" is refused. */
static char *record(void *ud, struct ini_entry *e)
{
	struct strbuf *sb = ud;

	strbuf_addf(sb, "[%s] %s=%s @%d", e->section, e->key, e->value, e->line);
	if (e->continued)
		strbuf_addf(sb, "+%d", e->continued);
	strbuf_addc(sb, '\n');
	if (strcmp(e->key, "fail") == 0)
		return xasprintf("refused '%s'", e->value);
	if (strcmp(e->key, "fail_later") == 0) {
		e->error_line = e->continued;
		return xstrdup("refused its continuation");
	}
	return NULL;
}

/* Parses len bytes of text; returns what the handler saw, and the error in *err. */
static char *parse(const char *text, size_t len, int *ret, char **err)
{
	struct strbuf sb;

	strbuf_init(&sb);
	test_stderr_begin();
	*ret = ini_parse("t.ini", text, len, record, &sb);
	*err = test_stderr_end();
	return strbuf_detach(&sb);
}

START_TEST(ini_reads_sections_keys_and_comments)
{
	static const struct {
		const char *text, *seen;
	} cases[] = {
		{ "", "" },
		{ "[show]\ntitle = A\n", "[show] title=A @2\n" },
		/* no end of line at the end; white space around everything */
		{ "  [ show ]  \n\t title\t=\t A B \t", "[show] title=A B @2\n" },
		/* comments: ';' and '#' at a line's start, ';' after a blank */
		{ "; a\n# b\n[s]\n  ; c\nk = v ; note\nl = a;b\nm = #1\n",
		  "[s] k=v @5\n[s] l=a;b @6\n[s] m=#1 @7\n" },
		{ "[s]\nk =\nl = ;x\n", "[s] k= @2\n[s] l= @3\n" },
		/* the first '=' splits: the value may hold more */
		{ "[s]\nurl = https://e.com/?a=1&b=2\n", "[s] url=https://e.com/?a=1&b=2 @2\n" },
		{ "[s]\n[t]\nk = 1\n[s]\nk = 2\n", "[t] k=1 @3\n[s] k=2 @5\n" },
		{ "[s] ; the section\nk = 1\n", "[s] k=1 @2\n" },
		/* CRLF, and a byte order mark */
		{ "[s]\r\nk = v\r\n\r\nl = w\r\n", "[s] k=v @2\n[s] l=w @4\n" },
		{ "\xef\xbb\xbf[s]\nk = v\n", "[s] k=v @2\n" },
		{ "[s]\nk = Zoë — 1€\n", "[s] k=Zoë — 1€ @2\n" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *err, *seen;
		int ret;

		seen = parse(cases[i].text, strlen(cases[i].text), &ret, &err);
		ck_assert_msg(ret == 0, "case %zu: %s", i, err);
		ck_assert_msg(strcmp(seen, cases[i].seen) == 0, "case %zu: saw\n%s", i, seen);
		ck_assert_str_eq(err, "");
		free(seen);
		free(err);
	}
}
END_TEST

START_TEST(ini_continuation_lines_keep_every_line)
{
	static const struct {
		const char *text, *seen;
	} cases[] = {
		{ "[s]\nd = one\n  two\n\tthree\nk = v\n", "[s] d=one\ntwo\nthree @2+3\n[s] k=v @5\n" },
		/* a comment line between does not end the value; a blank line does */
		{ "[s]\nd = one\n; note\n  two\n\nk = v\n", "[s] d=one\ntwo @2+4\n[s] k=v @6\n" },
		/* an empty first line is not kept as an empty line */
		{ "[s]\nd =\n  one\n  two ; note\n", "[s] d=one\ntwo @2+3\n" },
		/* CRLF continuation lines */
		{ "[s]\r\nd = one\r\n  two\r\n", "[s] d=one\ntwo @2+3\n" },
		/* indented keys after a section or a blank line are keys */
		{ "[s]\n  a = 1\n\n  b = 2\n", "[s] a=1 @2\n[s] b=2 @4\n" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *err, *seen;
		int ret;

		seen = parse(cases[i].text, strlen(cases[i].text), &ret, &err);
		ck_assert_msg(ret == 0, "case %zu: %s", i, err);
		ck_assert_msg(strcmp(seen, cases[i].seen) == 0, "case %zu: saw\n%s", i, seen);
		free(seen);
		free(err);
	}
}
END_TEST

/* libinih cut lines at 200 bytes and read the rest as lines of their own. */
START_TEST(ini_long_lines_are_whole)
{
	struct strbuf text, want;
	char *err, *seen;
	int ret;

	strbuf_init(&text);
	strbuf_init(&want);
	strbuf_adds(&text, "[show]\ndescription = ");
	for (int i = 0; i < 400; i++)
		strbuf_adds(&text, "0123456789");	/* 4000 bytes */
	strbuf_adds(&text, "\nlink = https://example.com/");
	for (int i = 0; i < 198; i++)
		strbuf_adds(&text, "abcdefghij");	/* a URL of 2000 bytes */
	strbuf_adds(&text, "\nlong =\n  ");
	for (int i = 0; i < 10000; i++)
		strbuf_adds(&text, "x ");
	strbuf_adds(&text, "\n  end\nlast = 1\n");
	seen = parse(text.buf, text.len, &ret, &err);
	ck_assert_int_eq(ret, 0);
	ck_assert_str_eq(err, "");
	strbuf_adds(&want, "[show] description=");
	for (int i = 0; i < 400; i++)
		strbuf_adds(&want, "0123456789");
	strbuf_adds(&want, " @2\n[show] link=https://example.com/");
	for (int i = 0; i < 198; i++)
		strbuf_adds(&want, "abcdefghij");
	strbuf_adds(&want, " @3\n[show] long=");
	for (int i = 0; i < 10000; i++)
		strbuf_adds(&want, i < 9999 ? "x " : "x");
	strbuf_adds(&want, "\nend @4+5\n[show] last=1 @7\n");
	ck_assert_uint_eq(strlen(seen), want.len);
	ck_assert_str_eq(seen, want.buf);
	free(seen);
	free(err);
	strbuf_release(&text);
	strbuf_release(&want);
}
END_TEST

START_TEST(ini_errors_name_the_line)
{
	static const struct {
		const char *text;
		size_t len;	/* 0: strlen */
		const char *error;
	} cases[] = {
		{ "[show\ntitle = A\n", 0, "newscast: 't.ini' line 1: a section's '[' has no ']'\n" },
		{ "[s]\nk = v\n[t] x\n", 0, "newscast: 't.ini' line 3: text after a section's ']'\n" },
		{ "[s]\nk = v\n\njust words\n", 0,
		  "newscast: 't.ini' line 4: not an INI line (a '[section]' or a 'key = value')\n" },
		{ "[s]\n = v\n", 0, "newscast: 't.ini' line 2: a value with no key before its '='\n" },
		{ "; c\ntitle = A\n", 0, "newscast: 't.ini' line 2: 'title' comes before any [section]\n" },
		/* a NUL byte in the middle of line 3 */
		{ "[s]\nk = v\nl = a\0b\n", 18, "newscast: 't.ini' line 3: a NUL byte: this is not a text file\n" },
		{ "[s]\r\nk = v\r\nl = caf\xe9\r\n", 0, "newscast: 't.ini' line 3: not valid UTF-8 (byte 0xe9)\n" },
		{ "[s]\nk = \xc0\xaf\n", 0, "newscast: 't.ini' line 2: not valid UTF-8 (byte 0xc0)\n" },
		/* the handler's errors: on the key's line, or the one it names */
		{ "[s]\n\nfail = x\n", 0, "newscast: 't.ini' line 3: refused 'x'\n" },
		{ "[s]\nfail = a\n  b\n", 0, "newscast: 't.ini' line 2: refused 'a\\x0ab'\n" },	/* one line: log escapes the newline */
		{ "[s]\nfail_later = a\n# c\n  b\n", 0, "newscast: 't.ini' line 4: refused its continuation\n" },
		/* line numbers count past a long line and CRLF */
		{ "[s]\r\n\r\n; ........................................................................."
		  "..........................................................................................."
		  ".......................................................................................\r\n"
		  "bad line\r\n", 0, "newscast: 't.ini' line 4: not an INI line (a '[section]' or a 'key = value')\n" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *err, *seen;
		int ret;

		seen = parse(cases[i].text, cases[i].len ? cases[i].len : strlen(cases[i].text), &ret, &err);
		ck_assert_msg(ret == -1, "case %zu: accepted", i);
		ck_assert_msg(strcmp(err, cases[i].error) == 0, "case %zu: got '%s'", i, err);
		free(seen);
		free(err);
	}
}
END_TEST

START_TEST(ini_file_is_a_regular_file)
{
	char *path = xasprintf("%s/a.ini", test_dir), *err;
	struct strbuf sb;

	strbuf_init(&sb);
	test_write_file(path, "[s]\nk = v\n");
	ck_assert_int_eq(ini_parse_file(path, NULL, record, &sb), 0);
	ck_assert_str_eq(sb.buf, "[s] k=v @2\n");
	test_stderr_begin();
	ck_assert_int_eq(ini_parse_file(test_dir, "voice profile", record, &sb), -1);
	err = test_stderr_end();
	ck_assert(strstr(err, "cannot open voice profile '"));
	ck_assert(strstr(err, "': it is a folder, not a file\n"));
	free(err);
	test_stderr_begin();
	ck_assert_int_eq(ini_parse_file("/dev/zero", NULL, record, &sb), -1);
	err = test_stderr_end();
	ck_assert_str_eq(err, "newscast: cannot open '/dev/zero': it is a device, not a file\n");
	free(err);
	strbuf_release(&sb);
	free(path);
}
END_TEST

Suite *suite_ini(void)
{
	Suite *s = suite_create("ini");
	TCase *tc = tcase_create("reader");

	test_add_dir_fixtures(tc);
	tcase_add_test(tc, ini_reads_sections_keys_and_comments);
	tcase_add_test(tc, ini_continuation_lines_keep_every_line);
	tcase_add_test(tc, ini_long_lines_are_whole);
	tcase_add_test(tc, ini_errors_name_the_line);
	tcase_add_test(tc, ini_file_is_a_regular_file);
	suite_add_tcase(s, tc);
	return s;
}
