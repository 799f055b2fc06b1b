/* Unit tests for build_state: the show's state read (damaged or odd), saved, and the commit of an episode. */
#include "build_state.h"
#include "helpers.h"
#include "suites.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* test_dir as a show: .newscast/ (with state.json holding text, unless NULL), public/episodes/. */
static void make_show(const char *state_text)
{
	char *p = xasprintf("%s/.newscast", test_dir);

	ck_assert_int_eq(mkdir(p, 0700), 0);
	free(p);
	p = xasprintf("%s/.newscast/staging", test_dir);
	ck_assert_int_eq(mkdir(p, 0700), 0);
	free(p);
	p = xasprintf("%s/public", test_dir);
	ck_assert_int_eq(mkdir(p, 0777), 0);
	free(p);
	p = xasprintf("%s/public/episodes", test_dir);
	ck_assert_int_eq(mkdir(p, 0777), 0);
	free(p);
	p = xasprintf("%s/podcast.ini", test_dir);
	test_write_file(p, "[show]\ntitle = State test\n");
	free(p);
	if (state_text) {
		p = xasprintf("%s/.newscast/state.json", test_dir);
		test_write_file(p, state_text);
		free(p);
	}
}

START_TEST(a_damaged_state_is_refused)
{
	static const char *const damaged[] = {
		"",
		"not json",
		"[1, 2]",
		"{\"episodes\": \"seven\"}",
		"{\"episodes\": -1}",
		"{\"episodes\": 1e12}",
		"{\"articles\": []}",
		"{\"feeds\": \"x\"}",
		"{\"commit\": {}}",
	};

	make_show(NULL);
	for (size_t i = 0; i < sizeof damaged / sizeof damaged[0]; i++) {
		struct build_state st = { 0 };
		char *path = xasprintf("%s/.newscast/state.json", test_dir);

		test_write_file(path, damaged[i]);
		ck_assert_msg(build_state_load(&st, test_dir) == -1, "'%s' was read", damaged[i]);
		build_state_release(&st);
		free(path);
	}
}
END_TEST

START_TEST(an_odd_state_is_read)
{
	struct build_state st = { 0 };

	/* no file: an empty state; a string where a string is looked for in vain: no value */
	make_show(NULL);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	ck_assert_int_eq(build_state_next_number(&st), 1);
	ck_assert_ptr_null(build_state_get(&st, "a.txt", "hash"));
	ck_assert_ptr_nonnull(build_state_feeds(&st));
	ck_assert_uint_eq(build_state_n_commits(&st), 0);
	build_state_release(&st);

	{
		char *path = xasprintf("%s/.newscast/state.json", test_dir);

		test_write_file(path, "{\"articles\": {\"a.txt\": {\"hash\": 7, \"episode\": \"e\"}, \"b.txt\": 3},"
				      " \"episodes\": 4, \"unknown\": true}");
		free(path);
	}
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	ck_assert_ptr_null(build_state_get(&st, "a.txt", "hash"));
	ck_assert_str_eq(build_state_get(&st, "a.txt", "episode"), "e");
	ck_assert_ptr_null(build_state_get(&st, "b.txt", "hash"));
	ck_assert_int_eq(build_state_next_number(&st), 5);
	build_state_release(&st);
}
END_TEST

