/* render: an article's speech to a finished file: loudness planned once, MP3 parts encoded in parallel and joined. */
#include "render.h"

#include "isolate.h"
#include "log.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A part is worth a process only if it holds this much speech. */
#define RENDER_MIN_PART_SECONDS 20
/* Parts are cut in a silence at least this long (espeak-ng's own pauses and ours). */
#define RENDER_MIN_SILENCE_MS 250
/* How much speech render_plan encodes to measure what the encoder loses. */
#define RENDER_LOSS_SAMPLE_SECONDS 10

int render_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > ENCODE_MAX_PARTS ? ENCODE_MAX_PARTS : (int)n;
}

/* Where output sample 0 of each part plays, to place chapters. */
struct render_map {
	size_t n;
	size_t src_start[ENCODE_MAX_PARTS];
	uint64_t out_start[ENCODE_MAX_PARTS];
	int src_rate, out_rate;
};

static uint32_t render_map_ms(const struct render_map *m, size_t sample)
{
	size_t k = 0;
	double out;

	while (k + 1 < m->n && m->src_start[k + 1] <= sample)
		k++;
	out = (double)m->out_start[k] + (double)(sample - m->src_start[k]) * m->out_rate / m->src_rate;
	return (uint32_t)llround(out * 1000.0 / m->out_rate);
}

/* Chapter times from chapter samples; each ends where the next starts, the last at end_ms. */
static struct encode_chapter *render_chapters(const struct render_job *job, const struct render_map *map,
					      uint32_t end_ms)
{
	struct encode_chapter *ch;

	if (!job->n_chapters)
		return NULL;
	ch = xcalloc(job->n_chapters, sizeof *ch);
	for (size_t i = 0; i < job->n_chapters; i++) {
		ch[i].start_ms = render_map_ms(map, job->chapters[i].sample);
		ch[i].title = job->chapters[i].title;
		if (i)
			ch[i - 1].end_ms = ch[i].start_ms;
	}
	ch[job->n_chapters - 1].end_ms = end_ms;
	return ch;
}

struct render_sink {
	struct encoder *enc;
	struct progress *progress;
};

static int render_write(void *ud, const float *samples, size_t n)
{
	return encoder_write(((struct render_sink *)ud)->enc, samples, n);
}

static void render_progress(void *ud, double fraction)
{
	struct render_sink *rs = ud;

	if (rs->progress)
		progress_update(rs->progress, "encoding", 0.1 + 0.9 * fraction);
}

int render_part(const struct pcm *pcm, size_t start, size_t end, const struct audio_settings *audio,
		const struct encode_settings *encode, const struct audio_plan *plan, int first, FILE *fp,
		struct encode_part *part, struct progress *progress)
{
	struct render_sink rs = { NULL, progress };
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

static int render_child_main(int fd, void *ud)
{
	struct render_part_child *c = ud;
	struct encode_part part;

	if (render_part(c->pcm, c->start, c->end, c->audio, c->encode, c->plan, 0, c->fp, &part, NULL) < 0)
		return -1;
	part.fp = NULL;
	return isolate_write_all(fd, &part, sizeof part);
}

static int render_child_data(const void *buf, size_t n, void *ud)
{
	struct render_part_child *c = ud;

	if (c->got + n > sizeof c->part)
		return -1;
	memcpy((char *)&c->part + c->got, buf, n);
	c->got += n;
	return 0;
}

int render_part_spawn(struct render_part_child *c, int timeout_ms)
{
	c->got = 0;
	fflush(c->fp);
	return isolate_spawn(&c->proc, render_child_main, c, timeout_ms);
}

int render_part_wait(struct render_part_child *c, const char *name, struct encode_part *part, struct error *err)
{
	struct isolate_result res;
	FILE *fp = part->fp;

	if (isolate_wait(&c->proc, render_child_data, c, &res) < 0 || c->got != sizeof c->part) {
		if (res.status == ISOLATE_CRASHED) {
			log_error("encoding '%s': a worker crashed (%s)", name, strsignal(res.signal));
			error_set(err, ERROR_CRASH, "encoding '%s': a worker crashed (%s)", name, strsignal(res.signal));
		} else if (res.status == ISOLATE_TIMEOUT) {
			log_error("encoding '%s': a worker took too long", name);
			error_set(err, ERROR_TIMEOUT, "encoding '%s': a worker took too long", name);
		} else if (res.status == ISOLATE_OK) {
			log_error("encoding '%s': a worker gave no result", name);
			error_set(err, ERROR_SYSTEM, "encoding '%s': a worker gave no result", name);
		} else if (res.status == ISOLATE_FAILED) {
			/* it printed why; what is kept is whether the disk was at fault */
			error_set(err, res.storage_errno ? ERROR_STORAGE : ERROR_INPUT, "encoding '%s': a worker failed%s%s",
				  name, res.storage_errno ? ": " : "", res.storage_errno ? strerror(res.storage_errno) : "");
			err->errnum = res.storage_errno;
		}
		return -1;
	}
	*part = c->part;
	part->fp = fp;
	return 0;
}

static int render_mp3_parts(const struct render_job *job, const struct audio_plan *plan,
			    struct render_result *result)
{
	struct encode_part parts[ENCODE_MAX_PARTS] = { 0 };
	struct render_part_child children[ENCODE_MAX_PARTS] = { 0 };
	size_t starts[ENCODE_MAX_PARTS + 1], n, want;
	double seconds = (double)job->pcm->len / job->pcm->rate;
	struct render_map map = { 0 };
	struct encode_tags tags = job->tags;
	struct encode_chapter *chapters = NULL;
	uint64_t total;
	struct error err = { 0 };
	int ret = -1, timeout_ms = 600000 + (int)(seconds * 1000);

