/* Unit tests for voice: profile defaults, INI profiles and their errors, the voices folder. */
#include "helpers.h"
#include "paths.h"
#include "suites.h"
#include "util.h"
#include "voice.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

/* Loads text as DIR/NAME.ini; returns what voice_profile_load returned and what it printed in *err. */
static int load(struct voice_profile *vp, const char *name, const char *text, char **err)
{
	char *path = xasprintf("%s/%s.ini", test_dir, name);
	int ret;

	test_write_file(path, text);
	voice_profile_init(vp);
	test_stderr_begin();
	ret = voice_profile_load(vp, path);
	*err = test_stderr_end();
	free(path);
	return ret;
}

START_TEST(defaults)
{
	struct voice_profile vp;
	const int pauses[BREAK_COUNT] = { 0, 600, 900, 700, 1500, 2500 };
	char *name;

	voice_profile_init(&vp);
	ck_assert_str_eq(vp.espeak, "en-us");
	ck_assert_ptr_null(vp.variant);
	ck_assert_ptr_null(vp.name);
	ck_assert_ptr_null(vp.path);
	ck_assert_ptr_null(vp.description);
	ck_assert_int_eq(vp.rate, 165);
	ck_assert_int_eq(vp.pitch, 50);
	ck_assert_int_eq(vp.range, 50);
	for (int b = 0; b < BREAK_COUNT; b++)
		ck_assert_int_eq(vp.pause_ms[b], pauses[b]);
	name = voice_espeak_name(&vp);
	ck_assert_str_eq(name, "en-us");
	free(name);
	voice_profile_release(&vp);
	ck_assert_ptr_null(vp.espeak);
}
END_TEST

START_TEST(the_anchor_profile)
{
	struct voice_profile vp;
	char *path = paths_join(paths_voices_dir(), "anchor.ini");
	char *name;

	voice_profile_init(&vp);
	ck_assert_int_eq(voice_profile_load(&vp, path), 0);
	ck_assert_str_eq(vp.name, "anchor");
	ck_assert_str_eq(vp.path, path);
	ck_assert_str_eq(vp.description, "American English newsreader (the default)");
	ck_assert_str_eq(vp.espeak, "en-us");
	ck_assert_str_eq(vp.variant, "m3");
	ck_assert_int_eq(vp.rate, 165);
	ck_assert_int_eq(vp.pitch, 45);
	ck_assert_int_eq(vp.range, 45);
	ck_assert_int_eq(vp.pause_ms[BREAK_PARAGRAPH], 600);
	ck_assert_int_eq(vp.pause_ms[BREAK_SECTION], 1500);
	ck_assert_int_eq(vp.pause_ms[BREAK_ARTICLE], 2500);
	name = voice_espeak_name(&vp);
	ck_assert_str_eq(name, "en-us+m3");
	free(name);
	voice_profile_release(&vp);
	free(path);
}
END_TEST

START_TEST(a_profile_of_our_own)
{
	struct voice_profile vp;
	char *err;

	ck_assert_int_eq(load(&vp, "brisk",
			      "; a comment\n[voice]\ndescription = Fast\nespeak = en-gb\nvariant =\nrate = 200\n"
			      "pitch = 0\nrange = 100\n\n[pauses]\nsentence = 100\nsection = 10000\n", &err), 0);
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(vp.name, "brisk");
	ck_assert_str_eq(vp.description, "Fast");
	ck_assert_str_eq(vp.espeak, "en-gb");
	ck_assert_ptr_null(vp.variant);
	ck_assert_int_eq(vp.rate, 200);
	ck_assert_int_eq(vp.pitch, 0);
	ck_assert_int_eq(vp.range, 100);
	ck_assert_int_eq(vp.pause_ms[BREAK_SENTENCE], 100);
	ck_assert_int_eq(vp.pause_ms[BREAK_SECTION], 10000);
	ck_assert_int_eq(vp.pause_ms[BREAK_PARAGRAPH], 600);	/* not given: the default */
	free(err);
	voice_profile_release(&vp);
}
END_TEST

START_TEST(errors_name_the_file_line_and_key)
{
	static const struct {
		const char *text;
		const char *message;
	} cases[] = {
		{ "[voice]\nrate = 165\n\n\nspeed = 3\n", "line 5: unknown key 'speed' in [voice]" },
		{ "[voice]\nrate = 500\n", "line 2: bad value '500' for 'rate' in [voice] (a whole number from 80 to 450)" },
		{ "[voice]\npitch = high\n", "line 2: bad value 'high' for 'pitch' in [voice] (a whole number from 0 to 100)" },
		{ "[voice]\nrange = -1\n", "line 2: bad value '-1' for 'range' in [voice] (a whole number from 0 to 100)" },
		{ "[voice]\nespeak = en+m3\n", "line 2: bad espeak-ng voice 'en+m3' in [voice]" },
		{ "[voice]\nespeak =\n", "line 2: bad espeak-ng voice '' in [voice]" },
		{ "[voice]\nvariant = ../x\n", "line 2: bad variant '../x' in [voice]" },
		{ "[pauses]\ncomma = 5\n", "line 2: unknown key 'comma' in [pauses]" },
		{ "[pauses]\narticle = 10001\n",
		  "line 2: bad value '10001' for 'article' in [pauses] (a whole number from 0 to 10000)" },
		{ "[sound]\nx = 1\n", "line 2: unknown section [sound]" },
		{ "[voice]\nrate 165\n", "line 2: not an INI line" },
		/* the first error is the one reported */
		{ "[voice]\nrate = 1\npitch = 1000\n", "line 2: bad value '1' for 'rate'" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct voice_profile vp;
		char *err, *want = xasprintf("newscast: '%s/bad.ini' %s", test_dir, cases[i].message);

		ck_assert_int_eq(load(&vp, "bad", cases[i].text, &err), -1);
		ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "case %zu: got \"%s\", want \"%s...\"", i, err,
			      want);
		ck_assert_int_eq(err[strlen(err) - 1], '\n');
		free(want);
		free(err);
		voice_profile_release(&vp);
	}
}
END_TEST