START_TEST(save_and_load_again)
{
	struct build_state st = { 0 }, again = { 0 };
	struct stat sb;

	make_show(NULL);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	build_state_set(&st, "a.txt", "0123", "2026-11-29-show", NULL);
	build_state_set(&st, "feed:tag:x,2026:1", "4567", NULL, "nothing to speak");
	build_state_set(&st, "b.txt", "89ab", "first", NULL);
	build_state_set(&st, "b.txt", "cdef", "second", NULL);	/* replaces the first */
	ck_assert_int_eq(build_state_save(&st), 0);
	ck_assert_int_eq(stat(st.path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 077, 0);
	ck_assert_int_eq(build_state_load(&again, test_dir), 0);
	ck_assert_str_eq(build_state_get(&again, "a.txt", "hash"), "0123");
	ck_assert_str_eq(build_state_get(&again, "a.txt", "episode"), "2026-11-29-show");
	ck_assert_ptr_null(build_state_get(&again, "a.txt", "failed"));
	ck_assert_str_eq(build_state_get(&again, "feed:tag:x,2026:1", "failed"), "nothing to speak");
	ck_assert_ptr_null(build_state_get(&again, "feed:tag:x,2026:1", "episode"));
	ck_assert_str_eq(build_state_get(&again, "b.txt", "hash"), "cdef");
	ck_assert_str_eq(build_state_get(&again, "b.txt", "episode"), "second");
	build_state_forget(&again, "b.txt");
	ck_assert_ptr_null(build_state_get(&again, "b.txt", "hash"));
	build_state_release(&st);
	build_state_release(&again);
}
END_TEST

/* An episode of two articles, as a build commits it. */
static void two_articles(struct episode *ep, const char *slug, int number)
{
	episode_init(ep);
	ep->slug = xstrdup(slug);
	ep->guid = xstrdup("guid-1");
	ep->number = number;
	episode_add_article(ep, (struct episode_article){ xstrdup("a.txt"), xstrdup("h1"), xstrdup("A"), xstrdup(""),
							   NULL, NULL, NULL });
	episode_add_article(ep, (struct episode_article){ xstrdup("feed:g"), xstrdup("h2"), xstrdup("B"), xstrdup(""),
							   NULL, NULL, NULL });
}

/* Writes the staged (or published) files of slug. */
static void write_files(const char *dir, const char *slug)
{
	for (size_t i = 0; i < EPISODE_N_FILES; i++) {
		char *p = xasprintf("%s/%s/%s%s", test_dir, dir, slug, episode_files[i]);

		test_write_file(p, i == EPISODE_N_FILES - 1 ? "{\"slug\": \"x\"}" : "data");
		free(p);
	}
}

START_TEST(the_commit_list_and_the_numbers)
{
	struct build_state st = { 0 }, again = { 0 };
	struct episode ep, fix;

	make_show(NULL);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	two_articles(&ep, "ep-1", build_state_next_number(&st));
	ck_assert_int_eq(ep.number, 1);
	write_files(".newscast/staging", "ep-1");
	ck_assert_int_eq(build_state_commit(&st, &ep, false), 0);
	/* one save holds it all: the articles, the number, the commit */
	ck_assert_int_eq(build_state_load(&again, test_dir), 0);
	ck_assert_str_eq(build_state_get(&again, "a.txt", "episode"), "ep-1");
	ck_assert_str_eq(build_state_get(&again, "feed:g", "hash"), "h2");
	ck_assert_int_eq(build_state_next_number(&again), 2);
	ck_assert_uint_eq(build_state_n_commits(&again), 1);
	build_state_release(&again);
	/* staged files left: the commit is not done */
	ck_assert_int_eq(build_state_commits_done(&st), 0);
	ck_assert_uint_eq(build_state_n_commits(&st), 1);
	ck_assert_int_eq(build_state_publish(&st, "ep-1", false), 0);
	ck_assert_int_eq(test_count_entries(st.staging), 0);
	ck_assert_int_eq(test_count_entries(st.episodes), EPISODE_N_FILES);
	ck_assert_int_eq(build_state_commits_done(&st), 0);
	ck_assert_uint_eq(build_state_n_commits(&st), 0);
	/* a correction keeps its number, and the count stays */
	two_articles(&fix, "ep-1", 1);
	ck_assert_int_eq(build_state_commit(&st, &fix, true), 0);
	ck_assert_int_eq(build_state_next_number(&st), 2);
	episode_release(&ep);
	episode_release(&fix);
	build_state_release(&st);
}
END_TEST

START_TEST(an_interrupted_commit_is_finished)
{
	struct build_state st = { 0 };
	struct episode ep;
	struct show show;
	char *mp3, *sidecar;

	make_show(NULL);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	two_articles(&ep, "ep-1", 1);
	write_files(".newscast/staging", "ep-1");
	ck_assert_int_eq(build_state_commit(&st, &ep, false), 0);
	build_state_release(&st);
	/* killed after the audio moved: the rest is still staged */
	mp3 = xasprintf("%s/.newscast/staging/ep-1.mp3", test_dir);
	sidecar = xasprintf("%s/public/episodes/ep-1.mp3", test_dir);
	ck_assert_int_eq(rename(mp3, sidecar), 0);
	show_init(&show);
	ck_assert_int_eq(show_load(&show, test_dir), 0);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	ck_assert_int_eq(build_state_recover(&st, &show), 0);
	ck_assert_uint_eq(build_state_n_commits(&st), 0);
	ck_assert_int_eq(test_count_entries(st.staging), 0);
	ck_assert_int_eq(test_count_entries(st.episodes), EPISODE_N_FILES);
	ck_assert_str_eq(build_state_get(&st, "a.txt", "episode"), "ep-1");
	free(mp3);
	free(sidecar);
	mp3 = xasprintf("%s/public/feed.xml", test_dir);
	ck_assert(test_exists(mp3));
	free(mp3);
	episode_release(&ep);
	build_state_release(&st);
	show_release(&show);
}
END_TEST

START_TEST(a_commit_whose_files_are_lost_is_rolled_back)
{
	struct build_state st = { 0 };
	struct episode ep;
	struct show show;

	make_show(NULL);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	two_articles(&ep, "ep-1", 1);
	ck_assert_int_eq(build_state_commit(&st, &ep, false), 0);
	build_state_release(&st);
	show_init(&show);
	ck_assert_int_eq(show_load(&show, test_dir), 0);
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	ck_assert_int_eq(build_state_recover(&st, &show), 0);
	ck_assert_uint_eq(build_state_n_commits(&st), 0);
	/* its articles are new again; its number stays taken */
	ck_assert_ptr_null(build_state_get(&st, "a.txt", "hash"));
	ck_assert_ptr_null(build_state_get(&st, "feed:g", "hash"));
	ck_assert_int_eq(build_state_next_number(&st), 2);
	build_state_release(&st);
	/* a correction whose files are lost: nothing is removed, the article shows as changed */
	ck_assert_int_eq(build_state_load(&st, test_dir), 0);
	write_files("public/episodes", "ep-1");
	for (size_t i = 0; i < 2; i++) {	/* the audio and its sidecar gone */
		char *p = xasprintf("%s/public/episodes/ep-1%s", test_dir, i ? ".json" : ".mp3");

		ck_assert_int_eq(unlink(p), 0);
		free(p);
	}
	ck_assert_int_eq(build_state_commit(&st, &ep, true), 0);
	ck_assert_int_eq(build_state_recover(&st, &show), 0);
	ck_assert_str_eq(build_state_get(&st, "a.txt", "hash"), "lost");
	ck_assert_str_eq(build_state_get(&st, "a.txt", "episode"), "ep-1");
	ck_assert_int_eq(test_count_entries(st.episodes), EPISODE_N_FILES - 2);
	episode_release(&ep);
	build_state_release(&st);
	show_release(&show);
}
END_TEST

Suite *suite_build_state(void)
{
	Suite *s = suite_create("build_state");
	TCase *tc = tcase_create("build_state");

	tcase_set_timeout(tc, 20);
	test_add_dir_fixtures(tc);
	tcase_add_test(tc, a_damaged_state_is_refused);
	tcase_add_test(tc, an_odd_state_is_read);
	tcase_add_test(tc, save_and_load_again);
	tcase_add_test(tc, the_commit_list_and_the_numbers);
	tcase_add_test(tc, an_interrupted_commit_is_finished);
	tcase_add_test(tc, a_commit_whose_files_are_lost_is_rolled_back);
	suite_add_tcase(s, tc);
	return s;
}
