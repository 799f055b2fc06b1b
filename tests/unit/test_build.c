/* Unit tests for build: plan (what is new, read, grouped into episodes, the cache key), part (one job into the cache). */
#include "build.h"
#include "build_one.h"
#include "log.h"
#include "helpers.h"
#include "suites.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* test_dir as a show with podcast.ini's [episode] lines, and its folders as a build makes them. */
static void make_show(const char *episode)
{
	static const char *const dirs[] = { "articles", "public", "public/episodes", ".newscast", ".newscast/cache",
					    ".newscast/staging" };
	char *p;

	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		p = xasprintf("%s/%s", test_dir, dirs[i]);
		ck_assert_int_eq(mkdir(p, 0700), 0);
		free(p);
	}
	p = xasprintf("%s/podcast.ini", test_dir);
	{
		char *ini = xasprintf("[show]\ntitle = Test show\n[episode]\n%s", episode);

		test_write_file(p, ini);
		free(ini);
	}
	free(p);
}

static void article(const char *name, const char *text)
{
	char *p = xasprintf("%s/articles/%s", test_dir, name);

	test_write_file(p, text);
	free(p);
}

/* The content hash a build gives a file. */
static char *hash_of(const char *text)
{
	return util_hex64(util_fnv(UTIL_FNV_START, text, strlen(text)));
}

static const struct build_options one_job = { .jobs = 1, .quiet = true, .when = 1795000000 };

START_TEST(plan_leaves_out_what_is_published_and_rejects_what_cannot_be_read)
{
	static const char *const b_text = "Second story\n\nIt was published before.\n";
	static const char *const c_text = "Third story\n\nIt failed before.\n";
	struct build b;
	struct build_state st = { 0 };
	struct build_plan plan;
	char *hb = hash_of(b_text), *hc = hash_of(c_text);

	make_show("mode = digest\nintro =\noutro =\n");
	article("a.txt", "First story\n\nIt is new.\n");
	article("b.txt", b_text);
	article("c.txt", c_text);
	article("d.txt", "");
	article("e.txt", "Fifth story\n\nIt is new too.\n");
	article("notes.doc", "not an article");
	ck_assert_int_eq(build_init(&b, test_dir, &one_job), 0);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	build_state_set(&st, "b.txt", hb, "2026-11-29-test-show", NULL);
	build_state_set(&st, "c.txt", hc, NULL, "it failed");
	build_plan_init(&plan);
	ck_assert_int_eq(build_plan(&b, &st, &plan), 0);
	ck_assert(plan.inbox_read);
	ck_assert_uint_eq(plan.n_new, 3);	/* a, d, e */
	ck_assert_uint_eq(plan.published, 1);
	ck_assert_uint_eq(plan.changed, 0);
	/* the empty article is rejected, to be set aside, with why */
	ck_assert_uint_eq(plan.n_rejects, 1);
	ck_assert_str_eq(plan.rejects[0].name, "d.txt");
	ck_assert(plan.rejects[0].file);
	ck_assert(error_is_input_fault(plan.rejects[0].err.kind));
	ck_assert_ptr_nonnull(strstr(plan.rejects[0].err.message, "d.txt"));
	/* one digest of the two, in the inbox's order, each with its key */
	ck_assert_uint_eq(plan.n_episodes, 1);
	ck_assert_uint_eq(plan.episodes[0].first, 0);
	ck_assert_uint_eq(plan.episodes[0].n, 2);
	ck_assert_ptr_null(plan.episodes[0].replaces);
	ck_assert_uint_eq(plan.n_jobs, 2);
	ck_assert_str_eq(plan.jobs[0]->id, "a.txt");
	ck_assert_str_eq(plan.jobs[1]->id, "e.txt");
	ck_assert_str_eq(plan.jobs[0]->sc.doc.headline, "First story");
	ck_assert_int_eq(plan.jobs[0]->kind, BUILD_ARTICLE);
	/* the pause between articles, and none after the last when no outro follows */
	ck_assert_int_eq(plan.jobs[0]->job.tail_ms, b.voice.pause_ms[BREAK_ARTICLE]);
	ck_assert_int_eq(plan.jobs[1]->job.tail_ms, 0);
	ck_assert_uint_eq(strlen(plan.jobs[0]->key), 64);
	ck_assert_uint_eq(strspn(plan.jobs[0]->key, "0123456789abcdef"), 64);
	ck_assert_str_ne(plan.jobs[0]->key, plan.jobs[1]->key);
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);
	free(hb);
	free(hc);
}
END_TEST

