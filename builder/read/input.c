/* input: the table of readers (a row per format) and the reading of an article file through it. */
#include "input.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Only the beginning of a file says what it is: the root element comes within the first few kilobytes. */
#define INPUT_SNIFF_BYTES 65536

/* What a reader is to the rest of the program. */
struct input_reader {
	enum input_format format;
	const char *names[5];	/* for --format and file extensions; NULL-ended */
	const char *what;	/* in "read as WHAT, by its content" */
	size_t max_bytes;	/* a larger file is refused before it is parsed */
	/* whether the first bytes look like this format (see input_reader.h); NULL: anything does */
	bool (*probe)(const char *data, size_t len);
	/* a reader of one article, or of a file of many and the item to take (a feed) */
	int (*parse)(const char *name, const char *data, size_t len, struct document *doc);
	int (*parse_item)(const char *name, const char *data, size_t len, const char *item, struct document *doc);
};

/* One row per format, in the order content is probed: text, without a probe, comes last. */
static const struct input_reader input_readers[] = {
	{ INPUT_FEED, { "feed", "rss", "atom", "xml" }, "a feed", INPUT_FEED_MAX_BYTES, input_probe_feed, NULL,
	  input_parse_feed_item },
	{ INPUT_HTML, { "html", "htm" }, "HTML", INPUT_MAX_BYTES, input_probe_html, input_parse_html, NULL },
	{ INPUT_MARKDOWN, { "markdown", "md" }, "Markdown", INPUT_MAX_BYTES, input_probe_markdown,
	  input_parse_markdown, NULL },
	{ INPUT_TEXT, { "text", "txt" }, "text", INPUT_MAX_BYTES, NULL, input_parse_text, NULL },
};

#define INPUT_N_READERS (sizeof input_readers / sizeof input_readers[0])

/* The row of a format; NULL for INPUT_AUTO. */
static const struct input_reader *input_reader_of(enum input_format format)
{
	for (size_t i = 0; i < INPUT_N_READERS; i++)
		if (input_readers[i].format == format)
			return &input_readers[i];
	return NULL;
}

int input_format_from_name(const char *name, enum input_format *format)
{
	if (strcmp(name, "auto") == 0) {
		*format = INPUT_AUTO;
		return 0;
	}
	for (size_t i = 0; i < INPUT_N_READERS; i++)
		for (const char *const *n = input_readers[i].names; *n; n++)
			if (strcmp(name, *n) == 0) {
				*format = input_readers[i].format;
				return 0;
			}
	return -1;
}

enum input_format input_format_of(const char *path)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	enum input_format format = INPUT_AUTO;
	char ext[16];
	size_t n = 0;

	if (!dot || (slash && dot < slash) || strlen(dot + 1) >= sizeof ext)
		return INPUT_AUTO;
	for (const char *p = dot + 1; *p; p++)
		ext[n++] = (char)tolower((unsigned char)*p);
	ext[n] = '\0';
	if (input_format_from_name(ext, &format) < 0)
		return INPUT_AUTO;
	return format;
}

enum input_format input_sniff(const char *data, size_t len)
{
	const char *p = data, *end = data + (len < INPUT_SNIFF_BYTES ? len : INPUT_SNIFF_BYTES);

	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (size_t i = 0; i < INPUT_N_READERS; i++)
		if (!input_readers[i].probe || input_readers[i].probe(p, (size_t)(end - p)))
			return input_readers[i].format;
	return INPUT_TEXT;
}

/* What a file is may be known only once read (a feed may be larger than an article): until
 * then, it may be as large as any format allows. */
static size_t input_max_bytes_any(void)
{
	size_t max = 0;

	for (size_t i = 0; i < INPUT_N_READERS; i++)
		if (input_readers[i].max_bytes > max)
			max = input_readers[i].max_bytes;
	return max;
}

/* flags: util_open_regular's, for a file that must be a regular file; 0 for any file, or "-". */
static int input_read(const char *path, enum input_format format, const char *item, int flags, struct document *doc)
{
	const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	const struct input_reader *r;
	char *data = NULL;
	size_t len = 0, max;
	int ret = -1;

	if (format == INPUT_AUTO)
		format = input_format_of(path);
	r = input_reader_of(format);
	max = r ? r->max_bytes : input_max_bytes_any();
	if ((flags ? util_read_regular(path, NULL, max, flags, &data, &len) : util_read_file(path, max, &data, &len)) < 0)
		goto out;
	if (!r) {
		r = input_reader_of(input_sniff(data, len));
		log_verbose("'%s': read as %s, by its content", name, r->what);
	}
	if (len > r->max_bytes) {
		log_error("'%s' is too large (over %zu bytes) for an article", name, r->max_bytes);
		goto out;
	}
	ret = r->parse_item ? r->parse_item(name, data, len, item, doc) : r->parse(name, data, len, doc);
out:
	free(data);
	return ret;
}

int input_read_file_as(const char *path, enum input_format format, const char *item, struct document *doc)
{
	return input_read(path, format, item, 0, doc);
}

int input_read_inbox_file(const char *path, enum input_format format, struct document *doc)
{
	return input_read(path, format, NULL, UTIL_NO_LINK, doc);
}

int input_read_file(const char *path, struct document *doc)
{
	return input_read_file_as(path, INPUT_AUTO, NULL, doc);
}
