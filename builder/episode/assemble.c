/* assemble: joins parts already encoded into one episode's MP3, with its chapters, ID3 tags and transcripts. */
#include "assemble.h"

#include "log.h"
#include "tags.h"
#include "transcript.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint32_t assemble_ms(const struct assemble_job *job, uint64_t samples)
{
	return tags_ms(samples, job->encode.rate);
}

/* The parts' encode_part, in order, each with its frames. A new array. */
static struct encode_part *assemble_encode_parts(const struct assemble_job *job)
{
	struct encode_part *parts = xcalloc(job->n_parts ? job->n_parts : 1, sizeof *parts);

	for (size_t i = 0; i < job->n_parts; i++) {
		parts[i] = job->parts[i].encode;
		parts[i].fp = job->parts[i].fp;
	}
	return parts;
}

/* Where part i starts in the episode, in samples: MP3 parts overlap by their encoder's delay. */
static uint64_t assemble_offset(const struct assemble_job *job, const struct encode_part *parts, size_t i)
{
	uint64_t at = 0;

	if (encode_parts_supported(&job->encode))
		return encode_part_offset(parts, i);
	for (size_t k = 0; k < i; k++)
		at += parts[k].samples;
	return at;
}

void assemble_chapters(const struct assemble_job *job, struct assemble_result *res)
{
	struct encode_part *parts = assemble_encode_parts(job);
	struct tags_chapters ch = { 0 };

	memset(res, 0, sizeof *res);
	for (size_t i = 0; i < job->n_parts; i++) {
		const struct assemble_part *p = &job->parts[i];
		uint32_t at_ms = assemble_ms(job, assemble_offset(job, parts, i));

		if (p->chapter)
			tags_add_chapter(&ch, at_ms, p->chapter);
		/* a chapter for each section too: where its subheading is spoken */
		if (p->section_chapters)
			tags_add_sections(&ch, at_ms, p->segments, p->timings, p->n_timings);
	}
	if (!encode_parts_supported(&job->encode)) {
		for (size_t k = 0; k < job->n_parts; k++)
			res->samples += parts[k].samples;
	} else if (job->n_parts) {
		for (size_t k = 0; k < job->n_parts; k++)
			res->samples += (uint64_t)parts[k].frames * 1152;
		res->samples -= parts[0].delay + parts[job->n_parts - 1].padding;
	}
	if (ch.n < job->min_chapters)
		tags_chapters_release(&ch);
	tags_end_chapters(&ch, assemble_ms(job, res->samples));
	res->chapters = ch.items;	/* res's now */
	res->n_chapters = ch.n;
	res->seconds = (double)res->samples / job->encode.rate;
	free(parts);
}

/* The captions: each sentence cut into cues, timed by its words. */
static int assemble_captions(const struct assemble_job *job, const struct encode_part *parts)
{
	struct transcript tr;
	struct transcript_word *words = NULL;
	size_t cap_words = 0;
	int ret = -1;

	transcript_init(&tr);
	for (size_t i = 0; i < job->n_parts; i++) {
		const struct assemble_part *p = &job->parts[i];
		uint32_t at_ms = assemble_ms(job, assemble_offset(job, parts, i));

		for (size_t k = 0, w = 0; p->segments && k < p->n_timings; k++) {
			const struct segment *seg = &p->segments[k];
			struct transcript_sentence ts = { seg->written, seg->text, at_ms + p->timings[k].speech_ms,
							  at_ms + p->timings[k].end_ms, NULL, 0 };

			while (w < p->n_words && p->words[w].seg < k)
				w++;
			for (; w < p->n_words && p->words[w].seg == k; w++) {
				util_grow((void **)&words, &cap_words, ts.n_words + 1, sizeof *words);
				words[ts.n_words++] = (struct transcript_word){ p->words[w].text_pos,
										at_ms + p->words[w].ms };
			}
			ts.words = words;
			transcript_add_sentence(&tr, &ts);
		}
	}
	if (job->vtt && transcript_write_vtt(job->vtt, tr.cues, tr.n) < 0)
		goto out;
	if (job->srt && transcript_write_srt(job->srt, tr.cues, tr.n) < 0)
		goto out;
	ret = 0;
out:
	transcript_release(&tr);
	free(words);
	return ret;
}

/* A format LAME's frames cannot be joined in: the one part's float samples, encoded. */
static int assemble_encode(const struct assemble_job *job, const struct encode_tags *tags, FILE *fp,
			   uint64_t samples)
{
	struct encoder *enc;
	float buf[8192];
	int ret = -1;

	if (job->n_parts != 1) {
		log_error("cannot write '%s': %s takes one part, not %zu", job->path,
			  encode_format_name(job->encode.format), job->n_parts);
		return -1;
	}
	enc = encoder_new(job->path, &job->encode, tags);
	if (!enc)
		return -1;
	if (fflush(fp) != 0 || fseek(fp, 0, SEEK_SET) != 0) {
		log_error("cannot read a temporary file: %s", strerror(errno));
		goto out;
	}
	while (samples) {
		size_t k = samples < sizeof buf / sizeof buf[0] ? (size_t)samples : sizeof buf / sizeof buf[0];

		if (fread(buf, sizeof buf[0], k, fp) != k) {
			log_error("cannot read a temporary file: %s", ferror(fp) ? strerror(errno) : "it ends early");
			goto out;
		}
		if (encoder_write(enc, buf, k) < 0)
			goto out;
		samples -= k;
	}
	ret = encoder_finish(enc);
out:
	encoder_free(enc);
	return ret;
}

int assemble(const struct assemble_job *job, struct assemble_result *res)
{
	struct encode_part *parts = assemble_encode_parts(job);
	struct encode_tags tags = job->tags;
	struct stat sb;
	int ret = -1;

	assemble_chapters(job, res);
	tags.chapters = res->chapters;
	tags.n_chapters = res->n_chapters;
	if ((encode_parts_supported(&job->encode) ? encode_join(job->path, &job->encode, &tags, parts, job->n_parts)
						 : assemble_encode(job, &tags, parts[0].fp, parts[0].samples)) < 0)
		goto out;
	if (stat(job->path, &sb) == 0)
		res->bytes = (uint64_t)sb.st_size;
	if (assemble_captions(job, parts) < 0)
		goto out;
	ret = 0;
out:
	free(parts);
	return ret;
}

void assemble_result_release(struct assemble_result *res)
{
	free(res->chapters);
	res->chapters = NULL;
	res->n_chapters = 0;
}
