/* input: reads an article file into a document, through the table of readers (a row per format). */
#ifndef NEWSCAST_INPUT_H
#define NEWSCAST_INPUT_H

#include "document.h"
#include "input_reader.h"	/* each reader's own entry point, for who parses bytes already read (source.c) */

#include <stddef.h>

/* Articles larger than this are refused: no news story is 4 MB of text. */
#define INPUT_MAX_BYTES (4u * 1024 * 1024)

/* Reads the article at path ("-" for standard input) into doc, which must be
 * initialised. Reports errors (naming the file, and the line where it applies)
 * and returns -1 on failure. */
int input_read_file(const char *path, struct document *doc);

enum input_format {
	INPUT_AUTO,	/* by the file's extension (see input_format_of), else by its content */
	INPUT_TEXT,
	INPUT_MARKDOWN,
	INPUT_HTML,
	INPUT_FEED,	/* RSS or Atom: each item an article */
};

/* The format a name ("text", "markdown", "html", "feed") means; -1 if none. */
int input_format_from_name(const char *name, enum input_format *format);
/* The format a file's extension says: .txt text, .md .markdown Markdown, .html .htm
 * HTML, .xml .rss .atom a feed; INPUT_AUTO for any other. */
enum input_format input_format_of(const char *path);
/* The format data looks like: a feed's or a page's root element, Markdown's
 * front matter or '#' headline; else text. */
enum input_format input_sniff(const char *data, size_t len);
/* Like input_read_file, in the given format. A feed gives one of its items: the one
 * whose id (guid) is item, else the item'th from 1; the first when item is NULL. */
int input_read_file_as(const char *path, enum input_format format, const char *item, struct document *doc);
/* Like input_read_file_as, for a file in a show's inbox: only a regular file is read,
 * never one through a symbolic link (a link swapped in after a check included). */
int input_read_inbox_file(const char *path, enum input_format format, struct document *doc);

#endif
