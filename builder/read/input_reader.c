/* input_reader: what the readers share: the checks every reader makes on its text, and the tidying of what it read. */
#include "input_reader.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/utf8.h>

void input_tidy(struct document *doc)
{
	char **fields[] = { &doc->headline, &doc->author, &doc->date, &doc->link, &doc->id, &doc->description };

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (!*fields[i])
			continue;
		input_tidy_text(*fields[i]);
		if (!**fields[i]) {
			free(*fields[i]);
			*fields[i] = NULL;
		}
	}
}

int input_check_text(const char *name, const char *data, size_t len)
{
	int line = 1, first_control_line = 0;
	int32_t i = 0;
	size_t controls = 0;

	if (len > INT32_MAX) {
		log_error("'%s' is too large", name);
		return -1;
	}
	while ((size_t)i < len) {
		int32_t start = i;
		UChar32 c;

		U8_NEXT(data, i, (int32_t)len, c);
		if (c < 0) {
			log_error("'%s' line %d: not valid UTF-8 (byte 0x%02x at offset %d)", name, line,
				  (unsigned char)data[start], start);
			return -1;
		}
		if (c == 0) {
			log_error("'%s' line %d: binary content (NUL byte at offset %d), not a text article",
				  name, line, start);
			return -1;
		}
		if (c == '\n')
			line++;
		else if ((c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f) {
			if (!controls++)
				first_control_line = line;
		}
	}
	/* A stray control character is removed later; many of them mean this is not text. */
	if (controls > 8 && controls * 100 > len) {
		log_error("'%s' line %d: binary content (%zu control characters), not a text article", name,
			  first_control_line, controls);
		return -1;
	}
	return 0;
}

char *input_tidy_text(char *s)
{
	input_strip_controls(s);
	util_squeeze_spaces(s);
	return s;
}

size_t input_strip_controls(char *s)
{
	size_t n = 0;
	int32_t len = (int32_t)strlen(s), i = 0;
	char *w = s;

	while (i < len) {
		int32_t start = i;
		UChar32 c;

		U8_NEXT(s, i, len, c);
		if (c == '\t' || c == '\f' || c == '\v') {
			*w++ = ' ';
		} else if (c == '\n' || c == '\r') {
			*w++ = (char)c;
		} else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfeff || c == 0x200b || c < 0) {
			n++;
		} else {
			memmove(w, s + start, (size_t)(i - start));
			w += i - start;
		}
	}
	*w = '\0';
	return n;
}

void input_root_element(const char *data, size_t len, char *name, size_t size)
{
	const char *p = data, *end = data + len;

	*name = '\0';
	while (p < end) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p + 1 >= end || *p != '<')
			return;
		if (p[1] == '?' || p[1] == '!') {
			/* a declaration, doctype or comment: the element comes after it */
			const char *close = memchr(p, '>', (size_t)(end - p));

			if (p[1] == '!' && end - p >= 14 && strncasecmp(p, "<!doctype html", 14) == 0) {
				snprintf(name, size, "html");
				return;
			}
			if (end - p > 4 && memcmp(p, "<!--", 4) == 0) {
				const char *c = memmem(p, (size_t)(end - p), "-->", 3);

				close = c ? c + 2 : NULL;
			}
			if (!close)
				return;
			p = close + 1;
			continue;
		}
		size_t n = 0;

		for (p++; p < end && n + 1 < size && (isalnum((unsigned char)*p) || *p == ':' || *p == '-'); p++)
			name[n++] = (char)tolower((unsigned char)*p);
		name[n] = '\0';
		return;
	}
}

