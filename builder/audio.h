/* audio: turns an article's speech into finished audio: loudness (EBU R128), resampling, a true-peak limiter. */
#ifndef NEWSCAST_AUDIO_H
#define NEWSCAST_AUDIO_H

#include "pcm.h"

#include <stddef.h>

struct audio_settings {
	int out_rate;		/* samples per second of the output */
	double target_lufs;	/* integrated loudness to reach, e.g. -16 */
	double ceiling_dbtp;	/* true peak not to exceed, e.g. -1 */
};

#define AUDIO_DEFAULT_RATE 44100
#define AUDIO_DEFAULT_LUFS (-16.0)
#define AUDIO_DEFAULT_CEILING (-1.0)

/* Where rendered audio goes: mono float samples in [-1, 1], in order. Return
 * non-zero to stop. progress (may be NULL) is told the fraction done. */
struct audio_sink {
	void *ud;
	int (*write)(void *ud, const float *samples, size_t n);
	void (*progress)(void *ud, double fraction);
};

struct audio_loudness {
	double integrated_lufs;	/* -HUGE_VAL for silence */
	double true_peak_db;
};

/* Measures pcm with libebur128. */
int audio_measure(const struct pcm *pcm, struct audio_loudness *out);

/* Renders pcm to sink: gain to the loudness target, resampling to out_rate with
 * libsoxr, then a look-ahead limiter that keeps peaks under the ceiling. Streams
 * in small blocks: memory does not grow with the length. Reports the loudness
 * it measured in *before (may be NULL). */
int audio_render(const struct pcm *pcm, const struct audio_settings *settings, const struct audio_sink *sink,
		 struct audio_loudness *before);

/* The number of samples audio_render writes for n input samples. */
size_t audio_output_length(size_t n, int in_rate, int out_rate);

struct audio_limiter;	/* opaque: look-ahead peak limiter */

/* A limiter that keeps |sample| <= threshold, looking lookahead samples ahead,
 * with the given release in samples. Output lags input by lookahead samples. */
struct audio_limiter *audio_limiter_new(float threshold, size_t lookahead, size_t release);
void audio_limiter_free(struct audio_limiter *lim);
/* Feeds n samples from in; writes the limited samples that are ready to out
 * (room for n) and returns how many. Flush with zeros to drain the delay. */
size_t audio_limiter_process(struct audio_limiter *lim, const float *in, size_t n, float *out);

#endif
