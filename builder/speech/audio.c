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
/* The measuring passes cut the speech into this many parts, however many threads measure them:
 * where a part starts, the limiter and the meter start afresh, so the cut decides the gain to a
 * hair, and a part must be the same bytes whatever cores were free. */
#define AUDIO_MEASURE_PARTS 4
/* The plan stops searching once the chain's loudness is this close to the target (LU): each
 * step is one pass, and a last step along the slope found (linear that close) takes it in. */
#define AUDIO_PLAN_TOLERANCE 0.2
/* The plan's search measures a chunk of this many seconds in every AUDIO_SPARSE_EVERY of speech
 * longer than AUDIO_SPARSE_MIN: short chunks, many of them, stand for the whole best. */
#define AUDIO_SPARSE_CHUNK 2
#define AUDIO_SPARSE_EVERY 6
#define AUDIO_SPARSE_MIN 60
#define AUDIO_SPARSE_MAX_CHUNKS 60

/* Whether the plan's search measures only a part of pcm: long enough to sample. */
static bool audio_sparse(const struct pcm *pcm)
{
	return pcm->len > (size_t)pcm->rate * AUDIO_SPARSE_MIN;
}

/* How far apart the sparse search's chunks begin: every AUDIO_SPARSE_EVERY seconds, and no more
 * than AUDIO_SPARSE_MAX_CHUNKS of them, so that long speech costs the search no more than a few
 * minutes do. */
static size_t audio_sparse_every(const struct pcm *pcm)
{
	size_t every = (size_t)pcm->rate * AUDIO_SPARSE_EVERY;

	return pcm->len / AUDIO_SPARSE_MAX_CHUNKS > every ? pcm->len / AUDIO_SPARSE_MAX_CHUNKS : every;
}

static size_t audio_sparse_chunks(const struct pcm *pcm)
{
	size_t every = audio_sparse_every(pcm);

	return (pcm->len + every - 1) / every;
}

/* Chunk k of the sparse search: AUDIO_SPARSE_CHUNK seconds at the start of its stretch. */
static void audio_sparse_chunk(const struct pcm *pcm, size_t k, size_t *start, size_t *end)
{
	*start = k * audio_sparse_every(pcm);
	*end = *start + (size_t)pcm->rate * AUDIO_SPARSE_CHUNK;
	if (*end > pcm->len)
		*end = pcm->len;
}

/* Meters samples [start, end) of pcm, dropping them behind it (pcm_drop). */
static int audio_meter_short(ebur128_state *st, const struct pcm *pcm, size_t start, size_t end)
{
	for (size_t off = start; off < end; off += AUDIO_BLOCK) {
		size_t n = end - off < AUDIO_BLOCK ? end - off : AUDIO_BLOCK;

		if (ebur128_add_frames_short(st, pcm->data + off, n) != EBUR128_SUCCESS)
			return -1;
		pcm_drop(pcm, off, off + n);
	}
	return 0;
}

/* Long speech is metered in two: the chunks the sparse search will measure, and the rest. The
 * search then compares like with like (the chunks before and after the chain), and the two
 * pooled are the whole. */
int audio_measure(const struct pcm *pcm, struct audio_loudness *out)
{
	ebur128_state *st[2] = { NULL, NULL };
	size_t n = audio_sparse(pcm) ? 2 : 1, done = 0;
	double peak = 0.0, p;
	int ret = -1;

	out->integrated_lufs = out->sparse_lufs = -HUGE_VAL;
	out->peak_db = -HUGE_VAL;
	for (size_t k = 0; k < n; k++)
		if (!(st[k] = ebur128_init(1, (unsigned long)pcm->rate, EBUR128_MODE_I | EBUR128_MODE_SAMPLE_PEAK))) {
			log_error("cannot start the loudness meter");
			goto out;
		}
	if (n == 1) {
		if (audio_meter_short(st[0], pcm, 0, pcm->len) < 0)
			goto out;
	} else {
		for (size_t k = 0; k < audio_sparse_chunks(pcm); k++) {
			size_t a, b;

			audio_sparse_chunk(pcm, k, &a, &b);
			if (audio_meter_short(st[1], pcm, done, a) < 0 ||
			    audio_meter_short(st[0], pcm, a, b) < 0)
				goto out;
			done = b;
		}
		if (audio_meter_short(st[1], pcm, done, pcm->len) < 0)
			goto out;
	}
	if (ebur128_loudness_global_multiple(st, n, &out->integrated_lufs) != EBUR128_SUCCESS ||
	    ebur128_loudness_global(st[0], &out->sparse_lufs) != EBUR128_SUCCESS)
		goto out;
	for (size_t k = 0; k < n; k++) {
		if (ebur128_sample_peak(st[k], 0, &p) != EBUR128_SUCCESS)
			goto out;
		if (p > peak)
			peak = p;
	}
	out->peak_db = peak > 0 ? 20.0 * log10(peak) : -HUGE_VAL;
	ret = 0;
out:
	if (ret < 0)
		log_error("cannot measure loudness");
	for (size_t k = 0; k < n; k++)
		if (st[k])
			ebur128_destroy(&st[k]);
	return ret;
}

