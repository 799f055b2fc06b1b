/* Unit tests for normalize: the table of input → spoken text in tests/data, and hostile input. */
#include "helpers.h"
#include "normalize.h"
#include "paths.h"
#include "suites.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct norm_case {
	char *input;
	char *expected;
	const char *lang;	/* the voice's language tag: NULL for en-us, else one from a "# LANG TAG" line */
	int line;
};

/* A class of the table: the cases under one "# N NAME" heading. */
struct norm_class {
	char *name;
	const char *table;	/* "en", "de" ...: the file it comes from */
	size_t first, count;
};

static struct norm_case *cases;
static size_t n_cases;
static struct norm_class *classes;
static size_t n_classes, cap_classes;
/* The tags of "# LANG TAG" lines, which hold to the end of their class. */
static char **langs;
static size_t n_langs, cap_langs;
static struct normalizer *en;

/* The tables sit in the source tree beside the rules: ROOT/tests/data/normalize-LANG.tsv. */
static char *table_path(const char *table)
{
	const char *rules = paths_rules_dir();	/* ROOT/builder/rules */
	size_t n = strlen(rules);

	if (n > 14 && strcmp(rules + n - 14, "/builder/rules") == 0)
		return xasprintf("%.*s/tests/data/normalize-%s.tsv", (int)(n - 14), rules, table);
	return xasprintf("tests/data/normalize-%s.tsv", table);
}

/* Loads normalize-TABLE.tsv; its cases are spoken by the voice tag "en-us" for English's
 * table, else by the table's own language ("de"), unless a "# LANG" line says otherwise. */
static void load_table(const char *table)
{
	char *path = table_path(table), *text = NULL, *p, *next;
	size_t len;
	static size_t cap;
	int line = 0;
	const char *own = NULL, *lang;

	if (strcmp(table, "en") != 0) {
		util_grow((void **)&langs, &cap_langs, n_langs + 1, sizeof *langs);
		own = langs[n_langs++] = xstrdup(table);
	}
	lang = own;
	if (util_read_file(path, 1u << 22, &text, &len) < 0) {
		fprintf(stderr, "test_normalize: cannot read '%s'\n", path);
		free(path);
		return;
	}
	for (p = text; p; p = next) {
		char *tab;

		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		line++;
		if (*p == '#' && p[1] == ' ' && p[2] >= '1' && p[2] <= '9') {
			util_grow((void **)&classes, &cap_classes, n_classes + 1, sizeof *classes);
			classes[n_classes++] = (struct norm_class){ xstrdup(p + 2), table, n_cases, 0 };
			lang = own;
			continue;
		}
		if (strncmp(p, "# LANG ", 7) == 0) {
			util_grow((void **)&langs, &cap_langs, n_langs + 1, sizeof *langs);
			lang = langs[n_langs++] = xstrdup(p + 7);
			continue;
		}
		if (!*p || *p == '#')
			continue;
		if (n_classes)
			classes[n_classes - 1].count++;
		tab = strchr(p, '\t');
		util_grow((void **)&cases, &cap, n_cases + 1, sizeof *cases);
		cases[n_cases].input = xstrndup(p, tab ? (size_t)(tab - p) : strlen(p));
		cases[n_cases].expected = xstrdup(tab ? tab + 1 : "(no tab on this line)");
		cases[n_cases].lang = lang;
		cases[n_cases].line = line;
		n_cases++;
	}
	free(text);
	free(path);
}

static void setup(void)
{
	en = normalize_new("en-us", paths_rules_dir());
	ck_assert_ptr_nonnull(en);
}

static void teardown(void)
{
	normalize_free(en);
	en = NULL;
}

/* One test a class, so that the sanitizer run forks 15 times, not 500; the
 * message lists every case of the class that failed. */
START_TEST(table_class)
{
	const struct norm_class *k = &classes[_i];
	struct strbuf failures;
	size_t failed = 0;
	struct normalizer *other = NULL;	/* the voice of the class's "# LANG" line */
	const char *other_lang = NULL;

	strbuf_init(&failures);
	for (size_t i = k->first; i < k->first + k->count; i++) {
		const struct norm_case *c = &cases[i];
		char *got;

		if (c->lang && c->lang != other_lang) {
			normalize_free(other);
			other = normalize_new(c->lang, paths_rules_dir());
			ck_assert_ptr_nonnull(other);
			other_lang = c->lang;
		}
		got = normalize_text(c->lang ? other : en, c->input);

		/* Check packs a message of 4 kB at most: the first failures say enough */
		if (strcmp(got, c->expected) != 0 && ++failed <= 8) {
			strbuf_addf(&failures, "\nnormalize-%s.tsv line %d (%s):\n  input    %s\n  expected %s\n  got      %s",
				    k->table, c->line, c->lang ? c->lang : "en-us", c->input, c->expected, got);
		}
		free(got);
	}
	normalize_free(other);
	ck_assert_msg(failed == 0, "%s: %zu of %zu cases failed%s", k->name, failed, k->count, failures.buf);
	strbuf_release(&failures);
}
END_TEST

