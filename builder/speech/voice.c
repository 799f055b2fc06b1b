/* voice: voice profiles (INI files in voices/): the espeak-ng voice, rate, pitch and the pauses. */
#include "voice.h"

#include "document.h"
#include "ini.h"
#include "log.h"
#include "paths.h"
#include "settings.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void voice_profile_init(struct voice_profile *vp)
{
	memset(vp, 0, sizeof *vp);
	vp->espeak = xstrdup("en-us");
	settings_defaults(SETTINGS_VOICE, vp);
}

void voice_profile_release(struct voice_profile *vp)
{
	settings_release(SETTINGS_VOICE, vp);
	free(vp->name);
	free(vp->path);
	free(vp->espeak);
	free(vp->variant);
	free(vp->language);
	memset(vp, 0, sizeof *vp);
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
	const struct setting *row = settings_find(SETTINGS_VOICE, section, key);
	char *err = ini_one_line(e);

	if (err)
		return err;
	if (row)
		return settings_apply(row, SETTINGS_VOICE, vp, value);
	if (strcmp(section, "voice") == 0) {
		/* a name alone: a '+' would add a variant, a '/' reach a file elsewhere */
		if (strcmp(key, "espeak") == 0) {
			if (!*value || strpbrk(value, " +/"))
				return xasprintf("bad espeak-ng voice '%s' in [voice]", value);
			voice_set_string(&vp->espeak, value);
			return NULL;
		}
		if (strcmp(key, "language") == 0) {
			char canon[64];

			if (document_language_canonical(value, canon, sizeof canon) < 0)
				return xasprintf("bad language tag '%s' in [voice] (BCP 47: \"de\", \"pt-BR\")", value);
			voice_set_string(&vp->language, canon);
			return NULL;
		}
		if (strcmp(key, "variant") == 0) {
			if (strpbrk(value, " +/."))
				return xasprintf("bad variant '%s' in [voice]", value);
			voice_set_string(&vp->variant, value);
			return NULL;
		}
		return xasprintf("unknown key '%s' in [voice]", key);
	}
	if (strcmp(section, "pauses") == 0)
		return xasprintf("unknown key '%s' in [pauses]", key);
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

char *voice_language(const struct voice_profile *vp)
{
	char canon[64];

	if (vp->language)
		return xstrdup(vp->language);
	/* espeak-ng's names are tags but for a few ("en-gb-x-rp" is one, and canonical) */
	if (document_language_canonical(vp->espeak, canon, sizeof canon) == 0)
		return xstrdup(canon);
	return xstrndup(vp->espeak, strcspn(vp->espeak, "-_"));
}

/* The length of a tag's language subtag: "pt" of "pt-BR". */
static size_t voice_primary(const char *tag)
{
	return strcspn(tag, "-_");
}

int voice_profile_for_language(struct voice_profile *vp, const char *tag)
{
	char **names = NULL;
	char *exact = NULL, *same = NULL;
	int n = voice_list(&names), ret = n < 0 ? -1 : 1;

	for (int i = 0; i < n && !exact; i++) {
		struct voice_profile p;
		char *path = xasprintf("%s/%s.ini", paths_voices_dir(), names[i]), *lang;

		voice_profile_init(&p);
		if (voice_profile_load(&p, path) < 0) {
			voice_profile_release(&p);
			free(path);
			ret = -1;
			goto out;
		}
		lang = voice_language(&p);
		if (strcasecmp(lang, tag) == 0)
			exact = xstrdup(path);
		else if (!same && voice_primary(lang) == voice_primary(tag) &&
			 strncasecmp(lang, tag, voice_primary(tag)) == 0)
			same = xstrdup(path);
		free(lang);
		free(path);
		voice_profile_release(&p);
	}
	if (exact || same)
		ret = voice_profile_load(vp, exact ? exact : same);
out:
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(exact);
	free(same);
	return ret;
}

char *voice_espeak_name(const struct voice_profile *vp)
{
	if (vp->variant)
		return xasprintf("%s+%s", vp->espeak, vp->variant);
	return xstrdup(vp->espeak);
}