/* The integrated loudness of what st was fed (fed: whether that went well); st is destroyed. */
static int audio_meter_end(ebur128_state *st, bool fed, double *lufs)
{
	int ret = -1;

	*lufs = -HUGE_VAL;
	if (st && fed && ebur128_loudness_global(st, lufs) == EBUR128_SUCCESS)
		ret = 0;
	else
		log_error("cannot measure loudness");
	if (st)
		ebur128_destroy(&st);
	return ret;
}

int audio_measure_float(const float *samples, size_t n, int rate, double *lufs)
{
	ebur128_state *st = ebur128_init(1, (unsigned long)rate, EBUR128_MODE_I);

	return audio_meter_end(st, st && ebur128_add_frames_float(st, samples, n) == EBUR128_SUCCESS, lufs);
}

/* The release, as a distance to unity gain, shrinks by a factor of r = 1 - release_coef each sample; where
 * nothing is over the threshold it is computed a group of AUDIO_LIMITER_GROUP samples at a time (the powers
 * of r from the group's start are independent, so they vectorize), the groups aligned on the output's
 * sample numbers, so that how the input is cut into blocks changes no bit. */
#define AUDIO_LIMITER_GROUP 8
/* Once the distance is at most this (2^-25), 1 - distance rounds to the float 1: the gain is snapped to
 * exactly 1, which changes no sample, and the idle limiter is a delay line. */
#define AUDIO_LIMITER_SNAP 0x1p-25

struct audio_limiter {
	float threshold;
	size_t look;		/* samples of look-ahead = the delay */
	size_t mask;		/* the rings hold mask + 1 (a power of two, > look + 1) samples */
	double release_coef;	/* per-sample step of the gain back towards its target */
	double rpow[AUDIO_LIMITER_GROUP + 1];	/* r^q: the distance to 1, q samples on */
	double rneg[AUDIO_LIMITER_GROUP];	/* r^-q, 0 for a release of 0 (r = 0) */
	float *delay;		/* input samples */
	size_t *qpos;		/* a monotonic queue of the samples over the threshold in the look-ahead: */
	float *qneed;		/* their numbers and the gains they need, the window's least first */
	size_t qhead, qtail;
	double *minima;		/* window minima, for their moving average */
	double avg_sum;
	size_t clear;		/* the first output whose window of minima holds no minimum under 1 */
	/* not beside avg_sum: GCC would pack the two in one vector register, its shuffles lengthening both chains */
	double gain;		/* the gain of the last output, while stepping */
	double rest;		/* while passing: the distance to 1 at the start of the output's group of samples */
	bool passing;		/* whether rest holds the gain, not gain */
	size_t count;		/* samples fed so far */
};

struct audio_limiter *audio_limiter_new(float threshold, size_t lookahead, size_t release)
{
	struct audio_limiter *lim = xcalloc(1, sizeof *lim);
	size_t n = 1;
	double r;

