/* voice: voice profiles (INI files in voices/): the espeak-ng voice, rate, pitch and the pauses. */
#include "voice.h"

#include "ini.h"
#include "log.h"
#include "paths.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void voice_profile_init(struct voice_profile *vp)
{
	memset(vp, 0, sizeof *vp);
	vp->espeak = xstrdup("en-us");
	vp->rate = 165;
	vp->pitch = 50;
	vp->range = 50;
	vp->pause_ms[BREAK_SENTENCE] = 0;
	vp->pause_ms[BREAK_PARAGRAPH] = 600;
	vp->pause_ms[BREAK_HEADLINE] = 900;
	vp->pause_ms[BREAK_SUBHEADING] = 700;
	vp->pause_ms[BREAK_SECTION] = 1500;
	vp->pause_ms[BREAK_ARTICLE] = 2500;
}

void voice_profile_release(struct voice_profile *vp)
{
	free(vp->name);
	free(vp->path);
	free(vp->description);
	free(vp->espeak);
	free(vp->variant);
	free(vp->lexicon);
	memset(vp, 0, sizeof *vp);
}

/* NULL when value is a whole number from lo to hi, put in *out; else the error, a new string. */
static char *voice_int(const char *section, const char *key, const char *value, int lo, int hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (!*value || *end || errno || v < lo || v > hi)
		return xasprintf("bad value '%s' for '%s' in [%s] (a whole number from %d to %d)", value, key, section,
				 lo, hi);
	*out = (int)v;
	return NULL;
}

static void voice_set_string(char **field, const char *value)
{
	free(*field);
	*field = *value ? xstrdup(value) : NULL;
}

static char *voice_handler(void *user, struct ini_entry *e)
{
	struct voice_profile *vp = user;
	const char *section = e->section, *key = e->key, *value = e->value;
	char *err = ini_one_line(e);

	if (err)
		return err;
	if (strcmp(section, "voice") == 0) {
		if (strcmp(key, "description") == 0)
			voice_set_string(&vp->description, value);
		else if (strcmp(key, "espeak") == 0) {
			if (!*value || strpbrk(value, " +/"))
				return xasprintf("bad espeak-ng voice '%s' in [voice]", value);
			voice_set_string(&vp->espeak, value);
		} else if (strcmp(key, "variant") == 0) {
			if (strpbrk(value, " +/."))
				return xasprintf("bad variant '%s' in [voice]", value);
			voice_set_string(&vp->variant, value);
		} else if (strcmp(key, "lexicon") == 0)
			voice_set_string(&vp->lexicon, value);
		else if (strcmp(key, "rate") == 0)
			return voice_int(section, key, value, 80, 450, &vp->rate);
		else if (strcmp(key, "pitch") == 0)
			return voice_int(section, key, value, 0, 100, &vp->pitch);
		else if (strcmp(key, "range") == 0)
			return voice_int(section, key, value, 0, 100, &vp->range);
		else
			return xasprintf("unknown key '%s' in [voice]", key);
		return NULL;
	}
	if (strcmp(section, "pauses") == 0) {
		for (int b = 0; b < BREAK_COUNT; b++)
			if (strcmp(key, segment_break_name((enum segment_break)b)) == 0)
				return voice_int(section, key, value, 0, 10000, &vp->pause_ms[b]);
		return xasprintf("unknown key '%s' in [pauses]", key);
	}
	return xasprintf("unknown section [%s]", section);
}

int voice_profile_load(struct voice_profile *vp, const char *path)
{
	if (ini_parse_file(path, "voice profile", voice_handler, vp) < 0)
		return -1;
	free(vp->path);
	vp->path = xstrdup(path);
	/* a lexicon named in the profile is found beside it */
	if (vp->lexicon && vp->lexicon[0] != '/') {
		const char *slash = strrchr(path, '/');

		if (slash) {
			char *full = xasprintf("%.*s/%s", (int)(slash - path), path, vp->lexicon);

			free(vp->lexicon);
			vp->lexicon = full;
		}
	}
	free(vp->name);
	vp->name = util_stem(path);
	return 0;
}

static int voice_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int voice_list(char ***names)
{
	const char *dir = paths_voices_dir();
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0, cap = 0;

	*names = NULL;
	if (!d) {
		log_error("cannot open the voices folder '%s': %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' || !util_ends_with(de->d_name, ".ini"))
			continue;
		util_grow((void **)names, &cap, n + 1, sizeof **names);
		(*names)[n++] = util_stem(de->d_name);
	}
	closedir(d);
	if (n)
		qsort(*names, n, sizeof **names, voice_name_cmp);
	return (int)n;
}

int voice_profile_find(struct voice_profile *vp, const char *name_or_path)
{
	char **names = NULL;
	struct strbuf list;
	char *path;
	int n, ret = -1;
	bool found = false;

	if (strchr(name_or_path, '/') || util_ends_with(name_or_path, ".ini"))
		return voice_profile_load(vp, name_or_path);
	n = voice_list(&names);
	for (int i = 0; i < n; i++)
		found |= strcmp(names[i], name_or_path) == 0;
	if (found) {
		path = xasprintf("%s/%s.ini", paths_voices_dir(), name_or_path);
		ret = voice_profile_load(vp, path);
		free(path);
	} else if (n >= 0) {
		strbuf_init(&list);
		for (int i = 0; i < n; i++)
			strbuf_addf(&list, "%s%s", i ? ", " : "", names[i]);
		log_error("unknown voice '%s' (available: %s)", name_or_path, n ? list.buf : "none");
		strbuf_release(&list);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ret;
}

char *voice_espeak_name(const struct voice_profile *vp)
{
	if (vp->variant)
		return xasprintf("%s+%s", vp->espeak, vp->variant);
	return xstrdup(vp->espeak);
}
