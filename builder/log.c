/* log: one place that prints messages for the user, so every error looks the same. */
#include "log.h"

#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static bool verbose;
static bool quiet_errors;
static FILE *log_stream;	/* NULL: stderr */
static char log_last[512];

/* fmt and ap as a new string. */
static char *log_format(const char *fmt, va_list ap)
{
	va_list again;
	int n;
	char *s;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	vsnprintf(s, n > 0 ? (size_t)n + 1 : 1, fmt, again);
	va_end(again);
	return s;
}

/* Every message loses the credentials of the URLs it names. */
static void log_vprint(const char *prefix, const char *fmt, va_list ap)
{
	FILE *fp = log_stream ? log_stream : stderr;
	char *msg = log_format(fmt, ap), *clean = util_redact_urls(msg);

	fputs("newscast: ", fp);
	fputs(prefix, fp);
	fputs(clean, fp);
	fputc('\n', fp);
	free(clean);
	free(msg);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	{
		char *msg = log_format(fmt, ap), *clean = util_redact_urls(msg);

		snprintf(log_last, sizeof log_last, "%s", clean);
		free(clean);
		free(msg);
	}
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
	char *clean = util_redact_urls(msg);

	snprintf(log_last, sizeof log_last, "%s", clean);
	free(clean);
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
