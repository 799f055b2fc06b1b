/* render: an article's speech to audio: its loudness planned once (for what the encoder takes away), a range of it encoded as an MP3 part. */
#include "render.h"

#include "log.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* How much speech render_plan encodes to measure what the encoder loses. */
#define RENDER_LOSS_SAMPLE_SECONDS 10

int render_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > ENCODE_MAX_PARTS ? ENCODE_MAX_PARTS : (int)n;
}

struct render_sink {
	struct encoder *enc;
	void (*progress)(void *ud, double fraction);
	void *progress_ud;
};

static int render_write(void *ud, const float *samples, size_t n)
{
	return encoder_write(((struct render_sink *)ud)->enc, samples, n);
}

static void render_progress(void *ud, double fraction)
{
	struct render_sink *rs = ud;

	if (rs->progress)
		rs->progress(rs->progress_ud, fraction);
}

int render_part(const struct pcm *pcm, size_t start, size_t end, const struct audio_settings *audio,
		const struct encode_settings *encode, const struct audio_plan *plan, int first, FILE *fp,
		struct encode_part *part, void (*progress)(void *ud, double fraction), void *progress_ud)
{
	struct render_sink rs = { NULL, progress, progress_ud };
	struct audio_sink sink = { &rs, render_write, render_progress };

	rs.enc = encoder_new_part(encode, first, fp);
	if (!rs.enc)
		return -1;
	if (audio_render_range(pcm, start, end, audio, plan, &sink) < 0) {
		encoder_free(rs.enc);
		return -1;
	}
	return encoder_finish_part(rs.enc, part);
}

/* Rendered samples to a file, as they are. */
struct render_raw {
	FILE *fp;
	uint64_t n;
	struct render_sink rs;
};

static int render_raw_write(void *ud, const float *samples, size_t n)
{
	struct render_raw *r = ud;

	if (fwrite(samples, sizeof *samples, n, r->fp) != n) {
		log_error("cannot write a temporary file: %s", strerror(errno));
		return -1;
	}
	r->n += n;
	return 0;
}

static void render_raw_progress(void *ud, double fraction)
{
	render_progress(&((struct render_raw *)ud)->rs, fraction);
}

int render_samples(const struct pcm *pcm, const struct audio_settings *audio, const struct audio_plan *plan,
		   FILE *fp, uint64_t *n, void (*progress)(void *ud, double fraction), void *progress_ud)
{
	struct render_raw r = { fp, 0, { NULL, progress, progress_ud } };
	struct audio_sink sink = { &r, render_raw_write, render_raw_progress };

	*n = 0;
	if (audio_render_range(pcm, 0, pcm->len, audio, plan, &sink) < 0)
		return -1;
	if (fflush(fp) != 0) {
		log_error("cannot write a temporary file: %s", strerror(errno));
		return -1;
	}
	*n = r.n;
	return 0;
}

/* Gathers rendered samples for render_plan. */
struct render_gather {
	float *samples;
	size_t n, cap;
};

static int render_gather_write(void *ud, const float *samples, size_t n)
{
	struct render_gather *g = ud;

	util_grow((void **)&g->samples, &g->cap, g->n + n, sizeof *g->samples);
	memcpy(g->samples + g->n, samples, n * sizeof *samples);
	g->n += n;
	return 0;
}

int render_plan(const struct pcm *pcm, const struct audio_settings *audio, const struct encode_settings *encode,
		struct audio_plan *plan)
{
	struct render_gather g = { NULL, 0, 0 };
	struct audio_sink sink = { &g, render_gather_write, NULL };
	struct audio_settings aimed = *audio;
	size_t len = (size_t)pcm->rate * RENDER_LOSS_SAMPLE_SECONDS, start = 0;
	float *decoded = NULL;
	size_t n_decoded = 0;
	double before, after, loss;
	int ret = -1;

	if (encode->format != ENCODE_MP3)
		return audio_plan(pcm, audio, plan);
	/* A sample at about the level the plan will find (the loss hardly depends on it),
	 * from the middle: the loss is steady along speech, within 0.02 LU between samples. */
	if (audio_plan_rough(pcm, audio, plan) < 0)
		return -1;
	if (pcm->len > len)
		start = (pcm->len - len) / 2;
	else
		len = pcm->len;
	if (audio_render_range(pcm, start, start + len, audio, plan, &sink) < 0 ||
	    encode_roundtrip(encode, g.samples, g.n, &decoded, &n_decoded) < 0 ||
	    audio_measure_float(g.samples, g.n, audio->out_rate, &before) < 0 ||
	    audio_measure_float(decoded, n_decoded, audio->out_rate, &after) < 0)
		goto out;
	loss = before - after;
	/* a sample too quiet to gate, or a loss no encoder makes: plan for the target itself */
	if (isfinite(loss) && fabs(loss) >= 0.02 && fabs(loss) <= 3.0) {
		aimed.target_lufs += loss;
		log_verbose("audio: the encoder takes %.2f LU away; aiming at %.2f LUFS before it", loss,
			    aimed.target_lufs);
	}
	/* measured once: the rough plan's measurement is the speech's, whatever the target */
	ret = audio_plan_refine(pcm, &aimed, plan);
out:
	free(g.samples);
	free(decoded);
	return ret;
}