/* The tables, one a language with rules: each of at least 200 cases in at least 10 classes
 * (English's in 15). Add a language here and it is loaded, counted and run. */
static const char *const tables[] = { "en", "de", "fr", "it", "es", "pt" };

START_TEST(table_is_large_enough)
{
	size_t in_classes = 0;

	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		size_t n = 0, k = 0;

		for (size_t i = 0; i < n_classes; i++)
			if (strcmp(classes[i].table, tables[t]) == 0) {
				n += classes[i].count;
				k++;
			}
		ck_assert_msg(n >= 200, "normalize-%s.tsv: %zu cases, want 200", tables[t], n);
		ck_assert_msg(k >= (strcmp(tables[t], "en") == 0 ? 15u : 10u), "normalize-%s.tsv: %zu classes", tables[t], k);
		in_classes += n;
	}
	for (size_t i = 0; i < n_classes; i++)
		ck_assert_uint_gt(classes[i].count, 0);
	ck_assert_uint_eq(in_classes, n_cases);
}
END_TEST

START_TEST(other_languages_pass_through)
{
	/* Basque: espeak-ng speaks it, ICU has no number words for it (it would lend English's) */
	struct normalizer *eu = normalize_new("eu", paths_rules_dir());
	char *got;

	ck_assert_ptr_nonnull(eu);
	ck_assert_ptr_null(normalize_language(eu));
	got = normalize_text(eu, "2023an 1.500 euro eta 4,5 %.");
	ck_assert_str_eq(got, "2023an 1.500 euro eta 4,5 %.");
	free(got);
	normalize_free(eu);
	ck_assert_str_eq(normalize_language(en), "en");
}
END_TEST

/* The normalizer check_linear times: English's, or German's for the German cases. */
static struct normalizer *timed;

