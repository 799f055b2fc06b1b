/* Unit tests for cli: option parsing against a table, operands, usage errors. */
#include "cli.h"
#include "helpers.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_VERBOSE = 1, OPT_OUTPUT, OPT_BITRATE, OPT_HELP };

static const struct cli_option test_options[] = {
	{ "verbose", 'v', NULL, "say more", OPT_VERBOSE },
	{ "output", 'o', "FILE", "where to write", OPT_OUTPUT },
	{ "bitrate", 0, "KBPS", "MP3 bitrate", OPT_BITRATE },
	{ "help", 'h', NULL, "show this help", OPT_HELP },
	{ 0 },
};

struct parsed {
	int verbose, help, calls;
	char output[64];
	int bitrate;
};

static int on_option(int id, const char *value, void *ud)
{
	struct parsed *p = ud;

	p->calls++;
	switch (id) {
	case OPT_VERBOSE:
		p->verbose++;
		return 0;
	case OPT_OUTPUT:
		snprintf(p->output, sizeof p->output, "%s", value);
		return 0;
	case OPT_BITRATE:
		/* the checks of values are settings.c's: a stand-in here */
		p->bitrate = atoi(value);
		if (p->bitrate < 8 || p->bitrate > 320) {
			fprintf(stderr, "newscast speak: bad value '%s' for --bitrate\n", value);
			return -1;
		}
		return 0;
	case OPT_HELP:
		p->help = 1;
		return 0;
	}
	return -1;
}

/* Runs cli_parse on a NULL-terminated list of arguments (copied: getopt permutes them),
 * returns its result and leaves the permuted arguments in argv_out and stderr in *err. */
static int parse(const char *const *args, struct parsed *p, int *first, char ***argv_out, char **err)
{
	static char *argv[16];
	int argc = 0, ret;

	memset(p, 0, sizeof *p);
	while (args[argc]) {
		ck_assert_int_lt(argc, 15);
		argv[argc] = (char *)args[argc];
		argc++;
	}
	argv[argc] = NULL;
	*first = -1;
	test_stderr_begin();
	ret = cli_parse("speak", argc, argv, test_options, on_option, p, first);
	*err = test_stderr_end();
	if (argv_out)
		*argv_out = argv;
	return ret;
}

START_TEST(flag_value_and_operand)
{
	const char *args[] = { "speak", "-v", "--output", "out.mp3", "article.txt", NULL };
	struct parsed p;
	char **argv, *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, &argv, &err), 0);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(p.verbose, 1);
	ck_assert_str_eq(p.output, "out.mp3");
	ck_assert_int_eq(p.calls, 2);
	ck_assert_int_eq(first, 4);
	ck_assert_str_eq(argv[first], "article.txt");
	free(err);
}
END_TEST

START_TEST(value_forms)
{
	const char *a1[] = { "speak", "--output=a.mp3", NULL };
	const char *a2[] = { "speak", "-ob.mp3", NULL };
	const char *a3[] = { "speak", "-vo", "c.mp3", "--bitrate", "128", NULL };
	struct parsed p;
	char *err;
	int first;

	ck_assert_int_eq(parse(a1, &p, &first, NULL, &err), 0);
	ck_assert_str_eq(p.output, "a.mp3");
	ck_assert_int_eq(first, 2);
	free(err);
	ck_assert_int_eq(parse(a2, &p, &first, NULL, &err), 0);
	ck_assert_str_eq(p.output, "b.mp3");
	free(err);
	ck_assert_int_eq(parse(a3, &p, &first, NULL, &err), 0);
	ck_assert_int_eq(p.verbose, 1);
	ck_assert_str_eq(p.output, "c.mp3");
	ck_assert_int_eq(p.bitrate, 128);
	ck_assert_int_eq(first, 5);
	free(err);
}
END_TEST

START_TEST(operands_among_options_are_moved_after_them)
{
	const char *args[] = { "speak", "one.txt", "-o", "x.mp3", "two.txt", "-v", NULL };
	struct parsed p;
	char **argv, *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, &argv, &err), 0);
	ck_assert_int_eq(p.verbose, 1);
	ck_assert_str_eq(p.output, "x.mp3");
	ck_assert_int_eq(first, 4);
	ck_assert_str_eq(argv[4], "one.txt");
	ck_assert_str_eq(argv[5], "two.txt");
	free(err);
}
END_TEST

START_TEST(double_dash_ends_options)
{
	const char *args[] = { "speak", "--", "-v", NULL };
	struct parsed p;
	char **argv, *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, &argv, &err), 0);
	ck_assert_int_eq(p.verbose, 0);
	ck_assert_int_eq(first, 2);
	ck_assert_str_eq(argv[first], "-v");
	free(err);
}
END_TEST

START_TEST(no_arguments)
{
	const char *args[] = { "speak", NULL };
	struct parsed p;
	char *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, NULL, &err), 0);
	ck_assert_int_eq(first, 1);
	ck_assert_int_eq(p.calls, 0);
	free(err);
}
END_TEST

