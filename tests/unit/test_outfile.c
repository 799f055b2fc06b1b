/* Unit tests for outfile: a temporary file beside the destination, renamed into place or removed. */
#include "helpers.h"
#include "outfile.h"
#include "suites.h"
#include "util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void expect_file(const char *path, const char *text)
{
	size_t len;
	unsigned char *data = test_read_file(path, &len);

	ck_assert_msg(data != NULL, "'%s' exists", path);
	ck_assert_uint_eq(len, strlen(text));
	ck_assert_str_eq((char *)data, text);
	free(data);
}

START_TEST(commit_renames_into_place)
{
	char *dest = xasprintf("%s/episode.mp3", test_dir);
	char *prefix = xasprintf("%s/.episode.mp3.", test_dir);
	struct outfile of;
	struct stat st;
	mode_t old = umask(022);

	ck_assert_int_eq(outfile_open(&of, dest), 0);
	ck_assert_ptr_nonnull(of.fp);
	ck_assert_int_ge(of.fd, 0);
	ck_assert_str_eq(of.dest, dest);
	/* the temporary file is hidden, beside the destination */
	ck_assert_msg(strncmp(of.tmp, prefix, strlen(prefix)) == 0, "temporary name '%s'", of.tmp);
	ck_assert(test_exists(of.tmp));
	ck_assert(!test_exists(dest));
	ck_assert_int_ge(fputs("finished audio", of.fp), 0);
	ck_assert_int_eq(outfile_commit(&of), 0);
	umask(old);
	expect_file(dest, "finished audio");
	ck_assert_int_eq(test_count_entries(test_dir), 1);
	ck_assert_ptr_null(of.tmp);
	ck_assert_ptr_null(of.dest);
	ck_assert_ptr_null(of.fp);
	ck_assert_int_eq(of.fd, -1);
	/* a published file gets the usual mode, not mkstemp's private 0600 */
	ck_assert_int_eq(stat(dest, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	outfile_abort(&of);	/* safe after commit */
	ck_assert(test_exists(dest));
	free(dest);
	free(prefix);
}
END_TEST

START_TEST(commit_replaces_a_previous_file)
{
	char *dest = xasprintf("%s/episode.mp3", test_dir);
	struct outfile of;

	test_write_file(dest, "old");
	ck_assert_int_eq(outfile_open(&of, dest), 0);
	expect_file(dest, "old");
	fputs("new", of.fp);
	ck_assert_int_eq(outfile_commit(&of), 0);
	expect_file(dest, "new");
	ck_assert_int_eq(test_count_entries(test_dir), 1);
	free(dest);
}
END_TEST

START_TEST(abort_leaves_no_file)
{
	char *dest = xasprintf("%s/episode.mp3", test_dir);
	struct outfile of;

	ck_assert_int_eq(outfile_open(&of, dest), 0);
	fputs("half", of.fp);
	outfile_abort(&of);
	ck_assert(!test_exists(dest));
	ck_assert_int_eq(test_count_entries(test_dir), 0);
	ck_assert_ptr_null(of.tmp);
	ck_assert_ptr_null(of.fp);
	ck_assert_int_eq(of.fd, -1);
	outfile_abort(&of);	/* twice is safe */
	free(dest);
}
END_TEST

START_TEST(abort_keeps_a_previous_file)
{
	char *dest = xasprintf("%s/episode.mp3", test_dir);
	struct outfile of;

	test_write_file(dest, "last week's episode");
	ck_assert_int_eq(outfile_open(&of, dest), 0);
	fputs("this week's, unfinished", of.fp);
	fflush(of.fp);
	outfile_abort(&of);
	expect_file(dest, "last week's episode");
	ck_assert_int_eq(test_count_entries(test_dir), 1);
	free(dest);
}
END_TEST

START_TEST(missing_folder_fails)
{
	char *dest = xasprintf("%s/no/such/folder/episode.mp3", test_dir);
	struct outfile of;

	ck_assert_int_eq(outfile_open(&of, dest), -1);
	ck_assert_ptr_null(of.tmp);
	ck_assert_ptr_null(of.fp);
	ck_assert_ptr_null(of.dest);
	ck_assert_int_eq(of.fd, -1);
	outfile_abort(&of);
	ck_assert_int_eq(test_count_entries(test_dir), 0);
	free(dest);
}
END_TEST

START_TEST(folder_is_not_a_file_name)
{
	char *dest = xasprintf("%s/", test_dir);
	struct outfile of;

	ck_assert_int_eq(outfile_open(&of, dest), -1);
	ck_assert_ptr_null(of.tmp);
	ck_assert_int_eq(of.fd, -1);
	outfile_abort(&of);
	ck_assert_int_eq(test_count_entries(test_dir), 0);
	free(dest);
}
END_TEST

START_TEST(abort_on_a_zeroed_outfile)
{
	struct outfile of;
	int stdin_open = fcntl(0, F_GETFD) != -1;

	memset(&of, 0, sizeof of);	/* fd 0, no temporary file */
	outfile_abort(&of);
	ck_assert_int_eq(of.fd, -1);
	ck_assert_ptr_null(of.tmp);
	/* fd 0 was not closed by mistake */
	ck_assert_int_eq(fcntl(0, F_GETFD) != -1, stdin_open);
}
END_TEST

START_TEST(failed_rename_removes_the_temporary_file)
{
	char *dest = xasprintf("%s/taken", test_dir);
	char *inside = xasprintf("%s/taken/file", test_dir);
	struct outfile of;

	/* the destination is a folder that is not empty: rename(2) refuses */
	ck_assert_int_eq(mkdir(dest, 0755), 0);
	test_write_file(inside, "x");
	ck_assert_int_eq(outfile_open(&of, dest), 0);
	fputs("data", of.fp);
	ck_assert_int_eq(outfile_commit(&of), -1);
	ck_assert_ptr_null(of.tmp);
	ck_assert_int_eq(test_count_entries(test_dir), 1);
	unlink(inside);
	free(dest);
	free(inside);
}
END_TEST

START_TEST(interrupt_removes_every_open_file)
{
	char *a = xasprintf("%s/a.mp3", test_dir);
	char *b = xasprintf("%s/b.mp3", test_dir);
	struct outfile oa, ob;

	ck_assert_int_eq(outfile_open(&oa, a), 0);
	ck_assert_int_eq(outfile_open(&ob, b), 0);
	ck_assert_int_eq(test_count_entries(test_dir), 2);
	outfile_abort_all_signal_safe();
	ck_assert_int_eq(test_count_entries(test_dir), 0);
	outfile_abort(&oa);
	outfile_abort(&ob);
	/* closed files are no longer tracked: this removes nothing */
	test_write_file(a, "kept");
	outfile_abort_all_signal_safe();
	expect_file(a, "kept");
	free(a);
	free(b);
}
END_TEST

/* A build may have a file open a job, up to 64 jobs: every one is removed, however many. */
START_TEST(interrupt_removes_seventy_open_files)
{
	struct outfile of[70];

	for (int i = 0; i < 70; i++) {
		char *dest = xasprintf("%s/part%02d.mp3", test_dir, i);

		ck_assert_int_eq(outfile_open(&of[i], dest), 0);
		free(dest);
	}
	ck_assert_int_eq(test_count_entries(test_dir), 70);
	outfile_abort_all_signal_safe();
	ck_assert_int_eq(test_count_entries(test_dir), 0);
	for (int i = 0; i < 70; i++)
		outfile_abort(&of[i]);
}
END_TEST

/* The temporary file is "DIR/.NAME.XXXXXX.tmp", as outfile.h says: a build clears
 * stray "*.tmp" files that a killed run left behind. */
START_TEST(temporary_name_ends_in_tmp)
{
	char *dest = xasprintf("%s/episode.mp3", test_dir);
	struct outfile of;
	char tmp[4096];

	ck_assert_int_eq(outfile_open(&of, dest), 0);
	snprintf(tmp, sizeof tmp, "%s", of.tmp);
	outfile_abort(&of);
	free(dest);
	ck_assert_msg(util_ends_with(tmp, ".tmp"), "temporary name '%s' ends in .tmp", tmp);
}
END_TEST

/* Open descriptors of this process. */
static int open_fds(void)
{
	return test_count_entries("/proc/self/fd");
}

START_TEST(deferred_commits_are_in_place_at_once_and_synced_together)
{
	static const char *const names[] = { "a.mp3", "a.vtt", "a.json" };
	struct outfile of;
	int fds = open_fds();

	outfile_defer_sync();
	for (size_t i = 0; i < 3; i++) {
		char *dest = xasprintf("%s/%s", test_dir, names[i]);

		ck_assert_int_eq(outfile_open(&of, dest), 0);
		fputs(names[i], of.fp);
		ck_assert_int_eq(outfile_commit(&of), 0);
		/* in place at once, under its name; only its sync waits */
		expect_file(dest, names[i]);
		free(dest);
	}
	ck_assert_int_eq(test_count_entries(test_dir), 3);
	ck_assert_int_eq(open_fds(), fds + 3);	/* each kept open until it is synced */
	ck_assert_int_eq(outfile_sync_deferred(), 0);
	ck_assert_int_eq(open_fds(), fds);
	/* the deferral is over: nothing pending, and a commit syncs as before */
	ck_assert_int_eq(outfile_sync_deferred(), 0);
	{
		char *dest = xasprintf("%s/b.mp3", test_dir);

		ck_assert_int_eq(outfile_open(&of, dest), 0);
		ck_assert_int_eq(outfile_commit(&of), 0);
		ck_assert_int_eq(open_fds(), fds);
		free(dest);
	}
}
END_TEST

Suite *suite_outfile(void)
{
	Suite *s = suite_create("outfile");
	TCase *tc = tcase_create("files");

	test_add_dir_fixtures(tc);
	tcase_add_test(tc, commit_renames_into_place);
	tcase_add_test(tc, commit_replaces_a_previous_file);
	tcase_add_test(tc, abort_leaves_no_file);
	tcase_add_test(tc, abort_keeps_a_previous_file);
	tcase_add_test(tc, missing_folder_fails);
	tcase_add_test(tc, folder_is_not_a_file_name);
	tcase_add_test(tc, abort_on_a_zeroed_outfile);
	tcase_add_test(tc, failed_rename_removes_the_temporary_file);
	tcase_add_test(tc, interrupt_removes_every_open_file);
	tcase_add_test(tc, interrupt_removes_seventy_open_files);
	tcase_add_test(tc, temporary_name_ends_in_tmp);
	tcase_add_test(tc, deferred_commits_are_in_place_at_once_and_synced_together);
	suite_add_tcase(s, tc);
	return s;
}
