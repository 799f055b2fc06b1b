/* transcript: captions cut to broadcast limits from espeak-ng's word events, written as WebVTT and SRT. */
#ifndef NEWSCAST_TRANSCRIPT_H
#define NEWSCAST_TRANSCRIPT_H

#include <stddef.h>
#include <stdint.h>

/* The common broadcast caption limits: two lines of 42 characters, about 7 seconds. */
#define TRANSCRIPT_LINE_CHARS 42
#define TRANSCRIPT_MAX_LINES 2
#define TRANSCRIPT_MAX_MS 7000

struct transcript_cue {
	uint32_t start_ms, end_ms;
	char *text;	/* owned: one line, or two separated by '\n' */
};

/* A word espeak-ng spoke: where it starts in the spoken text (in characters, from 0) and when. */
struct transcript_word {
	uint32_t pos;
	uint32_t ms;
};

/* One sentence to caption: shown as written, timed by the words of what was spoken. */
struct transcript_sentence {
	const char *written;	/* the sentence as the article wrote it: the cues' text */
	const char *spoken;	/* the text espeak-ng was given (normalized): the words' positions count in it */
	uint32_t start_ms;	/* its first word */
	uint32_t end_ms;	/* the end of its speech */
	const struct transcript_word *words;	/* in order; may be none */
	size_t n_words;
};

/* A growable list of cues; the list owns their text. */
struct transcript {
	struct transcript_cue *cues;
	size_t n, cap;
};

void transcript_init(struct transcript *t);
void transcript_release(struct transcript *t);

/* Appends s's cues to t: the written words, cut at word boundaries into cues of at
 * most TRANSCRIPT_MAX_LINES balanced lines of TRANSCRIPT_LINE_CHARS characters and
 * TRANSCRIPT_MAX_MS (a cue of one word may be longer), as few as can be and as even
 * as can be, preferring cuts after a comma. Each cue starts when its first word is
 * spoken and ends when the next starts; the last at s->end_ms. A word longer than a
 * line is cut into line-long pieces. */
void transcript_add_sentence(struct transcript *t, const struct transcript_sentence *s);

/* Writes the cues as WebVTT (or SRT) to path, atomically. */
int transcript_write_vtt(const char *path, const struct transcript_cue *cues, size_t n);
int transcript_write_srt(const char *path, const struct transcript_cue *cues, size_t n);

/* "HH:MM:SS.mmm" (sep '.') or "HH:MM:SS,mmm" (sep ','), into buf of at least 16 bytes. */
void transcript_time(uint32_t ms, char sep, char *buf);

#endif