/* A folder or a device as a profile is an error, not the default voice, nor a hang. */
START_TEST(profile_is_a_regular_file)
{
	static const char *const paths[] = { "/dev/zero", NULL };
	struct voice_profile vp;
	char *err;

	for (size_t i = 0; i < 2; i++) {
		const char *path = paths[i] ? paths[i] : test_dir;
		char *want = xasprintf("newscast: cannot open voice profile '%s': it is %s, not a file\n", path,
				       paths[i] ? "a device" : "a folder");

		voice_profile_init(&vp);
		test_stderr_begin();
		ck_assert_int_eq(voice_profile_find(&vp, path), -1);
		err = test_stderr_end();
		ck_assert_str_eq(err, want);
		ck_assert_ptr_null(vp.name);
		voice_profile_release(&vp);
		free(err);
		free(want);
	}
}
END_TEST

START_TEST(missing_file)
{
	struct voice_profile vp;
	char *path = xasprintf("%s/none.ini", test_dir);
	char *err, *want = xasprintf("newscast: cannot open voice profile '%s': No such file or directory\n", path);

	voice_profile_init(&vp);
	test_stderr_begin();
	ck_assert_int_eq(voice_profile_load(&vp, path), -1);
	err = test_stderr_end();
	ck_assert_str_eq(err, want);
	ck_assert_ptr_null(vp.name);
	voice_profile_release(&vp);
	free(err);
	free(want);
	free(path);
}
END_TEST

/* The names of the .ini files in the voices folder, counted without voice_list. */
static int count_profiles(void)
{
	DIR *d = opendir(paths_voices_dir());
	struct dirent *de;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)))
		n += de->d_name[0] != '.' && util_ends_with(de->d_name, ".ini");
	closedir(d);
	return n;
}

START_TEST(list_of_voices)
{
	char **names;
	int n = voice_list(&names), anchor = 0;

	ck_assert_int_ge(n, 3);
	ck_assert_int_eq(n, count_profiles());
	for (int i = 0; i < n; i++) {
		anchor += strcmp(names[i], "anchor") == 0;
		ck_assert_ptr_null(strchr(names[i], '.'));
		if (i)
			ck_assert_msg(strcmp(names[i - 1], names[i]) < 0, "'%s' before '%s'", names[i - 1], names[i]);
	}
	ck_assert_int_eq(anchor, 1);
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
END_TEST

START_TEST(find_by_name_or_path)
{
	struct voice_profile vp;
	char *path = xasprintf("%s/mine.ini", test_dir);
	char *err, **names;
	struct strbuf want;
	int n;

	voice_profile_init(&vp);
	ck_assert_int_eq(voice_profile_find(&vp, VOICE_DEFAULT), 0);
	ck_assert_str_eq(vp.name, "anchor");
	ck_assert_str_eq(vp.variant, "m3");
	voice_profile_release(&vp);

	test_write_file(path, "[voice]\nespeak = de\n");
	voice_profile_init(&vp);
	ck_assert_int_eq(voice_profile_find(&vp, path), 0);
	ck_assert_str_eq(vp.name, "mine");
	ck_assert_str_eq(vp.espeak, "de");
	voice_profile_release(&vp);

	/* an unknown name lists the ones there are */
	n = voice_list(&names);
	strbuf_init(&want);
	strbuf_adds(&want, "newscast: unknown voice 'robot' (available: ");
	for (int i = 0; i < n; i++) {
		strbuf_addf(&want, "%s%s", i ? ", " : "", names[i]);
		free(names[i]);
	}
	free(names);
	strbuf_adds(&want, ")\n");
	voice_profile_init(&vp);
	test_stderr_begin();
	ck_assert_int_eq(voice_profile_find(&vp, "robot"), -1);
	err = test_stderr_end();
	ck_assert_str_eq(err, want.buf);
	ck_assert_ptr_nonnull(strstr(err, "anchor, anchor-de, anchor-es"));
	strbuf_release(&want);
	free(err);
	voice_profile_release(&vp);
	free(path);
}
END_TEST

Suite *suite_voice(void)
{
	Suite *s = suite_create("voice");
	TCase *tc = tcase_create("profiles");

	test_add_dir_fixtures(tc);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, the_anchor_profile);
	tcase_add_test(tc, a_profile_of_our_own);
	tcase_add_test(tc, errors_name_the_file_line_and_key);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, profile_is_a_regular_file);
	tcase_add_test(tc, list_of_voices);
	tcase_add_test(tc, find_by_name_or_path);
	suite_add_tcase(s, tc);
	return s;
}
