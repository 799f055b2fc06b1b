/* outfile: writes a file under a temporary name beside its destination and renames it into place when complete. */
#ifndef NEWSCAST_OUTFILE_H
#define NEWSCAST_OUTFILE_H

#include <stdio.h>

struct outfile {
	char *dest;	/* where the file goes */
	char *tmp;	/* where it is written meanwhile */
	int fd;
	FILE *fp;	/* a stream on fd */
};

/* Creates DIR/.NAME.XXXXXX.tmp for dest. Reports "cannot write 'dest': ..." and
 * returns -1 when the folder does not exist or cannot be written. */
int outfile_open(struct outfile *of, const char *dest);
/* Like outfile_open, for newscast's own state (.newscast/): the file is
 * readable by its owner only (0600) whatever the umask. */
int outfile_open_private(struct outfile *of, const char *dest);
/* Flushes, syncs and renames the file into place; the outfile is released. */
int outfile_commit(struct outfile *of);
/* Removes the temporary file; safe after commit and on a zeroed outfile. */
void outfile_abort(struct outfile *of);

/*
 * Files that are committed together: after outfile_defer_sync, outfile_commit renames a file
 * into place without waiting for the disk, and outfile_sync_deferred then syncs them all at
 * once (in parallel, so the file system commits them together rather than one a time) and
 * ends the deferral: 0, or -1 when one could not be synced (reported, as outfile_commit
 * would). For files that only matter once something after them (a commit point) is written:
 * that write must wait for outfile_sync_deferred. Call it whatever happened in between.
 */
void outfile_defer_sync(void);
int outfile_sync_deferred(void);

/* Removes every temporary file still open: for a signal handler (async-signal-safe). */
void outfile_abort_all_signal_safe(void);

#endif