START_TEST(plan_groups_articles_with_the_intro_and_outro)
{
	struct build b;
	struct build_state st = { 0 };
	struct build_plan plan, again;
	static const enum build_kind digest[] = { BUILD_INTRO, BUILD_ARTICLE, BUILD_ARTICLE, BUILD_ARTICLE,
						  BUILD_OUTRO };

	make_show("mode = digest\nintro = This is {show}.\noutro = That was {show}.\n");
	for (int i = 1; i <= 3; i++) {
		char name[32], *text = xasprintf("Story %d\n\nIt is story number %d.\n", i, i);

		snprintf(name, sizeof name, "s%d.txt", i);
		article(name, text);
		free(text);
	}
	ck_assert_int_eq(build_init(&b, test_dir, &one_job), 0);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	build_plan_init(&plan);
	ck_assert_int_eq(build_plan(&b, &st, &plan), 0);
	ck_assert_uint_eq(plan.n_episodes, 1);
	ck_assert_uint_eq(plan.n_jobs, 5);
	for (size_t i = 0; i < 5; i++)
		ck_assert_int_eq(plan.jobs[i]->kind, digest[i]);
	ck_assert_uint_ge(plan.jobs[0]->sc.segments.n, 1);
	ck_assert_ptr_nonnull(strstr(plan.jobs[0]->sc.segments.items[0].written, "This is Test show"));
	ck_assert_str_eq(plan.jobs[3]->id, "s3.txt");
	ck_assert_int_eq(plan.jobs[3]->job.tail_ms, b.voice.pause_ms[BREAK_SECTION]);
	/* the same show planned again: the same keys, so the parts are found in the cache */
	build_plan_init(&again);
	ck_assert_int_eq(build_plan(&b, &st, &again), 0);
	for (size_t i = 0; i < 5; i++)
		ck_assert_str_eq(plan.jobs[i]->key, again.jobs[i]->key);
	build_plan_release(&again);
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);

	/* article mode: an episode each, each with its own intro and outro */
	{
		char *ini = xasprintf("%s/podcast.ini", test_dir);

		test_write_file(ini, "[show]\ntitle = Test show\n[episode]\nmode = article\nintro = Hello.\noutro = Bye.\n");
		free(ini);
	}
	ck_assert_int_eq(build_init(&b, test_dir, &one_job), 0);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	build_plan_init(&plan);
	ck_assert_int_eq(build_plan(&b, &st, &plan), 0);
	ck_assert_uint_eq(plan.n_episodes, 3);
	ck_assert_uint_eq(plan.n_jobs, 9);
	for (size_t e = 0; e < 3; e++) {
		ck_assert_uint_eq(plan.episodes[e].first, 3 * e);
		ck_assert_uint_eq(plan.episodes[e].n, 3);
		ck_assert_int_eq(plan.jobs[3 * e]->kind, BUILD_INTRO);
		ck_assert_int_eq(plan.jobs[3 * e + 1]->kind, BUILD_ARTICLE);
		ck_assert_int_eq(plan.jobs[3 * e + 2]->kind, BUILD_OUTRO);
	}
	ck_assert_str_eq(plan.jobs[4]->id, "s2.txt");
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);
}
END_TEST

