/* Unit tests for settings: every setting's default, good and bad values, from the command line and from files. */
#include "encode.h"
#include "helpers.h"
#include "log.h"
#include "segment.h"
#include "settings.h"
#include "show.h"
#include "suites.h"
#include "util.h"
#include "voice.h"

#include <stdlib.h>
#include <string.h>

#define TEXT_OF(n) TEXT_OF_(n)
#define TEXT_OF_(n) #n
#define BITRATES "an MP3 bitrate in kbps: 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 192, 224, 256 or 320"

/* What every setting should be. A row is found by its option and a command that takes it,
 * or (for a file's key alone) by its section and key. def is the default as stored
 * (see value_text; "" for none), good a value that is stored as stored, bad one that is
 * refused with the message what (NULL: every value is good). */
static const struct expect {
	const char *cmd, *option, *section, *key;
	const char *def, *good, *stored, *bad, *what;
} expects[] = {
	{ "speak", "output", NULL, NULL, "", "a.mp3", "a.mp3", NULL, NULL },
	{ "speak", "title", NULL, NULL, "", "T", "T", NULL, NULL },
	{ "speak", "author", NULL, NULL, "", "A", "A", NULL, NULL },
	{ "speak", "album", NULL, NULL, "", "B", "B", NULL, NULL },
	{ "speak", "date", NULL, NULL, "", "2024-02-29", "2024-02-29", "2026-02-30", "a date, YYYY-MM-DD" },
	{ "speak", "comment", NULL, NULL, "", "C", "C", NULL, NULL },
	{ "speak", "bitrate", "audio", "bitrate", "96", "128", "128", "100", BITRATES },
	{ "speak", "quality", "audio", "quality", TEXT_OF(ENCODE_DEFAULT_QUALITY), "9", "9", "10",
	  "a whole number from 0 to 9" },
	{ "speak", "sample-rate", "audio", "sample_rate", "44100", "22050", "22050", "11025",
	  "16000, 22050, 24000, 32000, 44100 or 48000" },
	{ "speak", "loudness", "audio", "loudness", "-16", "-16.5", "-16.5", "-4", "a number from -40 to -5" },
	{ "speak", "true-peak", "audio", "true_peak", "-1", "-1.5", "-1.5", "0.5", "a number from -12 to 0" },
	{ "speak", "quiet", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "build", "jobs", NULL, NULL, "0", "64", "64", "65", "a whole number from 1 to 64" },
	{ "part", "jobs", NULL, NULL, "0", "4", "4", "65", "a whole number from 1 to 64" },
	{ "build", "rebuild", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "build", "date", NULL, NULL, "", "2026-03-02", "2026-03-02", "2026-02-30", "a date, YYYY-MM-DD" },
	{ "build", "wait", NULL, NULL, "0", "86400", "86400", "-1", "a whole number from 0 to 86400" },
	{ "plan", "all", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "plan", "count", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "part", "task", NULL, NULL, "0", "12", "12", "-1", "a whole number from 0 to 2147483647" },
	{ "part", "plan", NULL, NULL, "", "plan.jsonl", "plan.jsonl", NULL, NULL },
	{ "speak", "voice", "voice", "profile", "", "presenter", "presenter", NULL, NULL },
	{ "speak", "language", NULL, NULL, "", "pt-BR", "pt-BR", NULL, NULL },
	{ "voices", "language", NULL, NULL, "", "es", "es", NULL, NULL },
	{ "init", "language", NULL, NULL, "", "de", "de", NULL, NULL },
	{ "speak", "keep-boilerplate", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "speak", "rules", NULL, NULL, "", "x.rules", "x.rules", NULL, NULL },
	{ "speak", "no-normalize", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "speak", "lexicon", "voice", "lexicon", "", "/nowhere/names.lex", "/nowhere/names.lex", NULL, NULL },
	{ "speak", "format", NULL, NULL, "0", "md", "2", "pdf", "text, markdown, html or feed" },
	{ "speak", "item", NULL, NULL, "", "3", "3", NULL, NULL },
	{ "speak", "max-minutes", "episode", "max_minutes", "0", "1440", "1440", "0", "a whole number from 1 to 1440" },
	{ "speak", "verbose", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "build", "verbose", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "feed", "verbose", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ "voices", "help", NULL, NULL, "false", NULL, "true", NULL, NULL },
	{ NULL, NULL, "show", "title", "", "Harbour", "Harbour", NULL, NULL },
	{ NULL, NULL, "show", "author", "", "A", "A", NULL, NULL },
	{ NULL, NULL, "show", "description", "", "D", "D", NULL, NULL },
	{ NULL, NULL, "show", "language", "", "pt-BR", "pt-BR", NULL, NULL },
	{ NULL, NULL, "show", "link", "", "https://example.com/", "https://example.com/", NULL, NULL },
	{ NULL, NULL, "show", "base_url", "", "https://example.com/p/", "https://example.com/p/", NULL, NULL },
	{ NULL, NULL, "show", "image", "", "cover.jpg", "cover.jpg", NULL, NULL },
	{ NULL, NULL, "show", "category", "", "news", "News", NULL, NULL },
	{ NULL, NULL, "show", "owner_name", "", "O", "O", NULL, NULL },
	{ NULL, NULL, "show", "owner_email", "", "o@example.com", "o@example.com", NULL, NULL },
	{ NULL, NULL, "show", "copyright", "", "C", "C", NULL, NULL },
	{ NULL, NULL, "show", "explicit", "false", "true", "true", "maybe", "true, false, yes or no" },
	{ NULL, NULL, "show", "locked", "false", "yes", "true", "maybe", "true, false, yes or no" },
	{ NULL, NULL, "show", "keep", "0", "10", "10", "-1", "a whole number from 0 to 100000" },
	{ NULL, NULL, "episode", "mode", "digest", "article", "article", "weekly", "digest or article" },
	{ NULL, NULL, "episode", "title", "{show} — {date:%A %-d %B %Y}", "{headline}", "{headline}", NULL, NULL },
	{ NULL, NULL, "episode", "intro", "This is {show} for {date:%A %-d %B}.", "Hi.", "Hi.", NULL, NULL },
	{ NULL, NULL, "episode", "outro", "", "Bye.", "Bye.", NULL, NULL },
	{ NULL, NULL, "episode", "between", "", "chime.wav", "chime.wav", NULL, NULL },
	{ NULL, NULL, "source", "timeout", "30", "600", "600", "0", "a whole number from 1 to 600" },
	{ NULL, NULL, "source", "max_size", "16", "1", "1", "1025", "a whole number from 1 to 1024" },
	{ NULL, NULL, "source", "max_age", "0", "2", "2", "2.5", "a whole number from 0 to 100000" },
	{ NULL, NULL, "voice", "description", "", "Calm", "Calm", NULL, NULL },
	{ NULL, NULL, "voice", "rate", "165", "450", "450", "79", "a whole number from 80 to 450" },
	{ NULL, NULL, "voice", "pitch", "50", "0", "0", "101", "a whole number from 0 to 100" },
	{ NULL, NULL, "voice", "range", "50", "100", "100", "high", "a whole number from 0 to 100" },
	{ NULL, NULL, "pauses", "sentence", "0", "100", "100", "10001", "a whole number from 0 to 10000" },
	{ NULL, NULL, "pauses", "paragraph", "600", "0", "0", "-1", "a whole number from 0 to 10000" },
	{ NULL, NULL, "pauses", "headline", "900", "1", "1", "x", "a whole number from 0 to 10000" },
	{ NULL, NULL, "pauses", "subheading", "700", "2", "2", "", "a whole number from 0 to 10000" },
	{ NULL, NULL, "pauses", "section", "1500", "10000", "10000", "1e3", "a whole number from 0 to 10000" },
	{ NULL, NULL, "pauses", "article", "2500", "3", "3", "9999999999", "a whole number from 0 to 10000" },
};

