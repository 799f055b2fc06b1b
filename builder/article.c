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
			  FILE *out, struct encode_part *part, size_t *second_at, uint64_t *second_out, struct error *err)
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
	if (render_part_wait(&half, job->name, &b, err) < 0)
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

/*
 * The wire format from a worker to its parent: records, each a header (type, payload bytes)
 * and its payload. A worker ends with one status: its result, or its error (error_pack).
 */
enum article_record {
	ARTICLE_REC_RESULT = 1,	/* struct article_result (pointers void), timings, words */
	ARTICLE_REC_ERROR,	/* error_pack's bytes */
};

struct article_head {
	uint32_t type;
	uint32_t bytes;
};

static int article_send(int fd, uint32_t type, const void *data, size_t bytes)
{
	struct article_head h = { type, (uint32_t)bytes };

	if (bytes > UINT32_MAX)
		return -1;
	if (isolate_write_all(fd, &h, sizeof h) < 0)
		return -1;
	return bytes ? isolate_write_all(fd, data, bytes) : 0;
}

/* The worker's error, sent as its status: why it failed, and of which kind. */
static void article_send_error(int fd, const struct error *err)
{
	size_t len;
	unsigned char *buf = error_pack(err, &len);

	article_send(fd, ARTICLE_REC_ERROR, buf, len);
	free(buf);
}

/* The child's side: speech and timings gathered, then rendered and encoded. */
static int article_child(int fd, void *ud)
{
	struct article_run *run = ud;
	const struct article_job *job = run->job;
	static const struct segment_list none = { 0 };
	struct synth_speech sp;
	struct article_result res = { 0 };
	struct audio_plan plan;
	struct error err = { 0 };
	struct error_catch c;
	struct strbuf msg;
	size_t n = job->segs ? job->segs->n : 0, second_at;
	uint64_t second_out;
	int ret = -1;

	strbuf_init(&msg);
	/* what fails here is the article's, unless the report says the storage failed */
	error_catch_begin(&c, &err, ERROR_INPUT);
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
	if (article_encode(job, &sp.pcm, &plan, run->out, &res.part, &second_at, &second_out, &err) < 0)
		goto out;
	res.out_samples = audio_output_length(sp.pcm.len, sp.pcm.rate, job->audio.out_rate);
	res.lufs = plan.predicted_lufs;
	res.n_timings = n;
	res.n_words = sp.n_words;
	res.part.fp = NULL;
	strbuf_add(&msg, (const char *)&res, sizeof res);
	for (size_t i = 0; i < n; i++) {
		struct article_timing t = { article_place(&sp.pcm, &job->audio, sp.start[i], second_at, second_out),
					    article_place(&sp.pcm, &job->audio, sp.speech[i], second_at, second_out),
					    article_place(&sp.pcm, &job->audio, sp.end[i], second_at, second_out) };

		strbuf_add(&msg, (const char *)&t, sizeof t);
	}
	for (size_t i = 0; i < sp.n_words; i++) {
		struct article_word w = { (uint32_t)sp.words[i].seg, sp.words[i].text_pos,
					  article_place(&sp.pcm, &job->audio, sp.words[i].sample, second_at, second_out) };

		strbuf_add(&msg, (const char *)&w, sizeof w);
	}
	ret = article_send(fd, ARTICLE_REC_RESULT, msg.buf, msg.len);
out:
	error_catch_end(&c);
	/* the parent decides by the kind; the message was printed here already */
	if (ret < 0) {
		if (err.kind == ERROR_NONE)
			error_set(&err, ERROR_INPUT, "'%s': the worker failed", job->name);
		article_send_error(fd, &err);
	}
	error_release(&err);
	strbuf_release(&msg);
	synth_speech_release(&sp);
	return ret;
}

