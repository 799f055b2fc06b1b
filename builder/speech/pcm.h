/* pcm: a growable buffer of 16-bit mono samples, the speech of one article before it is rendered. */
#ifndef NEWSCAST_PCM_H
#define NEWSCAST_PCM_H

#include <stddef.h>
#include <stdint.h>

struct pcm {
	int16_t *data;
	size_t len;	/* samples */
	size_t cap;
	int rate;	/* samples per second */
};

void pcm_init(struct pcm *pcm, int rate);
void pcm_release(struct pcm *pcm);
void pcm_append(struct pcm *pcm, const int16_t *samples, size_t n);
void pcm_append_silence(struct pcm *pcm, int ms);
/* The length of n samples in milliseconds. */
double pcm_ms(const struct pcm *pcm, size_t n);

#endif
