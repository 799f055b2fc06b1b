/* Helpers the unit test suites share: temporary folders, whole files, captured stderr, the jobserver's free tokens. */
#include "helpers.h"

#include "jobserver.h"
#include "log.h"
#include "util.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path = xasprintf("%s/newscast-unit.XXXXXX", base && *base ? base : "/tmp");

	ck_assert_ptr_nonnull(mkdtemp(path));
	return path;
}

static void test_remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;

	while (d && (de = readdir(d))) {
		char *p;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", path, de->d_name);
		if (unlink(p) != 0)
			test_remove_tree(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

void test_rmdir(char *path)
{
	if (path)
		test_remove_tree(path);
	free(path);
}

char *test_subdir(const char *base)
{
	char *path = xasprintf("%s/t.XXXXXX", base);

	ck_assert_ptr_nonnull(mkdtemp(path));
	return path;
}

int test_count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

bool test_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

unsigned char *test_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!fp)
		return NULL;
	do {
		util_grow((void **)&buf, &cap, *len + 4097, 1);
		n = fread(buf + *len, 1, 4096, fp);
		*len += n;
	} while (n > 0);
	fclose(fp);
	buf[*len] = '\0';
	return buf;
}

void test_write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(text, 1, strlen(text), fp), strlen(text));
	ck_assert_int_eq(fclose(fp), 0);
}

static int test_saved_stderr = -1;
static FILE *test_capture;

void test_stderr_begin(void)
{
	fflush(stderr);
	test_capture = tmpfile();
	ck_assert_ptr_nonnull(test_capture);
	test_saved_stderr = dup(STDERR_FILENO);
	ck_assert_int_ge(test_saved_stderr, 0);
	ck_assert_int_ge(dup2(fileno(test_capture), STDERR_FILENO), 0);
	log_set_quiet_errors(false);
}

char *test_stderr_end(void)
{
	char *text;
	long n;

	fflush(stderr);
	log_set_quiet_errors(true);
	dup2(test_saved_stderr, STDERR_FILENO);
	close(test_saved_stderr);
	test_saved_stderr = -1;
	fseek(test_capture, 0, SEEK_END);
	n = ftell(test_capture);
	ck_assert_int_ge(n, 0);
	text = xmalloc((size_t)n + 1);
	rewind(test_capture);
	ck_assert_uint_eq(fread(text, 1, (size_t)n, test_capture), (size_t)n);
	text[n] = '\0';
	fclose(test_capture);
	test_capture = NULL;
	return text;
}

char *test_dir;
static char *test_base;

static void test_case_setup(void)
{
	test_base = test_tmpdir();
}

static void test_case_teardown(void)
{
	test_rmdir(test_base);
	test_base = NULL;
}

static void test_setup(void)
{
	test_dir = test_subdir(test_base);
}

static void test_teardown(void)
{
	test_rmdir(test_dir);
	test_dir = NULL;
}

void test_add_dir_fixtures(TCase *tc)
{
	tcase_add_unchecked_fixture(tc, test_case_setup, test_case_teardown);
	tcase_add_checked_fixture(tc, test_setup, test_teardown);
}

size_t test_free_tokens(void)
{
	int token[64];
	size_t n = 0;

	while (n < sizeof token / sizeof *token && (token[n] = jobserver_take()) >= 0)
		n++;
	for (size_t i = 0; i < n; i++)
		jobserver_give(token[i]);
	return n;
}
