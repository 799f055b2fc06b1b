/* synth: wraps libespeak-ng: one segment in, PCM and the positions of its sentences and words out. */
#ifndef NEWSCAST_SYNTH_H
#define NEWSCAST_SYNTH_H

#include "pcm.h"
#include "segment.h"
#include "voice.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum synth_event_kind {
	SYNTH_SENTENCE,
	SYNTH_WORD,
};

struct synth_event {
	enum synth_event_kind kind;
	uint32_t sample;	/* from the start of the segment's audio */
	uint32_t text_pos;	/* in characters from the start of the segment's text, 0-based */
	uint32_t length;	/* in characters (words only) */
};

/* Where synthesised audio goes, segment by segment, in order. Each callback
 * returns 0 to go on, non-zero to stop. */
struct synth_sink {
	void *ud;
	int (*samples)(void *ud, size_t seg, const int16_t *pcm, size_t n);
	int (*event)(void *ud, size_t seg, const struct synth_event *ev);
	int (*segment_done)(void *ud, size_t seg);
};

struct synth;	/* opaque: espeak-ng, initialised with one voice */

/* Starts espeak-ng in this process with the profile's voice, rate and pitch.
 * espeak-ng has global state: one synth per process. Returns NULL after
 * reporting an error. */
struct synth *synth_new(const struct voice_profile *vp);
void synth_free(struct synth *s);
int synth_sample_rate(const struct synth *s);

/* Speaks text (plain text, never SSML; control characters are removed first)
 * and passes its audio and events to sink as segment seg. With phonemes,
 * [[...]] in text is read as espeak-ng phonemes: only for text whose own
 * brackets were broken up (lexicon_apply does). */
int synth_speak(struct synth *s, const char *text, bool phonemes, size_t seg, const struct synth_sink *sink);

/* Copies text with control characters replaced by spaces: bytes below 0x20
 * and DEL switch espeak-ng's voice and speed. Returns a new string. */
char *synth_sanitize(const char *text);

/* Speaks every segment in child processes (espeak-ng is not thread-safe and
 * crashes on some input): a long list is shared out, in runs of segments, to
 * two children at once, each killed after timeout_ms. Audio and events arrive at
 * sink in order; *sample_rate is set before the first samples. On a crash or a
 * timeout, reports an error naming name, the segment and its line. */
int synth_segments_isolated(const char *name, const struct voice_profile *vp, const struct segment_list *segs,
			    int timeout_ms, const struct synth_sink *sink, int *sample_rate);

/* A word espeak-ng spoke: its segment, its first character in the segment's
 * text (0-based, in characters) and where it starts in the speech, in samples. */
struct synth_word {
	size_t seg;
	uint32_t text_pos;
	size_t sample;
};

/* An article's speech gathered in one buffer, each segment followed by its pause,
 * where each segment starts, speaks its first word and ends, in samples, and
 * where each word starts, for captions. */
struct synth_speech {
	struct pcm pcm;
	const struct segment_list *segs;
	size_t *start, *speech, *end;	/* per segment */
	bool *has_word;
	struct synth_word *words;	/* in order of speech */
	size_t n_words, cap_words;
	void (*on_segment)(void *ud, size_t seg);	/* after each segment, for progress; may be NULL */
	void *ud;
};

/* sp gathers the speech of segs, which may still be empty (filled in before the run). */
void synth_speech_init(struct synth_speech *sp, const struct segment_list *segs);
void synth_speech_release(struct synth_speech *sp);
/* How long speaking segs may take: a minute, and a second for every 2 KB of text. */
int synth_time_limit_ms(const struct segment_list *segs);
/* Speaks every segment into sp with synth_segments_isolated, under
 * synth_time_limit_ms. Once per sp. */
int synth_speech_run(struct synth_speech *sp, const char *name, const struct voice_profile *vp);



/* espeak-ng's version ("1.51"), and in *data_dir (may be NULL) the espeak-ng-data folder this
 * process would speak with (ESPEAK_DATA_PATH, else the installed one), without starting
 * espeak-ng: for the cache's fingerprint of the install. Both strings are espeak-ng's. */
const char *synth_espeak_version(const char **data_dir);

/* The espeak-ng name of a voice given by language ("en-us" → "English_(America)"),
 * as a new string, or NULL when espeak-ng has no such voice. Starts espeak-ng
 * in this process if need be: only for trusted callers like `newscast voices`. */
char *synth_voice_describe(const char *language);
#endif
