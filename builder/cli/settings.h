/* settings: one table of typed settings for the command line, podcast.ini and voice profiles: each defined once. */
#ifndef NEWSCAST_SETTINGS_H
#define NEWSCAST_SETTINGS_H

#include "script.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What a setting's value is, and so how it is checked and stored. */
enum setting_type {
	SETTING_BOOL,		/* bool: a switch on the command line; true/yes or false/no in a file */
	SETTING_STRING,		/* const char * into argv on the command line; char *, a copy, in a file ("": NULL) */
	SETTING_PATH,		/* a string that names a file, stored as SETTING_STRING */
	SETTING_INT,		/* int: a whole number from lo to hi */
	SETTING_DOUBLE,		/* double: a number from lo to hi */
	SETTING_CHOICE,		/* int (or an enum): the index of the value in choices */
	SETTING_DATE,		/* a string: a real calendar day, YYYY-MM-DD (2026-02-30 is not one) */
	SETTING_SAMPLE_RATE,	/* int: one of SETTINGS_SAMPLE_RATES */
	SETTING_BITRATE,	/* int: an MP3 bitrate in kbps (encode_bitrate_valid) */
	SETTING_FORMAT,		/* enum input_format: a name input_format_from_name knows */
};

/* The sample rates an episode may have: those of MPEG-1 and MPEG-2 Layer III, which
 * libmp3lame writes and every MP3 decoder (so every podcast app) plays. MPEG 2.5's
 * 8000, 11025 and 12000 are left out: an extension some decoders lack. */
#define SETTINGS_SAMPLE_RATES { 16000, 22050, 24000, 32000, 44100, 48000 }

/* Where a value comes from; each has its own struct the table's offsets are into. */
enum settings_source {
	SETTINGS_OPTION,	/* the command line: struct settings */
	SETTINGS_SHOW,		/* podcast.ini: struct show */
	SETTINGS_VOICE,		/* a voice profile: struct voice_profile */
	SETTINGS_SOURCES,
};

/* The subcommands, for a row's commands: the ones that take it as an option. */
enum {
	SETTINGS_SPEAK = 1 << 0,
	SETTINGS_SCRIPT = 1 << 1,
	SETTINGS_BUILD = 1 << 2,
	SETTINGS_FEED = 1 << 3,
	SETTINGS_INIT = 1 << 4,
	SETTINGS_VOICES = 1 << 5,
	SETTINGS_PLAN = 1 << 6,
	SETTINGS_PART = 1 << 7,
};

/* One setting: its names, its type and range, and where each source keeps it. */
struct setting {
	const char *option;	/* the long option, without "--"; NULL: not on the command line */
	char short_name;	/* 0 for none */
	unsigned commands;	/* SETTINGS_SPEAK | ...: which subcommands take the option */
	const char *section;	/* its [section] in podcast.ini or a voice profile; NULL: in neither */
	const char *key;	/* its key there */
	enum setting_type type;
	size_t at[SETTINGS_SOURCES];	/* 1 + its offset in each source's struct; 0: not there */
	const char *def;	/* the default, as it would be written; NULL: zero, false or NULL */
	double lo, hi;		/* the range of an INT or DOUBLE */
	const char *const *choices;	/* a CHOICE's values, NULL-terminated */
	const char *arg;	/* the value's name in --help; NULL for a switch */
	const char *help;	/* what --help says of it */
};

/* The table: every setting, ended by a zeroed row. */
extern const struct setting settings_table[];

/* The command line's values: every subcommand's options (each reads its own). */
struct settings {
	struct script_options script;	/* what is read and how it is cleaned (speak, script) */
	const char *output, *title, *author, *album, *comment;	/* speak's output and tags */
	const char *date;	/* speak's date tag; build's episode date */
	int bitrate, sample_rate;
	int quality;		/* LAME's, 0 to 9 (encode.h) */
	double loudness, true_peak;
	int jobs;		/* 0: one per CPU (the command's own default) */
	int wait;		/* seconds to wait for another run on the show */
	int task;		/* part's --task N; the command sets -1 (none) before parsing */
	const char *plan_file;	/* part's --plan FILE */
	bool quiet, rebuild, verbose, help;
	bool all, count;	/* plan's --all, --count */
};

/* Sets every value to its default. */
void settings_init(struct settings *set);

/* Sets the values of base (source's struct) that the table has to their defaults. */
void settings_defaults(enum settings_source source, void *base);
/* Frees the strings of base (a file's struct: SETTINGS_SHOW or SETTINGS_VOICE) that the
 * table has, and sets them to NULL. */
void settings_release(enum settings_source source, void *base);

/* The row of a file's key, or NULL. */
const struct setting *settings_find(enum settings_source source, const char *section, const char *key);

/* Checks value as s's type and range say and stores it in base (source's struct).
 * value is NULL for a switch on the command line. Returns NULL, or the one message
 * for a bad value, a new string: "bad value 'V' for --OPTION (WHAT)" for the command
 * line, "bad value 'V' for 'KEY' in [SECTION] (WHAT)" for a file (its reader names the
 * file and line). Nothing is stored on an error. */
char *settings_apply(const struct setting *s, enum settings_source source, void *base, const char *value);

/* The check of two settings together: an MP3's bitrate is one its sample rate has
 * (MPEG-1's from 32000 Hz, MPEG-2's below). Returns NULL, or the message (a new
 * string), as settings_apply words it for source. */
char *settings_check_mp3(enum settings_source source, int bitrate, int sample_rate);

/* Parses argv[1..] for the subcommand cmd ("speak" ...) into set: every unknown
 * option and bad value is reported as "newscast CMD: ...". -v turns on verbose
 * messages (log_set_verbose). Sets *first_arg to the first operand. Returns 0, or 2
 * on a usage error. */
int settings_parse(const char *cmd, int argc, char **argv, struct settings *set, int *first_arg);

/* Prints cmd's usage, summary and options, from the table. */
void settings_help(FILE *fp, const char *cmd, const char *usage, const char *summary);

/* Whether s is a real calendar day, YYYY-MM-DD: the check of every date. */
bool settings_valid_date(const char *s);

#endif
