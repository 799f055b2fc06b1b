/* test_script: the language an article is read in, and where it came from. */
#include "suites.h"

#include "helpers.h"
#include "log.h"
#include "script.h"

#include <stdlib.h>
#include <string.h>

START_TEST(language_precedence)
{
	enum script_language_source src;

	ck_assert_str_eq(script_choose_language("de", "fr", "es", "en-us", &src), "de");
	ck_assert_int_eq(src, SCRIPT_LANGUAGE_OPTION);
	ck_assert_str_eq(script_choose_language(NULL, "fr", "es", "en-us", &src), "fr");
	ck_assert_int_eq(src, SCRIPT_LANGUAGE_ARTICLE);
	ck_assert_str_eq(script_choose_language("", NULL, "es", "en-us", &src), "es");
	ck_assert_int_eq(src, SCRIPT_LANGUAGE_SHOW);
	ck_assert_str_eq(script_choose_language(NULL, "", NULL, "en-us", &src), "en-us");
	ck_assert_int_eq(src, SCRIPT_LANGUAGE_VOICE);
}
END_TEST

START_TEST(normalizer_tag_keeps_the_voice_customs)
{
	static const struct {
		const char *lang, *voice, *want;
	} cases[] = {
		{ "en", "en-gb", "en-gb" },	/* the voice's region: day-first dates */
		{ "en-US", "en-gb", "en-US" },	/* the article's region wins */
		{ "de", "en-us", "de" },
		{ "de", "de", "de" },
		{ "es", "en-us", "es" },
		{ "e", "en-us", "e" },
		{ "en-us", "en-us", "en-us" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = script_normalizer_tag(cases[i].lang, cases[i].voice);

		ck_assert_str_eq(t, cases[i].want);
		free(t);
	}
}
END_TEST

/* script_build_text's choice end to end, as --verbose says it */
static void check_built(const char *option, const char *show, const char *want, const char *want_log)
{
	struct script_options opts = { .language = option, .show_language = show };
	struct script sc;
	char *err;

	script_init(&sc);
	log_set_verbose(true);
	test_stderr_begin();
	ck_assert_int_eq(script_build_text(&sc, "intro", "Guten Tag.", &opts), 0);
	err = test_stderr_end();
	log_set_verbose(false);
	ck_assert_str_eq(sc.language, want);
	ck_assert_msg(strstr(err, want_log) != NULL, "%s", err);
	free(err);
	script_release(&sc);
}

START_TEST(language_of_a_script)
{
	check_built("DE-de", "fr", "de-DE", "'intro': read in de-DE (--language), by the voice 'anchor-de' (de)\n");
	check_built(NULL, "fr", "fr", "'intro': read in fr (podcast.ini [show] language), by the voice 'anchor-fr' (fr-fr)\n");
	check_built("pt", NULL, "pt", "'intro': read in pt (--language), by the voice 'anchor-pt' (pt)\n");
	check_built("pt-br", NULL, "pt-BR", "'intro': read in pt-BR (--language), by the voice 'anchor-pt-br' (pt-br)\n");
	check_built("en", NULL, "en", "'intro': read in en (--language), by the voice 'anchor' (en-us)\n");
	check_built("en-GB", NULL, "en-GB", "'intro': read in en-GB (--language), by the voice 'correspondent' (en-gb-x-rp)\n");
	/* no profile speaks Swedish: the default voice reads it, with no rules */
	check_built("sv", NULL, "sv", "'intro': read in sv (--language), by the voice 'anchor' (en-us)\n");
	check_built(NULL, NULL, "en-us", "'intro': read in en-us (the voice's), by the voice 'anchor' (en-us)\n");
}
END_TEST

START_TEST(junk_language_is_refused)
{
	struct script_options opts = { .language = "klingonese" };
	struct script sc;
	char *err;

	script_init(&sc);
	test_stderr_begin();
	ck_assert_int_eq(script_build_text(&sc, "intro", "Hallo.", &opts), -1);
	err = test_stderr_end();
	ck_assert_str_eq(err, "newscast: 'klingonese': --language is not a language tag (BCP 47: \"de\", \"pt-BR\")\n");
	free(err);
	script_release(&sc);
}
END_TEST

Suite *suite_script(void)
{
	Suite *s = suite_create("script");
	TCase *tc = tcase_create("language");

	tcase_add_test(tc, language_precedence);
	tcase_add_test(tc, normalizer_tag_keeps_the_voice_customs);
	tcase_add_test(tc, language_of_a_script);
	tcase_add_test(tc, junk_language_is_refused);
	suite_add_tcase(s, tc);
	return s;
}
