/* pcm: 16-bit mono samples, the speech of one article before it is rendered: in memory, or spooled to a file. */
#include "pcm.h"

#include "log.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Writes to the spool are gathered this much at a time: espeak-ng hands over a few ms at once. */
#define PCM_SPOOL_BUFFER (1 << 16)

void pcm_init(struct pcm *pcm, int rate)
{
	memset(pcm, 0, sizeof *pcm);
	pcm->rate = rate;
}

void pcm_release(struct pcm *pcm)
{
	if (pcm->mapped)
		munmap(pcm->data, pcm->mapped);
	else
		free(pcm->data);
	if (pcm->spool)
		fclose(pcm->spool);
	free(pcm->spool_buf);
	memset(pcm, 0, sizeof *pcm);
}

/* Reports a failed write to the spool once, with errno as it was. */
static int pcm_spool_failed(struct pcm *pcm)
{
	if (!pcm->failed)
		log_error("cannot write the speech of '%s' to a temporary file: %s", pcm->name, strerror(errno));
	pcm->failed = true;
	return -1;
}

int pcm_spool(struct pcm *pcm, const char *name)
{
	pcm->name = name;
	if (!(pcm->spool = util_tmpfile())) {
		log_error("cannot create a temporary file for the speech of '%s' in %s: %s", name, util_tmpdir(),
			  strerror(errno));
		pcm->failed = true;
		return -1;
	}
	/* glibc sizes a buffer of its own by the file system's block, 4 KB: a write every 90 ms of speech */
	pcm->spool_buf = xmalloc(PCM_SPOOL_BUFFER);
	setvbuf(pcm->spool, pcm->spool_buf, _IOFBF, PCM_SPOOL_BUFFER);
	/* what was gathered before goes first */
	if (pcm->len && fwrite(pcm->data, sizeof *pcm->data, pcm->len, pcm->spool) != pcm->len)
		return pcm_spool_failed(pcm);
	free(pcm->data);
	pcm->data = NULL;
	pcm->cap = 0;
	return 0;
}

int pcm_append(struct pcm *pcm, const int16_t *samples, size_t n)
{
	if (n == 0)
		return 0;
	if (pcm->failed)
		return -1;
	if (pcm->spool) {
		if (fwrite(samples, sizeof *samples, n, pcm->spool) != n)
			return pcm_spool_failed(pcm);
		pcm->len += n;
		return 0;
	}
	util_grow((void **)&pcm->data, &pcm->cap, pcm->len + n, sizeof *pcm->data);
	memcpy(pcm->data + pcm->len, samples, n * sizeof *samples);
	pcm->len += n;
	return 0;
}

int pcm_append_silence(struct pcm *pcm, int ms)
{
	static const int16_t zeros[4096];
	size_t n = (size_t)((int64_t)pcm->rate * ms / 1000);

	if (ms <= 0)
		return 0;
	if (pcm->spool || pcm->failed) {
		for (size_t k; n; n -= k) {
			k = n < 4096 ? n : 4096;
			if (pcm_append(pcm, zeros, k) < 0)
				return -1;
		}
		return 0;
	}
	util_grow((void **)&pcm->data, &pcm->cap, pcm->len + n, sizeof *pcm->data);
	memset(pcm->data + pcm->len, 0, n * sizeof *pcm->data);
	pcm->len += n;
	return 0;
}

int pcm_map(struct pcm *pcm)
{
	size_t bytes = pcm->len * sizeof *pcm->data;
	void *p = NULL;

	if (pcm->failed)
		return -1;
	if (!pcm->spool)
		return 0;
	/* a flush before a fork (isolate_spawn) may have failed unseen: its error stays on the stream */
	if (fflush(pcm->spool) != 0 || ferror(pcm->spool))
		return pcm_spool_failed(pcm);
	/* shared with the file, so that dropped pages come back from it (a private copy would lose them) */
	if (bytes && (p = mmap(NULL, bytes, PROT_READ, MAP_SHARED, fileno(pcm->spool), 0)) == MAP_FAILED) {
		log_error("cannot map the speech of '%s' from its temporary file: %s", pcm->name, strerror(errno));
		pcm->failed = true;
		return -1;
	}
	/* the mapping holds the file: the stream is no longer needed */
	fclose(pcm->spool);
	pcm->spool = NULL;
	free(pcm->spool_buf);
	pcm->spool_buf = NULL;
	pcm->data = p;
	pcm->mapped = bytes;
	return 0;
}

void pcm_drop(const struct pcm *pcm, size_t start, size_t end)
{
	size_t sb, eb, lo, hi;

	if (!pcm->mapped || end <= start)
		return;
	if (end > pcm->len)
		end = pcm->len;
	sb = start * sizeof *pcm->data;
	eb = end * sizeof *pcm->data;
	/* a call to the kernel only where the range passes the end of a step: few for a loop's small blocks */
	if (sb / PCM_DROP_BYTES == eb / PCM_DROP_BYTES && end < pcm->len)
		return;
	/* whole steps, the one end is in too: a read maps the pages around it that the file's cache
	 * holds (the kernel's fault-around, 64 KB), beyond the end of a range; a loop that reads on
	 * faults its step back once */
	lo = sb / PCM_DROP_BYTES * PCM_DROP_BYTES;
	hi = (eb + PCM_DROP_BYTES - 1) / PCM_DROP_BYTES * PCM_DROP_BYTES;
	if (hi > pcm->mapped)
		hi = pcm->mapped;
	if (hi > lo)
		madvise((char *)pcm->data + lo, hi - lo, MADV_DONTNEED);
}

double pcm_ms(const struct pcm *pcm, size_t n)
{
	return pcm->rate ? (double)n * 1000.0 / pcm->rate : 0.0;
}