	while (n < lookahead + 2)
		n *= 2;
	lim->threshold = threshold;
	lim->look = lookahead;
	lim->mask = n - 1;
	lim->release_coef = release ? 1.0 - exp(-1.0 / (double)release) : 1.0;
	r = release ? exp(-1.0 / (double)release) : 0.0;
	for (int q = 0; q <= AUDIO_LIMITER_GROUP; q++)
		lim->rpow[q] = pow(r, q);
	for (int q = 0; q < AUDIO_LIMITER_GROUP; q++)
		lim->rneg[q] = q == 0 ? 1.0 : r > 0 ? pow(r, -q) : 0.0;
	lim->delay = xcalloc(n, sizeof *lim->delay);
	lim->qpos = xcalloc(n, sizeof *lim->qpos);
	lim->qneed = xcalloc(n, sizeof *lim->qneed);
	lim->minima = xmalloc(n * sizeof *lim->minima);
	for (size_t i = 0; i < n; i++)
		lim->minima[i] = 1.0;	/* the minima before the first sample */
	lim->avg_sum = (double)(lookahead + 1);
	lim->gain = 1.0;
	return lim;
}

void audio_limiter_free(struct audio_limiter *lim)
{
	if (!lim)
		return;
	free(lim->delay);
	free(lim->qpos);
	free(lim->qneed);
	free(lim->minima);
	free(lim);
}

/*
 * For sample j the window minimum m[j] is the least gain any of samples
 * j..j+look needs; the moving average of the look+1 minima up to j is then at
 * most what any of them needs, and it changes smoothly. Output j leaves when
 * input j+look arrives. A sample at most the threshold needs 1, never less than
 * the window's: only the samples over it enter the queue. Steps through in one
 * sample at a time (the state in locals, so that it stays in registers) until
 * the limiter is idle again or in ends; returns how many samples it took and
 * adds what it wrote to out to *produced.
 */
static size_t audio_limiter_step(struct audio_limiter *lim, const float *in, size_t n, float *out, size_t *produced)
{
	const size_t mask = lim->mask, look = lim->look, w = look + 1;
	const float threshold = lim->threshold;
	const double coef = lim->release_coef, r = lim->rpow[1], wd = (double)w;
	float *const delay = lim->delay, *const qneed = lim->qneed;
	double *const minima = lim->minima;
	size_t *const qpos = lim->qpos;
	size_t t = lim->count, qhead = lim->qhead, qtail = lim->qtail, clear = lim->clear, k = *produced, i = 0;
	/* the queue's head, or none (SIZE_MAX, needing 1) */
	size_t head = qtail > qhead ? qpos[qhead & mask] : SIZE_MAX;
	double head_need = qtail > qhead ? qneed[qhead & mask] : 1.0, sum = lim->avg_sum, gain = lim->gain;

	if (lim->passing) {
		gain = 1.0 - lim->rest * lim->rpow[(t - look) % AUDIO_LIMITER_GROUP];
		lim->passing = false;
	}
	do {
		float x = in[i++], ax = fabsf(x);
		double m, old, g;
		size_t j;

		delay[t & mask] = x;
		if (ax > threshold) {
			float need = threshold / ax;

			while (qtail > qhead && qneed[(qtail - 1) & mask] >= need)
				qtail--;
			qpos[qtail & mask] = t;
			qneed[qtail++ & mask] = need;
			if (qtail == qhead + 1) {
				head = t;
				head_need = need;
			}
		}
		if (t++ < look)
			continue;
		j = t - w;	/* the sample that leaves now */
		/* one sample leaves the window each step, so at most one of the queue */
		if (head < j) {
			qhead++;
			head = qtail > qhead ? qpos[qhead & mask] : SIZE_MAX;
			head_need = qtail > qhead ? qneed[qhead & mask] : 1.0;
		}
		m = head_need;
		old = minima[(j - w) & mask];	/* 1 before the first: the ring is larger than w */
		minima[j & mask] = m;
		if (m < 1.0)
			clear = j + w;
		sum += m - old;
		g = sum / wd;
		if (g < gain)
			gain = g;
		else
			gain = gain * r + g * coef;
		out[k++] = delay[j & mask] * (float)gain;
	} while (i < n && !(t > look && qtail == qhead && t - w >= clear));
	lim->count = t;
	lim->qhead = qhead;
	lim->qtail = qtail;
	lim->clear = clear;
	lim->avg_sum = sum;
	lim->gain = gain;
	*produced = k;
	return i;
}

