/* audio: turns an article's speech into finished audio: loudness (EBU R128), resampling, a true-peak limiter. */
#ifndef NEWSCAST_AUDIO_H
#define NEWSCAST_AUDIO_H

#include "pcm.h"

#include <stddef.h>

struct audio_settings {
	int out_rate;		/* samples per second of the output */
	double target_lufs;	/* integrated loudness to reach, e.g. -16 */
	double ceiling_dbtp;	/* true peak not to exceed, e.g. -1 */
	int jobs;		/* threads the loudness passes may use (0 or 1: this one); the result does not depend on it */
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
	double peak_db;		/* sample peak: the true peak is held by the limiter later */
	double sparse_lufs;	/* of the chunks the plan's search measures in long speech; else integrated_lufs */
};

/* Measures pcm with libebur128. */
int audio_measure(const struct pcm *pcm, struct audio_loudness *out);
/* The integrated loudness of n mono float samples at rate, in *lufs (-HUGE_VAL for silence). */
int audio_measure_float(const float *samples, size_t n, int rate, double *lufs);

/* How an article's speech will be rendered: found by measuring it. */
struct audio_plan {
	struct audio_loudness measured;	/* the speech as espeak-ng made it */
	double gain_db;			/* applied before the limiter */
	float threshold;		/* the limiter's ceiling, linear */
	double predicted_lufs;		/* loudness after gain and limiter */
};

/* Measures pcm and finds the gain that brings it, after the limiter, to the
 * loudness target. Costs a few passes of the chain (no encoding). */
int audio_plan(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan);

/* The first guess of audio_plan, for a quick look at how the speech will sound:
 * measured, with the gain that reaches the target before the limiter. */
int audio_plan_rough(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan);
/* audio_plan_rough's guess from the sample only (audio_sample_range): the gain that brings the
 * sample to the target, cheap enough to start the encoder's round trip before the whole is measured. */
int audio_plan_sample(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan);
/* What tells the plan's search, after its first round, how far to move the target (say, what the
 * encoder takes away, measured meanwhile on another thread). Returns -1 on an error it reported. */
struct audio_aim {
	void *ud;
	int (*shift)(void *ud, double *lu);
};
/* The rest of audio_plan, for a plan audio_plan_rough measured (pcm is not measured
 * again): the gain for settings' target, moved by what aim says (aim may be NULL), found
 * with the limiter. */
int audio_plan_refine(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan,
		      const struct audio_aim *aim);
/* The sample of pcm the plan's last step measures: from the middle, a tenth of it, 3 to 10 s:
 * a short article pays for its round trip through LAME as a share of its own encoding. */
void audio_sample_range(const struct pcm *pcm, size_t *start, size_t *end);

/* Renders samples [start, end) of pcm to sink: the plan's gain, resampling to
 * out_rate with libsoxr, then a look-ahead limiter that keeps peaks under the
 * ceiling. Streams in small blocks: memory does not grow with the length.
 * Writes audio_output_length(end - start, ...) samples. */
int audio_render_range(const struct pcm *pcm, size_t start, size_t end, const struct audio_settings *settings,
		       const struct audio_plan *plan, const struct audio_sink *sink);

/* audio_plan, then audio_render_range over all of pcm; *plan may be NULL. */
int audio_render(const struct pcm *pcm, const struct audio_settings *settings, const struct audio_sink *sink,
		 struct audio_plan *plan);

/* Where to cut pcm into independently rendered parts: the middle of the
 * longest run of exact silence (at least min_run samples) that lies within
 * [lo, hi). Returns 0 when there is none. */
size_t audio_find_split(const struct pcm *pcm, size_t lo, size_t hi, size_t min_run);

/* Cuts pcm into at most want parts, each cut in a silence of at least min_run
 * samples near an equal share. Fills starts[0..n) (starts[0] is 0) and
 * starts[n] = pcm->len; returns n, at least 1. */
size_t audio_split(const struct pcm *pcm, size_t want, size_t min_run, size_t *starts);

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