START_TEST(unknown_long_option)
{
	const char *args[] = { "speak", "--nope", "a.txt", NULL };
	struct parsed p;
	char *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, NULL, &err), 2);
	ck_assert_str_eq(err, "newscast speak: unknown option '--nope'\nTry 'newscast speak --help'.\n");
	free(err);
}
END_TEST

START_TEST(unknown_short_option)
{
	const char *args[] = { "speak", "-z", "-v", NULL };
	struct parsed p;
	char *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, NULL, &err), 2);
	ck_assert_str_eq(err, "newscast speak: unknown option '-z'\nTry 'newscast speak --help'.\n");
	/* the rest is still parsed, so every mistake is reported at once */
	ck_assert_int_eq(p.verbose, 1);
	free(err);
}
END_TEST

START_TEST(every_bad_option_is_reported)
{
	const char *args[] = { "speak", "--nope", "-z", "--bitrate", NULL };
	struct parsed p;
	char *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, NULL, &err), 2);
	ck_assert_str_eq(err, "newscast speak: unknown option '--nope'\n"
			      "newscast speak: unknown option '-z'\n"
			      "newscast speak: option '--bitrate' needs a value\n"
			      "Try 'newscast speak --help'.\n");
	free(err);
}
END_TEST

START_TEST(missing_value)
{
	const char *a1[] = { "speak", "a.txt", "-o", NULL };
	const char *a2[] = { "speak", "--output", NULL };
	struct parsed p;
	char *err;
	int first;

	ck_assert_int_eq(parse(a1, &p, &first, NULL, &err), 2);
	ck_assert_str_eq(err, "newscast speak: option '-o' needs a value\nTry 'newscast speak --help'.\n");
	ck_assert_str_eq(p.output, "");
	free(err);
	ck_assert_int_eq(parse(a2, &p, &first, NULL, &err), 2);
	ck_assert_str_eq(err, "newscast speak: option '--output' needs a value\nTry 'newscast speak --help'.\n");
	free(err);
}
END_TEST

START_TEST(flag_given_a_value)
{
	const char *args[] = { "speak", "--verbose=yes", NULL };
	struct parsed p;
	char *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, NULL, &err), 2);
	ck_assert_int_eq(p.verbose, 0);
	ck_assert_ptr_nonnull(strstr(err, "newscast speak: "));
	ck_assert_ptr_nonnull(strstr(err, "'--verbose=yes'"));
	free(err);
}
END_TEST

START_TEST(bad_value_from_the_handler)
{
	const char *args[] = { "speak", "--bitrate", "9000", NULL };
	struct parsed p;
	char *err;
	int first;

	ck_assert_int_eq(parse(args, &p, &first, NULL, &err), 2);
	ck_assert_str_eq(err, "newscast speak: bad value '9000' for --bitrate\n"
			      "Try 'newscast speak --help'.\n");
	free(err);
}
END_TEST

START_TEST(parses_twice_in_one_process)
{
	const char *a1[] = { "speak", "-z", "x", NULL };
	const char *a2[] = { "speak", "-v", "y", NULL };
	struct parsed p;
	char **argv, *err;
	int first;

	ck_assert_int_eq(parse(a1, &p, &first, NULL, &err), 2);
	free(err);
	ck_assert_int_eq(parse(a2, &p, &first, &argv, &err), 0);
	ck_assert_int_eq(p.verbose, 1);
	ck_assert_int_eq(first, 2);
	ck_assert_str_eq(argv[first], "y");
	free(err);
}
END_TEST

START_TEST(help_lists_every_option)
{
	FILE *fp = tmpfile();
	char buf[1024];
	size_t n;

	ck_assert_ptr_nonnull(fp);
	cli_help(fp, "speak", "ARTICLE", "Speaks.", test_options);
	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	ck_assert_str_eq(buf, "usage: newscast speak ARTICLE\n\nSpeaks.\n\noptions:\n"
			      "  -v, --verbose              say more\n"
			      "  -o, --output FILE          where to write\n"
			      "      --bitrate KBPS         MP3 bitrate\n"
			      "  -h, --help                 show this help\n");
}
END_TEST

Suite *suite_cli(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, flag_value_and_operand);
	tcase_add_test(tc, value_forms);
	tcase_add_test(tc, operands_among_options_are_moved_after_them);
	tcase_add_test(tc, double_dash_ends_options);
	tcase_add_test(tc, no_arguments);
	tcase_add_test(tc, unknown_long_option);
	tcase_add_test(tc, unknown_short_option);
	tcase_add_test(tc, every_bad_option_is_reported);
	tcase_add_test(tc, missing_value);
	tcase_add_test(tc, flag_given_a_value);
	tcase_add_test(tc, bad_value_from_the_handler);
	tcase_add_test(tc, parses_twice_in_one_process);
	tcase_add_test(tc, help_lists_every_option);
	suite_add_tcase(s, tc);
	return s;
}
