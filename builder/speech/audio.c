/* audio: turns an article's speech into finished audio: loudness (EBU R128), resampling, a true-peak limiter. */
#include "audio.h"

#include "log.h"
#include "util.h"

#include <ebur128.h>
#include <math.h>
#include <pthread.h>
#include <soxr.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Peaks are held this far under the ceiling, measured on samples: the MP3
 * encoder and inter-sample peaks add a little on top. */
#define AUDIO_PEAK_MARGIN_DB 0.5
#define AUDIO_BLOCK 4096
#define AUDIO_MAX_THREADS 8
/* The plan stops searching once the chain's loudness is this close to the target
 * (LU): each step is one cheap pass, and the file must land within 0.3 LU. */
#define AUDIO_PLAN_TOLERANCE 0.1
/* The plan's search measures a chunk of this many seconds in every AUDIO_SPARSE_EVERY of long
 * speech; one pass over all of it at the output rate then corrects the gain. */
#define AUDIO_SPARSE_CHUNK 10
#define AUDIO_SPARSE_EVERY 30

int audio_measure(const struct pcm *pcm, struct audio_loudness *out)
{
	ebur128_state *st = ebur128_init(1, (unsigned long)pcm->rate, EBUR128_MODE_I | EBUR128_MODE_SAMPLE_PEAK);
	double peak = 0.0;
	int ret = -1;

	out->integrated_lufs = -HUGE_VAL;
	out->peak_db = -HUGE_VAL;
	if (!st) {
		log_error("cannot start the loudness meter");
		return -1;
	}
	for (size_t off = 0; off < pcm->len; off += AUDIO_BLOCK) {
		size_t n = pcm->len - off < AUDIO_BLOCK ? pcm->len - off : AUDIO_BLOCK;

		if (ebur128_add_frames_short(st, pcm->data + off, n) != EBUR128_SUCCESS)
			goto out;
		pcm_drop(pcm, off, off + n);
	}
	if (ebur128_loudness_global(st, &out->integrated_lufs) != EBUR128_SUCCESS ||
	    ebur128_sample_peak(st, 0, &peak) != EBUR128_SUCCESS)
		goto out;
	out->peak_db = peak > 0 ? 20.0 * log10(peak) : -HUGE_VAL;
	ret = 0;
out:
	if (ret < 0)
		log_error("cannot measure loudness");
	ebur128_destroy(&st);
	return ret;
}

int audio_measure_float(const float *samples, size_t n, int rate, double *lufs)
{
	ebur128_state *st = ebur128_init(1, (unsigned long)rate, EBUR128_MODE_I);
	int ret = -1;

	*lufs = -HUGE_VAL;
	if (st && ebur128_add_frames_float(st, samples, n) == EBUR128_SUCCESS &&
	    ebur128_loudness_global(st, lufs) == EBUR128_SUCCESS)
		ret = 0;
	else
		log_error("cannot measure loudness");
	if (st)
		ebur128_destroy(&st);
	return ret;
}

struct audio_limiter {
	float threshold;
	size_t look;		/* samples of look-ahead = the delay */
	size_t mask;		/* the rings hold mask + 1 (a power of two, > look + 1) samples */
	double release_coef;	/* per-sample step of the gain back towards 1 */
	float *delay;		/* input samples */
	float *req;		/* the gain each input sample needs */
	size_t *minq;		/* a monotonic queue of sample numbers: the window's least req first */
	size_t qhead, qtail;
	float *minima;		/* window minima, for their moving average */
	double avg_sum;
	double gain;
	size_t count;		/* samples fed so far */
};

struct audio_limiter *audio_limiter_new(float threshold, size_t lookahead, size_t release)
{
	struct audio_limiter *lim = xcalloc(1, sizeof *lim);
	size_t n = 1;

	while (n < lookahead + 2)
		n *= 2;
	lim->threshold = threshold;
	lim->look = lookahead;
	lim->mask = n - 1;
	lim->release_coef = release ? 1.0 - exp(-1.0 / (double)release) : 1.0;
	lim->delay = xcalloc(n, sizeof *lim->delay);
	lim->req = xcalloc(n, sizeof *lim->req);
	lim->minq = xcalloc(n, sizeof *lim->minq);
	lim->minima = xcalloc(n, sizeof *lim->minima);
	lim->avg_sum = (double)(lookahead + 1);
	lim->gain = 1.0;
	return lim;
}

