/* ini: a strict reader of INI text (podcast.ini, voice profiles): no line-length limit, exact line numbers. */
#ifndef NEWSCAST_INI_H
#define NEWSCAST_INI_H

#include <stddef.h>

/* The largest configuration file read; configuration files are small. */
#define INI_MAX_BYTES (1u << 20)

/* One key and its value, as the reader hands it over. */
struct ini_entry {
	const char *section;	/* the [section] it is in, trimmed */
	const char *key;	/* trimmed */
	const char *value;	/* trimmed; continuation lines joined with '\n'; "" when empty */
	int line;		/* the key's line, from 1 */
	int continued;		/* the first continuation line; 0 when the value has one line */
	int error_line;		/* a handler may set it to the line its error is about; 0: the key's */
};

/* Returns NULL to go on, or an error message (a new string the reader frees): the
 * reader then reports "'NAME' line N: MESSAGE" and stops. */
typedef char *(*ini_handler_fn)(void *ud, struct ini_entry *e);

/* For a handler whose key takes one line: NULL when e's value has one, else the error
 * (a new string) about its first continuation line, which e->error_line then names. */
char *ini_one_line(struct ini_entry *e);

/* Reads len bytes of INI text and calls fn for each key. The syntax:
 *  - "[section]" lines; "key = value" lines (the first '=' splits);
 *  - comments: lines whose first non-blank character is ';' or '#', and from a ';'
 *    after a space or tab to the end of a line;
 *  - a continuation line (indented, right after a key line or another continuation,
 *    comment lines between them skipped) adds a line to the key's value;
 *  - a UTF-8 byte order mark at the start, and CRLF line ends, are allowed.
 * A NUL byte, text that is not UTF-8, a line that is none of these, a key before
 * any section, and the handler's errors are reported once, with name and line.
 * Lines may be as long as the text. Returns 0, or -1 after reporting. */
int ini_parse(const char *name, const char *data, size_t len, ini_handler_fn fn, void *ud);

/* Reads the configuration file at path (a regular file of at most INI_MAX_BYTES,
 * see util_read_regular; what names it there, "voice profile", or NULL) and parses
 * it as ini_parse does, naming it path in messages. */
int ini_parse_file(const char *path, const char *what, ini_handler_fn fn, void *ud);

#endif