	want = (size_t)(seconds / RENDER_MIN_PART_SECONDS);
	if (want > (size_t)job->jobs)
		want = (size_t)job->jobs;
	if (want < 1)
		want = 1;
	for (size_t k = 0; k < ENCODE_MAX_PARTS; k++)
		children[k].proc.pid = -1;
	n = audio_split(job->pcm, want, (size_t)job->pcm->rate * RENDER_MIN_SILENCE_MS / 1000, starts);
	for (size_t k = 0; k < n; k++) {
		parts[k].fp = tmpfile();
		if (!parts[k].fp) {
			log_error("cannot create a temporary file: %s", strerror(errno));
			goto out;
		}
	}
	/* Parts 1.. in children, part 0 here, all at once. */
	for (size_t k = 1; k < n; k++) {
		children[k] = (struct render_part_child){ job->pcm, starts[k], starts[k + 1], &job->audio, &job->encode,
							  plan, parts[k].fp, { -1, -1, 0 }, { 0 }, 0 };
		if (render_part_spawn(&children[k], timeout_ms) < 0)
			goto out;
	}
	{
		FILE *fp = parts[0].fp;

		if (render_part(job->pcm, starts[0], starts[1], &job->audio, &job->encode, plan, 1, fp, &parts[0],
				job->progress) < 0) {
			parts[0].fp = fp;
			goto out;
		}
		parts[0].fp = fp;
	}
	for (size_t k = 1; k < n; k++)
		if (render_part_wait(&children[k], job->path, &parts[k], &err) < 0)
			goto out;
	map.n = n;
	map.src_rate = job->pcm->rate;
	map.out_rate = job->audio.out_rate;
	total = 0;
	for (size_t k = 0; k < n; k++) {
		map.src_start[k] = starts[k];
		map.out_start[k] = encode_part_offset(parts, k);
		total += (uint64_t)parts[k].frames * 1152;
	}
	total -= parts[0].delay + parts[n - 1].padding;
	result->seconds = (double)total / job->audio.out_rate;
	result->parts = n;
	chapters = render_chapters(job, &map, (uint32_t)llround(result->seconds * 1000.0));
	tags.chapters = chapters;
	tags.n_chapters = chapters ? job->n_chapters : 0;
	ret = encode_join(job->path, &job->encode, &tags, parts, n);
	if (ret == 0)
		log_verbose("encode: %zu parts encoded at once and joined", n);
out:
	for (size_t k = 1; k < n; k++) {
		if (children[k].proc.pid > 0) {
			struct isolate_result res;

			kill(children[k].proc.pid, SIGKILL);
			isolate_wait(&children[k].proc, NULL, NULL, &res);
		}
	}
	for (size_t k = 0; k < n; k++)
		encode_part_release(&parts[k]);
	free(chapters);
	error_release(&err);
	return ret;
}

/* Formats that cannot be joined: one stream, chapters placed directly. */
static int render_stream(const struct render_job *job, const struct audio_plan *plan,
			 struct render_result *result)
{
	struct render_map map = { 1, { 0 }, { 0 }, job->pcm->rate, job->audio.out_rate };
	struct render_sink rs = { NULL, job->progress };
	struct audio_sink sink = { &rs, render_write, render_progress };
	struct encode_tags tags = job->tags;
	size_t out_len = audio_output_length(job->pcm->len, job->pcm->rate, job->audio.out_rate);
	int ret = -1;

	result->seconds = (double)out_len / job->audio.out_rate;
	result->parts = 1;
	tags.chapters = render_chapters(job, &map, (uint32_t)llround(result->seconds * 1000.0));
	tags.n_chapters = tags.chapters ? job->n_chapters : 0;
	rs.enc = encoder_new(job->path, &job->encode, &tags);
	if (rs.enc && audio_render_range(job->pcm, 0, job->pcm->len, &job->audio, plan, &sink) == 0)
		ret = encoder_finish(rs.enc);
	encoder_free(rs.enc);
	free((void *)tags.chapters);
	return ret;
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

int render_file(const struct render_job *job, struct render_result *result)
{
	memset(result, 0, sizeof *result);
	if (render_plan(job->pcm, &job->audio, &job->encode, &result->plan) < 0)
		return -1;
	if (encode_parts_supported(&job->encode))
		return render_mp3_parts(job, &result->plan, result);
	return render_stream(job, &result->plan, result);
}
