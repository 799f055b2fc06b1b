/* pcm: a growable buffer of 16-bit mono samples, the speech of one article before it is rendered. */
#include "pcm.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

void pcm_init(struct pcm *pcm, int rate)
{
	memset(pcm, 0, sizeof *pcm);
	pcm->rate = rate;
}

void pcm_release(struct pcm *pcm)
{
	free(pcm->data);
	memset(pcm, 0, sizeof *pcm);
}

void pcm_append(struct pcm *pcm, const int16_t *samples, size_t n)
{
	if (n == 0)
		return;
	util_grow((void **)&pcm->data, &pcm->cap, pcm->len + n, sizeof *pcm->data);
	memcpy(pcm->data + pcm->len, samples, n * sizeof *samples);
	pcm->len += n;
}

void pcm_append_silence(struct pcm *pcm, int ms)
{
	size_t n = (size_t)((int64_t)pcm->rate * ms / 1000);

	if (ms <= 0)
		return;
	util_grow((void **)&pcm->data, &pcm->cap, pcm->len + n, sizeof *pcm->data);
	memset(pcm->data + pcm->len, 0, n * sizeof *pcm->data);
	pcm->len += n;
}

double pcm_ms(const struct pcm *pcm, size_t n)
{
	return pcm->rate ? (double)n * 1000.0 / pcm->rate : 0.0;
}