static const char *const commands[] = { "speak", "script", "build", "feed", "init", "voices", "plan", "part" };

static unsigned command_bit(const char *cmd)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(cmd, commands[i]) == 0)
			return 1u << i;
	ck_abort_msg("no command '%s'", cmd);
	return 0;
}

static bool expect_is_row(const struct expect *e, const struct setting *s)
{
	if (e->option)
		return s->option && strcmp(e->option, s->option) == 0 && (s->commands & command_bit(e->cmd));
	return !s->option && strcmp(e->section, s->section) == 0 && strcmp(e->key, s->key) == 0;
}

static const struct expect *expect_of(const struct setting *s)
{
	const struct expect *found = NULL;

	for (size_t i = 0; i < sizeof expects / sizeof expects[0]; i++) {
		if (expect_is_row(&expects[i], s)) {
			ck_assert_msg(!found, "two expectations for --%s [%s] %s", s->option, s->section, s->key);
			found = &expects[i];
		}
	}
	return found;
}

/* A setting's value in base as text: numbers as printf's %d and %g, a bool as true or
 * false, a choice by its name, a string as it is and a NULL one as "". A new string. */
static char *value_text(const struct setting *s, enum settings_source source, const void *base)
{
	const void *field = (const char *)base + s->at[source] - 1;

	switch (s->type) {
	case SETTING_BOOL:
		return xstrdup(*(const bool *)field ? "true" : "false");
	case SETTING_INT:
	case SETTING_SAMPLE_RATE:
	case SETTING_BITRATE:
	case SETTING_FORMAT:
		return xasprintf("%d", *(const int *)field);
	case SETTING_CHOICE:
		return xstrdup(s->choices[*(const int *)field]);
	case SETTING_DOUBLE:
		return xasprintf("%g", *(const double *)field);
	case SETTING_STRING:
	case SETTING_PATH:
	case SETTING_DATE:
		return xstrdup(*(const char *const *)field ? *(const char *const *)field : "");
	}
	return NULL;
}

