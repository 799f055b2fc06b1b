/* render: an article's speech to audio: its loudness planned once (for what the encoder takes away), a range of it encoded as an MP3 part. */
#include "render.h"

#include "log.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Gathers rendered samples for the loss sample. */
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

/* What the encoder takes away, measured on a thread while the plan's search starts. */
struct render_loss {
	const struct pcm *pcm;
	const struct audio_settings *audio;
	const struct encode_settings *encode;
	struct audio_plan rough;	/* the thread's own: from the sample */
	pthread_t thread;
	bool started;
	double loss;	/* LU; 0 when it could not be told */
	int ret;
};

/* The sample at about the level the plan will find (the loss hardly depends on it: the sample's
 * own level will do, so this need not wait for the whole to be measured), encoded and decoded
 * again: the loss is steady along speech (0.35 to 0.52 LU on the sample articles; a sample half
 * as long moves it by up to 0.09 LU, within what the plan's landing allows). */
static void *render_loss_run(void *ud)
{
	struct render_loss *rl = ud;
	struct render_gather g = { NULL, 0, 0 };
	struct audio_sink sink = { &g, render_gather_write, NULL };
	float *decoded = NULL;
	size_t n_decoded = 0, start, end;
	double before, after, loss;

	rl->ret = -1;
	audio_sample_range(rl->pcm, &start, &end);
	if (audio_plan_sample(rl->pcm, rl->audio, &rl->rough) < 0 ||
	    audio_render_range(rl->pcm, start, end, rl->audio, &rl->rough, &sink) < 0 ||
	    encode_roundtrip(rl->encode, g.samples, g.n, &decoded, &n_decoded) < 0 ||
	    audio_measure_float(g.samples, g.n, rl->audio->out_rate, &before) < 0 ||
	    audio_measure_float(decoded, n_decoded, rl->audio->out_rate, &after) < 0)
		goto out;
	loss = before - after;
	/* a sample too quiet to gate, or a loss no encoder makes: plan for the target itself */
	if (isfinite(loss) && fabs(loss) >= 0.02 && fabs(loss) <= 3.0) {
		rl->loss = loss;
		log_verbose("audio: the encoder takes %.2f LU away; aiming at %.2f LUFS before it", loss,
			    rl->audio->target_lufs + loss);
	}
	rl->ret = 0;
out:
	free(g.samples);
	free(decoded);
	return NULL;
}

static int render_loss_shift(void *ud, double *lu)
{
	struct render_loss *rl = ud;

	if (rl->started)
		pthread_join(rl->thread, NULL);
	else
		render_loss_run(rl);
	*lu = rl->loss;
	return rl->ret;
}

int render_plan(const struct pcm *pcm, const struct audio_settings *audio, const struct encode_settings *encode,
		struct audio_plan *plan)
{
	struct render_loss rl = { pcm, audio, encode, { { 0 } }, 0, false, 0.0, -1 };
	struct audio_aim aim = { &rl, render_loss_shift };

	if (encode->format != ENCODE_MP3)
		return audio_plan(pcm, audio, plan);
	/* beside the whole speech's measuring pass; without a thread, the loss is measured when
	 * the search asks for it */
	rl.started = pthread_create(&rl.thread, NULL, render_loss_run, &rl) == 0;
	if (audio_plan_rough(pcm, audio, plan) < 0) {
		if (rl.started)
			pthread_join(rl.thread, NULL);
		return -1;
	}
	return audio_plan_refine(pcm, audio, plan, &aim);
}
