/* script: what will be spoken: an article read, cleaned and split into segments with their pauses. */
#ifndef NEWSCAST_SCRIPT_H
#define NEWSCAST_SCRIPT_H

#include "input.h"
#include "segment.h"
#include "voice.h"

#include <stdbool.h>
#include <stdio.h>

struct script_options {
	const char *voice;		/* profile name or path; NULL for the default */
	bool keep_boilerplate;		/* skip clean-up */
	const char *rules;		/* extra boilerplate rules file; may be NULL */
	bool no_normalize;		/* skip text normalization */
	const char *lexicon;		/* extra pronunciation lexicon; may be NULL */
	enum input_format format;	/* INPUT_AUTO: by the file's extension, else its content */
	const char *item;		/* of a feed: a number from 1 or a guid; NULL for the first */
	bool inbox;			/* the article is in a show's inbox: see input_read_inbox_file */
	int max_minutes;		/* the longest speech an article may make; 0: SCRIPT_DEFAULT_MAX_MINUTES */
	bool outline;			/* read, clean and segment only: the segments' text is as written,
					 * not normalized (for what a plan needs of an article it does not speak) */
};

/* An article's speech is held in memory (about 160 MB an hour) to be measured
 * for loudness before it is encoded: a longer article is refused, from an
 * estimate made before anything is spoken. */
#define SCRIPT_DEFAULT_MAX_MINUTES 180
#define SCRIPT_MAX_MINUTES_LIMIT 1440

struct script {
	struct document doc;
	struct voice_profile voice;
	struct segment_list segments;
	size_t n_removed;	/* blocks clean-up removed */
};

void script_init(struct script *sc);
void script_release(struct script *sc);

/* Reads the article at path ("-" for standard input) with the options' voice
 * and rules. Errors are reported: unreadable or binary input, an unknown
 * voice, bad rules, nothing speakable after clean-up, more speech than
 * max_minutes. */
int script_build(struct script *sc, const char *path, const struct script_options *opts);

/* Like script_build, for an article already read (a feed's item): sc takes doc's
 * contents and doc is left empty. */
int script_build_doc(struct script *sc, struct document *doc, const struct script_options *opts);

/* Like script_build, for text in memory that is not an article (an intro, an
 * outro): no clean-up, and a headline alone is enough. name is used in messages. */
int script_build_text(struct script *sc, const char *name, const char *text, const struct script_options *opts);

/* Prints the script: one segment a line, "[pause N ms]" for every pause. */
void script_print(const struct script *sc, FILE *fp);

#endif
