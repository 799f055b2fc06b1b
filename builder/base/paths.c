/* paths: finds the program's data (voice profiles, rules) in a source tree or an installed prefix. */
#include "paths.h"

#include "util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DATADIR
#define DATADIR "/usr/local/share/newscast"
#endif

static int paths_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *paths_join(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* The source tree's root when the running binary is ROOT/build/newscast. */
static const char *paths_source_root(void)
{
	static char root[PATH_MAX];
	static int done;
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	if (done)
		return root[0] ? root : NULL;
	done = 1;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (int up = 0; up < 2; up++) {
		slash = strrchr(exe, '/');
		if (!slash)
			return NULL;
		*slash = '\0';
	}
	if (strlen(exe) + 32 >= sizeof root)
		return NULL;
	memcpy(root, exe, strlen(exe) + 1);
	strcat(root, "/builder/rules");
	if (!paths_is_dir(root)) {
		root[0] = '\0';
		return NULL;
	}
	snprintf(root, sizeof root, "%s", exe);
	return root;
}

static const char *paths_find(char *cache, size_t size, const char *env_sub, const char *tree_sub)
{
	const char *env = getenv("NEWSCAST_DATA");
	const char *root;

	if (cache[0])
		return cache;
	if (env && *env) {
		snprintf(cache, size, "%s/%s", env, env_sub);
		if (paths_is_dir(cache))
			return cache;
	}
	root = paths_source_root();
	if (root) {
		snprintf(cache, size, "%s/%s", root, tree_sub);
		if (paths_is_dir(cache))
			return cache;
	}
	snprintf(cache, size, "%s/%s", DATADIR, env_sub);
	return cache;
}

const char *paths_voices_dir(void)
{
	static char dir[PATH_MAX];

	return paths_find(dir, sizeof dir, "voices", "voices");
}

const char *paths_rules_dir(void)
{
	static char dir[PATH_MAX];

	return paths_find(dir, sizeof dir, "rules", "builder/rules");
}
