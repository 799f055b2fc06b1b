/* Unit tests for lexicon: the file format, whole-word and case rules, and phoneme safety. */
#include "lexicon.h"
#include "paths.h"
#include "suites.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void expect(const struct lexicon *lex, const char *in, const char *want, bool want_phonemes)
{
	bool phonemes = !want_phonemes;
	char *got = lexicon_apply(lex, in, &phonemes);

	ck_assert_str_eq(got, want);
	ck_assert_int_eq(phonemes, want_phonemes);
	free(got);
}

START_TEST(whole_words_and_case)
{
	struct lexicon *lex = lexicon_new();

	ck_assert_int_eq(lexicon_parse(lex, "t.lex",
				       "# names\n"
				       "Leicester = Lester   # city\n"
				       "Xi Jinping = Shee Jinping\n"
				       "gif = jif\n"),
			 0);
	ck_assert_uint_eq(lexicon_count(lex), 3);
	expect(lex, "Leicester City won in Leicester.", "Lester City won in Lester.", false);
	/* capitals in the entry: case matters */
	expect(lex, "leicester", "leicester", false);
	/* whole words only */
	expect(lex, "Leicestershire and MyLeicester", "Leicestershire and MyLeicester", false);
	expect(lex, "President Xi Jinping said", "President Shee Jinping said", false);
	/* no capitals in the entry: any case */
	expect(lex, "A GIF, a Gif, a gif.", "A jif, a jif, a jif.", false);
	lexicon_free(lex);
}
END_TEST

/* Entries are tried only where one can start; what matches is what the one pattern of old matched: the first
 * entry listed whose phrase is a whole word there, and a lower-case entry through case folding ("STRASSE" is
 * "straße", "fire" is "ﬁre"). */
START_TEST(first_entry_at_each_place)
{
	struct lexicon *lex = lexicon_new();

	ck_assert_int_eq(lexicon_parse(lex, "t.lex", "Xi = A\nXi Jinping = B\nXian = C\nstraße = gasse\nﬁre = blaze\n"), 0);
	expect(lex, "Xi Jinping and Xian, éXi and 3Xi and «Xi».", "A Jinping and C, éXi and 3Xi and «A».", false);
	expect(lex, "STRASSE und Straße und strasse.", "gasse und gasse und gasse.", false);
	expect(lex, "fire and FIRE and ﬁre, fireman", "blaze and blaze and blaze, fireman", false);
	lexicon_free(lex);
}
END_TEST

START_TEST(phonemes_are_marked_and_text_brackets_broken)
{
	struct lexicon *lex = lexicon_new();

	ck_assert_int_eq(lexicon_parse(lex, "t.lex", "Xi = [[S'i:]]\n"), 0);
	expect(lex, "Xi met Ximena.", "[[S'i:]] met Ximena.", true);
	/* an article's own [[...]] never reaches espeak-ng as phonemes */
	expect(lex, "see [[h@l'oU]] and ]]", "see [ [h@l'oU] ] and ] ]", false);
	expect(lex, "[[Xi]]", "[ [[[S'i:]]] ]", true);
	lexicon_free(lex);
}
END_TEST

START_TEST(malformed_lines_fail_with_their_line)
{
	const char *bad[] = { "Leicester Lester\n", "= Lester\n", "Leicester =\n", "a = b = c\n",
			      "Xi = [[S'i:\n", "Xi = [[a]] [[b]]\n", "Xi = Sh[[ee\n" };

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct lexicon *lex = lexicon_new();

		ck_assert_msg(lexicon_parse(lex, "t.lex", bad[i]) == -1, "accepted '%s'", bad[i]);
		lexicon_free(lex);
	}
}
END_TEST

START_TEST(shipped_lexicon_loads)
{
	struct lexicon *lex = lexicon_new();
	char *path = paths_join(paths_rules_dir(), "lexicon.en");

	ck_assert_int_eq(lexicon_load(lex, path), 0);
	ck_assert_uint_ge(lexicon_count(lex), 40);
	free(path);
	lexicon_free(lex);
}
END_TEST

Suite *suite_lexicon(void)
{
	Suite *s = suite_create("lexicon");
	TCase *tc = tcase_create("lexicon");

	tcase_add_test(tc, whole_words_and_case);
	tcase_add_test(tc, first_entry_at_each_place);
	tcase_add_test(tc, phonemes_are_marked_and_text_brackets_broken);
	tcase_add_test(tc, malformed_lines_fail_with_their_line);
	tcase_add_test(tc, shipped_lexicon_loads);
	suite_add_tcase(s, tc);
	return s;
}