/* settings_parse of "CMD ARG" (ARG may be NULL) into set; its stderr in *err. */
static int parse(const char *cmd, const char *arg, struct settings *set, char **err)
{
	char *argv[] = { (char *)cmd, (char *)arg, NULL };
	int first, ret;

	settings_init(set);
	test_stderr_begin();
	ret = settings_parse(cmd, arg ? 2 : 1, argv, set, &first);
	*err = test_stderr_end();
	log_set_verbose(false);
	return ret;
}

/* podcast.ini in test_dir: a title, then KEY = VALUE in [SECTION] on line 4. Loads it into show
 * (initialised here), returns what show_load did and its stderr in *err. */
static int load_show(struct show *show, const char *section, const char *key, const char *value, char **err)
{
	char *ini = xasprintf("%s/podcast.ini", test_dir), *text;
	int ret;

	text = xasprintf("[show]\ntitle = T\n[%s]\n%s = %s\n", section, key, value);
	test_write_file(ini, text);
	show_init(show);
	test_stderr_begin();
	ret = show_load(show, test_dir);
	*err = test_stderr_end();
	free(text);
	free(ini);
	return ret;
}

/* A voice profile in test_dir: KEY = VALUE in [SECTION] on line 2. */
static int load_voice(struct voice_profile *vp, const char *section, const char *key, const char *value, char **err)
{
	char *path = xasprintf("%s/v.ini", test_dir), *text = xasprintf("[%s]\n%s = %s\n", section, key, value);
	int ret;

	test_write_file(path, text);
	voice_profile_init(vp);
	test_stderr_begin();
	ret = voice_profile_load(vp, path);
	*err = test_stderr_end();
	free(text);
	free(path);
	return ret;
}

START_TEST(every_setting_is_expected)
{
	size_t rows = 0;

	for (const struct setting *s = settings_table; s->option || s->key; s++, rows++) {
		ck_assert_msg(expect_of(s), "no expectation for --%s [%s] %s", s->option, s->section, s->key);
		/* a row is stored somewhere, and named where it is */
		ck_assert(s->at[SETTINGS_OPTION] || s->at[SETTINGS_SHOW] || s->at[SETTINGS_VOICE]);
		ck_assert(!s->at[SETTINGS_OPTION] == !s->option);
		ck_assert(!(s->at[SETTINGS_SHOW] || s->at[SETTINGS_VOICE]) == !s->key);
		ck_assert(!s->option || s->commands);
		ck_assert(!s->option || s->help);
	}
	ck_assert_uint_eq(rows, sizeof expects / sizeof expects[0]);
}
END_TEST

/* Each source's struct, as its init leaves it, holds each setting's default. */
START_TEST(defaults)
{
	struct settings set;
	struct show show;
	struct voice_profile vp;

	settings_init(&set);
	show_init(&show);
	voice_profile_init(&vp);
	for (const struct setting *s = settings_table; s->option || s->key; s++) {
		const struct expect *e = expect_of(s);
		const void *bases[SETTINGS_SOURCES] = { &set, &show, &vp };

		for (int src = 0; src < SETTINGS_SOURCES; src++) {
			char *text;

			if (!s->at[src])
				continue;
			text = value_text(s, (enum settings_source)src, bases[src]);
			ck_assert_msg(strcmp(text, e->def) == 0, "--%s [%s] %s in source %d: default '%s', want '%s'",
				      s->option, s->section, s->key, src, text, e->def);
			free(text);
		}
	}
	voice_profile_release(&vp);
	show_release(&show);
}
END_TEST

