/* synth: wraps libespeak-ng: one segment in, PCM and the positions of its sentences and words out. */
#include "synth.h"

#include "isolate.h"
#include "error.h"
#include "log.h"
#include "util.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct synth {
	int rate;
	/* the segment being spoken, for the callback */
	const struct synth_sink *sink;
	size_t seg;
	int stop;
};

/* espeak-ng's callback has no user pointer for the synth: one per process. */
static struct synth *synth_current;

static int synth_callback(short *wav, int n, espeak_EVENT *events)
{
	struct synth *s = synth_current;

	if (!s || s->stop)
		return 1;
	for (espeak_EVENT *ev = events; ev && ev->type != espeakEVENT_LIST_TERMINATED; ev++) {
		struct synth_event out;

		if (ev->type != espeakEVENT_WORD && ev->type != espeakEVENT_SENTENCE)
			continue;
		if (!s->sink->event)
			continue;
		out.kind = ev->type == espeakEVENT_WORD ? SYNTH_WORD : SYNTH_SENTENCE;
		out.sample = (uint32_t)((int64_t)ev->audio_position * s->rate / 1000);
		out.text_pos = ev->text_position > 0 ? (uint32_t)ev->text_position - 1 : 0;
		out.length = ev->length > 0 ? (uint32_t)ev->length : 0;
		if (s->sink->event(s->sink->ud, s->seg, &out) != 0) {
			s->stop = 1;
			return 1;
		}
	}
	if (wav && n > 0 && s->sink->samples(s->sink->ud, s->seg, wav, (size_t)n) != 0) {
		s->stop = 1;
		return 1;
	}
	return 0;
}

/* A profile may name a voice by its language, as `newscast voices` and espeak-ng's -v accept it ("fr-fr", whose
 * voice file is "roa/fr"): the voice whose own language that is, with the profile's variant. */
static espeak_ERROR synth_voice_by_language(const struct voice_profile *vp)
{
	const espeak_VOICE **voices = espeak_ListVoices(NULL);
	espeak_ERROR ret = EE_NOT_FOUND;

	for (size_t i = 0; voices && voices[i] && ret != EE_OK; i++) {
		if (voices[i]->languages && voices[i]->identifier && strcmp(voices[i]->languages + 1, vp->espeak) == 0) {
			char *name = vp->variant ? xasprintf("%s+%s", voices[i]->identifier, vp->variant)
						 : xstrdup(voices[i]->identifier);

			ret = espeak_SetVoiceByName(name);
			free(name);
		}
	}
	return ret;
}

struct synth *synth_new(const struct voice_profile *vp)
{
	struct synth *s;
	char *voice;
	int rate;

	if (synth_current) {
		log_error("espeak-ng is already in use in this process");
		return NULL;
	}
	rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, NULL, 0);
	if (rate <= 0) {
		log_error("cannot start espeak-ng (is espeak-ng-data installed?)");
		return NULL;
	}
	voice = voice_espeak_name(vp);
	if (espeak_SetVoiceByName(voice) != EE_OK && synth_voice_by_language(vp) != EE_OK) {
		log_error("espeak-ng has no voice '%s' (voice profile '%s')", voice, vp->name ? vp->name : "?");
		free(voice);
		espeak_Terminate();
		return NULL;
	}
	free(voice);
	espeak_SetParameter(espeakRATE, vp->rate, 0);
	espeak_SetParameter(espeakPITCH, vp->pitch, 0);
	espeak_SetParameter(espeakRANGE, vp->range, 0);
	espeak_SetSynthCallback(synth_callback);
	s = xcalloc(1, sizeof *s);
	s->rate = rate;
	synth_current = s;
	return s;
}

void synth_free(struct synth *s)
{
	if (!s)
		return;
	espeak_Terminate();
	synth_current = NULL;
	free(s);
}

int synth_sample_rate(const struct synth *s)
{
	return s->rate;
}

