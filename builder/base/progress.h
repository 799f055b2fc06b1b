/* progress: one line on stderr that shows how far long work has come, only on a terminal. */
#ifndef NEWSCAST_PROGRESS_H
#define NEWSCAST_PROGRESS_H

#include <stdbool.h>

struct progress {
	bool enabled;
	const char *label;	/* borrowed */
	long last_ms;
	int last_permille;
	bool shown;
};

/* Enabled when stderr is a terminal and not quiet. */
void progress_init(struct progress *p, const char *label, bool quiet);
/* Shows "LABEL: PHASE NN%", at most ten times a second. */
void progress_update(struct progress *p, const char *phase, double fraction);
/* Clears the line. */
void progress_done(struct progress *p);

#endif
