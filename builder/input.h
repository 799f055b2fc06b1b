/* input: reads an article into a document (headline, metadata, blocks); one reader per format. */
#ifndef NEWSCAST_INPUT_H
#define NEWSCAST_INPUT_H

#include <stddef.h>

enum block_kind {
	BLOCK_PARAGRAPH,
	BLOCK_HEADING,	/* a subheading: a section break, and spoken */
	BLOCK_QUOTE,
	BLOCK_DIVIDER,	/* a section break, not spoken */
};

struct block {
	enum block_kind kind;
	char *text;	/* UTF-8, white space squeezed; NULL for a divider */
	int line;	/* 1-based line in the source where the block starts */
};

struct document {
	char *name;	/* what errors call the article: its path, or "(standard input)" */
	char *headline;
	int headline_line;
	char *author;	/* from a "By NAME" line under the headline, or front matter; may be NULL */
	char *date, *link, *id, *description;	/* from front matter or page metadata; may be NULL */
	struct block *blocks;
	size_t n_blocks;
	size_t cap_blocks;
	size_t n_stripped;	/* control characters removed from the text */
};

/* Articles larger than this are refused: no news story is 4 MB of text. */
#define INPUT_MAX_BYTES (4u * 1024 * 1024)

void document_init(struct document *doc);
void document_release(struct document *doc);
/* Appends a block; the document takes ownership of text (which may be NULL). */
void document_add_block(struct document *doc, enum block_kind kind, char *text, int line);
/* Removes block i, freeing its text. */
void document_remove_block(struct document *doc, size_t i);

/* Reads the article at path ("-" for standard input) into doc, which must be
 * initialised. Reports errors (naming the file, and the line where it applies)
 * and returns -1 on failure. */
int input_read_file(const char *path, struct document *doc);

enum input_format {
	INPUT_AUTO,	/* by the file's extension: .md .markdown Markdown, .html .htm HTML, the rest text */
	INPUT_TEXT,
	INPUT_MARKDOWN,
	INPUT_HTML,
};

/* The format a name ("text", "markdown") means; -1 if none. */
int input_format_from_name(const char *name, enum input_format *format);
/* Like input_read_file, in the given format. */
int input_read_file_as(const char *path, enum input_format format, struct document *doc);

/* Parses CommonMark (libcmark): the first '#' heading, or front matter's title, is
 * the headline; lower headings are subheadings; thematic breaks are section breaks;
 * block quotes are quotes; list items are paragraphs; links are read as their text;
 * images, code blocks and HTML are not read. Front matter ("---" lines around
 * "key: value" lines) may give title, author, date, link, id, description. */
int input_parse_markdown(const char *name, const char *data, size_t len, struct document *doc);

/* Parses an HTML page leniently (libxml2): the body is <article>, else <main>, else
 * the element whose paragraphs hold most text; the headline its <h1>, else og:title,
 * else <title>; author, date, link from meta tags. h2-h4 are subheadings, <hr> a
 * section break, <blockquote> a quote; script, style, nav, aside, footer, figure,
 * form and hidden elements are never read. No network access. */
int input_parse_html(const char *name, const char *data, size_t len, struct document *doc);
/* Adds the blocks of an HTML fragment (a feed item's content, in UTF-8) to doc:
 * all of it is the body, bare text and <br><br> breaks included; the caller sets
 * the headline. */
int input_parse_html_content(const char *name, const char *data, size_t len, struct document *doc);

/* Parses plain text (UTF-8) of len bytes; name is used in messages. */
int input_parse_text(const char *name, const char *data, size_t len, struct document *doc);

/* Checks that data is UTF-8 text: no NUL bytes, no invalid sequences. On failure
 * reports "'NAME' line L: ..." and returns -1. */
int input_check_text(const char *name, const char *data, size_t len);

/* Removes control characters (C0 except tab and line ends, DEL, C1), a byte
 * order mark and zero-width spaces from s in place; returns how many it removed.
 * Tabs, form feeds and vertical tabs become spaces. */
size_t input_strip_controls(char *s);

#endif
