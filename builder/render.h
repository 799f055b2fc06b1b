/* render: an article's speech to a finished file: loudness planned once, MP3 parts encoded in parallel and joined. */
#ifndef NEWSCAST_RENDER_H
#define NEWSCAST_RENDER_H

#include "audio.h"
#include "encode.h"
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

/* Renders job->pcm to job->path, which appears only when complete. Long MP3s
 * are cut in the silences near equal shares and the parts encoded at once in
 * child processes; chapter times account for where the joins fall. */
int render_file(const struct render_job *job, struct render_result *result);

/* How many processes to encode with by default: the number of online CPUs, at most ENCODE_MAX_PARTS. */
int render_default_jobs(void);

#endif