START_TEST(part_renders_a_job_into_the_cache)
{
	struct build b;
	struct build_state st = { 0 };
	struct build_plan plan;
	struct build_part part = { 0 }, cached = { 0 };
	const struct build_job *job;
	char *mp3, *meta;

	make_show("mode = digest\nintro =\noutro =\n");
	article("a.txt", "A short story\n\nIt has two sentences. This is the second.\n");
	ck_assert_int_eq(build_init(&b, test_dir, &one_job), 0);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	build_plan_init(&plan);
	ck_assert_int_eq(build_plan(&b, &st, &plan), 0);
	ck_assert_uint_eq(plan.n_jobs, 1);
	job = plan.jobs[0];
	ck_assert_int_eq(build_part(b.cache_dir, job, &part), 0);
	ck_assert(part.ready);
	ck_assert_int_eq(part.err.kind, ERROR_NONE);
	mp3 = xasprintf("%s/%s.mp3", b.cache_dir, job->key);
	meta = xasprintf("%s/%s.meta", b.cache_dir, job->key);
	ck_assert(test_exists(mp3));
	ck_assert(test_exists(meta));
	/* a timing a segment, in order, each within the part */
	ck_assert_uint_eq(part.res.n_timings, job->sc.segments.n);
	ck_assert_uint_ge(part.res.n_timings, 3);
	ck_assert_uint_gt(part.res.n_words, 6);
	ck_assert_uint_gt(part.res.part.frames, 0);
	for (size_t k = 0; k < part.res.n_timings; k++) {
		const struct article_timing *t = &part.res.timings[k];

		ck_assert_uint_le(t->start_ms, t->speech_ms);
		ck_assert_uint_lt(t->speech_ms, t->end_ms);
		if (k)
			ck_assert_uint_le(part.res.timings[k - 1].end_ms, t->start_ms);
	}
	ck_assert_uint_lt(part.res.timings[part.res.n_timings - 1].end_ms, 15000);
	/* found again in the cache, as made */
	ck_assert(build_part_cached(b.cache_dir, job, &cached));
	ck_assert(cached.ready);
	ck_assert_uint_eq(cached.res.n_timings, part.res.n_timings);
	ck_assert_uint_eq(cached.res.n_words, part.res.n_words);
	ck_assert_uint_eq(cached.res.part.frames, part.res.part.frames);
	ck_assert_uint_eq(cached.res.timings[1].speech_ms, part.res.timings[1].speech_ms);
	build_part_release(&cached);
	build_part_release(&part);
	free(mp3);
	free(meta);
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);
}
END_TEST

START_TEST(a_part_made_at_one_job_is_found_at_two)
{
	static const struct build_options two_jobs = { .jobs = 2, .quiet = true, .when = 1795000000 };
	const struct build_options *opts[2] = { &one_job, &two_jobs };
	struct build_part part = { 0 };
	char *key = NULL;

	make_show("mode = digest\nintro =\noutro =\n");
	article("a.txt", "A short story\n\nIt has two sentences. This is the second.\n");
	/* --jobs says how many cores make it, not what it is: the same key, so the same part */
	for (int k = 0; k < 2; k++) {
		struct build b;
		struct build_state st = { 0 };
		struct build_plan plan;

		ck_assert_int_eq(build_init(&b, test_dir, opts[k]), 0);
		ck_assert_int_eq(build_state_load(&st, test_dir), 0);
		build_plan_init(&plan);
		ck_assert_int_eq(build_plan(&b, &st, &plan), 0);
		ck_assert_uint_eq(plan.n_jobs, 1);
		if (k == 0) {
			key = xstrdup(plan.jobs[0]->key);
			ck_assert_int_eq(build_part(b.cache_dir, plan.jobs[0], &part), 0);
		} else {
			ck_assert_str_eq(plan.jobs[0]->key, key);
			ck_assert(build_part_cached(b.cache_dir, plan.jobs[0], &part));
		}
		ck_assert(part.ready);
		build_part_release(&part);
		build_plan_release(&plan);
		build_state_release(&st);
		build_release(&b);
	}
	free(key);
}
END_TEST

START_TEST(a_part_that_fails_says_why_as_the_inputs_fault)
{
	struct build b;
	struct build_state st = { 0 };
	struct build_plan plan;
	struct build_part part = { 0 };

	make_show("mode = digest\nintro =\noutro =\n");
	article("a.txt", "A short story\n\nIt has one sentence.\n");
	ck_assert_int_eq(build_init(&b, test_dir, &one_job), 0);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	build_plan_init(&plan);
	ck_assert_int_eq(build_plan(&b, &st, &plan), 0);
	/* espeak-ng has no such voice: the worker fails, and the part says it failed */
	free(b.voice.espeak);
	b.voice.espeak = xstrdup("zz-no-such-voice");
	ck_assert_int_eq(build_part(b.cache_dir, plan.jobs[0], &part), -1);
	ck_assert(!part.ready);
	ck_assert_int_eq(part.err.kind, ERROR_INPUT);
	ck_assert_ptr_nonnull(part.err.message);
	ck_assert_str_ne(part.err.message, "");
	/* nothing half-made is left in the cache */
	ck_assert_int_eq(test_count_entries(b.cache_dir), 0);
	build_part_release(&part);
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);
}
END_TEST

