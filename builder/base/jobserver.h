/* jobserver: the cores a run may keep busy, as tokens its processes share (as GNU make's jobserver does). */
#ifndef NEWSCAST_JOBSERVER_H
#define NEWSCAST_JOBSERVER_H

#include <stddef.h>

/*
 * `--jobs N` is the number of cores newscast keeps busy. The top process makes N - 1 tokens;
 * every working process holds one implicitly (its parent's, handed down), and before it runs
 * something beside itself it takes a token without waiting; what gets none runs after, in
 * turn. A child started beside its parent (isolate_spawn_beside) runs on a token its parent
 * took and gives back when it reaps it; a thread's is given back when it ends. A token is a slot
 * in memory the processes share, marked with the holder that took it (a number each child of
 * isolate_spawn gets): taking one is a single atomic exchange, so no token is ever half taken,
 * and when a parent reaps a child (exited, crashed, killed at its time limit) it frees whatever
 * the child still held (jobserver_reclaim): the tokens it took for its own children and threads,
 * whether they still run or not. A pipe rings whoever waits for a token (jobserver_fd).
 */

/* Makes N - 1 tokens (none for N of 1 or less) for this process and its children; 0, or -1
 * (reported). A process that has a jobserver already (a child) keeps it. */
int jobserver_init(int jobs);
/* Ends the jobserver this process made (a child's inherited one is left alone). */
void jobserver_release(void);

/* The cores this process may run on (its CPU affinity: a Slurm task's, or the machine's
 * online CPUs), at most 64: what --jobs is by default. */
int jobserver_cores(void);

/* A free token, taken by this process: its number, for jobserver_give; -1 when none is free
 * or there is no jobserver. Never waits. */
int jobserver_take(void);
/* Gives back a token jobserver_take gave (-1 is ignored). */
void jobserver_give(int token);

/* A new holder number for a child about to be forked (0 without a jobserver); the child calls
 * jobserver_holder_set with it, and its parent jobserver_reclaim once it has reaped it. */
int jobserver_holder_new(void);
void jobserver_holder_set(int holder);
/* Frees every token holder still holds (one that died with them): how many. */
size_t jobserver_reclaim(int holder);

/* Readable when a token may have been given back (-1 without a jobserver); jobserver_drain
 * empties it before the next wait. */
int jobserver_fd(void);
void jobserver_drain(void);

#endif