static double seconds_for(const char *text)
{
	struct timespec a, b;
	char *got;

	clock_gettime(CLOCK_MONOTONIC, &a);
	got = normalize_text(timed ? timed : en, text);
	clock_gettime(CLOCK_MONOTONIC, &b);
	free(got);
	return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

/* Hostile input gets through without a crash, and in time that grows linearly:
 * eight times the text may take a little over eight times as long, not sixty-four. */
static void check_linear(const char *unit)
{
	size_t n = 25000 / strlen(unit) + 1;
	struct strbuf small, large;
	double t_small, t_large;

	strbuf_init(&small);
	strbuf_init(&large);
	for (size_t i = 0; i < n; i++)
		strbuf_adds(&small, unit);
	for (size_t i = 0; i < 8 * n; i++)
		strbuf_adds(&large, unit);
	t_small = seconds_for(small.buf);
	t_large = seconds_for(large.buf);
	ck_assert_msg(t_large < 24 * t_small + 0.05, "'%s' x%zu took %.3f s, x%zu took %.3f s", unit, n, t_small,
		      8 * n, t_large);
	strbuf_release(&small);
	strbuf_release(&large);
}

START_TEST(hostile_input_is_linear)
{
	check_linear("9");				/* one long run of digits */
	check_linear("$");				/* a line of symbols */
	check_linear("1-");
	check_linear("#@&+%/.");
	check_linear("Ж中1987 ");			/* mixed scripts */
	check_linear("Mr. ");
	check_linear("IV ");
	check_linear("a.");
	check_linear("1:2-3:4-");			/* ranges and scores with no space to end a word */
	check_linear("1:00:00.");
	check_linear("1428 Elm St. ");			/* addresses, capitals, fractions */
	check_linear("FIRE AT ");
	check_linear("2 1/2 .5 -5C ");
}
END_TEST

START_TEST(german_hostile_input_is_linear)
{
	timed = normalize_new("de", paths_rules_dir());
	ck_assert_ptr_nonnull(timed);
	check_linear("1.");				/* days with no month */
	check_linear("1.2.");
	check_linear("24. Juli ");
	check_linear("3,5 Mio. ");
	check_linear("1.234,");
	check_linear("4. bis ");
	check_linear("der 5. ");
	check_linear("Karl V. ");
	check_linear("z. B. ");
	check_linear("14.30 Uhr ");
	check_linear("Spiel 2:1 ");			/* a score looks back for its game: only so far */
	check_linear("1-2-");
	check_linear("Dienstag, 1. Mai ");
	check_linear("info@a.de ");
	check_linear("030 123 ");
	check_linear("1/2 ½3 km CHF 1'2 19. Jh. ");
	check_linear("§ 1/2025/26 +1 % 1980er 1 A ");
	normalize_free(timed);
	timed = NULL;
}
END_TEST

/* Every other language in the Latin, Cyrillic or Greek script that ICU has number words for:
 * numbers with its separators in its words; bare digits, years, ordinals ("24." before more
 * text) and numbers in another locale's style left to espeak-ng. */
START_TEST(fallback_spells_numbers_in_the_locale)
{
	static const struct {
		const char *tag, *in, *want;
	} fb[] = {
		{ "sv", "År 1987 kostade det 1 234 567,5 kronor.",
		  "År 1987 kostade det en miljon tvåhundratrettiofyratusen femhundrasextiosju komma fem kronor." },
		{ "sv-SE", "Den 24. juli kom 12.5 och 1,234 och 10 000.",
		  "Den 24. juli kom 12.5 och ett komma två tre fyra och tiotusen." },
		{ "nl", "In 1987 kostte het 1.234 euro, 3,5 procent.",
		  "In 1987 kostte het duizendtweehonderdvierendertig euro, drie komma vijf procent." },
		{ "pl", "Przyszło 1 500 osób, 3,5 proc.", "Przyszło tysiąc pięćset osób, trzy przecinek pięć proc." },
		{ "fi", "Vuonna 1987 se maksoi 3,5 miljoonaa ja 10 000 euroa.",
		  "Vuonna 1987 se maksoi kolme pilkku viisi miljoonaa ja kymmenentuhatta euroa." },
		{ "uk", "Це 3,5 і 1 234 гривні.", "Це три кома п'ять і одна тисяча двісті тридцять чотири гривні." },
		{ "sv", "Nummer 1234567890123456 och 007 och 0,5.", "Nummer 1234567890123456 och 007 och noll komma fem." },
	};

	for (size_t i = 0; i < sizeof fb / sizeof fb[0]; i++) {
		struct normalizer *n = normalize_new(fb[i].tag, paths_rules_dir());
		char *got;

		ck_assert_ptr_nonnull(n);
		ck_assert(normalize_is_fallback(n));
		ck_assert_str_eq(normalize_language(n), "*");
		got = normalize_text(n, fb[i].in);
		ck_assert_msg(strcmp(got, fb[i].want) == 0, "%s: %s\n  got  %s\n  want %s", fb[i].tag, fb[i].in,
			      got, fb[i].want);
		free(got);
		normalize_free(n);
	}
	ck_assert(!normalize_is_fallback(en));
	/* ICU's Japanese words are kanji, which espeak-ng reads as "Chinese letter": passed through */
	{
		struct normalizer *ja = normalize_new("ja", paths_rules_dir());

		ck_assert_ptr_null(normalize_language(ja));
		normalize_free(ja);
	}
	timed = normalize_new("sv", paths_rules_dir());
	check_linear("1 ");
	check_linear("1.");
	check_linear("1 234,");
	check_linear("1,2.3 ");
	normalize_free(timed);
	timed = NULL;
}
END_TEST

START_TEST(fr_hostile_input_is_linear)
{
	timed = normalize_new("fr", paths_rules_dir());
	ck_assert_ptr_nonnull(timed);
	check_linear("1 234 ");				/* thousands groups that never end */
	check_linear("1er janvier ");
	check_linear("3,5 M€ ");
	check_linear("14h30-");
	check_linear("01 23 ");
	check_linear("XIXe ");
	check_linear("Louis XIV ");
	check_linear("M. ");
	check_linear("1/2/");
	check_linear("-5 °C-");
	check_linear("a@b.");				/* an address that never ends */
	normalize_free(timed);
	timed = NULL;
}
END_TEST

START_TEST(it_hostile_input_is_linear)
{
	timed = normalize_new("it", paths_rules_dir());
	ck_assert_ptr_nonnull(timed);
	check_linear("1°");				/* ordinals with no noun */
	check_linear("1 ");				/* counts before nothing */
	check_linear("24 luglio ");
	check_linear("3,5 mln € ");
	check_linear("1.234,");
	check_linear("10-15 ");
	check_linear("alle 14:30 ");
	check_linear("Leone XIV ");
	check_linear("sig. n. ");
	check_linear("a@b.it ");
	check_linear("www.a");				/* an address that never ends */
	check_linear("tel. 06 ");
	check_linear("1/2/");
	check_linear("1:02:03:");			/* clocks with no end */
	check_linear("al 90' ");
	check_linear("legge 1/2 ");
	check_linear("dall'1/");			/* elided articles before days */
	normalize_free(timed);
	timed = NULL;
}
END_TEST

START_TEST(es_hostile_input_is_linear)
{
	timed = normalize_new("es", paths_rules_dir());
	ck_assert_ptr_nonnull(timed);
	check_linear("9");				/* one long run of digits */
	check_linear("1.");				/* separators with no number after them */
	check_linear("1.234,");
	check_linear("24 de julio de ");
	check_linear("3,5 M€ ");
	check_linear("a las 14:");
	check_linear("1.º ");
	check_linear("Felipe VI ");
	check_linear("EE. UU. ");
	check_linear("10-15 ");
	check_linear("912 345 ");
	check_linear("123-");				/* telephones, ranges and durations with no end */
	check_linear("(91) ");
	check_linear("2:05:");
	check_linear("Sr. ");
	normalize_free(timed);
	timed = NULL;
}
END_TEST

START_TEST(pt_hostile_input_is_linear)
{
	timed = normalize_new("pt-BR", paths_rules_dir());
	ck_assert_ptr_nonnull(timed);
	check_linear("1º ");				/* ordinals with no noun */
	check_linear("1.2.");
	check_linear("1 2 3 ");				/* spaces that might group thousands */
	check_linear("24 de julho de ");
	check_linear("R$ 3,5 mi ");
	check_linear("1.234,");
	check_linear("10-");				/* ranges and telephones with no end */
	check_linear("(11) 9");
	check_linear("a@b.");
	check_linear("www.a");				/* addresses and fractions with no end */
	check_linear("1/2/");
	check_linear("o 1°");
	check_linear("D. Pedro II ");
	check_linear("14h30 ");
	check_linear("etc. ");
	normalize_free(timed);
	timed = normalize_new("pt", paths_rules_dir());
	ck_assert_ptr_nonnull(timed);
	check_linear("1 234 ");
	check_linear("3.º ");
	normalize_free(timed);
	timed = NULL;
}
END_TEST

START_TEST(long_numbers_stay_digits)
{
	char *got = normalize_text(en, "Pi is 3.14159265358979323846264338327950288 and $123456789012345678901.");

	ck_assert_str_eq(got, "Pi is 3.14159265358979323846264338327950288 and $123456789012345678901.");
	free(got);
}
END_TEST

/* A language's word lists come from its folder, rules/LANG/: a list that is missing or has a
 * bad line makes the normalizer an error, the file (and line) named; a language without
 * rules needs no folder. */
START_TEST(rules_folder_errors_name_the_file)
{
	char *folder = xasprintf("%s/en", test_dir), *err, *want;

	test_stderr_begin();
	ck_assert_ptr_null(normalize_new("en", test_dir));
	err = test_stderr_end();
	want = xasprintf("cannot open '%s/expansions'", folder);
	ck_assert_msg(strstr(err, want), "%s", err);
	free(err);
	free(want);

	ck_assert_int_eq(mkdir(folder, 0755), 0);
	want = xasprintf("%s/expansions", folder);
	test_write_file(want, "# a comment\nMr. Mister\n");
	free(want);
	test_stderr_begin();
	ck_assert_ptr_null(normalize_new("en-gb", test_dir));
	err = test_stderr_end();
	want = xasprintf("newscast: '%s/expansions' line 2: expected 'KEY = VALUE'\n", folder);
	ck_assert_str_eq(err, want);
	free(err);
	free(want);
	free(folder);
	normalize_free(normalize_new("xx", test_dir));
}
END_TEST

Suite *suite_normalize(void)
{
	Suite *s = suite_create("normalize");
	TCase *table = tcase_create("table");
	TCase *edge = tcase_create("edge");

	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
		load_table(tables[t]);
	/* once for the case, in the runner: the forked tests share the compiled rules */
	tcase_add_unchecked_fixture(table, setup, teardown);
	tcase_add_test(table, table_is_large_enough);
	tcase_add_loop_test(table, table_class, 0, (int)n_classes);
	suite_add_tcase(s, table);
	tcase_add_checked_fixture(edge, setup, teardown);
	tcase_set_timeout(edge, 180);	/* the sanitizer build of the linearity checks, on a busy machine */
	tcase_add_test(edge, other_languages_pass_through);
	tcase_add_test(edge, hostile_input_is_linear);
	tcase_add_test(edge, german_hostile_input_is_linear);
	tcase_add_test(edge, fr_hostile_input_is_linear);
	tcase_add_test(edge, it_hostile_input_is_linear);
	tcase_add_test(edge, es_hostile_input_is_linear);
	tcase_add_test(edge, pt_hostile_input_is_linear);
	tcase_add_test(edge, long_numbers_stay_digits);
	tcase_add_test(edge, fallback_spells_numbers_in_the_locale);
	suite_add_tcase(s, edge);
	edge = tcase_create("rules");
	test_add_dir_fixtures(edge);
	tcase_add_test(edge, rules_folder_errors_name_the_file);
	suite_add_tcase(s, edge);
	return s;
}
