/* article: the part, the unit of work of speak and build: one article spoken (or one audio file read) into an MP3 part with its timings, in one child process. */
#include "article.h"

#include "jobserver.h"
#include "log.h"
#include "pcm.h"
#include "progress.h"
#include "render.h"
#include "synth.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* An intro, an outro or a sound between articles is short: a larger file is refused. */
#define ARTICLE_MAX_AUDIO_BYTES (256u << 20)
/* A piece of a part is worth a process only if it holds this much speech. */
#define ARTICLE_MIN_PIECE_SECONDS 20
/* Pieces are cut in a silence at least this long (espeak-ng's own pauses and ours). */
#define ARTICLE_MIN_SILENCE_MS 250

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
		if (pcm_append(pcm, mono, (size_t)got) < 0)
			goto out;
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

/* How long a worker may take: synthesis's limit (for a hung espeak-ng), and as long again three times
 * over for what follows it, the loudness passes and the encoding, which grow with the speech as
 * synthesis does; plus a minute. A limit for a hang, not for a slow machine: with only synthesis's
 * and a minute, a 60-minute article on a busy machine was stopped halfway through its encoding. */
static int article_worker_limit_ms(const struct article_job *job)
{
	return job->timeout_ms > (INT_MAX - 60000) / 4 ? INT_MAX : job->timeout_ms * 4 + 60000;
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
 * The wire format from a child to its parent, the worker's and its pieces' alike: records,
 * each a header (type, payload bytes) and its payload. A child ends with one status: its
 * result, or its error (error_pack).
 */
enum article_record {
	ARTICLE_REC_RESULT = 1,	/* a worker's: struct article_result (pointers void), timings, words */
	ARTICLE_REC_PIECE,	/* a piece's: struct encode_part (fp void) */
	ARTICLE_REC_ERROR,	/* error_pack's bytes */
	ARTICLE_REC_PROGRESS,	/* a worker's, when the job shows progress: a double (0 to 1), the phase */
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

/* A child's error, sent as its status: why it failed, and of which kind. */
static void article_send_error(int fd, struct error *err, const char *name)
{
	size_t len;
	unsigned char *buf;

	if (err->kind == ERROR_NONE)
		error_set(err, ERROR_INPUT, "'%s': the worker failed", name);
	buf = error_pack(err, &len);
	article_send(fd, ARTICLE_REC_ERROR, buf, len);
	free(buf);
}

/* How far the worker has come, for a job that shows it: sent as it changes by a permille. */
struct article_progress {
	int fd;
	size_t n_segs;
	int permille;
};

static void article_progress_send(struct article_progress *pr, const char *phase, double fraction)
{
	char buf[sizeof(double) + 64];
	size_t len = strlen(phase) < 64 ? strlen(phase) : 64;

	memcpy(buf, &fraction, sizeof fraction);
	memcpy(buf + sizeof fraction, phase, len);
	article_send(pr->fd, ARTICLE_REC_PROGRESS, buf, sizeof fraction + len);
}

/* Progress while the synthesiser's child speaks: a tenth of the work. */
static void article_on_segment(void *ud, size_t seg)
{
	struct article_progress *pr = ud;
	char phase[64];

	snprintf(phase, sizeof phase, "speaking segment %zu of %zu,", seg + 1, pr->n_segs);
	article_progress_send(pr, phase, 0.1 * (double)(seg + 1) / (double)pr->n_segs);
}

/* Progress while the first piece is encoded: the rest of the work. */
static void article_on_encoding(void *ud, double fraction)
{
	struct article_progress *pr = ud;
	int permille = (int)(fraction * 1000);

	if (permille == pr->permille)
		return;
	pr->permille = permille;
	article_progress_send(pr, "encoding", 0.1 + 0.9 * fraction);
}

/* The parent's side of the wire: bytes are gathered in *buf until a record is whole, and
 * each whole record goes to take; -1 when take refuses one. */
static int article_receive(unsigned char **buf, size_t *len, size_t *cap, const void *data, size_t n,
			   int (*take)(void *ud, uint32_t type, const unsigned char *payload, size_t bytes), void *ud)
{
	size_t off = 0;

	util_grow((void **)buf, cap, *len + n, 1);
	memcpy(*buf + *len, data, n);
	*len += n;
	while (*len - off >= sizeof(struct article_head)) {
		struct article_head h;

		memcpy(&h, *buf + off, sizeof h);
		if (*len - off - sizeof h < h.bytes)
			break;
		if (take(ud, h.type, *buf + off + sizeof h, h.bytes) < 0)
			return -1;
		off += sizeof h + h.bytes;
	}
	memmove(*buf, *buf + off, *len - off);
	*len -= off;
	return 0;
}

/* Where each piece of a part starts, in the speech and in the part's output, to place
 * times: a piece's frames follow the ones before it. */
struct article_map {
	size_t n;
	size_t src_start[ENCODE_MAX_PARTS];
	uint64_t out_start[ENCODE_MAX_PARTS];
	int out_rate;
};

/* Where a sample of the speech plays in the part, in ms. */
static uint32_t article_place(const struct article_map *m, const struct pcm *pcm, size_t sample)
{
	size_t k = 0;

	while (k + 1 < m->n && m->src_start[k + 1] <= sample)
		k++;
	return (uint32_t)llround((double)m->out_start[k] * 1000.0 / m->out_rate + pcm_ms(pcm, sample - m->src_start[k]));
}

/* A piece of a long part, encoded in a child process of the worker while the worker
 * encodes the first; what it points at lives in the worker, shared by the fork. */
struct article_piece {
	const struct article_job *job;
	const struct pcm *pcm;
	const struct audio_plan *plan;
	size_t start, end;
	FILE *fp;			/* its frames: a temporary file made before the fork */
	struct isolate_child proc;
	unsigned char *buf;		/* what the child sent, not yet a whole record */
	size_t len, cap;
	struct encode_part part;	/* its status: the part, or an error */
	struct error err;
	bool has_part, has_error;
};

static int article_piece_child(int fd, void *ud)
{
	struct article_piece *pc = ud;
	struct encode_part part;
	struct error err = { 0 };
	struct error_catch c;
	int ret;

	error_catch_begin(&c, &err, ERROR_INPUT);
	ret = render_part(pc->pcm, pc->start, pc->end, &pc->job->audio, &pc->job->encode, pc->plan, 0, pc->fp, &part,
			  NULL, NULL);
	error_catch_end(&c);
	if (ret == 0) {
		part.fp = NULL;
		ret = article_send(fd, ARTICLE_REC_PIECE, &part, sizeof part);
	} else {
		article_send_error(fd, &err, pc->job->name);
	}
	error_release(&err);
	return ret;
}

static int article_piece_take(void *ud, uint32_t type, const unsigned char *data, size_t n)
{
	struct article_piece *pc = ud;

	if (type == ARTICLE_REC_PIECE && n == sizeof pc->part && !pc->has_part) {
		memcpy(&pc->part, data, n);
		pc->has_part = true;
		return 0;
	}
	if (type == ARTICLE_REC_ERROR && error_unpack(&pc->err, data, n) == 0) {
		pc->has_error = true;
		return 0;
	}
	return -1;
}

static int article_piece_data(const void *buf, size_t n, void *ud)
{
	struct article_piece *pc = ud;

	return article_receive(&pc->buf, &pc->len, &pc->cap, buf, n, article_piece_take, pc);
}

/* Waits for a piece and fills *part (but for part->fp). A failure is reported (unless the
 * piece printed it) and kept in *err with its kind. */
static int article_piece_wait(struct article_piece *pc, struct encode_part *part, struct error *err)
{
	const char *name = pc->job->name;
	struct isolate_result res;
	int ret = -1;

	isolate_wait(&pc->proc, article_piece_data, pc, &res);
	if (res.status == ISOLATE_OK && pc->has_part && !pc->len) {
		FILE *fp = part->fp;

		*part = pc->part;
		part->fp = fp;
		ret = 0;
	} else if (res.status == ISOLATE_CRASHED) {
		log_error("encoding '%s': a worker crashed (%s)", name, strsignal(res.signal));
		error_set(err, ERROR_CRASH, "encoding '%s': a worker crashed (%s)", name, strsignal(res.signal));
	} else if (res.status == ISOLATE_TIMEOUT) {
		log_error("encoding '%s': a worker took too long", name);
		error_set(err, ERROR_TIMEOUT, "encoding '%s': a worker took too long", name);
	} else if (res.status == ISOLATE_FAILED && pc->has_error) {
		error_move(err, &pc->err);	/* it printed why */
	} else {
		log_error("encoding '%s': a worker gave no result", name);
		error_set(err, ERROR_SYSTEM, "encoding '%s': a worker gave no result", name);
	}
	error_release(&pc->err);
	free(pc->buf);
	pc->buf = NULL;
	pc->len = pc->cap = 0;
	return ret;
}

/* Stops a piece that is no longer wanted (one waited for already is left alone). */
static void article_piece_stop(struct article_piece *pc)
{
	struct isolate_result res;

	if (pc->proc.pid > 0) {
		kill(pc->proc.pid, SIGKILL);
		isolate_wait(&pc->proc, NULL, NULL, &res);
	}
	free(pc->buf);
	pc->buf = NULL;
	error_release(&pc->err);
}

size_t article_cuts(const struct pcm *pcm, size_t *starts)
{
	double seconds = pcm->rate ? (double)pcm->len / pcm->rate : 0;
	/* the speech alone decides: the same pieces, so the same bytes, however many cores were free;
	 * a power of two, so that they share out evenly over 2, 4 or 8 cores (3 pieces on 2 cores
	 * kept one idle for a third of a short article's encoding) */
	size_t most = (size_t)(seconds / ARTICLE_MIN_PIECE_SECONDS), want = 1;

	while (want * 2 <= most && want * 2 <= ENCODE_MAX_PARTS)
		want *= 2;
	if (want > 1)
		return audio_split(pcm, want, (size_t)pcm->rate * ARTICLE_MIN_SILENCE_MS / 1000, starts);
	starts[0] = 0;
	starts[1] = pcm->len;
	return 1;
}

/* The pieces of a part and who encodes them: this process, in turn, or a child with a token. */
struct article_pieces {
	const struct article_job *job;
	size_t n, next;			/* pieces, and the first no one has taken yet */
	struct article_piece piece[ENCODE_MAX_PARTS];	/* the first is unused: it is encoded here */
	struct encode_part parts[ENCODE_MAX_PARTS];
	bool failed;			/* a child could not be started or failed: stop */
	struct error *err;
	struct article_progress *pr;	/* may be NULL */
	double base, share;		/* the piece encoded here now, as a share of the part */
};

/* Collects the children that ended (reaped, each gives its token back), and starts the next
 * pieces, each in a child, while tokens are free; a failure is reported and marks ps failed. */
static void article_pieces_share(struct article_pieces *ps)
{
	for (size_t k = 1; k < ps->next && !ps->failed; k++) {
		struct article_piece *pc = &ps->piece[k];
		struct pollfd pfd = { pc->proc.fd, POLLIN, 0 };

		/* encoded here or collected already: no child */
		if (pc->proc.pid < 0 || poll(&pfd, 1, 0) <= 0 || !(pfd.revents & (POLLHUP | POLLERR | POLLNVAL)))
			continue;
		if (article_piece_wait(pc, &ps->parts[k], ps->err) < 0)
			ps->failed = true;
	}
	while (!ps->failed && ps->next < ps->n) {
		struct article_piece *pc = &ps->piece[ps->next];
		int started = isolate_spawn_beside(&pc->proc, article_piece_child, pc,
						   article_worker_limit_ms(ps->job));

		if (!started)
			break;
		ps->next++;
		ps->failed = started < 0;
	}
}

/* While a piece is encoded here: its progress, and the token of a child that ended goes to the
 * next piece at once rather than once this one is done. */
static void article_pieces_progress(void *ud, double fraction)
{
	struct article_pieces *ps = ud;

	article_pieces_share(ps);
	if (ps->pr)
		article_on_encoding(ps->pr, ps->base + ps->share * fraction);
}

/*
 * The one splitter: encodes the speech into out as one MP3 part. Long speech is cut in its
 * silences near equal shares into pieces (one for every ARTICLE_MIN_PIECE_SECONDS, at most
 * ENCODE_MAX_PARTS); this process encodes the first, and each other piece is encoded in a
 * child process when a jobserver's token is free for it, else here, in turn. Their frames are
 * appended in order (a fresh encoder starts with an empty bit reservoir, so the join is a
 * valid stream; the encoder's delay and padding at each join fall into the silence). *part
 * then covers them all, and map tells where each piece plays.
 */
static int article_encode(const struct article_job *job, const struct pcm *pcm, const struct audio_plan *plan,
			  FILE *out, struct encode_part *part, struct article_map *map, struct article_progress *pr,
			  struct error *err)
{
	struct article_pieces *ps;
	size_t starts[ENCODE_MAX_PARTS + 1], n = article_cuts(pcm, starts);
	int ret = -1;

	*map = (struct article_map){ 1, { 0 }, { 0 }, job->audio.out_rate };
	if (n < 2)
		return render_part(pcm, 0, pcm->len, &job->audio, &job->encode, plan, 1, out, part,
				   pr ? article_on_encoding : NULL, pr);
	ps = xmalloc(sizeof *ps);
	*ps = (struct article_pieces){ .job = job, .n = n, .next = 1, .err = err, .pr = pr };
	for (size_t k = 1; k < n; k++) {
		ps->piece[k] = (struct article_piece){ job, pcm, plan, starts[k], starts[k + 1], util_tmpfile(),
						       { -1, -1, 0, 0, -1 } };
		if (!ps->piece[k].fp) {
			log_error("cannot create a temporary file: %s", strerror(errno));
			goto out;
		}
	}
	/* the first piece here, then each one no child took, in turn */
	article_pieces_share(ps);
	for (size_t here = 0; !ps->failed;) {
		ps->base = (double)starts[here] / (double)pcm->len;
		ps->share = (double)(starts[here + 1] - starts[here]) / (double)pcm->len;
		if (render_part(pcm, starts[here], starts[here + 1], &job->audio, &job->encode, plan, here == 0,
				here ? ps->piece[here].fp : out, &ps->parts[here], article_pieces_progress, ps) < 0)
			goto out;
		article_pieces_share(ps);
		if (ps->next >= n)
			break;
		here = ps->next++;
	}
	for (size_t k = 1; k < n && !ps->failed; k++) {
		if (ps->piece[k].proc.pid < 0)	/* encoded here, or collected */
			continue;
		if (article_piece_wait(&ps->piece[k], &ps->parts[k], err) < 0)
			goto out;
	}
	if (ps->failed)
		goto out;
	for (size_t k = 1; k < n; k++) {
		if (article_append(out, ps->piece[k].fp) < 0) {
			log_error("'%s': cannot join the parts it was encoded in: %s", job->name, strerror(errno));
			goto out;
		}
	}
	map->n = n;
	for (size_t k = 0; k < n; k++) {
		map->src_start[k] = starts[k];
		map->out_start[k] = encode_part_offset(ps->parts, k);
	}
	*part = ps->parts[0];
	for (size_t k = 1; k < n; k++) {
		part->frames += ps->parts[k].frames;
		part->samples += ps->parts[k].samples;
	}
	part->padding = ps->parts[n - 1].padding;
	log_verbose("encode: '%s' in %zu parts, joined", job->name, n);
	ret = 0;
out:
	for (size_t k = 1; k < n; k++) {
		article_piece_stop(&ps->piece[k]);
		if (ps->piece[k].fp)
			fclose(ps->piece[k].fp);
	}
	free(ps);
	return ret;
}

/* The worker's status when it made its part: res, then every segment's and word's time
 * placed in the part, in one record. */
static int article_send_result(int fd, struct article_result *res, const struct synth_speech *sp,
			       const struct article_map *map)
{
	struct strbuf msg;
	size_t n = sp->segs->n;
	int ret;

	res->n_timings = n;
	res->n_words = sp->n_words;
	res->part.fp = NULL;
	strbuf_init(&msg);
	strbuf_add(&msg, (const char *)res, sizeof *res);
	for (size_t i = 0; i < n; i++) {
		struct article_timing t = { article_place(map, &sp->pcm, sp->start[i]),
					    article_place(map, &sp->pcm, sp->speech[i]),
					    article_place(map, &sp->pcm, sp->end[i]) };

		strbuf_add(&msg, (const char *)&t, sizeof t);
	}
	for (size_t i = 0; i < sp->n_words; i++) {
		struct article_word w = { (uint32_t)sp->words[i].seg, sp->words[i].text_pos,
					  article_place(map, &sp->pcm, sp->words[i].sample) };

		strbuf_add(&msg, (const char *)&w, sizeof w);
	}
	ret = article_send(fd, ARTICLE_REC_RESULT, msg.buf, msg.len);
	strbuf_release(&msg);
	return ret;
}

/* The loudness plan, its passes on this thread and one more for each token free now, up to
 * job->audio.jobs: the plan is the same on any number of threads, so the part does not depend
 * on what was free. */
static int article_plan(const struct article_job *job, const struct pcm *pcm, struct audio_plan *plan)
{
	struct audio_settings audio = job->audio;
	int token[64];
	size_t n = 0;
	int ret;

	while (n + 1 < (size_t)job->audio.jobs && n < sizeof token / sizeof *token && (token[n] = jobserver_take()) >= 0)
		n++;
	audio.jobs = (int)n + 1;
	ret = render_plan(pcm, &audio, &job->encode, plan);
	while (n)
		jobserver_give(token[--n]);
	return ret;
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
	struct article_map map;
	struct article_progress progress = { fd, job->segs ? job->segs->n : 0, -1 };
	struct article_progress *pr = job->progress ? &progress : NULL;
	int ret = -1;

	/* what fails here is the article's, unless the report says the storage failed */
	error_catch_begin(&c, &err, ERROR_INPUT);
	synth_speech_init(&sp, job->segs ? job->segs : &none);
	if (pr && progress.n_segs) {
		sp.on_segment = article_on_segment;
		sp.ud = pr;
	}
	/* the speech goes to a file as it comes, and is mapped once whole: the passes over it drop
	 * the pages behind them (pcm_drop), so memory does not grow with its length */
	if (pcm_spool(&sp.pcm, job->name) < 0)
		goto out;
	if (job->segs) {
		if (synth_speech_run(&sp, job->name, job->voice) < 0)
			goto out;
	} else if (article_read_audio(job->audio_path, &sp.pcm) < 0) {
		goto out;
	}
	if (pcm_append_silence(&sp.pcm, job->tail_ms) < 0 || pcm_map(&sp.pcm) < 0)
		goto out;
	if (article_plan(job, &sp.pcm, &plan) < 0)
		goto out;
	if (encode_parts_supported(&job->encode)) {
		if (article_encode(job, &sp.pcm, &plan, run->out, &res.part, &map, pr, &err) < 0)
			goto out;
	} else {
		/* a format that is not joined: its samples, encoded once the tags are known */
		map = (struct article_map){ 1, { 0 }, { 0 }, job->audio.out_rate };
		if (render_samples(&sp.pcm, &job->audio, &plan, run->out, &res.part.samples,
				   pr ? article_on_encoding : NULL, pr) < 0)
			goto out;
	}
	res.out_samples = audio_output_length(sp.pcm.len, sp.pcm.rate, job->audio.out_rate);
	res.lufs = plan.predicted_lufs;
	ret = article_send_result(fd, &res, &sp, &map);
out:
	error_catch_end(&c);
	/* the parent decides by the kind; the message was printed here already */
	if (ret < 0)
		article_send_error(fd, &err, job->name);
	error_release(&err);
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
	case ARTICLE_REC_PROGRESS: {
		double fraction;
		char phase[65];

		if (n < sizeof fraction || n > sizeof fraction + 64)
			return -1;
		memcpy(&fraction, data, sizeof fraction);
		memcpy(phase, data + sizeof fraction, n - sizeof fraction);
		phase[n - sizeof fraction] = '\0';
		if (run->job->progress)
			progress_update(run->job->progress, phase, fraction);
		return 0;
	}
	}
	return -1;
}

static int article_take_ud(void *ud, uint32_t type, const unsigned char *data, size_t n)
{
	return article_take(ud, type, data, n);
}

static int article_on_data(const void *buf, size_t n, void *ud)
{
	struct article_run *run = ud;

	if (article_receive(&run->buf, &run->len, &run->cap, buf, n, article_take_ud, run) < 0) {
		run->damaged = true;
		return -1;
	}
	return 0;
}

int article_start(struct article_run *run, const struct article_job *job, FILE *out)
{
	memset(run, 0, sizeof *run);
	run->job = job;
	run->out = out;
	fflush(out);
	/* the child gets the job and the output stream through the run itself */
	return isolate_spawn(&run->child, article_child, run, article_worker_limit_ms(job));
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
		log_error("'%s': took longer than %d s; stopped", name, article_worker_limit_ms(run->job) / 1000);
		error_set(err, ERROR_TIMEOUT, "'%s': took longer than %d s; stopped", name,
			  article_worker_limit_ms(run->job) / 1000);
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

uint64_t article_result_samples(const struct article_result *res, const struct encode_settings *encode)
{
	if (!encode_parts_supported(encode))
		return res->part.samples;
	return (uint64_t)res->part.frames * 1152 - res->part.delay - res->part.padding;
}