char *synth_sanitize(const char *text)
{
	char *out = xstrdup(text);

	for (unsigned char *p = (unsigned char *)out; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return out;
}

int synth_speak(struct synth *s, const char *text, bool phonemes, size_t seg, const struct synth_sink *sink)
{
	char *clean = synth_sanitize(text);
	espeak_ERROR err;

	s->sink = sink;
	s->seg = seg;
	s->stop = 0;
	/* Plain text: never espeakSSML, so '<' is read as text; espeakPHONEMES only for the lexicon's. */
	err = espeak_Synth(clean, strlen(clean) + 1, 0, POS_CHARACTER, 0,
			   espeakCHARS_UTF8 | espeakENDPAUSE | (phonemes ? espeakPHONEMES : 0), NULL, NULL);
	free(clean);
	if (err != EE_OK) {
		log_error("espeak-ng failed on segment %zu (error %d)", seg + 1, (int)err);
		return -1;
	}
	if (s->stop)
		return -1;
	if (sink->segment_done && sink->segment_done(sink->ud, seg) != 0)
		return -1;
	return 0;
}

/* The child streams records to the parent: a header, then n bytes. */
enum synth_record_type {
	SYNTH_REC_RATE,
	SYNTH_REC_SAMPLES,
	SYNTH_REC_EVENT,
	SYNTH_REC_SEGMENT_START,
	SYNTH_REC_SEGMENT_DONE,
	SYNTH_REC_FINISHED,
};

struct synth_record {
	uint32_t type;
	uint32_t seg;
	uint32_t bytes;
};

/* One child's share: segments [first, end), its records to the pipe or, for all but the
 * first child, to out (a temporary file read once the children before it are done). */
struct synth_job {
	const struct voice_profile *vp;
	const struct segment_list *segs;
	size_t first, end;
	FILE *out;
	int fd;
	struct isolate_child proc;
};

static int synth_send(int fd, uint32_t type, size_t seg, const void *data, size_t bytes)
{
	struct synth_record rec = { type, (uint32_t)seg, (uint32_t)bytes };

	if (isolate_write_all(fd, &rec, sizeof rec) < 0)
		return -1;
	return bytes ? isolate_write_all(fd, data, bytes) : 0;
}

static int synth_child_samples(void *ud, size_t seg, const int16_t *pcm, size_t n)
{
	return synth_send(((struct synth_job *)ud)->fd, SYNTH_REC_SAMPLES, seg, pcm, n * sizeof *pcm);
}

static int synth_child_event(void *ud, size_t seg, const struct synth_event *ev)
{
	return synth_send(((struct synth_job *)ud)->fd, SYNTH_REC_EVENT, seg, ev, sizeof *ev);
}

static int synth_child(int fd, void *ud)
{
	struct synth_job *job = ud;
	struct synth_sink sink = { job, synth_child_samples, synth_child_event, NULL };
	struct synth *s;
	uint32_t rate;
	int ret = -1;

	job->fd = fd = job->out ? fileno(job->out) : fd;
	s = synth_new(job->vp);
	if (!s)
		return -1;
	rate = (uint32_t)synth_sample_rate(s);
	if (synth_send(fd, SYNTH_REC_RATE, 0, &rate, sizeof rate) < 0)
		goto out;
	for (size_t i = job->first; i < job->end; i++) {
		if (synth_send(fd, SYNTH_REC_SEGMENT_START, i, NULL, 0) < 0 ||
		    synth_speak(s, job->segs->items[i].text, job->segs->items[i].phonemes, i, &sink) < 0 ||
		    synth_send(fd, SYNTH_REC_SEGMENT_DONE, i, NULL, 0) < 0)
			goto out;
	}
	ret = synth_send(fd, SYNTH_REC_FINISHED, 0, NULL, 0);
out:
	synth_free(s);
	return ret;
}

/* The parent's side: reassembles records from the pipe's byte stream. */
struct synth_reader {
	const struct synth_sink *sink;
	int *sample_rate;
	unsigned char *buf;
	size_t len, cap;
	size_t current_seg;
	int started;
	int finished;
	int scan;	/* only where the child got to: a failed child's records */
};

static int synth_dispatch(struct synth_reader *r, const struct synth_record *rec, const unsigned char *data)
{
	if (r->scan && rec->type != SYNTH_REC_SEGMENT_START)
		return 0;
	switch (rec->type) {
	case SYNTH_REC_RATE:
		memcpy(r->sample_rate, data, sizeof(uint32_t));
		return 0;
	case SYNTH_REC_SAMPLES:
		return r->sink->samples(r->sink->ud, rec->seg, (const int16_t *)data, rec->bytes / sizeof(int16_t));
	case SYNTH_REC_EVENT: {
		struct synth_event ev;

		memcpy(&ev, data, sizeof ev);
		return r->sink->event ? r->sink->event(r->sink->ud, rec->seg, &ev) : 0;
	}
	case SYNTH_REC_SEGMENT_START:
		r->current_seg = rec->seg;
		r->started = 1;
		return 0;
	case SYNTH_REC_SEGMENT_DONE:
		return r->sink->segment_done ? r->sink->segment_done(r->sink->ud, rec->seg) : 0;
	case SYNTH_REC_FINISHED:
		r->finished = 1;
		return 0;
	}
	return -1;
}

static int synth_on_data(const void *buf, size_t n, void *ud)
{
	struct synth_reader *r = ud;
	size_t off = 0;

	util_grow((void **)&r->buf, &r->cap, r->len + n, 1);
	memcpy(r->buf + r->len, buf, n);
	r->len += n;
	while (r->len - off >= sizeof(struct synth_record)) {
		struct synth_record rec;

		memcpy(&rec, r->buf + off, sizeof rec);
		if (r->len - off - sizeof rec < rec.bytes)
			break;
		if (synth_dispatch(r, &rec, r->buf + off + sizeof rec) != 0)
			return -1;
		off += sizeof rec + rec.bytes;
	}
	memmove(r->buf, r->buf + off, r->len - off);
	r->len -= off;
	return 0;
}

/* Text a child must have for synthesis to be shared out, about 17 s of speech: espeak-ng's start
 * costs a few ms. Text, not segments: a one-minute article of twelve long sentences was spoken by
 * one child while the other core waited. */
#define SYNTH_MIN_SHARE_BYTES 250
/* Children that speak a long article: the project's machines' cores, and never the CPUs of
 * this one, since espeak-ng's speech of a segment depends a little (a few samples) on what
 * it spoke before: a part must be the same bytes on every machine (the build's cache). */
#define SYNTH_MAX_CHILDREN 2

/* The bytes of text synth_share shares out. */
static size_t synth_text_bytes(const struct segment_list *segs)
{
	size_t total = 0;

	for (size_t i = 0; i < segs->n; i++)
		total += strlen(segs->items[i].text) + 1;
	return total;
}

/* How many children speak segs: each with SYNTH_MIN_SHARE_BYTES of text and a segment at least. */
static size_t synth_children(const struct segment_list *segs)
{
	size_t n = synth_text_bytes(segs) / SYNTH_MIN_SHARE_BYTES;

	if (n > segs->n)
		n = segs->n;
	if (n > SYNTH_MAX_CHILDREN)
		n = SYNTH_MAX_CHILDREN;
	return n ? n : 1;
}

/* Shares segs out in n contiguous runs of about equal text. */
static void synth_share(const struct segment_list *segs, struct synth_job *jobs, size_t n)
{
	size_t total = synth_text_bytes(segs), done = 0, k = 0;

	jobs[0].first = 0;
	for (size_t i = 0; i < segs->n && k + 1 < n; i++) {
		done += strlen(segs->items[i].text) + 1;
		if (done * n >= total * (k + 1) && i + 1 < segs->n) {
			jobs[k].end = jobs[k + 1].first = i + 1;
			k++;
		}
	}
	jobs[k].end = segs->n;
	for (size_t m = k + 1; m < n; m++)
		jobs[m].first = jobs[m].end = segs->n;
}

/* Feeds a finished child's records, from its file, to the reader. */
static int synth_replay(struct synth_job *job, struct synth_reader *r)
{
	char buf[1 << 16];
	size_t got;

	if (fflush(job->out) != 0 || fseek(job->out, 0, SEEK_SET) != 0)
		return -1;
	while ((got = fread(buf, 1, sizeof buf, job->out)) > 0)
		if (synth_on_data(buf, got, r) != 0)
			return -1;
	return ferror(job->out) ? -1 : 0;
}

/* Reports how a child ended; 0 when it spoke its share whole. */
static int synth_report(const char *name, const struct segment_list *segs, int timeout_ms,
			const struct synth_reader *r, const struct isolate_result *res)
{
	const struct segment *seg = r->started && r->current_seg < segs->n ? &segs->items[r->current_seg] : NULL;

	switch (res->status) {
	case ISOLATE_OK:
		if (!r->finished || r->len) {
			log_error("'%s': espeak-ng stopped before the end of the article", name);
			return -1;
		}
		return 0;
	case ISOLATE_CRASHED:
		if (seg)
			log_error_as(ERROR_CRASH, "'%s' line %d: espeak-ng crashed (%s) speaking \"%.60s%s\"", name, seg->line,
				     strsignal(res->signal), seg->text, strlen(seg->text) > 60 ? "..." : "");
		else
			log_error_as(ERROR_CRASH, "'%s': espeak-ng crashed (%s)", name, strsignal(res->signal));
		return -1;
	case ISOLATE_TIMEOUT:
		if (seg)
			log_error_as(ERROR_TIMEOUT, "'%s' line %d: espeak-ng took longer than %d s; stopped it", name,
				     seg->line, timeout_ms / 1000);
		else
			log_error_as(ERROR_TIMEOUT, "'%s': espeak-ng took longer than %d s; stopped it", name,
				     timeout_ms / 1000);
		return -1;
	case ISOLATE_FAILED:	/* the child said why */
	case ISOLATE_ABORTED:	/* the sink said why */
	case ISOLATE_ERROR:
		break;
	}
	return -1;
}

/*
 * Long articles are spoken by SYNTH_MAX_CHILDREN children, each a contiguous run of segments
 * of about equal text: the first streams to the sink through its pipe. The others run beside
 * it only with a jobserver's token, and write to temporary files that are read in order once
 * the ones before them are done; without a token, each runs in turn after the one before and
 * streams as the first does (the same shares, so the same speech). Each has the time limit.
 */
int synth_segments_isolated(const char *name, const struct voice_profile *vp, const struct segment_list *segs,
			    int timeout_ms, const struct synth_sink *sink, int *sample_rate)
{
	struct synth_job jobs[SYNTH_MAX_CHILDREN];
	struct synth_reader reader = { sink, sample_rate, NULL, 0, 0, 0, 0, 0, 0 };
	struct isolate_result res;
	size_t n = synth_children(segs), k = 0;
	int ret = -1;

	for (size_t m = 0; m < n; m++)
		jobs[m] = (struct synth_job){ vp, segs, 0, 0, NULL, -1, { -1, -1, 0, 0, -1 } };
	synth_share(segs, jobs, n);
	/* a child that runs beside the first (with a token, its own until it is reaped) keeps its
	 * speech in a file until its turn */
	for (size_t m = 1; m < n; m++) {
		int started;

		if (!(jobs[m].out = util_tmpfile())) {
			log_error("cannot create a temporary file: %s", strerror(errno));
			goto out;
		}
		if ((started = isolate_spawn_beside(&jobs[m].proc, synth_child, &jobs[m], timeout_ms)) < 0)
			goto out;
		if (!started) {
			fclose(jobs[m].out);
			jobs[m].out = NULL;
			break;
		}
	}
	isolate_run(synth_child, &jobs[0], synth_on_data, &reader, timeout_ms, &res);
	for (k = 0;;) {
		if (synth_report(name, segs, timeout_ms, &reader, &res) < 0)
			goto out;
		if (++k == n)
			break;
		free(reader.buf);
		reader = (struct synth_reader){ sink, sample_rate, NULL, 0, 0, 0, 0, 0, 0 };
		/* no token: its turn is now, on this process's core, streamed as the first was */
		if (!jobs[k].out) {
			isolate_run(synth_child, &jobs[k], synth_on_data, &reader, timeout_ms, &res);
			continue;
		}
		isolate_wait(&jobs[k].proc, NULL, NULL, &res);
		/* a child that failed is only scanned, for the segment it died on */
		reader.scan = res.status != ISOLATE_OK;
		if (synth_replay(&jobs[k], &reader) < 0 && !reader.scan) {
			if (ferror(jobs[k].out))
				log_error("cannot read a temporary file: %s", strerror(errno));
			goto out;
		}
	}
	ret = 0;
out:
	for (size_t m = 1; m < n; m++) {
		if (jobs[m].proc.pid > 0) {
			kill(jobs[m].proc.pid, SIGKILL);
			isolate_wait(&jobs[m].proc, NULL, NULL, &res);
		}
		if (jobs[m].out)
			fclose(jobs[m].out);
	}
	free(reader.buf);
	return ret;
}

const char *synth_espeak_version(const char **data_dir)
{
	/* only finds the folder, as espeak_Initialize would: nothing is loaded */
	espeak_ng_InitializePath(NULL);
	return espeak_Info(data_dir);
}

char *synth_voice_describe(const char *language)
{
	static int initialised;
	const espeak_VOICE **voices;

	if (!initialised) {
		if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, NULL, 0) <= 0)
			return NULL;
		initialised = 1;
	}
	voices = espeak_ListVoices(NULL);
	for (size_t i = 0; voices && voices[i]; i++) {
		/* languages: a priority byte, then a NUL-terminated name, repeated; the first is the voice's own */
		if (voices[i]->languages && strcmp(voices[i]->languages + 1, language) == 0)
			return xstrdup(voices[i]->name);
	}
	return NULL;
}

