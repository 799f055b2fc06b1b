/* render: an article's speech to a finished file: loudness planned once, MP3 parts encoded in parallel and joined. */
#ifndef NEWSCAST_RENDER_H
#define NEWSCAST_RENDER_H

#include "audio.h"
#include "encode.h"
#include "error.h"
#include "isolate.h"
#include "pcm.h"
#include "progress.h"

/* A chapter start, as a sample of the speech before rendering. */
struct render_chapter {
	size_t sample;
	const char *title;	/* borrowed */
};

struct render_job {
	const struct pcm *pcm;
	const char *path;
	struct audio_settings audio;
	struct encode_settings encode;
	struct encode_tags tags;		/* chapters are filled in from the ones below */
	const struct render_chapter *chapters;
	size_t n_chapters;
	int jobs;				/* processes to encode with; 1 for none besides this one */
	struct progress *progress;		/* may be NULL */
};

struct render_result {
	struct audio_plan plan;
	double seconds;		/* the length of the file's audio */
	size_t parts;		/* how many MP3 parts were joined (1: none) */
};

/* audio_plan, aimed at the loudness of the encoded file: a lossy encoder takes
 * some loudness away (LAME at 96 kbps about 0.4 LU, evenly across the spectrum:
 * quantisation, not its lowpass), measured on a sample of the speech encoded and
 * decoded again, and the plan is made for the target plus what it loses. */
int render_plan(const struct pcm *pcm, const struct audio_settings *audio, const struct encode_settings *encode,
		struct audio_plan *plan);

/* Renders job->pcm to job->path, which appears only when complete. Long MP3s
 * are cut in the silences near equal shares and the parts encoded at once in
 * child processes; chapter times account for where the joins fall. */
int render_file(const struct render_job *job, struct render_result *result);

/* Encodes samples [start, end) of pcm into fp as one MP3 part (the first reserves
 * the Info frame), with the plan's gain and limiter; progress may be NULL. */
int render_part(const struct pcm *pcm, size_t start, size_t end, const struct audio_settings *audio,
		const struct encode_settings *encode, const struct audio_plan *plan, int first, FILE *fp,
		struct encode_part *part, struct progress *progress);

/* A part (never the first) encoded meanwhile in a child process, into fp. */
struct render_part_child {
	const struct pcm *pcm;
	size_t start, end;
	const struct audio_settings *audio;
	const struct encode_settings *encode;
	const struct audio_plan *plan;
	FILE *fp;
	struct isolate_child proc;
	struct encode_part part;	/* filled from the pipe */
	size_t got;
};

/* Starts encoding c's range in a child; everything c points at must live until render_part_wait. */
int render_part_spawn(struct render_part_child *c, int timeout_ms);
/* Waits for it and fills *part (but for part->fp). A failure is reported naming name (unless
 * the child printed it) and kept in *err with its kind: crash, timeout, storage. */
int render_part_wait(struct render_part_child *c, const char *name, struct encode_part *part, struct error *err);

/* How many processes to encode with by default: the number of online CPUs, at most ENCODE_MAX_PARTS. */
int render_default_jobs(void);

#endif
