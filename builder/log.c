/* log: one place that prints messages for the user, so every error looks the same. */
#include "log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool verbose;
static bool quiet_errors;
static FILE *log_stream;	/* NULL: stderr */
static char log_last[512];
static int log_last_storage;	/* the last error's errno, when a storage failure */

static void log_vprint(const char *prefix, const char *fmt, va_list ap)
{
	FILE *fp = log_stream ? log_stream : stderr;

	fputs("newscast: ", fp);
	fputs(prefix, fp);
	vfprintf(fp, fmt, ap);
	fputc('\n', fp);
}

bool log_errno_is_storage(int err)
{
	return err == ENOSPC || err == EDQUOT || err == EROFS || err == EIO;
}

void log_error(const char *fmt, ...)
{
	int err = errno;	/* what the message reports, when it reports strerror(errno) */
	char *full = NULL;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&full, fmt, ap) < 0)
		full = NULL;
	va_end(ap);
	snprintf(log_last, sizeof log_last, "%s", full ? full : fmt);
	/* a stale errno left by an earlier call is not this error's: it must be in the message */
	log_last_storage = log_errno_is_storage(err) && full && strstr(full, strerror(err)) ? err : 0;
	free(full);
	errno = err;
	if (quiet_errors)
		return;
	va_start(ap, fmt);
	log_vprint("", fmt, ap);
	va_end(ap);
	errno = err;
}

const char *log_last_error(void)
{
	return log_last;
}

int log_last_error_storage(void)
{
	return log_last_storage;
}

void log_set_last_error(const char *msg, int storage_errno)
{
	snprintf(log_last, sizeof log_last, "%s", msg);
	log_last_storage = log_errno_is_storage(storage_errno) ? storage_errno : 0;
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