/* Whether no sample in the look-ahead is over the threshold and the last window's minima were all 1:
 * their average is then 1 and the gain only recovers towards it. */
static bool audio_limiter_idle(const struct audio_limiter *lim)
{
	return lim->count > lim->look && lim->qtail == lim->qhead && lim->count - (lim->look + 1) >= lim->clear;
}

/* How many of the n samples at in come before the first over the threshold, a block of them at a time so
 * that the loop vectorizes. */
static size_t audio_limiter_quiet(const float *in, size_t n, float threshold)
{
	enum { CHUNK = 32 };
	size_t i = 0;

	for (; i + CHUNK <= n; i += CHUNK) {
		int any = 0;

		for (int k = 0; k < CHUNK; k++)
			any |= fabsf(in[i + k]) > threshold;
		if (any)
			break;
	}
	while (i < n && !(fabsf(in[i]) > threshold))
		i++;
	return i;
}

/* Applies the release to out[0..n), outputs j0.. of an idle limiter: the gain of output j is 1 less the
 * distance rest r^(j % GROUP + 1), and rest shrinks by r^GROUP after each group's last sample. */
static void audio_limiter_release(struct audio_limiter *lim, size_t j0, float *out, size_t n)
{
	const double *rpow = lim->rpow;
	double rest = lim->rest;
	size_t i = 0;

	while (i < n && rest != 0.0) {
		size_t p = (j0 + i) % AUDIO_LIMITER_GROUP;

		if (p == 0)	/* whole groups */
			for (; n - i >= AUDIO_LIMITER_GROUP && rest != 0.0; i += AUDIO_LIMITER_GROUP) {
				for (size_t q = 0; q < AUDIO_LIMITER_GROUP; q++)
					out[i + q] *= (float)(1.0 - rest * rpow[q + 1]);
				rest *= rpow[AUDIO_LIMITER_GROUP];
				if (rest <= AUDIO_LIMITER_SNAP)
					rest = 0.0;
			}
		/* the start of a group or the end of out, a sample at a time */
		for (; p < AUDIO_LIMITER_GROUP && i < n && rest != 0.0; p++, i++) {
			out[i] *= (float)(1.0 - rest * rpow[p + 1]);
			if (p == AUDIO_LIMITER_GROUP - 1) {
				rest *= rpow[AUDIO_LIMITER_GROUP];
				if (rest <= AUDIO_LIMITER_SNAP)
					rest = 0.0;
			}
		}
	}
	lim->rest = rest;
}

/* What audio_limiter_step does while idle and the samples stay under the threshold: every minimum is 1,
 * so the average is, and the gain only recovers towards it, to 1 at last. Returns how many of in it took
 * (and wrote to out). */
static size_t audio_limiter_pass(struct audio_limiter *lim, const float *in, size_t n, float *out)
{
	const size_t mask = lim->mask, look = lim->look, w = look + 1, t0 = lim->count, j0 = t0 - look;
	size_t k = audio_limiter_quiet(in, n, lim->threshold), from_ring = k < look ? k : look;

	if (!k)
		return 0;
	if (!lim->passing) {
		lim->rest = (1.0 - lim->gain) * lim->rneg[j0 % AUDIO_LIMITER_GROUP];
		lim->passing = true;
		/* what the sum of w minima all 1 is: exact anyway unless one was tiny (a sample 2^20 times over) */
		lim->avg_sum = (double)w;
	}
	/* outputs j0..j0+k: the delay's first, then the input's */
	for (size_t i = 0; i < from_ring; i++)
		out[i] = lim->delay[(j0 + i) & mask];
	memcpy(out + from_ring, in, (k - from_ring) * sizeof *out);
	audio_limiter_release(lim, j0, out, k);
	/* the delay keeps the inputs not yet out, the minima ring the last window's, all 1 */
	for (size_t t = t0 + k - from_ring; t < t0 + k; t++)
		lim->delay[t & mask] = in[t - t0];
	for (size_t j = k > w ? j0 + k - w : j0; j < j0 + k; j++)
		lim->minima[j & mask] = 1.0;
	lim->count = t0 + k;
	return k;
}