START_TEST(a_plan_in_outline_keeps_the_keys_of_what_it_reads_in_full)
{
	static const struct build_options opts = { .jobs = 1, .quiet = true, .when = 1795000000 };
	struct build b;
	struct build_state st;
	struct build_plan full, outline;
	char *only[] = { "b.txt" };

	make_show("mode = digest\nintro = This is {show}: {headline}.\noutro = Bye.\n");
	article("a.txt", "First story\n\nIt costs $5 on 3 March.\n");
	article("b.txt", "Second story\n\nIt costs $7 on 4 March.\n");
	article("c.txt", "Third story\n\nIt costs $9 on 5 March.\n");
	ck_assert_int_eq(build_plan_now(&b, &st, &full, test_dir, &opts, NULL, 0), 0);
	build_state_release(&st);
	build_release(&b);
	ck_assert_int_eq(build_plan_now(&b, &st, &outline, test_dir, &opts, only, 1), 0);
	ck_assert_uint_eq(outline.n_jobs, 5);
	ck_assert_uint_eq(full.n_jobs, 5);
	for (size_t i = 0; i < 5; i++) {
		const struct build_job *f = full.jobs[i], *o = outline.jobs[i];

		ck_assert(!f->outline);
		ck_assert_int_eq(f->kind, o->kind);
		/* what is read in full has its key; the intro, of the first headline, too */
		if (o->kind != BUILD_ARTICLE || strcmp(o->name, "b.txt") == 0) {
			ck_assert(!o->outline);
			ck_assert_str_eq(o->key, f->key);
		} else {
			/* the others only in outline: as written, not spoken ("$5", not "five dollars") */
			ck_assert(o->outline);
			ck_assert_ptr_nonnull(strstr(o->sc.segments.items[1].text, "$"));
			ck_assert_ptr_null(strstr(f->sc.segments.items[1].text, "$"));
			ck_assert_str_ne(o->key, f->key);
		}
	}
	build_plan_release(&outline);
	build_plan_release(&full);
	build_state_release(&st);
	build_release(&b);
}
END_TEST

/* Whether job's key in b is still k (1), or another (0); the key is made afresh each time. */
static int key_is(const struct build *b, const struct build_job *job, const char *k)
{
	char *now = build_plan_key(b, job);
	int same = strcmp(now, k) == 0;

	free(now);
	return same;
}

