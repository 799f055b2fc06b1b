/* log: one place that prints messages for the user, so every error looks the same. */
#include "log.h"

#include "error.h"
#include "util.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

static bool verbose;
static bool quiet_errors;
static FILE *log_stream;	/* NULL: stderr */

/*
 * The message with what could drive a terminal written out: C0 and C1 controls and DEL
 * ("\x1b", "\u009b"), the bidirectional overrides that reorder what is shown ("\u202e"),
 * and bytes that are not UTF-8 ("\xff"). Messages quote file names and feed titles, which
 * anyone may choose. A new string, or NULL when out of memory.
 */
static char *log_escape(const char *msg)
{
	const unsigned char *s = (const unsigned char *)msg;
	int32_t len = (int32_t)strlen(msg), i = 0;
	size_t o = 0;
	char *out = malloc((size_t)len * 4 + 1);	/* "\xNN" for a byte; "\uNNNN" for two or three */

	if (!out)
		return NULL;
	while (i < len) {
		int32_t at = i;
		UChar32 c;

		U8_NEXT(s, i, len, c);
		if (c < 0 || c < 0x20 || c == 0x7f) {
			/* a byte that is not UTF-8 is written out alone; the next is read afresh */
			o += (size_t)sprintf(out + o, "\\x%02x", s[at]);
			i = at + 1;
		} else if ((c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
			o += (size_t)sprintf(out + o, "\\u%04x", (unsigned)c);
		} else {
			memcpy(out + o, s + at, (size_t)(i - at));
			o += (size_t)(i - at);
		}
	}
	out[o] = '\0';
	return out;
}

/* Formats fmt, with what could drive a terminal written out; a new string, or NULL. */
static char *log_format(const char *fmt, va_list ap)
{
	char *raw, *clean, *out;

	if (vasprintf(&raw, fmt, ap) < 0)
		return NULL;
	/* and with the credentials of every URL it names taken out */
	clean = util_redact_urls(raw);
	out = log_escape(clean);
	free(clean);
	free(raw);
	return out;
}

char *log_clean(const char *msg)
{
	char *clean = util_redact_urls(msg), *out = log_escape(clean);

	free(clean);
	return out ? out : xstrdup("");
}

/* Threads report too (the loudness plan's): a line is printed whole, and an error is caught and
 * printed by one thread at a time. */
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static void log_print(const char *prefix, const char *msg)
{
	FILE *fp = log_stream ? log_stream : stderr;

	flockfile(fp);
	fputs("newscast: ", fp);
	fputs(prefix, fp);
	fputs(msg, fp);
	fputc('\n', fp);
	funlockfile(fp);
}

static void log_vprint(const char *prefix, const char *fmt, va_list ap)
{
	char *msg = log_format(fmt, ap);

	log_print(prefix, msg ? msg : fmt);
	free(msg);
}

bool log_errno_is_storage(int err)
{
	return err == ENOSPC || err == EDQUOT || err == EROFS || err == EIO;
}

/* Prints msg as an error, and gives it to whoever catches errors as values (see error.h). */
static void log_report(enum error_kind kind, const char *fmt, va_list ap)
{
	int err = errno, storage;	/* what the message reports, when it reports strerror(errno) */
	char *msg = log_format(fmt, ap);

	/* a stale errno left by an earlier call is not this error's: it must be in the message */
	storage = log_errno_is_storage(err) && msg && strstr(msg, strerror(err)) ? err : 0;
	/* escaped as printed: it goes into notes a user may print */
	pthread_mutex_lock(&log_lock);
	error_catch_report(msg ? msg : fmt, storage, kind);
	if (!quiet_errors)
		log_print("", msg ? msg : fmt);
	pthread_mutex_unlock(&log_lock);
	free(msg);
	errno = err;
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_report(ERROR_NONE, fmt, ap);
	va_end(ap);
}

void log_error_as(int kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_report((enum error_kind)kind, fmt, ap);
	va_end(ap);
}

void log_warn(const char *fmt, ...)
{
	va_list ap;

	if (quiet_errors)
		return;
	va_start(ap, fmt);
	log_vprint("warning: ", fmt, ap);
	va_end(ap);
}

void log_info(const char *fmt, ...)
{
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	msg = log_format(fmt, ap);
	va_end(ap);
	printf("%s\n", msg ? msg : fmt);
	free(msg);
}

void log_verbose(const char *fmt, ...)
{
	va_list ap;

	if (!verbose)
		return;
	va_start(ap, fmt);
	log_vprint("", fmt, ap);
	va_end(ap);
}

void log_set_verbose(bool on)
{
	verbose = on;
}

bool log_is_verbose(void)
{
	return verbose;
}

void log_set_quiet_errors(bool on)
{
	quiet_errors = on;
}

void log_set_stream(FILE *fp)
{
	log_stream = fp;
}

int log_fd(void)
{
	return fileno(log_stream ? log_stream : stderr);
}
