/* error: what went wrong, as a value: a kind that decides what happens next, and a message the caller owns. */
#ifndef NEWSCAST_ERROR_H
#define NEWSCAST_ERROR_H

#include <stdbool.h>
#include <stddef.h>

/* What kind of failure it was. A build reads the kind, never the message: an article's own
 * failure sets the article aside; the machine's stops the build with the inbox untouched. */
enum error_kind {
	ERROR_NONE,
	ERROR_INPUT,	/* the input is bad: unreadable, malformed, empty, refused */
	ERROR_TOO_LONG,	/* the article's speech would run past max_minutes */
	ERROR_CRASH,	/* a child (espeak-ng) died of a signal */
	ERROR_TIMEOUT,	/* a child ran past its time limit and was killed */
	ERROR_STORAGE,	/* the show's own storage failed: ENOSPC, EDQUOT, EROFS, EIO */
	ERROR_NETWORK,	/* a fetch failed */
	ERROR_SYSTEM,	/* the machine failed otherwise: fork, pipe, a library's set-up */
};

struct error {
	enum error_kind kind;	/* ERROR_NONE: no error */
	int errnum;		/* the errno behind a storage failure, else 0 */
	char *message;		/* one line, escaped as log_error escapes it; owned: error_release */
};

/* Sets *err (releasing what it held) to kind and the formatted message, escaped and with
 * URL credentials taken out as log_error does. Does not print. */
void error_set(struct error *err, enum error_kind kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Frees err's message and makes it ERROR_NONE; err may be NULL. */
void error_release(struct error *err);
/* Moves src into dst (releasing what dst held); src is left ERROR_NONE. */
void error_move(struct error *dst, struct error *src);

/* A short name for kind: "input", "too long", "crash", "timeout", "storage", "network", "system". */
const char *error_kind_name(enum error_kind kind);
/* Whether an error of this kind is the input's own, so the input is set aside and the rest goes on. */
bool error_is_input_fault(enum error_kind kind);

/*
 * Catching what lower modules report. Modules below the pipeline report their errors once,
 * where they happen, through log_error; a caller that needs the failure as a value installs
 * err for the span of the call: every log_error in between is also kept in err (the last
 * one wins, as the most specific), with kind ERROR_STORAGE when its errno was a storage
 * failure the message reports, else fallback. Catches nest: the previous catcher is restored
 * by error_catch_end.
 */
struct error_catch {
	struct error *err;
	enum error_kind fallback;
	struct error_catch *prev;
};
void error_catch_begin(struct error_catch *c, struct error *err, enum error_kind fallback);
void error_catch_end(struct error_catch *c);
/* For log.c: records a reported message in the innermost catcher, if any, with kind (or,
 * for ERROR_NONE, the catcher's fallback; a storage errno makes it ERROR_STORAGE). */
void error_catch_report(const char *message, int storage_errno, enum error_kind kind);

/* The wire form, for a child's error sent to its parent: kind, errnum and message in
 * length-prefixed bytes. error_pack returns a new buffer (the caller frees it) and its size in
 * *len; error_unpack fills *err from buf, returning 0, or -1 when buf is not a whole error. */
unsigned char *error_pack(const struct error *err, size_t *len);
int error_unpack(struct error *err, const unsigned char *buf, size_t len);

#endif
