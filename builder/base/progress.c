/* progress: one line on stderr that shows how far long work has come, only on a terminal. */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long progress_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

void progress_init(struct progress *p, const char *label, bool quiet)
{
	p->enabled = !quiet && isatty(STDERR_FILENO);
	p->label = label;
	p->last_ms = 0;
	p->last_permille = -1;
	p->shown = false;
}

void progress_update(struct progress *p, const char *phase, double fraction)
{
	long now;
	int permille = (int)(fraction * 1000.0);

	if (!p->enabled || permille == p->last_permille)
		return;
	now = progress_now_ms();
	if (p->shown && now - p->last_ms < 100 && permille < 1000)
		return;
	p->last_ms = now;
	p->last_permille = permille;
	p->shown = true;
	fprintf(stderr, "\r\033[K%s: %s %3d%%", p->label, phase, permille / 10);
	fflush(stderr);
}

void progress_done(struct progress *p)
{
	if (p->enabled && p->shown)
		fputs("\r\033[K", stderr);
	p->shown = false;
}