/* The parent's side of the wire: whole records are taken as they arrive. */
static int article_take(struct article_run *run, uint32_t type, const unsigned char *data, size_t n)
{
	struct article_result *res = &run->res;

	switch (type) {
	case ARTICLE_REC_RESULT:
		if (n < sizeof *res || run->has_result)
			return -1;
		memcpy(res, data, sizeof *res);
		res->part.fp = NULL;
		res->timings = NULL;
		res->words = NULL;
		if (res->n_timings > n / sizeof(struct article_timing) || res->n_words > n / sizeof(struct article_word) ||
		    n != sizeof *res + res->n_timings * sizeof(struct article_timing) +
				 res->n_words * sizeof(struct article_word)) {
			res->n_timings = res->n_words = 0;
			return -1;
		}
		res->timings = xcalloc(res->n_timings ? res->n_timings : 1, sizeof *res->timings);
		memcpy(res->timings, data + sizeof *res, res->n_timings * sizeof *res->timings);
		res->words = xcalloc(res->n_words ? res->n_words : 1, sizeof *res->words);
		memcpy(res->words, data + sizeof *res + res->n_timings * sizeof *res->timings,
		       res->n_words * sizeof *res->words);
		run->has_result = true;
		return 0;
	case ARTICLE_REC_ERROR:
		if (error_unpack(&run->err, data, n) < 0)
			return -1;
		run->has_error = true;
		return 0;
	}
	return -1;
}

static int article_on_data(const void *buf, size_t n, void *ud)
{
	struct article_run *run = ud;
	size_t off = 0;

	util_grow((void **)&run->buf, &run->cap, run->len + n, 1);
	memcpy(run->buf + run->len, buf, n);
	run->len += n;
	while (run->len - off >= sizeof(struct article_head)) {
		struct article_head h;

		memcpy(&h, run->buf + off, sizeof h);
		if (run->len - off - sizeof h < h.bytes)
			break;
		if (article_take(run, h.type, run->buf + off + sizeof h, h.bytes) < 0) {
			run->damaged = true;
			return -1;
		}
		off += sizeof h + h.bytes;
	}
	memmove(run->buf, run->buf + off, run->len - off);
	run->len -= off;
	return 0;
}

int article_start(struct article_run *run, const struct article_job *job, FILE *out)
{
	memset(run, 0, sizeof *run);
	run->job = job;
	run->out = out;
	fflush(out);
	/* the child gets the job and the output stream through the run itself */
	return isolate_spawn(&run->child, article_child, run, job->timeout_ms + 60000);
}

int article_finish(struct article_run *run, struct article_result *res, struct error *err)
{
	struct isolate_result ir;
	const char *name = run->job->name;
	int ret = -1;

	memset(res, 0, sizeof *res);
	error_release(err);
	isolate_wait(&run->child, article_on_data, run, &ir);
	if (run->damaged || (ir.status == ISOLATE_OK && (run->len || !run->has_result))) {
		log_error("'%s': %s", name, run->damaged ? "the worker's result is damaged" : "the worker gave no result");
		error_set(err, ERROR_SYSTEM, "'%s': %s", name,
			  run->damaged ? "the worker's result is damaged" : "the worker gave no result");
		goto out;
	}
	switch (ir.status) {
	case ISOLATE_OK:
		*res = run->res;
		memset(&run->res, 0, sizeof run->res);
		ret = 0;
		break;
	case ISOLATE_CRASHED:
		log_error("'%s': the worker crashed (%s)", name, strsignal(ir.signal));
		error_set(err, ERROR_CRASH, "'%s': the worker crashed (%s)", name, strsignal(ir.signal));
		break;
	case ISOLATE_TIMEOUT:
		log_error("'%s': took longer than %d s; stopped", name, run->job->timeout_ms / 1000 + 60);
		error_set(err, ERROR_TIMEOUT, "'%s': took longer than %d s; stopped", name,
			  run->job->timeout_ms / 1000 + 60);
		break;
	case ISOLATE_FAILED:	/* the worker printed why, and sent it with its kind */
		if (run->has_error) {
			error_move(err, &run->err);
		} else if (ir.storage_errno) {
			error_set(err, ERROR_STORAGE, "'%s': the worker failed: %s", name, strerror(ir.storage_errno));
			err->errnum = ir.storage_errno;
		} else {
			error_set(err, ERROR_INPUT, "'%s': the worker failed", name);
		}
		break;
	default:	/* no process, reported */
		error_set(err, ERROR_SYSTEM, "'%s': cannot start a worker", name);
		break;
	}
out:
	article_result_release(&run->res);
	error_release(&run->err);
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