size_t audio_limiter_process(struct audio_limiter *lim, const float *in, size_t n, float *out)
{
	size_t produced = 0;

	for (size_t i = 0; i < n;) {
		if (audio_limiter_idle(lim)) {
			size_t k = audio_limiter_pass(lim, in + i, n - i, out + produced);

			i += k;
			produced += k;
			if (i == n)
				break;
		}
		i += audio_limiter_step(lim, in + i, n - i, out, &produced);
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
	size_t start, end;	/* samples; in sparse speech, chunks */
	bool sparse;
	int out_rate;
	double gain_db;
	float threshold;
	ebur128_state *st;
	int ret;
};

static void *audio_meter_part_run(void *ud)
{
	struct audio_meter_part *p = ud;
	struct audio_sink meter = { p->st, audio_meter_write, NULL };
	size_t a, b;

	if (!p->sparse) {
		p->ret = audio_chain(p->pcm, p->start, p->end, p->out_rate, p->gain_db, p->threshold, &meter);
		return NULL;
	}
	p->ret = 0;
	for (size_t k = p->start; k < p->end && p->ret == 0; k++) {
		audio_sparse_chunk(p->pcm, k, &a, &b);
		p->ret = audio_chain(p->pcm, a, b, p->out_rate, p->gain_db, p->threshold, &meter);
	}
	return NULL;
}

/* A thread of audio_measure_chain: parts first, first + step, ... */
struct audio_meter_thread {
	struct audio_meter_part *parts;
	size_t first, step, n;
	pthread_t id;
	bool started;
};

static void *audio_meter_thread_run(void *ud)
{
	struct audio_meter_thread *t = ud;

	for (size_t k = t->first; k < t->n; k += t->step)
		audio_meter_part_run(&t->parts[k]);
	return NULL;
}

/* Integrated loudness of what the chain makes with gain_db at rate: the limiter takes
 * a little loudness away, which the final gain must give back. The speech is cut into
 * AUDIO_MEASURE_PARTS parts, measured on up to settings->jobs threads at once, and their
 * gating blocks pooled. Long speech is measured on its sparse chunks (see audio_measure):
 * the limiter's and the meter's memory is a fraction of a second, and speech is steady. */
static int audio_measure_chain(const struct pcm *pcm, const struct audio_settings *settings, int rate, double gain_db,
			       float threshold, double *lufs)
{
	struct audio_meter_part parts[AUDIO_MEASURE_PARTS];
	ebur128_state *states[AUDIO_MEASURE_PARTS];
	struct audio_meter_thread threads[AUDIO_MEASURE_PARTS];
	size_t starts[AUDIO_MEASURE_PARTS + 1];
	size_t n, n_threads = settings->jobs > 1 ? (size_t)settings->jobs : 1;
	bool sparse = audio_sparse(pcm);
	int ret = 0;

	if (sparse) {
		size_t chunks = audio_sparse_chunks(pcm);

		n = chunks < AUDIO_MEASURE_PARTS ? chunks : AUDIO_MEASURE_PARTS;
		for (size_t k = 0; k <= n; k++)
			starts[k] = chunks * k / n;
	} else
		n = audio_split(pcm, AUDIO_MEASURE_PARTS, (size_t)pcm->rate / 4, starts);
	if (n_threads > n)
		n_threads = n;
	for (size_t k = 0; k < n; k++) {
		parts[k] = (struct audio_meter_part){ pcm, starts[k], starts[k + 1], sparse, rate, gain_db, threshold,
						      NULL, -1 };
		parts[k].st = states[k] = ebur128_init(1, (unsigned long)rate, EBUR128_MODE_I);
		if (!parts[k].st)
			ret = -1;
	}
	for (size_t t = 0; t < n_threads; t++)
		threads[t] = (struct audio_meter_thread){ parts, t, n_threads, n, 0, false };
	/* a thread that cannot start leaves its parts to this one */
	for (size_t t = 1; t < n_threads && ret == 0; t++)
		threads[t].started = pthread_create(&threads[t].id, NULL, audio_meter_thread_run, &threads[t]) == 0;
	for (size_t t = 0; t < n_threads && ret == 0; t++)
		if (t == 0 || !threads[t].started)
			audio_meter_thread_run(&threads[t]);
	for (size_t t = 1; t < n_threads; t++)
		if (threads[t].started)
			pthread_join(threads[t].id, NULL);
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

int audio_plan_sample(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan)
{
	ebur128_state *st = ebur128_init(1, (unsigned long)pcm->rate, EBUR128_MODE_I);
	size_t start, end;

	audio_sample_range(pcm, &start, &end);
	plan->measured = (struct audio_loudness){ -HUGE_VAL, -HUGE_VAL, -HUGE_VAL };
	if (audio_meter_end(st, st && audio_meter_short(st, pcm, start, end) == 0, &plan->measured.integrated_lufs) < 0)
		return -1;
	plan->measured.sparse_lufs = plan->measured.integrated_lufs;
	audio_plan_guess(settings, plan);
	return 0;
}

int audio_plan(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan)
{
	if (audio_plan_rough(pcm, settings, plan) < 0)
		return -1;
	return audio_plan_refine(pcm, settings, plan, NULL);
}

void audio_sample_range(const struct pcm *pcm, size_t *start, size_t *end)
{
	size_t len = pcm->len / 10;

	if (len < (size_t)pcm->rate * 3)
		len = (size_t)pcm->rate * 3;
	if (len > (size_t)pcm->rate * 10)
		len = (size_t)pcm->rate * 10;
	if (len > pcm->len)
		len = pcm->len;
	*start = (pcm->len - len) / 2;
	*end = *start + len;
}

/* One measuring of the sample through the chain: at the output rate, or at the search's. */
struct audio_range_meter {
	const struct pcm *pcm;
	size_t start, end;
	int rate;
	double gain_db;
	float threshold;
	double lufs;
	int ret;
};

/* The loudness of the range through the chain at its rate. */
static void *audio_measure_range(void *ud)
{
	struct audio_range_meter *m = ud;
	ebur128_state *st = ebur128_init(1, (unsigned long)m->rate, EBUR128_MODE_I);
	struct audio_sink sink = { st, audio_meter_write, NULL };

	m->ret = audio_meter_end(st, st && audio_chain(m->pcm, m->start, m->end, m->rate, m->gain_db, m->threshold,
							&sink) == 0, &m->lufs);
	return NULL;
}

/* How much louder than at rate the chain makes the plan's sample at the output rate: both measured
 * at once when a second thread may run. */
static int audio_rate_difference(const struct pcm *pcm, const struct audio_settings *settings, int rate,
				 double gain_db, float threshold, double *diff)
{
	struct audio_range_meter m[2];
	size_t start, end;
	pthread_t thread;
	bool started;

	audio_sample_range(pcm, &start, &end);
	m[0] = (struct audio_range_meter){ pcm, start, end, settings->out_rate, gain_db, threshold, 0, -1 };
	m[1] = m[0];
	m[1].rate = rate;
	started = settings->jobs > 1 && pthread_create(&thread, NULL, audio_measure_range, &m[1]) == 0;
	audio_measure_range(&m[0]);
	if (started)
		pthread_join(thread, NULL);
	else
		audio_measure_range(&m[1]);
	if (m[0].ret < 0 || m[1].ret < 0)
		return -1;
	*diff = isfinite(m[0].lufs) && isfinite(m[1].lufs) ? m[0].lufs - m[1].lufs : 0.0;
	return 0;
}

/*
 * The gain is searched cheaply: on a third of long speech (sparse, corrected by how loud
 * its chunks are against the whole: within 0.08 LU on the samples), and speech that is only upsampled (espeak-ng's
 * 22.05 kHz to 44.1 kHz) at its own rate: no resampler, and half the samples through the
 * limiter and the meter each round. Upsampling adds no band, but peaks between the samples
 * make the limiter work a little harder at the output rate (about 0.1 LU): a sample
 * rendered at both rates measures that, and a last small step corrects the gain.
 */
int audio_plan_refine(const struct pcm *pcm, const struct audio_settings *settings, struct audio_plan *plan,
		      const struct audio_aim *aim)
{
	double limited = -HUGE_VAL, gain_db, slope = 1.0, step, target = settings->target_lufs, lu = 0.0;
	int rate = pcm->rate < settings->out_rate ? pcm->rate : settings->out_rate;
	/* what the chunks of sparse speech lack or have over the whole, before the chain */
	double sparse_bias = audio_sparse(pcm) && isfinite(plan->measured.sparse_lufs)
				     ? plan->measured.integrated_lufs - plan->measured.sparse_lufs : 0.0;
	bool aimed = !aim;
	int rounds = 0;
	double diff;
	int ret = -1;

	audio_plan_guess(settings, plan);
	gain_db = plan->gain_db;
	if (isfinite(plan->measured.integrated_lufs)) {
		/* The limiter lowers loudness as it holds the peaks, more the harder it works:
		 * secant steps on loudness-after-limiter against gain find the gain that lands
		 * on the target. Each step is one pass, so stop as soon as it is close, and
		 * keep the best gain actually measured. */
		double prev_gain = 0.0, prev_lufs = plan->measured.integrated_lufs, best_err = HUGE_VAL;
		double best_gain = 0.0, best_lufs = -HUGE_VAL, raw;

		for (int round = 0; round < 5; round++) {
			if (audio_measure_chain(pcm, settings, rate, gain_db, plan->threshold, &limited) < 0)
				goto out;
			rounds++;
			/* the first round is a point on the curve whatever the target: it overlaps aim's work */
			if (!aimed) {
				aimed = true;
				if (aim->shift(aim->ud, &lu) < 0)
					goto out;
				target += lu;
			}
			if (!isfinite(limited))
				break;
			/* the curve of the chunks, moved by their difference at gain 0: its slope */
			raw = limited + sparse_bias;
			slope = (raw - prev_lufs) / (gain_db - prev_gain);
			if (!(slope >= 0.2 && slope <= 1.0))
				slope = slope > 1.0 ? 1.0 : 0.2;
			/* the chain passes on the chunks' difference from the whole as it passes on a gain */
			limited += sparse_bias * slope;
			if (fabs(target - limited) < best_err) {
				best_err = fabs(target - limited);
				best_gain = gain_db;
				best_lufs = limited;
			}
			if (best_err < AUDIO_PLAN_TOLERANCE)
				break;
			/* the curve bends down as the limiter works harder: from the unlimited speech, the
			 * chord is about twice as steep as the curve near the target */
			step = (target - limited) / (round == 0 && slope > 0.4 ? slope / 2 : slope);
			/* a near-flat slope must not throw the gain far off in one go */
			if (step > 6.0)
				step = 6.0;
			if (step < -6.0)
				step = -6.0;
			prev_gain = gain_db;
			prev_lufs = raw;
			gain_db += step;
		}
		if (isfinite(best_lufs)) {
			gain_db = best_gain;
			limited = best_lufs;
		}
	}
	if (!aimed) {
		aimed = true;
		if (aim->shift(aim->ud, &lu) < 0)
			goto out;
		target += lu;
	}
	if (isfinite(limited)) {
		if (rate != settings->out_rate) {
			if (audio_rate_difference(pcm, settings, rate, gain_db, plan->threshold, &diff) < 0)
				goto out;
			limited += diff;
		}
		/* a small step along the slope the search found: linear that close */
		step = (target - limited) / slope;
		if (step > 1.0)
			step = 1.0;
		if (step < -1.0)
			step = -1.0;
		gain_db += step;
		limited += step * slope;
	}
	plan->gain_db = gain_db;
	plan->predicted_lufs = limited;
	log_verbose("audio: measured %.1f LUFS, peak %.1f dBFS; gain %+.1f dB and a limiter at %.1f dBFS "
		    "give %.2f LUFS (target %.2f LUFS, %.1f dBTP; %d search pass%s over %s of the speech)",
		    plan->measured.integrated_lufs, plan->measured.peak_db, gain_db,
		    settings->ceiling_dbtp - AUDIO_PEAK_MARGIN_DB, limited, target, settings->ceiling_dbtp, rounds,
		    rounds == 1 ? "" : "es", audio_sparse(pcm) ? "chunks" : "all");
	ret = 0;
out:
	/* aim's work is waited for, whatever happened here */
	if (!aimed)
		aim->shift(aim->ud, &lu);
	return ret;
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