void synth_speech_init(struct synth_speech *sp, const struct segment_list *segs)
{
	memset(sp, 0, sizeof *sp);
	pcm_init(&sp->pcm, 0);
	sp->segs = segs;
}

void synth_speech_release(struct synth_speech *sp)
{
	pcm_release(&sp->pcm);
	free(sp->start);
	free(sp->speech);
	free(sp->end);
	free(sp->has_word);
	free(sp->words);
	memset(sp, 0, sizeof *sp);
}

static int synth_speech_on_samples(void *ud, size_t seg, const int16_t *pcm, size_t n)
{
	struct synth_speech *sp = ud;

	(void)seg;
	return pcm_append(&sp->pcm, pcm, n);
}

/* The first word's event marks where speech begins (a sentence's, until a word comes). */
static int synth_speech_on_event(void *ud, size_t seg, const struct synth_event *ev)
{
	struct synth_speech *sp = ud;

	if (ev->kind == SYNTH_WORD) {
		util_grow((void **)&sp->words, &sp->cap_words, sp->n_words + 1, sizeof *sp->words);
		sp->words[sp->n_words++] = (struct synth_word){ seg, ev->text_pos, sp->start[seg] + ev->sample };
	}
	if (!sp->has_word[seg] && (ev->kind == SYNTH_WORD || ev->kind == SYNTH_SENTENCE)) {
		sp->speech[seg] = sp->start[seg] + ev->sample;
		sp->has_word[seg] = ev->kind == SYNTH_WORD;
	}
	return 0;
}

