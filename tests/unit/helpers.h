/* Helpers the unit test suites share: temporary folders, whole files, captured stderr, the jobserver's free tokens. */
#ifndef NEWSCAST_TEST_HELPERS_H
#define NEWSCAST_TEST_HELPERS_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

/* A new empty folder under $TMPDIR (or /tmp), as a new string; aborts the test on failure. */
char *test_tmpdir(void);
/* A new empty folder inside base, as a new string. */
char *test_subdir(const char *base);
/* Removes a folder and everything in it, and frees path (which may be NULL). */
void test_rmdir(char *path);
/* The number of entries in a folder, not counting "." and "..". */
int test_count_entries(const char *dir);
bool test_exists(const char *path);

/* Reads a whole file into a new buffer (NUL-terminated) the caller frees; NULL if it cannot. */
unsigned char *test_read_file(const char *path, size_t *len);
/* Writes text to path; the test fails if it cannot. */
void test_write_file(const char *path, const char *text);

/* Sends stderr to a temporary file, and turns off log_set_quiet_errors, until
 * test_stderr_end, which restores both and returns what was written as a new string. */
void test_stderr_begin(void);
char *test_stderr_end(void);

/* How many of the jobserver's tokens are free now: each taken, counted and given back (what a
 * process sees of them; there is no count to read, since it would be stale at once). */
size_t test_free_tokens(void);

/* The current test's own empty folder, made before and removed after each test of
 * a case given test_add_dir_fixtures; the case's base folder goes even when a test
 * fails (then its own teardown does not run). */
extern char *test_dir;
void test_add_dir_fixtures(TCase *tc);

#endif
