/* error: what went wrong, as a value: a kind that decides what happens next, and a message the caller owns. */
#include "error.h"

#include "log.h"
#include "util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct error_catch *error_catcher;

void error_set(struct error *err, enum error_kind kind, const char *fmt, ...)
{
	char *raw;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&raw, fmt, ap);
	va_end(ap);
	error_release(err);
	err->kind = kind;
	err->message = n < 0 ? xstrdup(fmt) : log_clean(raw);
	if (n >= 0)
		free(raw);
}

void error_release(struct error *err)
{
	if (!err)
		return;
	free(err->message);
	err->message = NULL;
	err->kind = ERROR_NONE;
	err->errnum = 0;
}

void error_move(struct error *dst, struct error *src)
{
	if (dst == src)
		return;
	error_release(dst);
	*dst = *src;
	src->message = NULL;
	src->kind = ERROR_NONE;
	src->errnum = 0;
}

const char *error_kind_name(enum error_kind kind)
{
	static const char *const names[] = {
		[ERROR_NONE] = "none",	     [ERROR_INPUT] = "input",	  [ERROR_TOO_LONG] = "too long",
		[ERROR_CRASH] = "crash",     [ERROR_TIMEOUT] = "timeout", [ERROR_STORAGE] = "storage",
		[ERROR_NETWORK] = "network", [ERROR_SYSTEM] = "system",
	};

	return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "unknown";
}

bool error_is_input_fault(enum error_kind kind)
{
	return kind == ERROR_INPUT || kind == ERROR_TOO_LONG || kind == ERROR_CRASH || kind == ERROR_TIMEOUT ||
	       kind == ERROR_NETWORK;
}

void error_catch_begin(struct error_catch *c, struct error *err, enum error_kind fallback)
{
	c->err = err;
	c->fallback = fallback;
	c->prev = error_catcher;
	error_catcher = c;
}

void error_catch_end(struct error_catch *c)
{
	/* catches end in the order they began; an unbalanced end would leave a dangling one */
	if (error_catcher == c)
		error_catcher = c->prev;
}

void error_catch_report(const char *message, int storage_errno, enum error_kind kind)
{
	struct error *err;

	if (!error_catcher)
		return;
	err = error_catcher->err;
	error_release(err);
	err->kind = storage_errno ? ERROR_STORAGE : kind != ERROR_NONE ? kind : error_catcher->fallback;
	err->errnum = storage_errno;
	err->message = xstrdup(message);
}

/* kind, errnum, message length: three 32-bit numbers in the machine's order (a pipe to our own child) */
unsigned char *error_pack(const struct error *err, size_t *len)
{
	const char *msg = err->message ? err->message : "";
	uint32_t head[3] = { (uint32_t)err->kind, (uint32_t)err->errnum, (uint32_t)strlen(msg) };
	unsigned char *buf = xmalloc(sizeof head + head[2]);

	memcpy(buf, head, sizeof head);
	memcpy(buf + sizeof head, msg, head[2]);
	*len = sizeof head + head[2];
	return buf;
}

int error_unpack(struct error *err, const unsigned char *buf, size_t len)
{
	uint32_t head[3];

	if (len < sizeof head)
		return -1;
	memcpy(head, buf, sizeof head);
	if (head[0] > ERROR_SYSTEM || head[2] != len - sizeof head)
		return -1;
	error_release(err);
	err->kind = (enum error_kind)head[0];
	err->errnum = (int)head[1];
	err->message = xstrndup((const char *)buf + sizeof head, head[2]);
	return 0;
}
