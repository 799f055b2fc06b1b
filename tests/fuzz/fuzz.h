/* fuzz: what every libFuzzer harness shares: silence, a private scratch folder, inputs as strings and files. */
#ifndef NEWSCAST_FUZZ_H
#define NEWSCAST_FUZZ_H

#include "log.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Every reader reports its errors; millions of them would drown libFuzzer's own lines. The
 * shipped rules and voices are found through build/fuzz/data/ (links the Makefile makes), since
 * paths.c looks for a source tree only two folders above the binary. */
static inline void fuzz_setup(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 8);

	log_set_quiet_errors(true);
	log_set_verbose(false);
	if (n > 0 && !getenv("NEWSCAST_DATA")) {
		exe[n] = '\0';
		strcpy(strrchr(exe, '/'), "/data");
		setenv("NEWSCAST_DATA", exe, 1);
	}
}

/* A folder of the process's own under $TMPDIR, else /dev/shm (the state and the feed are written
 * with fsync), removed at exit, for readers that take a path. */
static char fuzz_dir_path[256];

static inline void fuzz_dir_remove(void)
{
	char *cmd = xasprintf("rm -rf '%s'", fuzz_dir_path);

	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: cannot remove '%s'\n", fuzz_dir_path);
	free(cmd);
}

static inline const char *fuzz_dir(void)
{
	if (!fuzz_dir_path[0]) {
		const char *tmp = getenv("TMPDIR");

		if (!tmp || !*tmp)
			tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/newscast-fuzz-XXXXXX", tmp);
		if (!mkdtemp(fuzz_dir_path)) {
			perror("fuzz: mkdtemp");
			abort();
		}
		atexit(fuzz_dir_remove);
	}
	return fuzz_dir_path;
}

/* Writes the input to path, whole; aborts when it cannot (that is no finding). */
static inline void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "wb");

	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		perror(path);
		abort();
	}
}

/* The input as a NUL-terminated string (cut at its first NUL, as a C string reader sees it). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	return xstrndup((const char *)data, size);
}

#endif
