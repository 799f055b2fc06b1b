/* article: the part, the unit of work of speak and build: one article spoken (or one audio file read) into an MP3 part with its timings, in one child process. */
#ifndef NEWSCAST_ARTICLE_H
#define NEWSCAST_ARTICLE_H

#include "audio.h"
#include "encode.h"
#include "error.h"
#include "isolate.h"
#include "segment.h"
#include "voice.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* One piece of an episode to make. Pointers are borrowed until article_finish. */
struct article_job {
	const char *name;		/* what messages call it */
	const struct voice_profile *voice;
	const struct segment_list *segs;	/* speech; or NULL and audio_path */
	const char *audio_path;		/* an audio file any libsndfile format, any rate or channels */
	int tail_ms;			/* silence at the end: the pause before what follows */
	struct audio_settings audio;
	struct encode_settings encode;
	int timeout_ms;
	struct progress *progress;	/* may be NULL; shown by the parent as the worker reports */
};

/* When each segment sounds, in milliseconds from the part's start. */
struct article_timing {
	uint32_t start_ms;	/* where the segment's audio begins */
	uint32_t speech_ms;	/* its first word */
	uint32_t end_ms;	/* the end of its speech, before the pause after it */
};

/* When a word starts, for captions: its segment, its first character in the
 * segment's text (0-based, in characters), and its time from the part's start. */
struct article_word {
	uint32_t seg;
	uint32_t text_pos;
	uint32_t ms;
};

struct article_result {
	struct encode_part part;	/* part.fp is the caller's, as given to article_start; for a
					 * format that is not joined, part.samples counts the float
					 * samples written instead of frames */
	uint64_t out_samples;		/* samples of audio in the part, at the output rate */
	double lufs;			/* loudness the part was rendered to, as measured */
	struct article_timing *timings;	/* one a segment; NULL for audio files */
	size_t n_timings;
	struct article_word *words;	/* in order of speech; NULL for audio files */
	size_t n_words;
};

/* A worker making one job's part; the child reaches the job and the output through it. */
struct article_run {
	struct isolate_child child;
	const struct article_job *job;
	FILE *out;
	unsigned char *buf;		/* what the child sent, not yet a whole record */
	size_t len, cap;
	struct article_result res;	/* its status: a result, or an error */
	struct error err;
	bool has_result, has_error, damaged;
};

/* Starts making job's part in a child process, writing its frames to out. job and out
 * must live until article_finish. */
int article_start(struct article_run *run, const struct article_job *job, FILE *out);
/* Waits for the child; on success fills *res (timings and words are new memory:
 * article_result_release) and returns 0. Else returns -1 with *err (released first, the
 * caller's to release) telling why and of which kind: ERROR_CRASH or ERROR_TIMEOUT for a
 * worker that died or ran past its time, ERROR_STORAGE when the storage failed, else the
 * worker's own kind. The message was printed once already, by the worker or here. */
int article_finish(struct article_run *run, struct article_result *res, struct error *err);
void article_result_release(struct article_result *res);

/* Where the one splitter cuts speech into pieces encoded apart: in silences of at least 250 ms
 * near equal shares, one piece for every 20 s of speech, at most ENCODE_MAX_PARTS; the speech
 * alone decides, not the cores. Fills starts[0..n] as audio_split does (starts has room for
 * ENCODE_MAX_PARTS + 1) and returns n, at least 1. */
size_t article_cuts(const struct pcm *pcm, size_t *starts);

/* The length of a finished part in samples at the output rate: its MP3 frames less the
 * encoder's delay and padding, or the samples of a format that is not joined. */
uint64_t article_result_samples(const struct article_result *res, const struct encode_settings *encode);


/* Reads an audio file into mono 16-bit samples at its own rate (pcm initialised by the caller). */
int article_read_audio(const char *path, struct pcm *pcm);

#endif
