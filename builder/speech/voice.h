/* voice: voice profiles (INI files in voices/): the espeak-ng voice, rate, pitch and the pauses. */
#ifndef NEWSCAST_VOICE_H
#define NEWSCAST_VOICE_H

#include "segment.h"

#include <stddef.h>

struct voice_profile {
	char *name;		/* the profile's name: its file name without .ini */
	char *path;
	char *description;
	char *espeak;		/* espeak-ng voice, e.g. "en-us" */
	char *language;		/* what it speaks, a canonical BCP 47 tag ("pt-PT"); NULL: the espeak-ng voice's */
	char *variant;		/* espeak-ng variant, e.g. "m3"; NULL for none */
	int rate;		/* words per minute */
	int pitch;		/* 0-100 */
	int range;		/* pitch range, 0-100 */
	int pause_ms[BREAK_COUNT];	/* silence added after each kind of break */
	char *lexicon;		/* a pronunciation lexicon, relative to the profile's folder; may be NULL */
};

#define VOICE_DEFAULT "anchor"

/* Defaults: en-us, 165 wpm, pitch 50, range 50, pauses 0/600/900/700/1500/2500 ms. */
void voice_profile_init(struct voice_profile *vp);
void voice_profile_release(struct voice_profile *vp);

/* Reads the profile at path into vp (initialised). Errors name the file, line
 * and key: "'voices/x.ini' line 4: unknown key 'speed' in [voice]". */
int voice_profile_load(struct voice_profile *vp, const char *path);

/* Finds a profile by name (in the voices folder) or by path (anything with a
 * '/' or ending in .ini). An unknown name is an error listing the ones there are. */
int voice_profile_find(struct voice_profile *vp, const char *name_or_path);

/* The names of the profiles in the voices folder, sorted, as a new array of
 * new strings the caller frees (each, then the array). Returns the count, or -1. */
int voice_list(char ***names);

/* The language the profile speaks, canonical BCP 47 ("en-US" of espeak "en-us"), as a new string. */
char *voice_language(const struct voice_profile *vp);

/* Loads into vp (initialised) the profile of the voices folder for language tag: the first by name
 * that speaks exactly that language, else the first of the same language ("de" for "de-AT"; "pt"
 * for "pt" finds "pt-PT" before "pt-BR" only by name order). Returns 0, 1 if none speaks it (vp
 * untouched), -1 (reported) if a profile cannot be read. */
int voice_profile_for_language(struct voice_profile *vp, const char *tag);

/* The espeak-ng voice name with its variant ("en-us+m3"), as a new string. */
char *voice_espeak_name(const struct voice_profile *vp);

#endif
