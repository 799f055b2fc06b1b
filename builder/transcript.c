/* transcript: WebVTT and SRT files with one cue per sentence, timed from espeak-ng's events. */
#include "transcript.h"

#include "outfile.h"

#include <stdio.h>
#include <string.h>

void transcript_time(uint32_t ms, char sep, char *buf)
{
	snprintf(buf, 16, "%02u:%02u:%02u%c%03u", ms / 3600000u, ms / 60000u % 60u, ms / 1000u % 60u, sep, ms % 1000u);
}

/* Cue text may not hold a blank line, and in VTT not "-->": both would end the cue. */
static void transcript_text(FILE *fp, const char *text)
{
	for (const char *p = text; *p; p++) {
		if (*p == '\n' || *p == '\r')
			fputc(' ', fp);
		else if (strncmp(p, "-->", 3) == 0) {
			fputs("--&gt;", fp);
			p += 2;
		} else
			fputc(*p, fp);
	}
	fputc('\n', fp);
}

static int transcript_write(const char *path, const struct transcript_cue *cues, size_t n, int vtt)
{
	struct outfile of;
	char a[16], b[16];

	if (outfile_open(&of, path) < 0)
		return -1;
	if (vtt)
		fputs("WEBVTT\n\n", of.fp);
	for (size_t i = 0; i < n; i++) {
		transcript_time(cues[i].start_ms, vtt ? '.' : ',', a);
		transcript_time(cues[i].end_ms > cues[i].start_ms ? cues[i].end_ms : cues[i].start_ms + 1, vtt ? '.' : ',',
				b);
		fprintf(of.fp, "%zu\n%s --> %s\n", i + 1, a, b);
		transcript_text(of.fp, cues[i].text);
		fputc('\n', of.fp);
	}
	return outfile_commit(&of);
}

int transcript_write_vtt(const char *path, const struct transcript_cue *cues, size_t n)
{
	return transcript_write(path, cues, n, 1);
}

int transcript_write_srt(const char *path, const struct transcript_cue *cues, size_t n)
{
	return transcript_write(path, cues, n, 0);
}