/* A good value from the command line is stored; a bad one is refused with its one message. */
START_TEST(from_the_command_line)
{
	for (const struct setting *s = settings_table; s->option || s->key; s++) {
		const struct expect *e = expect_of(s);
		struct settings set;
		char *arg, *err, *text, *want;

		if (!s->option)
			continue;
		arg = e->good ? xasprintf("--%s=%s", s->option, e->good) : xasprintf("--%s", s->option);
		ck_assert_msg(parse(e->cmd, arg, &set, &err) == 0, "%s %s: %s", e->cmd, arg, err);
		ck_assert_str_eq(err, "");
		text = value_text(s, SETTINGS_OPTION, &set);
		ck_assert_msg(strcmp(text, e->stored) == 0, "%s %s: stored '%s'", e->cmd, arg, text);
		free(text);
		free(err);
		free(arg);
		if (!e->bad)
			continue;
		arg = xasprintf("--%s=%s", s->option, e->bad);
		ck_assert_int_eq(parse(e->cmd, arg, &set, &err), 2);
		want = xasprintf("newscast %s: bad value '%s' for --%s (%s)\nTry 'newscast %s --help'.\n", e->cmd, e->bad,
				 s->option, e->what, e->cmd);
		ck_assert_str_eq(err, want);
		/* nothing stored */
		text = value_text(s, SETTINGS_OPTION, &set);
		ck_assert_str_eq(text, e->def);
		free(text);
		free(want);
		free(err);
		free(arg);
	}
}
END_TEST

/* The same from a line of podcast.ini, and of a voice profile: the file and line named. */
START_TEST(from_a_file)
{
	for (const struct setting *s = settings_table; s->option || s->key; s++) {
		const struct expect *e = expect_of(s);
		const char *good = e->good ? e->good : "yes";
		struct show show;
		struct voice_profile vp;
		char *err, *text, *want;

		if (s->at[SETTINGS_SHOW]) {
			ck_assert_msg(load_show(&show, s->section, s->key, good, &err) == 0, "[%s] %s: %s", s->section,
				      s->key, err);
			text = value_text(s, SETTINGS_SHOW, &show);
			ck_assert_msg(strcmp(text, e->stored) == 0, "[%s] %s: stored '%s'", s->section, s->key, text);
			free(text);
			free(err);
			show_release(&show);
			if (e->bad) {
				ck_assert_int_eq(load_show(&show, s->section, s->key, e->bad, &err), -1);
				want = xasprintf("newscast: '%s/podcast.ini' line 4: bad value '%s' for '%s' in [%s] (%s)\n",
						 test_dir, e->bad, s->key, s->section, e->what);
				ck_assert_str_eq(err, want);
				free(want);
				free(err);
				show_release(&show);
			}
		}
		if (s->at[SETTINGS_VOICE]) {
			ck_assert_msg(load_voice(&vp, s->section, s->key, good, &err) == 0, "[%s] %s: %s", s->section,
				      s->key, err);
			text = value_text(s, SETTINGS_VOICE, &vp);
			ck_assert_msg(strcmp(text, e->stored) == 0, "[%s] %s: stored '%s'", s->section, s->key, text);
			free(text);
			free(err);
			voice_profile_release(&vp);
			if (e->bad) {
				ck_assert_int_eq(load_voice(&vp, s->section, s->key, e->bad, &err), -1);
				want = xasprintf("newscast: '%s/v.ini' line 2: bad value '%s' for '%s' in [%s] (%s)\n",
						 test_dir, e->bad, s->key, s->section, e->what);
				ck_assert_str_eq(err, want);
				free(want);
				free(err);
				voice_profile_release(&vp);
			}
		}
	}
}
END_TEST

/* The settings the two sources disagreed on: loudness a double in both, one date
 * check, one set of sample rates, and a true peak on the command line. */
