/* pcm: 16-bit mono samples, the speech of one article before it is rendered: in memory, or spooled to a file. */
#ifndef NEWSCAST_PCM_H
#define NEWSCAST_PCM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* pcm_drop's step: one call to the kernel for each. */
#define PCM_DROP_BYTES (64u << 10)

struct pcm {
	int16_t *data;		/* the samples: allocated, or the spool mapped read-only once it is whole */
	size_t len;		/* samples */
	size_t cap;
	int rate;		/* samples per second */
	FILE *spool;		/* while spooling: where appended samples go (data is NULL) */
	char *spool_buf;	/* the spool's stdio buffer */
	const char *name;	/* borrowed: whose speech is spooled, for messages */
	size_t mapped;		/* bytes mapped at data; 0 when data is allocated */
	bool failed;		/* spooling failed, and said why */
};

void pcm_init(struct pcm *pcm, int rate);
void pcm_release(struct pcm *pcm);
/* From now on, appended samples go to an unlinked temporary file in $TMPDIR (or /tmp), so
 * that long speech is not held in memory (what pcm holds already goes first); name (borrowed:
 * it must last until pcm_map) is the article's, for messages. -1 (reported) when no file can
 * be made, and the pcm takes nothing more. */
int pcm_spool(struct pcm *pcm, const char *name);
/* Appends n samples, or ms of silence: -1 (reported once) when the spool cannot take them. */
int pcm_append(struct pcm *pcm, const int16_t *samples, size_t n);
int pcm_append_silence(struct pcm *pcm, int ms);
/* Ends spooling: the whole speech is mapped read-only at data, and nothing more may be
 * appended. Does nothing for a pcm in memory. -1 (reported, once) on failure. */
int pcm_map(struct pcm *pcm);
/* Says samples [start, end) are done with for now: a mapped pcm's pages in the PCM_DROP_BYTES
 * steps that hold them leave this process's memory, when the range passes the end of a step or
 * reaches the end of the speech. Only advice: every sample stays readable, read back from the
 * file's cache when it is used again. Cheap to call for every block a loop reads; call it once
 * more for the whole range after. */
void pcm_drop(const struct pcm *pcm, size_t start, size_t end);
/* The length of n samples in milliseconds. */
double pcm_ms(const struct pcm *pcm, size_t n);

#endif
