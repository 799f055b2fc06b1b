/* render: an article's speech to audio: its loudness planned once (for what the encoder takes away), a range of it encoded as an MP3 part. */
#ifndef NEWSCAST_RENDER_H
#define NEWSCAST_RENDER_H

#include "audio.h"
#include "encode.h"
#include "pcm.h"

#include <stdint.h>
#include <stdio.h>

/* audio_plan, aimed at the loudness of the encoded file: a lossy encoder takes
 * some loudness away (LAME at 96 kbps about 0.4 LU, evenly across the spectrum:
 * quantisation, not its lowpass), measured on a sample of the speech encoded and
 * decoded again, and the plan is made for the target plus what it loses. */
int render_plan(const struct pcm *pcm, const struct audio_settings *audio, const struct encode_settings *encode,
		struct audio_plan *plan);

/* Encodes samples [start, end) of pcm into fp as one MP3 part (the first reserves
 * the Info frame), with the plan's gain and limiter; progress (may be NULL) is told
 * the fraction done. */
int render_part(const struct pcm *pcm, size_t start, size_t end, const struct audio_settings *audio,
		const struct encode_settings *encode, const struct audio_plan *plan, int first, FILE *fp,
		struct encode_part *part, void (*progress)(void *ud, double fraction), void *progress_ud);

/* Renders all of pcm with the plan into fp as it is: mono float samples at the output
 * rate, *n of them, for a format that is encoded in one stream once its tags are known. */
int render_samples(const struct pcm *pcm, const struct audio_settings *audio, const struct audio_plan *plan,
		   FILE *fp, uint64_t *n, void (*progress)(void *ud, double fraction), void *progress_ud);


#endif
