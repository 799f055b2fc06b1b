/* log: one place that prints messages for the user, so every error looks the same. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

static bool verbose;
static bool quiet_errors;
static FILE *log_stream;	/* NULL: stderr */
static char log_last[512];

static void log_vprint(const char *prefix, const char *fmt, va_list ap)
{
	FILE *fp = log_stream ? log_stream : stderr;

	fputs("newscast: ", fp);
	fputs(prefix, fp);
	vfprintf(fp, fmt, ap);
	fputc('\n', fp);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(log_last, sizeof log_last, fmt, ap);
	va_end(ap);
	if (quiet_errors)
		return;
	va_start(ap, fmt);
	log_vprint("", fmt, ap);
	va_end(ap);
}

const char *log_last_error(void)
{
	return log_last;
}

void log_set_last_error(const char *msg)
{
	snprintf(log_last, sizeof log_last, "%s", msg);
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
