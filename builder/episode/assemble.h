/* assemble: joins parts already encoded into one episode's MP3, with its chapters, ID3 tags and transcripts. */
#ifndef NEWSCAST_ASSEMBLE_H
#define NEWSCAST_ASSEMBLE_H

#include "article.h"
#include "encode.h"
#include "segment.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* One part of an episode: its frames, and when what it says sounds. Everything is borrowed. */
struct assemble_part {
	FILE *fp;				/* its MP3 frames, read from the start */
	struct encode_part encode;		/* their shape (encode.fp is not used) */
	const struct segment *segments;		/* what is spoken, one a timing; NULL for a sound */
	const struct article_timing *timings;	/* from the part's start */
	size_t n_timings;
	const struct article_word *words;	/* in order of speech, for the captions */
	size_t n_words;
	const char *chapter;			/* the title of a chapter that starts with the part, or NULL */
	bool section_chapters;			/* and a chapter where each of its subheadings is spoken */
};

struct assemble_job {
	const char *path;			/* the file to write: MP3, or another format of encode's */
	const char *vtt, *srt;			/* its captions, when not NULL */
	struct encode_settings encode;		/* the parts' */
	struct encode_tags tags;		/* the caller's; the chapters are assemble's own */
	const struct assemble_part *parts;
	size_t n_parts;				/* at least 1; exactly 1 when encode cannot join MP3 parts
						 * (WAV, FLAC, Ogg, MP3 at MPEG-2 rates): its fp holds
						 * float samples, encoded here */
	size_t min_chapters;			/* fewer chapters than this are none: one says nothing */
};

struct assemble_result {
	struct encode_chapter *chapters;	/* the chapters in the tag (titles borrowed from the parts) */
	size_t n_chapters;
	uint64_t samples;			/* of audio, at the output rate */
	double seconds;
	uint64_t bytes;				/* of the MP3 */
};

/* The chapters of job's parts, and how long they play; res is released with assemble_result_release. */
void assemble_chapters(const struct assemble_job *job, struct assemble_result *res);
/* Writes job->path (and the captions), which appears only when complete: for MP3 the ID3
 * tag with the chapters, one Xing/LAME frame, every part's frames; for another format the
 * one part's samples encoded. res as assemble_chapters fills it, and the file's size. */
int assemble(const struct assemble_job *job, struct assemble_result *res);
void assemble_result_release(struct assemble_result *res);

#endif