START_TEST(the_command_line_and_podcast_ini_agree)
{
	static const char *const rates[] = { "16000", "22050", "24000", "32000", "44100", "48000" };
	static const char *const not_rates[] = { "8000", "11025", "12000", "44101", "96000", "44.1k" };
	struct settings set;
	struct show show;
	char *err, *arg;

	ck_assert_int_eq(parse("speak", "--loudness=-16.5", &set, &err), 0);
	ck_assert_double_eq(set.loudness, -16.5);
	free(err);
	ck_assert_int_eq(load_show(&show, "audio", "loudness", "-16.5", &err), 0);
	ck_assert_double_eq(show.loudness, -16.5);
	free(err);
	show_release(&show);
	ck_assert_int_eq(parse("speak", "--true-peak=-2", &set, &err), 0);
	ck_assert_double_eq(set.true_peak, -2);
	free(err);
	for (size_t i = 0; i < 6; i++) {
		arg = xasprintf("--sample-rate=%s", rates[i]);
		ck_assert_int_eq(parse("speak", arg, &set, &err), 0);
		ck_assert_int_eq(set.sample_rate, atoi(rates[i]));
		free(err);
		ck_assert_int_eq(load_show(&show, "audio", "sample_rate", rates[i], &err), 0);
		ck_assert_int_eq(show.sample_rate, atoi(rates[i]));
		free(err);
		show_release(&show);
		free(arg);
		arg = xasprintf("--sample-rate=%s", not_rates[i]);
		ck_assert_int_eq(parse("speak", arg, &set, &err), 2);
		free(err);
		ck_assert_int_eq(load_show(&show, "audio", "sample_rate", not_rates[i], &err), -1);
		free(err);
		show_release(&show);
		free(arg);
	}
	ck_assert_int_eq(parse("speak", "--date=2026-02-30", &set, &err), 2);
	free(err);
	ck_assert_int_eq(parse("build", "--date=2026-02-30", &set, &err), 2);
	free(err);
}
END_TEST

START_TEST(dates)
{
	ck_assert(settings_valid_date("2026-02-28"));
	ck_assert(settings_valid_date("2024-02-29"));
	ck_assert(settings_valid_date("1999-12-31"));
	ck_assert(!settings_valid_date("2026-02-29"));
	ck_assert(!settings_valid_date("2026-02-30"));
	ck_assert(!settings_valid_date("2026-13-01"));
	ck_assert(!settings_valid_date("2026-04-31"));
	ck_assert(!settings_valid_date("2026-2-3"));
	ck_assert(!settings_valid_date("2026-02-03T10:00"));
	ck_assert(!settings_valid_date(""));
	ck_assert(!settings_valid_date("yesterday"));
}
END_TEST

/* An MP3's bitrate is one its sample rate has: MPEG-1's from 32000 Hz, MPEG-2's below. */
START_TEST(mp3_bitrate_and_sample_rate_together)
{
	static const struct {
		int kbps, hz;
		bool ok;
	} cases[] = {
		{ 96, 44100, true },   { 320, 48000, true },  { 32, 32000, true },	 { 8, 44100, false },
		{ 24, 32000, false },  { 144, 48000, false }, { 160, 22050, true },	 { 8, 16000, true },
		{ 144, 24000, true },  { 192, 22050, false }, { 320, 24000, false },
	};
	struct show show;
	char *err, *ini;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err = settings_check_mp3(SETTINGS_OPTION, cases[i].kbps, cases[i].hz);
		ck_assert_msg(!err == cases[i].ok, "%d kbps at %d Hz: %s", cases[i].kbps, cases[i].hz, err);
		free(err);
	}
	err = settings_check_mp3(SETTINGS_OPTION, 320, 22050);
	ck_assert_str_eq(err, "bad value '320' for --bitrate at --sample-rate 22050 "
			      "(8 to 160 kbps below 32000 Hz; from 32000 Hz, 32 to 320 kbps but 144)");
	free(err);
	/* podcast.ini: the file named, no line (two lines make it) */
	ini = xasprintf("%s/podcast.ini", test_dir);
	test_write_file(ini, "[show]\ntitle = T\n[audio]\nbitrate = 192\nsample_rate = 22050\n");
	show_init(&show);
	test_stderr_begin();
	ck_assert_int_eq(show_load(&show, test_dir), -1);
	err = test_stderr_end();
	free(ini);
	ini = xasprintf("newscast: '%s/podcast.ini': bad value '192' for 'bitrate' in [audio] at sample_rate 22050 "
			"(8 to 160 kbps below 32000 Hz; from 32000 Hz, 32 to 320 kbps but 144)\n", test_dir);
	ck_assert_str_eq(err, ini);
	free(err);
	free(ini);
	show_release(&show);
}
END_TEST