void audio_limiter_free(struct audio_limiter *lim)
{
	if (!lim)
		return;
	free(lim->delay);
	free(lim->req);
	free(lim->minq);
	free(lim->minima);
	free(lim);
}

/*
 * For sample j the window minimum m[j] is the least gain any of samples
 * j..j+look needs; the moving average of the look+1 minima up to j is then at
 * most what any of them needs, and it changes smoothly. Output j leaves when
 * input j+look arrives.
 */
size_t audio_limiter_process(struct audio_limiter *lim, const float *in, size_t n, float *out)
{
	const size_t mask = lim->mask, w = lim->look + 1;
	size_t produced = 0;

	for (size_t i = 0; i < n; i++) {
		size_t t = lim->count++, j;
		float x = in[i], ax = fabsf(x);
		float need = ax > lim->threshold ? lim->threshold / ax : 1.0f;
		float m;

		lim->delay[t & mask] = x;
		lim->req[t & mask] = need;
		while (lim->qtail > lim->qhead && lim->req[lim->minq[(lim->qtail - 1) & mask] & mask] >= need)
			lim->qtail--;
		lim->minq[lim->qtail++ & mask] = t;
		if (t < lim->look)
			continue;
		j = t - lim->look;	/* the sample that leaves now */
		while (lim->minq[lim->qhead & mask] < j)
			lim->qhead++;
		m = lim->req[lim->minq[lim->qhead & mask] & mask];
		lim->minima[j & mask] = m;
		lim->avg_sum += (double)m - (j >= w ? (double)lim->minima[(j - w) & mask] : 1.0);
		{
			double g = lim->avg_sum / (double)w;

			if (g < lim->gain)
				lim->gain = g;
			else
				lim->gain += (g - lim->gain) * lim->release_coef;
		}
		out[produced++] = lim->delay[j & mask] * (float)lim->gain;
	}
	return produced;
}

size_t audio_output_length(size_t n, int in_rate, int out_rate)
{
	return (size_t)(((unsigned long long)n * (unsigned long long)out_rate + (unsigned)in_rate / 2) /
			(unsigned)in_rate);
}

/* Passes limited samples on to the sink. */
static int audio_emit(struct audio_limiter *lim, const float *in, size_t n, float *tmp,
		      const struct audio_sink *sink)
{
	size_t k = audio_limiter_process(lim, in, n, tmp);

	return k ? sink->write(sink->ud, tmp, k) : 0;
}

