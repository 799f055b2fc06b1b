/* cmd: the subcommands main.c dispatches to; each returns the exit status (0 ok, 1 failure, 2 usage). */
#ifndef NEWSCAST_CMD_H
#define NEWSCAST_CMD_H

#include "script.h"

int cmd_speak(int argc, char **argv);
int cmd_script(int argc, char **argv);
int cmd_voices(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_feed(int argc, char **argv);

/* Options that speak and script share: what is read and how it is cleaned. */
enum {
	CMD_OPT_HELP = 1,
	CMD_OPT_VOICE,
	CMD_OPT_KEEP_BOILERPLATE,
	CMD_OPT_RULES,
	CMD_OPT_VERBOSE,
	CMD_OPT_NO_NORMALIZE,
	CMD_OPT_LEXICON,
	CMD_OPT_FORMAT,
	CMD_OPT_ITEM,
	CMD_OPT_MAX_MINUTES,
	CMD_OPT_FIRST_OWN,	/* each command numbers its own options from here */
};

#define CMD_SCRIPT_OPTIONS                                                                                    \
	{ "voice", 0, "NAME", "voice profile name, or path to a profile .ini (default: anchor)", CMD_OPT_VOICE },   \
	{ "keep-boilerplate", 0, NULL, "do not remove promos, captions and other boilerplate",                     \
	  CMD_OPT_KEEP_BOILERPLATE },                                                                           \
	{ "rules", 0, "FILE", "extra boilerplate rules, in the format of builder/rules/boilerplate.rules",       \
	  CMD_OPT_RULES },                                                                                      \
	{ "no-normalize", 0, NULL, "speak the text as written: no normalization, no lexicon", CMD_OPT_NO_NORMALIZE }, \
	{ "lexicon", 0, "FILE", "extra pronunciations, in the format of builder/rules/lexicon.en", CMD_OPT_LEXICON }, \
	{ "format", 0, "FORMAT", "text, markdown, html or feed (default: by extension, else by content)",       \
	  CMD_OPT_FORMAT },                                                                                     \
	{ "item", 0, "N|GUID", "which item of a feed: its guid, or its number from 1 (default: 1)", CMD_OPT_ITEM }, \
	{ "max-minutes", 0, "N", "refuse an article of more than N minutes of speech (default: 180)",          \
	  CMD_OPT_MAX_MINUTES },                                                                                \
	{ "verbose", 'v', NULL, "explain decisions: what clean-up removed and why, loudness", CMD_OPT_VERBOSE },   \
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP }

/* Handles a shared option; returns 0, or -1 for an id that is not one of them. */
int cmd_script_option(int id, const char *value, struct script_options *opts, int *help);

#endif