/* Changes an int of the build or job, checks the key changed, and puts it back. */
#define CHANGES_KEY(field, value)                                                                              \
	do {                                                                                                   \
		__typeof__(field) was_ = (field);                                                              \
		(field) = (value);                                                                             \
		ck_assert_msg(!key_is(&b, job, k0), "the key does not change with " #field);                   \
		(field) = was_;                                                                                \
		ck_assert(key_is(&b, job, k0));                                                                \
	} while (0)

START_TEST(the_key_changes_with_each_ingredient_and_nothing_else)
{
	struct build b;
	struct build_state st = { 0 };
	struct build_plan plan;
	struct build_job *job;
	struct segment *seg;
	char *k0, *lex = xasprintf("%s/show.lex", test_dir), *vlex = xasprintf("%s/voice.lex", test_dir);
	char *text, *name, *desc, *espeak;

	make_show("mode = digest\nintro =\noutro =\n");
	article("a.txt", "A short story\n\nIt has two sentences. This is the second.\n");
	ck_assert_int_eq(build_init(&b, test_dir, &one_job), 0);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	build_plan_init(&plan);
	ck_assert_int_eq(build_plan(&b, &st, &plan), 0);
	ck_assert_uint_eq(plan.n_jobs, 1);
	job = plan.jobs[0];
	seg = &job->sc.segments.items[1];
	k0 = xstrdup(job->key);
	/* equal inputs, equal keys */
	ck_assert(key_is(&b, job, k0));
	/* what is spoken */
	text = seg->text;
	seg->text = xstrdup("It has two sentences!");
	ck_assert(!key_is(&b, job, k0));
	free(seg->text);
	seg->text = text;
	CHANGES_KEY(seg->pause_ms, seg->pause_ms + 1);
	CHANGES_KEY(seg->phonemes, !seg->phonemes);
	CHANGES_KEY(job->sc.segments.n, job->sc.segments.n - 1);
	CHANGES_KEY(job->job.tail_ms, job->job.tail_ms + 1);
	/* the voice, every field that sounds */
	espeak = b.voice.espeak;
	b.voice.espeak = xstrdup("en-gb");
	ck_assert(!key_is(&b, job, k0));
	free(b.voice.espeak);
	b.voice.espeak = espeak;
	{
		char *variant = b.voice.variant;

		b.voice.variant = xstrdup(variant && strcmp(variant, "m3") == 0 ? "f2" : "m3");
		ck_assert(!key_is(&b, job, k0));
		free(b.voice.variant);
		b.voice.variant = NULL;
		ck_assert(!key_is(&b, job, k0));
		b.voice.variant = xstrdup("");	/* "" is not "none" */
		ck_assert(!key_is(&b, job, k0) || !variant);
		free(b.voice.variant);
		b.voice.variant = variant;
		ck_assert(key_is(&b, job, k0));
	}
	CHANGES_KEY(b.voice.rate, b.voice.rate + 1);
	CHANGES_KEY(b.voice.pitch, b.voice.pitch + 1);
	CHANGES_KEY(b.voice.range, b.voice.range + 1);
	for (int i = 0; i < BREAK_COUNT; i++)
		CHANGES_KEY(b.voice.pause_ms[i], b.voice.pause_ms[i] + 1);
	/* what does not sound: the profile's name and description */
	name = b.voice.name;
	desc = b.voice.description;
	b.voice.name = xstrdup("another");
	b.voice.description = xstrdup("another description");
	ck_assert(key_is(&b, job, k0));
	free(b.voice.name);
	free(b.voice.description);
	b.voice.name = name;
	b.voice.description = desc;
	/* the lexicons in force: named, then their bytes */
	ck_assert_ptr_null(b.script.lexicon);
	test_write_file(lex, "Nginx engine x\n");
	b.script.lexicon = lex;
	ck_assert(!key_is(&b, job, k0));
	{
		char *k1 = build_plan_key(&b, job);

		test_write_file(lex, "Nginx engine ex\n");
		ck_assert(!key_is(&b, job, k1));
		ck_assert(!key_is(&b, job, k0));
		free(k1);
	}
	b.script.lexicon = NULL;
	ck_assert(key_is(&b, job, k0));
	test_write_file(vlex, "Nginx engine x\n");
	b.voice.lexicon = vlex;
	ck_assert(!key_is(&b, job, k0));
	b.voice.lexicon = NULL;
	ck_assert(key_is(&b, job, k0));
	/* the audio and its encoding */
	CHANGES_KEY(b.audio.out_rate, 22050);
	CHANGES_KEY(b.audio.target_lufs, b.audio.target_lufs + 0.5);
	CHANGES_KEY(b.audio.ceiling_dbtp, b.audio.ceiling_dbtp - 0.5);
	CHANGES_KEY(b.encode.format, ENCODE_WAV);
	CHANGES_KEY(b.encode.rate, 22050);
	CHANGES_KEY(b.encode.bitrate, 128);
	CHANGES_KEY(b.encode.quality, b.encode.quality + 1);
	/* what only says how it is made: threads for the loudness passes, the time limit */
	b.audio.jobs = 7;
	job->job.timeout_ms = 1;
	ck_assert(key_is(&b, job, k0));
	/* and the install */
	ck_assert_uint_eq(strlen(build_install(b.voice.espeak)), 64);
	free(k0);
	free(lex);
	free(vlex);
	build_plan_release(&plan);
	build_state_release(&st);
	build_release(&b);
}
END_TEST

/* Writes DIR/NAME with text. */
static void data_file(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);

	test_write_file(p, text);
	free(p);
}

/* Whether the fingerprint of this install is want's (same) or another (!same). */
static void install_check(const char *want, bool same, const char *newscast, const char *espeak, const char *data,
			  const char *voice, const char *what)
{
	char *i = build_install_digest(newscast, espeak, data, voice);

	ck_assert_msg((strcmp(i, want) == 0) == same, "%s: the install %s", what, same ? "changed" : "did not change");
	free(i);
}

/* The show's [audio] settings are the encoder's: LAME's quality from podcast.ini, else the default. */
START_TEST(the_show_sets_the_encoders_quality)
{
	struct build b;
	char *ini = xasprintf("%s/podcast.ini", test_dir);

	make_show("mode = digest\n[audio]\nquality = 9\nbitrate = 64\n");
	ck_assert_int_eq(build_init(&b, test_dir, &one_job), 0);
	ck_assert_int_eq(b.encode.quality, 9);
	ck_assert_int_eq(b.encode.bitrate, 64);
	build_release(&b);
	test_write_file(ini, "[show]\ntitle = Test show\n");
	ck_assert_int_eq(build_init(&b, test_dir, &one_job), 0);
	ck_assert_int_eq(b.encode.quality, ENCODE_DEFAULT_QUALITY);
	build_release(&b);
	free(ini);
}
END_TEST