/* The rendering chain: gain, resampling, limiter, in blocks, into sink. */
static int audio_chain(const struct pcm *pcm, size_t start, size_t end, int out_rate, double gain_db,
		       float threshold, const struct audio_sink *sink)
{
	soxr_t sox = NULL;
	struct audio_limiter *lim = NULL;
	float *in = NULL, *res = NULL, *tmp = NULL;
	size_t res_cap, look, want, produced = 0;
	double gain = pow(10.0, gain_db / 20.0), ratio = (double)out_rate / pcm->rate;
	int ret = -1;

	if (pcm->rate != out_rate) {
		soxr_error_t err;
		soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
		soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);

		sox = soxr_create(pcm->rate, out_rate, 1, &err, &io, &q, NULL);
		if (err) {
			log_error("cannot resample %d Hz to %d Hz: %s", pcm->rate, out_rate, err);
			goto out;
		}
	}
	look = (size_t)out_rate / 200;	/* 5 ms */
	lim = audio_limiter_new(threshold, look, (size_t)out_rate / 10 /* 100 ms */);
	res_cap = (size_t)(AUDIO_BLOCK * ratio) + 16384;
	in = xmalloc(AUDIO_BLOCK * sizeof *in);
	res = xmalloc(res_cap * sizeof *res);
	tmp = xmalloc(res_cap * sizeof *tmp);
	want = audio_output_length(end - start, pcm->rate, out_rate);

	for (size_t off = start;; off += AUDIO_BLOCK) {
		size_t n = off < end ? end - off : 0, got;
		int last = n <= AUDIO_BLOCK;

		if (n > AUDIO_BLOCK)
			n = AUDIO_BLOCK;
		for (size_t i = 0; i < n; i++)
			in[i] = (float)(pcm->data[off + i] * gain / 32768.0);
		pcm_drop(pcm, off, off + n);
		if (sox) {
			soxr_error_t err = soxr_process(sox, in, n, NULL, res, res_cap, &got);

			/* after the last block, a NULL input tells soxr to flush what it holds */
			while (!err && last && got + 1024 <= res_cap) {
				size_t more = 0;

				err = soxr_process(sox, NULL, 0, NULL, res + got, res_cap - got, &more);
				got += more;
				if (!more)
					break;
			}
			if (err) {
				log_error("resampling failed: %s", err);
				goto out;
			}
		} else {
			memcpy(res, in, n * sizeof *in);
			got = n;
		}
		if (produced + got > want)
			got = want - produced;
		produced += got;
		if (audio_emit(lim, res, got, tmp, sink) != 0)
			goto out;
		if (sink->progress)
			sink->progress(sink->ud, end > start ? (double)(off + n - start) / (double)(end - start) : 1.0);
		if (last)
			break;
	}
	pcm_drop(pcm, start, end);
	/* Drain the limiter's delay, and pad to the exact length if the resampler came up short. */
	memset(res, 0, look * sizeof *res);
	if (audio_emit(lim, res, look, tmp, sink) != 0)
		goto out;
	while (produced < want) {
		size_t n = want - produced < look ? want - produced : look;

		produced += n;
		if (audio_emit(lim, res, n, tmp, sink) != 0)
			goto out;
	}
	ret = 0;
out:
	if (sox)
		soxr_delete(sox);
	audio_limiter_free(lim);
	free(in);
	free(res);
	free(tmp);
	return ret;
}

static int audio_meter_write(void *ud, const float *samples, size_t n)
{
	return ebur128_add_frames_float(ud, samples, n) == EBUR128_SUCCESS ? 0 : -1;
}

struct audio_meter_part {
	const struct pcm *pcm;
	size_t start, end;
	int out_rate;
	double gain_db;
	float threshold;
	size_t chunk, every;	/* measure chunk samples of every (0: all of it) */
	ebur128_state *st;
	int ret;
};

static void *audio_meter_part_run(void *ud)
{
	struct audio_meter_part *p = ud;
	struct audio_sink meter = { p->st, audio_meter_write, NULL };

	if (!p->every) {
		p->ret = audio_chain(p->pcm, p->start, p->end, p->out_rate, p->gain_db, p->threshold, &meter);
		return NULL;
	}
	p->ret = 0;
	for (size_t off = p->start; off < p->end && p->ret == 0; off += p->every)
		p->ret = audio_chain(p->pcm, off, p->end - off < p->chunk ? p->end : off + p->chunk, p->out_rate,
				     p->gain_db, p->threshold, &meter);
	return NULL;
}

/* Whether the plan's search measures only a part of pcm: long enough to sample. */
static bool audio_sparse(const struct pcm *pcm)
{
	return pcm->len > (size_t)pcm->rate * AUDIO_SPARSE_EVERY * 2;
}

/* Integrated loudness of what the chain makes with gain_db at rate: the limiter takes
 * a little loudness away, which the final gain must give back. The parts are
 * measured on threads at once and their gating blocks pooled. With sparse, long speech
 * is measured on a chunk of AUDIO_SPARSE_CHUNK seconds in every AUDIO_SPARSE_EVERY: the
 * limiter's and the meter's memory is a fraction of a second, and speech is steady. */
