/* transcript: WebVTT and SRT files with one cue per sentence, timed from espeak-ng's events. */
#ifndef NEWSCAST_TRANSCRIPT_H
#define NEWSCAST_TRANSCRIPT_H

#include <stddef.h>
#include <stdint.h>

struct transcript_cue {
	uint32_t start_ms, end_ms;
	const char *text;	/* borrowed: the sentence as written */
};

/* Writes the cues as WebVTT (or SRT) to path, atomically. */
int transcript_write_vtt(const char *path, const struct transcript_cue *cues, size_t n);
int transcript_write_srt(const char *path, const struct transcript_cue *cues, size_t n);

/* "HH:MM:SS.mmm" (sep '.') or "HH:MM:SS,mmm" (sep ','), into buf of at least 16 bytes. */
void transcript_time(uint32_t ms, char sep, char *buf);

#endif