static int synth_speech_on_done(void *ud, size_t seg)
{
	struct synth_speech *sp = ud;

	sp->end[seg] = sp->pcm.len;
	if (sp->speech[seg] < sp->start[seg] || sp->speech[seg] > sp->end[seg])
		sp->speech[seg] = sp->start[seg];
	if (pcm_append_silence(&sp->pcm, sp->segs->items[seg].pause_ms) < 0)
		return -1;
	if (seg + 1 < sp->segs->n)
		sp->start[seg + 1] = sp->speech[seg + 1] = sp->pcm.len;
	if (sp->on_segment)
		sp->on_segment(sp->ud, seg);
	return 0;
}

int synth_time_limit_ms(const struct segment_list *segs)
{
	size_t bytes = 0;

	for (size_t i = 0; i < segs->n; i++)
		bytes += strlen(segs->items[i].text);
	/* espeak-ng speaks far faster than this: the limit is for a hang, not a slow machine */
	return 60000 + (int)(bytes / 2);
}

int synth_speech_run(struct synth_speech *sp, const char *name, const struct voice_profile *vp)
{
	struct synth_sink sink = { sp, synth_speech_on_samples, synth_speech_on_event, synth_speech_on_done };
	size_t n = sp->segs->n ? sp->segs->n : 1;

	/* sized now: the segments may have been filled in since init */
	sp->start = xcalloc(n, sizeof *sp->start);
	sp->speech = xcalloc(n, sizeof *sp->speech);
	sp->end = xcalloc(n, sizeof *sp->end);
	sp->has_word = xcalloc(n, sizeof *sp->has_word);

	return synth_segments_isolated(name, vp, sp->segs, synth_time_limit_ms(sp->segs), &sink, &sp->pcm.rate);
}
