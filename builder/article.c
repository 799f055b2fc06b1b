/* article: speaks one article (or reads one audio file) into a cached MP3 part with its timings, in a child process. */
#include "article.h"

#include "log.h"
#include "pcm.h"
#include "render.h"
#include "synth.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* An intro, an outro or a sound between articles is short: a larger file is refused. */
#define ARTICLE_MAX_AUDIO_BYTES (256u << 20)

int article_read_audio(const char *path, struct pcm *pcm)
{
	SF_INFO info = { 0 };
	/* a regular file, so that a FIFO or /dev/zero cannot hang or fill the build */
	int fd = util_open_regular(path, "audio", ARTICLE_MAX_AUDIO_BYTES, 0);
	SNDFILE *sf = fd < 0 ? NULL : sf_open_fd(fd, SFM_READ, &info, 0);
	float *frames = NULL;
	int16_t *mono = NULL;
	sf_count_t got;
	int ret = -1;

	if (!sf) {
		if (fd >= 0) {
			log_error("cannot read audio '%s': %s", path, sf_strerror(NULL));
			close(fd);
		}
		return -1;
	}
	if (info.channels < 1 || info.samplerate < 1000) {
		log_error("cannot read audio '%s': no audio in it", path);
		goto out;
	}
	pcm->rate = info.samplerate;
	frames = xmalloc(4096 * (size_t)info.channels * sizeof *frames);
	mono = xmalloc(4096 * sizeof *mono);
	while ((got = sf_readf_float(sf, frames, 4096)) > 0) {
		for (sf_count_t i = 0; i < got; i++) {
			double sum = 0;

			/* down-mix: the channels' mean */
			for (int c = 0; c < info.channels; c++)
				sum += frames[i * info.channels + c];
			sum /= info.channels;
			mono[i] = (int16_t)lrint(fmax(-1.0, fmin(1.0, sum)) * 32767.0);
		}
		pcm_append(pcm, mono, (size_t)got);
	}
	if (sf_error(sf)) {
		log_error("cannot read audio '%s': %s", path, sf_strerror(sf));
		goto out;
	}
	ret = 0;
out:
	free(frames);
	free(mono);
	sf_close(sf);
	close(fd);
	return ret;
}

static uint32_t article_ms(const struct pcm *pcm, size_t samples)
{
	return (uint32_t)llround(pcm_ms(pcm, samples));
}

/* Appends the frames in from (from its start) to the end of to. */
static int article_append(FILE *to, FILE *from)
{
	char buf[65536];
	size_t n;

	if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0 || fseek(to, 0, SEEK_END) != 0)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			return -1;
	/* the worker ends with _exit: nothing left in a buffer would reach the file */
	return ferror(from) || fflush(to) != 0 ? -1 : 0;
}

/*
 * Encodes the article, in two halves at once when it is long and the job allows:
 * the halves are cut in a silence, the second encoded in another process, and its
 * frames appended to the first's (a fresh encoder starts with an empty bit
 * reservoir, so the join is a valid stream). *second_at is then the sample where
 * the second half starts and *second_out where it plays, in output samples; with
 * no second half, *second_at is SIZE_MAX (not pcm->len: a segment that ends the
 * part, with no pause after it, ends at pcm->len and is still in the first half).
 */
static int article_encode(const struct article_job *job, const struct pcm *pcm, const struct audio_plan *plan,
			  FILE *out, struct encode_part *part, size_t *second_at, uint64_t *second_out)
{
	size_t starts[3];
	struct render_part_child half;
	struct isolate_result ir;
	struct encode_part b = { 0 };
	FILE *tmp;
	int ret = -1;

	*second_at = SIZE_MAX;
	*second_out = 0;
	if (!job->split || pcm->len < (size_t)pcm->rate * 40 || audio_split(pcm, 2, (size_t)pcm->rate / 4, starts) < 2)
		return render_part(pcm, 0, pcm->len, &job->audio, &job->encode, plan, 1, out, part, NULL);
	tmp = tmpfile();
	if (!tmp) {
		log_error("cannot create a temporary file: %s", strerror(errno));
		return -1;
	}
	half = (struct render_part_child){ pcm, starts[1], pcm->len, &job->audio, &job->encode, plan, tmp,
					   { -1, -1, 0 }, { 0 }, 0 };
	if (render_part_spawn(&half, job->timeout_ms + 60000) < 0)
		goto out;
	if (render_part(pcm, 0, starts[1], &job->audio, &job->encode, plan, 1, out, part, NULL) < 0) {
		kill(half.proc.pid, SIGKILL);
		isolate_wait(&half.proc, NULL, NULL, &ir);
		goto out;
	}
	if (render_part_wait(&half, job->name, &b) < 0)
		goto out;
	if (article_append(out, tmp) < 0) {
		log_error("'%s': cannot join its two halves: %s", job->name, strerror(errno));
		goto out;
	}
	*second_at = starts[1];
	*second_out = (uint64_t)part->frames * 1152 - part->delay + b.delay;
	part->frames += b.frames;
	part->samples += b.samples;
	part->padding = b.padding;
	ret = 0;
out:
	fclose(tmp);
	return ret;
}

/* Where a sample of the speech plays in the part, in ms: after the cut, the second half's place. */
static uint32_t article_place(const struct pcm *pcm, const struct audio_settings *audio, size_t sample,
			      size_t second_at, uint64_t second_out)
{
	if (sample < second_at)
		return article_ms(pcm, sample);
	return (uint32_t)llround((double)second_out * 1000.0 / audio->out_rate + pcm_ms(pcm, sample - second_at));
}

