/* ini: a strict reader of INI text (podcast.ini, voice profiles): no line-length limit, exact line numbers.
 *
 * Not libinih: Debian's build reads lines into a 200-byte buffer (a longer line is
 * cut and its rest read as lines of its own); the process-wide switches that grow
 * it (ini_use_stack, ini_allow_realloc, ini_max_line) are a Debian addition; its
 * handler is not told line numbers, so a continuation line looks exactly like the
 * key given again; and a NUL byte silently ends a line. */
#include "ini.h"

#include "log.h"
#include "util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

/* The byte length of the UTF-8 character at s (n bytes left), or 0 when it is not one
 * (ICU's U8_NEXT decides, as the text readers do; it reads at most 4 bytes). */
static size_t ini_utf8_len(const char *s, size_t n)
{
	int32_t i = 0;
	UChar32 c;

	U8_NEXT(s, i, n < 4 ? (int32_t)n : 4, c);
	return c < 0 ? 0 : (size_t)i;
}

static bool ini_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Cuts a line's comment: from a ';' after a blank to the end. */
static void ini_cut_comment(char *s)
{
	for (char *p = s; *p; p++) {
		if (*p == ';' && p > s && ini_blank(p[-1])) {
			*p = '\0';
			return;
		}
	}
}

struct ini_state {
	const char *name;
	ini_handler_fn fn;
	void *ud;
	char *section;		/* NULL before the first [section] */
	char *key;		/* the key whose value is being read; NULL when none */
	struct strbuf value;
	int key_line, continued;
};

static int ini_error(const struct ini_state *st, int line, const char *msg)
{
	log_error("'%s' line %d: %s", st->name, line, msg);
	return -1;
}

/* Hands the pending key, if any, to the handler. */
static int ini_flush(struct ini_state *st)
{
	struct ini_entry e;
	char *msg;

	if (!st->key)
		return 0;
	e = (struct ini_entry){ st->section, st->key, st->value.buf, st->key_line, st->continued, 0 };
	msg = st->fn(st->ud, &e);
	free(st->key);
	st->key = NULL;
	if (msg) {
		ini_error(st, e.error_line ? e.error_line : e.line, msg);
		free(msg);
		return -1;
	}
	return 0;
}

/* One line, its end of line removed; number is its line number. */
static int ini_line(struct ini_state *st, char *text, int number)
{
	char *s = text, *eq, *end;
	bool indented = ini_blank(*s);

	while (ini_blank(*s))
		s++;
	if (*s == ';' || *s == '#')
		return 0;	/* a comment does not end a value: continuation lines may follow */
	ini_cut_comment(s);
	s = util_trim(s);
	if (!*s) {
		/* a blank line ends a value */
		return ini_flush(st);
	}
	if (indented && st->key) {
		if (st->value.len)
			strbuf_addc(&st->value, '\n');
		strbuf_adds(&st->value, s);
		if (!st->continued)
			st->continued = number;
		return 0;
	}
	if (ini_flush(st) < 0)
		return -1;
	if (*s == '[') {
		end = strchr(s, ']');
		if (!end)
			return ini_error(st, number, "a section's '[' has no ']'");
		if (end[1])
			return ini_error(st, number, "text after a section's ']'");
		*end = '\0';
		free(st->section);
		st->section = xstrdup(util_trim(s + 1));
		return 0;
	}
	eq = strchr(s, '=');
	if (!eq)
		return ini_error(st, number, "not an INI line (a '[section]' or a 'key = value')");
	*eq = '\0';
	s = util_trim(s);
	if (!*s)
		return ini_error(st, number, "a value with no key before its '='");
	if (!st->section) {
		char *msg = xasprintf("'%s' comes before any [section]", s);

		ini_error(st, number, msg);
		free(msg);
		return -1;
	}
	st->key = xstrdup(s);
	st->key_line = number;
	st->continued = 0;
	strbuf_reset(&st->value);
	strbuf_adds(&st->value, util_trim(eq + 1));
	return 0;
}

char *ini_one_line(struct ini_entry *e)
{
	if (!e->continued)
		return NULL;
	e->error_line = e->continued;
	return xasprintf("this indented line continues '%s' in [%s], which takes one line", e->key, e->section);
}

int ini_parse(const char *name, const char *data, size_t len, ini_handler_fn fn, void *ud)
{
	struct ini_state st = { name, fn, ud, NULL, NULL, { 0 }, 0, 0 };
	struct strbuf line;
	size_t i = 0;
	int number = 1, ret = -1;

	strbuf_init(&st.value);
	strbuf_init(&line);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len) {
		size_t start = i, n;

		/* the line, checked byte by byte */
		while (i < len && data[i] != '\n') {
			if (data[i] == '\0') {
				ini_error(&st, number, "a NUL byte: this is not a text file");
				goto out;
			}
			n = ini_utf8_len(data + i, len - i);
			if (!n) {
				char *msg = xasprintf("not valid UTF-8 (byte 0x%02x)", (unsigned char)data[i]);

				ini_error(&st, number, msg);
				free(msg);
				goto out;
			}
			i += n;
		}
		n = i - start;
		if (n && data[start + n - 1] == '\r')
			n--;
		strbuf_reset(&line);
		strbuf_add(&line, data + start, n);
		if (ini_line(&st, line.buf, number) < 0)
			goto out;
		if (i < len)
			i++;	/* the '\n' */
		number++;
	}
	ret = ini_flush(&st);
out:
	free(st.key);
	free(st.section);
	strbuf_release(&st.value);
	strbuf_release(&line);
	return ret;
}

int ini_parse_file(const char *path, const char *what, ini_handler_fn fn, void *ud)
{
	char *data = NULL;
	size_t len = 0;
	int ret;

	if (util_read_regular(path, what, INI_MAX_BYTES, 0, &data, &len) < 0)
		return -1;
	ret = ini_parse(path, data, len, fn, ud);
	free(data);
	return ret;
}