START_TEST(the_install_is_newscast_espeak_and_the_data_that_sounds)
{
	static const char *const files[] = { "phontab", "phonindex", "phondata", "intonations", "en_dict" };
	char *data = xasprintf("%s/espeak-ng-data", test_dir);
	char *i0;

	ck_assert_int_eq(mkdir(data, 0700), 0);
	for (size_t k = 0; k < 5; k++)
		data_file(data, files[k], files[k]);
	data_file(data, "de_dict", "de");
	i0 = build_install_digest("0.1", "1.51", data, "en-us");
	ck_assert_uint_eq(strlen(i0), 64);
	install_check(i0, true, "0.1", "1.51", data, "en-us", "equal inputs");
	install_check(i0, true, "0.1", "1.51", data, "en-gb-x-rp", "another voice of the language");
	data_file(data, "de_dict", "de, changed");
	install_check(i0, true, "0.1", "1.51", data, "en-us", "another language's dictionary");
	install_check(i0, false, "0.1", "1.51", data, "de", "another language");
	install_check(i0, false, "0.2", "1.51", data, "en-us", "newscast's version");
	install_check(i0, false, "0.1", "1.52", data, "en-us", "espeak-ng's version");
	install_check(i0, false, "0.1", "1.51", NULL, "en-us", "no data folder");
	/* each data file, changed and put back */
	for (size_t k = 0; k < 5; k++) {
		data_file(data, files[k], "changed");
		install_check(i0, false, "0.1", "1.51", data, "en-us", files[k]);
		data_file(data, files[k], files[k]);
		install_check(i0, true, "0.1", "1.51", data, "en-us", files[k]);
	}
	free(i0);
	free(data);
}
END_TEST

/* speak's build of one article: its file, with a chapter for each section and tags from the
 * article, or a one-line error and nothing written. */
START_TEST(one_article_is_built_into_a_file_of_its_own)
{
	char *in = xasprintf("%s/story.md", test_dir), *out = xasprintf("%s/story.wav", test_dir);
	char *bad = xasprintf("%s/empty.txt", test_dir), *none = xasprintf("%s/none.wav", test_dir);
	struct settings a;
	unsigned char *data;
	size_t len;

	test_write_file(in, "# Ferry returns\n\nThe ferry runs again.\n\n## Times\n\nIt leaves at six.\n");
	settings_init(&a);
	a.output = out;
	a.quiet = true;
	a.jobs = 1;
	a.sample_rate = 22050;
	ck_assert_int_eq(build_one(in, &a), 0);
	data = test_read_file(out, &len);
	ck_assert_ptr_nonnull(data);
	ck_assert_int_eq(memcmp(data, "RIFF", 4), 0);
	ck_assert_uint_gt(len, 44 + 22050 * 2);	/* more than a second of 16-bit speech */
	free(data);
	/* an empty article: refused, no file */
	test_write_file(bad, "");
	a.output = none;
	log_set_quiet_errors(true);
	ck_assert_int_eq(build_one(bad, &a), 1);
	ck_assert(!test_exists(none));
	settings_release(SETTINGS_OPTION, &a);
	free(in);
	free(out);
	free(bad);
	free(none);
}
END_TEST

Suite *suite_build(void)
{
	Suite *s = suite_create("build");
	TCase *plan = tcase_create("plan"), *part = tcase_create("part");

	tcase_set_timeout(plan, 30);
	test_add_dir_fixtures(plan);
	tcase_add_test(plan, plan_leaves_out_what_is_published_and_rejects_what_cannot_be_read);
	tcase_add_test(plan, plan_groups_articles_with_the_intro_and_outro);
	tcase_add_test(plan, the_key_changes_with_each_ingredient_and_nothing_else);
	tcase_add_test(plan, a_plan_in_outline_keeps_the_keys_of_what_it_reads_in_full);
	tcase_add_test(plan, the_install_is_newscast_espeak_and_the_data_that_sounds);
	tcase_add_test(plan, the_show_sets_the_encoders_quality);
	suite_add_tcase(s, plan);
	tcase_set_timeout(part, 120);
	test_add_dir_fixtures(part);
	tcase_add_test(part, part_renders_a_job_into_the_cache);
	tcase_add_test(part, a_part_made_at_one_job_is_found_at_two);
	tcase_add_test(part, a_part_that_fails_says_why_as_the_inputs_fault);
	tcase_add_test(part, one_article_is_built_into_a_file_of_its_own);
	suite_add_tcase(s, part);
	return s;
}