static int audio_measure_chain(const struct pcm *pcm, const struct audio_settings *settings, int rate, double gain_db,
			       float threshold, bool sparse, double *lufs)
{
	struct audio_meter_part parts[AUDIO_MAX_THREADS];
	ebur128_state *states[AUDIO_MAX_THREADS];
	pthread_t threads[AUDIO_MAX_THREADS];
	size_t starts[AUDIO_MAX_THREADS + 1];
	size_t want = settings->jobs > 1 ? (size_t)settings->jobs : 1, n;
	int ret = 0;

	if (want > AUDIO_MAX_THREADS)
		want = AUDIO_MAX_THREADS;
	n = audio_split(pcm, want, (size_t)pcm->rate / 4, starts);
	for (size_t k = 0; k < n; k++) {
		parts[k] = (struct audio_meter_part){ pcm, starts[k], starts[k + 1], rate, gain_db, threshold,
						      (size_t)pcm->rate * AUDIO_SPARSE_CHUNK, 0, NULL, -1 };
		if (sparse && audio_sparse(pcm))
			parts[k].every = (size_t)pcm->rate * AUDIO_SPARSE_EVERY;
		parts[k].st = states[k] = ebur128_init(1, (unsigned long)rate, EBUR128_MODE_I);
		if (!parts[k].st)
			ret = -1;
	}
	for (size_t k = 1; k < n && ret == 0; k++)
		if (pthread_create(&threads[k], NULL, audio_meter_part_run, &parts[k]) != 0)
			parts[k].st = NULL;	/* measured below, on this thread */
	if (ret == 0)
		audio_meter_part_run(&parts[0]);
	for (size_t k = 1; k < n && ret == 0; k++) {
		if (parts[k].st)
			pthread_join(threads[k], NULL);
		else {
			parts[k].st = states[k];
			audio_meter_part_run(&parts[k]);
		}
	}
	for (size_t k = 0; k < n; k++)
		if (parts[k].ret != 0)
			ret = -1;
	if (ret == 0 && ebur128_loudness_global_multiple(states, n, lufs) != EBUR128_SUCCESS)
		ret = -1;
	if (ret < 0)
		log_error("cannot measure loudness");
	for (size_t k = 0; k < n; k++)
		if (states[k])
			ebur128_destroy(&states[k]);
	return ret;
}

/* The plan's first guess from its measurement: the gain that reaches the target before the limiter. */
static void audio_plan_guess(const struct audio_settings *settings, struct audio_plan *plan)
{
	plan->threshold = (float)pow(10.0, (settings->ceiling_dbtp - AUDIO_PEAK_MARGIN_DB) / 20.0);
	plan->predicted_lufs = -HUGE_VAL;
	plan->gain_db = isfinite(plan->measured.integrated_lufs) ? settings->target_lufs - plan->measured.integrated_lufs
								  : 0.0;
}

int audio_plan_rough(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan)
{
	if (audio_measure(pcm, &plan->measured) < 0)
		return -1;
	audio_plan_guess(settings, plan);
	return 0;
}

int audio_plan(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan)
{
	if (audio_plan_rough(pcm, settings, plan) < 0)
		return -1;
	return audio_plan_refine(pcm, settings, plan);
}