/* The child's side: speech and timings gathered, then rendered and encoded. */
static int article_child(int fd, void *ud)
{
	const void *const *args = ud;
	const struct article_job *job = args[0];
	FILE *out = (FILE *)args[1];
	static const struct segment_list none = { 0 };
	struct synth_speech sp;
	struct article_result res = { 0 };
	struct audio_plan plan;
	size_t n = job->segs ? job->segs->n : 0, second_at;
	uint64_t second_out;
	int ret = -1;

	synth_speech_init(&sp, job->segs ? job->segs : &none);
	if (job->segs) {
		if (synth_speech_run(&sp, job->name, job->voice) < 0)
			goto out;
	} else if (article_read_audio(job->audio_path, &sp.pcm) < 0) {
		goto out;
	}
	pcm_append_silence(&sp.pcm, job->tail_ms);
	if (render_plan(&sp.pcm, &job->audio, &job->encode, &plan) < 0)
		goto out;
	if (article_encode(job, &sp.pcm, &plan, out, &res.part, &second_at, &second_out) < 0)
		goto out;
	res.out_samples = audio_output_length(sp.pcm.len, sp.pcm.rate, job->audio.out_rate);
	res.lufs = plan.predicted_lufs;
	res.n_timings = n;
	res.n_words = sp.n_words;
	if (isolate_write_all(fd, &res, sizeof res) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct article_timing t = { article_place(&sp.pcm, &job->audio, sp.start[i], second_at, second_out),
					    article_place(&sp.pcm, &job->audio, sp.speech[i], second_at, second_out),
					    article_place(&sp.pcm, &job->audio, sp.end[i], second_at, second_out) };

		if (isolate_write_all(fd, &t, sizeof t) < 0)
			goto out;
	}
	for (size_t i = 0; i < sp.n_words; i++) {
		struct article_word w = { (uint32_t)sp.words[i].seg, sp.words[i].text_pos,
					  article_place(&sp.pcm, &job->audio, sp.words[i].sample, second_at, second_out) };

		if (isolate_write_all(fd, &w, sizeof w) < 0)
			goto out;
	}
	ret = 0;
out:
	/* the parent records why: the message goes back through the pipe */
	if (ret < 0)
		isolate_write_all(fd, log_last_error(), strlen(log_last_error()));
	synth_speech_release(&sp);
	return ret;
}

static int article_on_data(const void *buf, size_t n, void *ud)
{
	struct article_run *run = ud;

	util_grow((void **)&run->buf, &run->cap, run->len + n, 1);
	memcpy(run->buf + run->len, buf, n);
	run->len += n;
	return 0;
}

/* The child gets the job and the output stream through one pointer pair. */
static const void *article_args[2];

int article_start(struct article_run *run, const struct article_job *job, FILE *out)
{
	memset(run, 0, sizeof *run);
	run->job = job;
	article_args[0] = job;
	article_args[1] = out;
	fflush(out);
	return isolate_spawn(&run->child, article_child, (void *)article_args, job->timeout_ms + 60000);
}

int article_finish(struct article_run *run, struct article_result *res)
{
	struct isolate_result ir;
	int ret = -1;

	memset(res, 0, sizeof *res);
	isolate_wait(&run->child, article_on_data, run, &ir);
	switch (ir.status) {
	case ISOLATE_OK:
		if (run->len < sizeof *res) {
			log_error("'%s': the worker gave no result", run->job->name);
			break;
		}
		memcpy(res, run->buf, sizeof *res);
		res->part.fp = NULL;
		res->timings = NULL;
		res->words = NULL;
		if (res->n_timings > run->len / sizeof(struct article_timing) ||
		    res->n_words > run->len / sizeof(struct article_word) ||
		    run->len != sizeof *res + res->n_timings * sizeof(struct article_timing) +
					res->n_words * sizeof(struct article_word)) {
			log_error("'%s': the worker's result is damaged", run->job->name);
			res->n_timings = res->n_words = 0;
			break;
		}
		res->timings = xcalloc(res->n_timings ? res->n_timings : 1, sizeof *res->timings);
		memcpy(res->timings, run->buf + sizeof *res, res->n_timings * sizeof *res->timings);
		res->words = xcalloc(res->n_words ? res->n_words : 1, sizeof *res->words);
		memcpy(res->words, run->buf + sizeof *res + res->n_timings * sizeof *res->timings,
		       res->n_words * sizeof *res->words);
		ret = 0;
		break;
	case ISOLATE_CRASHED:
		log_error("'%s': the worker crashed (%s)", run->job->name, strsignal(ir.signal));
		break;
	case ISOLATE_TIMEOUT:
		log_error("'%s': took longer than %d s; stopped", run->job->name, run->job->timeout_ms / 1000 + 60);
		break;
	case ISOLATE_FAILED:	/* the worker said why, and sent it */
		util_grow((void **)&run->buf, &run->cap, run->len + 1, 1);
		run->buf[run->len] = '\0';
		/* printed already, by the worker; kept for the caller's records */
		log_set_last_error(run->len ? (char *)run->buf : "the worker failed", ir.storage_errno);
		break;
	default:
		break;
	}
	free(run->buf);
	run->buf = NULL;
	run->len = run->cap = 0;
	return ret;
}

void article_result_release(struct article_result *res)
{
	free(res->timings);
	res->timings = NULL;
	res->n_timings = 0;
	free(res->words);
	res->words = NULL;
	res->n_words = 0;
}
