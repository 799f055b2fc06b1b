/* cmd_voices: `newscast voices` lists the voice profiles and the espeak-ng voices behind them. */
#include "cmd.h"

#include "cli.h"
#include "document.h"
#include "log.h"
#include "paths.h"
#include "settings.h"
#include "synth.h"
#include "util.h"

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A profile as listed: its language decides the group. */
struct voices_row {
	struct voice_profile vp;
	char *language;
};

static int voices_row_cmp(const void *a, const void *b)
{
	const struct voices_row *x = a, *y = b;
	int c = strcasecmp(x->language, y->language);

	return c ? c : strcmp(x->vp.name, y->vp.name);
}

/* The language's name in English, as ICU has it ("Portuguese (Brazil)"); the tag if ICU has none. */
static void voices_display_name(const char *tag, char *out, size_t size)
{
	char loc[ULOC_FULLNAME_CAPACITY];
	UChar name[128];
	UErrorCode err = U_ZERO_ERROR;
	int32_t len;

	uloc_forLanguageTag(tag, loc, (int32_t)sizeof loc, NULL, &err);
	len = U_SUCCESS(err) ? uloc_getDisplayName(loc, "en", name, (int32_t)(sizeof name / sizeof name[0]), &err) : 0;
	if (U_SUCCESS(err) && len > 0)
		u_strToUTF8(out, (int32_t)size, NULL, name, len, &err);
	if (U_FAILURE(err) || len <= 0 || err == U_STRING_NOT_TERMINATED_WARNING)
		snprintf(out, size, "%s", tag);
}

/* Whether a profile's language is the one asked for: the same tag, or the same language ("de" asks for de-AT). */
static bool voices_speaks(const char *lang, const char *asked)
{
	size_t n = strcspn(asked, "-_");

	if (strcasecmp(lang, asked) == 0)
		return true;
	return !asked[n] && strncasecmp(lang, asked, n) == 0 && (lang[n] == '\0' || lang[n] == '-');
}

int cmd_voices(int argc, char **argv)
{
	struct settings a;
	struct voices_row *rows = NULL;
	char **names = NULL, asked[64] = "";
	const char *group = NULL;
	size_t n_rows = 0, cap = 0;
	int first, n, ret;

	settings_init(&a);
	ret = settings_parse("voices", argc, argv, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		settings_help(stdout, "voices", "[OPTIONS]",
			      "List the voice profiles (voices/*.ini) by the language each speaks, with the espeak-ng\n"
			      "voice, variant, rate and pitch it uses. Use one with `newscast speak --voice NAME`.");
		return 0;
	}
	if (argc - first != 0) {
		fprintf(stderr, "newscast voices: unexpected argument '%s'\n", argv[first]);
		return 2;
	}
	if (a.script.language && document_language_canonical(a.script.language, asked, sizeof asked) < 0) {
		fprintf(stderr, "newscast voices: '%s' is not a language tag (BCP 47: de, pt-BR)\n", a.script.language);
		return 2;
	}
	n = voice_list(&names);
	if (n < 0)
		return 1;
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s.ini", paths_voices_dir(), names[i]);
		struct voices_row r;

		voice_profile_init(&r.vp);
		if (voice_profile_load(&r.vp, path) < 0) {
			ret = 1;
			voice_profile_release(&r.vp);
		} else {
			r.language = voice_language(&r.vp);
			if (*asked && !voices_speaks(r.language, asked)) {
				free(r.language);
				voice_profile_release(&r.vp);
			} else {
				util_grow((void **)&rows, &cap, n_rows + 1, sizeof *rows);
				rows[n_rows++] = r;
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	if (n_rows)
		qsort(rows, n_rows, sizeof *rows, voices_row_cmp);
	else if (*asked)
		log_error("no voice profile speaks '%s'", asked);
	if (!n_rows && *asked)
		ret = 1;
	for (size_t i = 0; i < n_rows; i++) {
		struct voice_profile *vp = &rows[i].vp;
		char *espeak = voice_espeak_name(vp), *desc = synth_voice_describe(vp->espeak);

		if (!group || strcasecmp(group, rows[i].language) != 0) {
			char name[128];

			voices_display_name(rows[i].language, name, sizeof name);
			printf("%s%s (%s)\n", group ? "\n" : "", name, rows[i].language);
			printf("  %-14s %-18s %-32s %5s %5s  %s\n", "PROFILE", "ESPEAK-NG", "ESPEAK-NG NAME", "WPM",
			       "PITCH", "DESCRIPTION");
			group = rows[i].language;
		}
		printf("  %-14s %-18s %-32s %5d %5d  %s\n", vp->name, espeak, desc ? desc : "(missing!)", vp->rate,
		       vp->pitch, vp->description ? vp->description : "");
		if (!desc) {
			log_error("'%s': espeak-ng has no voice '%s'", vp->path, vp->espeak);
			ret = 1;
		}
		free(espeak);
		free(desc);
	}
	for (size_t i = 0; i < n_rows; i++) {
		free(rows[i].language);
		voice_profile_release(&rows[i].vp);
	}
	free(rows);
	return ret;
}