int audio_plan_refine(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan)
{
	double limited = -HUGE_VAL, gain_db;
	/* The gain is searched cheaply: on a third of long speech (sparse), and speech that is only
	 * upsampled (espeak-ng's 22.05 kHz to 44.1 kHz) at its own rate: no resampler, and half the
	 * samples through the limiter and the meter each round. Upsampling adds no band, but peaks
	 * between the samples make the limiter work a little harder at the output rate (about
	 * 0.1 LU): one pass over all of it there corrects the gain found. */
	int rate = pcm->rate < settings->out_rate ? pcm->rate : settings->out_rate;

	audio_plan_guess(settings, plan);
	gain_db = plan->gain_db;
	if (isfinite(plan->measured.integrated_lufs)) {
		/* The limiter lowers loudness as it holds the peaks, more the harder it works:
		 * secant steps on loudness-after-limiter against gain find the gain that lands
		 * on the target. Each step is one pass, so stop as soon as it is close, and
		 * keep the best gain actually measured. */
		double prev_gain = 0.0, prev_lufs = plan->measured.integrated_lufs, best_err = HUGE_VAL;
		double best_gain = 0.0, best_lufs = -HUGE_VAL, slope = 1.0, step;

		for (int round = 0; round < 5; round++) {
			if (audio_measure_chain(pcm, settings, rate, gain_db, plan->threshold, true, &limited) < 0)
				return -1;
			if (!isfinite(limited))
				break;
			if (fabs(settings->target_lufs - limited) < best_err) {
				best_err = fabs(settings->target_lufs - limited);
				best_gain = gain_db;
				best_lufs = limited;
			}
			slope = (limited - prev_lufs) / (gain_db - prev_gain);
			if (!(slope >= 0.2 && slope <= 1.0))
				slope = slope > 1.0 ? 1.0 : 0.2;
			if (best_err < AUDIO_PLAN_TOLERANCE)
				break;
			step = (settings->target_lufs - limited) / slope;
			/* a near-flat slope must not throw the gain far off in one go */
			if (step > 6.0)
				step = 6.0;
			if (step < -6.0)
				step = -6.0;
			prev_gain = gain_db;
			prev_lufs = limited;
			gain_db += step;
		}
		if (isfinite(best_lufs)) {
			gain_db = best_gain;
			limited = best_lufs;
		}
		if (isfinite(best_lufs) && (rate != settings->out_rate || audio_sparse(pcm))) {
			if (audio_measure_chain(pcm, settings, settings->out_rate, gain_db, plan->threshold, false,
						&limited) < 0)
				return -1;
			/* a small step along the slope the search found: linear that close */
			if (!isfinite(limited))
				limited = best_lufs;
			step = (settings->target_lufs - limited) / slope;
			if (step > 1.0)
				step = 1.0;
			if (step < -1.0)
				step = -1.0;
			gain_db += step;
			limited += step * slope;
		}
	}
	plan->gain_db = gain_db;
	plan->predicted_lufs = limited;
	log_verbose("audio: measured %.1f LUFS, peak %.1f dBFS; gain %+.1f dB and a limiter at %.1f dBFS "
		    "give %.2f LUFS (target %.2f LUFS, %.1f dBTP)", plan->measured.integrated_lufs,
		    plan->measured.peak_db, gain_db, settings->ceiling_dbtp - AUDIO_PEAK_MARGIN_DB, limited,
		    settings->target_lufs, settings->ceiling_dbtp);
	return 0;
}

int audio_render_range(const struct pcm *pcm, size_t start, size_t end, const struct audio_settings *settings,
		       const struct audio_plan *plan, const struct audio_sink *sink)
{
	return audio_chain(pcm, start, end, settings->out_rate, plan->gain_db, plan->threshold, sink);
}

int audio_render(const struct pcm *pcm, const struct audio_settings *settings, const struct audio_sink *sink,
		 struct audio_plan *plan)
{
	struct audio_plan local;

	if (!plan)
		plan = &local;
	if (audio_plan(pcm, settings, plan) < 0)
		return -1;
	return audio_render_range(pcm, 0, pcm->len, settings, plan, sink);
}

size_t audio_find_split(const struct pcm *pcm, size_t lo, size_t hi, size_t min_run)
{
	size_t best = 0, best_len = 0, run = 0;

	if (hi > pcm->len)
		hi = pcm->len;
	for (size_t i = lo; i < hi; i++) {
		if (i % AUDIO_BLOCK == 0 && i >= lo + AUDIO_BLOCK)
			pcm_drop(pcm, i - AUDIO_BLOCK, i);
		if (pcm->data[i] != 0) {
			run = 0;
			continue;
		}
		run++;
		if (run >= min_run && run > best_len) {
			best_len = run;
			best = i + 1 - run / 2;
		}
	}
	return best;
}

size_t audio_split(const struct pcm *pcm, size_t want, size_t min_run, size_t *starts)
{
	size_t n = 1;

	starts[0] = 0;
	for (size_t k = 1; k < want && pcm->len; k++) {
		size_t target = pcm->len / want * k, reach = pcm->len / want / 3;
		size_t at = audio_find_split(pcm, target - reach, target + reach, min_run);

		if (at > starts[n - 1])
			starts[n++] = at;
	}
	starts[n] = pcm->len;
	return n;
}
