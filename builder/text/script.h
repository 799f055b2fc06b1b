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
	const char *language;		/* --language: a BCP 47 tag over the article's own; may be NULL */
	const char *show_language;	/* podcast.ini [show] language: when the article names none; may be NULL */
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
	char *language;		/* the language it is read in (canonical BCP 47), once built */
};

/* Where the language an article is read in came from, the strongest first. */
enum script_language_source {
	SCRIPT_LANGUAGE_OPTION,		/* --language */
	SCRIPT_LANGUAGE_ARTICLE,	/* the article's own (document.language) */
	SCRIPT_LANGUAGE_SHOW,		/* podcast.ini [show] language */
	SCRIPT_LANGUAGE_VOICE,		/* the voice profile's espeak-ng voice */
};

/* The language to read in: the first of option, article, show and voice that is not NULL
 * or empty (voice, an espeak-ng voice name such as "en-us", is never NULL); *source says which. */
const char *script_choose_language(const char *option, const char *article, const char *show, const char *voice,
				   enum script_language_source *source);
/* The normalizer's tag for a language read by a voice: the language's, unless it is the voice's
 * own language without a region ("en" read by "en-gb" is "en-gb": the voice's customs). New string. */
char *script_normalizer_tag(const char *language, const char *voice);

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