/* Every bad value of one command line is reported, then the hint once. */
START_TEST(every_bad_value_is_reported)
{
	char *argv[] = { "speak", "--loudness", "loud", "-b", "100", "--nope", "--jobs=0", "a.txt", NULL };
	struct settings set;
	char *err;
	int first;

	settings_init(&set);
	test_stderr_begin();
	ck_assert_int_eq(settings_parse("speak", 8, argv, &set, &first), 2);
	err = test_stderr_end();
	ck_assert_str_eq(err, "newscast speak: bad value 'loud' for --loudness (a number from -40 to -5)\n"
			      "newscast speak: bad value '100' for --bitrate (" BITRATES ")\n"
			      "newscast speak: unknown option '--nope'\n"
			      "newscast speak: bad value '0' for --jobs (a whole number from 1 to 64)\n"
			      "Try 'newscast speak --help'.\n");
	free(err);
}
END_TEST

/* A command takes only its own rows; no two of them share a name or a letter. */
START_TEST(each_command_has_its_options)
{
	struct settings set;
	char *err;

	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
		unsigned bit = command_bit(commands[c]);

		for (const struct setting *s = settings_table; s->option || s->key; s++) {
			if (!(s->commands & bit))
				continue;
			for (const struct setting *t = s + 1; t->option || t->key; t++) {
				if (!(t->commands & bit))
					continue;
				ck_assert_msg(strcmp(s->option, t->option) != 0, "%s: --%s twice", commands[c], s->option);
				ck_assert_msg(!s->short_name || s->short_name != t->short_name, "%s: -%c twice", commands[c],
					      s->short_name);
			}
		}
	}
	ck_assert_int_eq(parse("feed", "--loudness=-16", &set, &err), 2);
	ck_assert_str_eq(err, "newscast feed: unknown option '--loudness=-16'\nTry 'newscast feed --help'.\n");
	free(err);
	ck_assert_int_eq(parse("script", "--rebuild", &set, &err), 2);
	free(err);
}
END_TEST

START_TEST(help_comes_from_the_rows)
{
	FILE *fp = tmpfile();
	char buf[4096];
	size_t n;

	ck_assert_ptr_nonnull(fp);
	settings_help(fp, "feed", "[OPTIONS] SHOW", "Writes the feed.");
	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	ck_assert_str_eq(buf, "usage: newscast feed [OPTIONS] SHOW\n\nWrites the feed.\n\noptions:\n"
			      "      --wait SECONDS         wait up to SECONDS for another run on the show to finish "
			      "(default 0), then exit 75\n"
			      "  -v, --verbose              say what is left out of the feed and removed, and why\n"
			      "  -h, --help                 show this help\n");
}
END_TEST

/* The pauses of a voice profile are named as segment names its breaks. */
START_TEST(pauses_are_the_breaks)
{
	for (int b = 0; b < BREAK_COUNT; b++) {
		const struct setting *s = settings_find(SETTINGS_VOICE, "pauses", segment_break_name((enum segment_break)b));

		ck_assert_ptr_nonnull(s);
		ck_assert_uint_eq(s->at[SETTINGS_VOICE] - 1, offsetof(struct voice_profile, pause_ms) + b * sizeof(int));
	}
	ck_assert_ptr_null(settings_find(SETTINGS_VOICE, "pauses", "comma"));
	/* a key of one file is not one of the other's */
	ck_assert_ptr_null(settings_find(SETTINGS_SHOW, "voice", "rate"));
	ck_assert_ptr_null(settings_find(SETTINGS_VOICE, "voice", "profile"));
	ck_assert_ptr_nonnull(settings_find(SETTINGS_SHOW, "voice", "lexicon"));
	ck_assert_ptr_nonnull(settings_find(SETTINGS_VOICE, "voice", "lexicon"));
}
END_TEST

Suite *suite_settings(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("table");

	test_add_dir_fixtures(tc);
	tcase_add_test(tc, every_setting_is_expected);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, from_the_command_line);
	tcase_add_test(tc, from_a_file);
	tcase_add_test(tc, the_command_line_and_podcast_ini_agree);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, mp3_bitrate_and_sample_rate_together);
	tcase_add_test(tc, every_bad_value_is_reported);
	tcase_add_test(tc, each_command_has_its_options);
	tcase_add_test(tc, help_comes_from_the_rows);
	tcase_add_test(tc, pauses_are_the_breaks);
	suite_add_tcase(s, tc);
	return s;
}
