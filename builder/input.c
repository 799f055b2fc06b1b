/* input: reads an article into a document (headline, metadata, blocks); one reader per format. */
#include "input.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

void document_tidy(struct document *doc)
{
	char **fields[] = { &doc->headline, &doc->author, &doc->date, &doc->link, &doc->id, &doc->description };

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (!*fields[i])
			continue;
		input_strip_controls(*fields[i]);
		util_squeeze_spaces(*fields[i]);
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

/* A line made only of divider characters, three or more: "***", "* * *", "---", "•••". */
static bool input_is_divider(const char *line)
{
	static const UChar32 marks[] = { '*', '-', '_', '=', '~', '#', 0x2022 /* • */, 0x00b7 /* · */,
					 0x2013, 0x2014, 0x2042 /* ⁂ */, 0x2217, 0x25c6, 0x2666 };
	int32_t len = (int32_t)strlen(line), i = 0;
	int count = 0;

	while (i < len) {
		UChar32 c;
		bool mark = false;

		U8_NEXT(line, i, len, c);
		if (c == ' ')
			continue;
		for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
			mark |= c == marks[k];
		if (!mark)
			return false;
		count++;
	}
	return count >= 3;
}

/* Whether the text ends like a sentence, looking past closing quotes and brackets. */
static bool input_ends_sentence(const char *s)
{
	int32_t i = (int32_t)strlen(s);

	while (i > 0) {
		UChar32 c;

		U8_PREV(s, 0, i, c);
		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201d || c == 0x2019 || c == 0xbb)
			continue;
		return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */;
	}
	return false;
}

/* A group of consecutive non-blank lines, joined with spaces. */
struct input_group {
	char *text;
	size_t first_len;	/* bytes of text that came from its first line */
	int line;
	int n_lines;
	bool divider;
};

static bool input_is_byline(const struct input_group *g)
{
	size_t words = util_count_words(g->text);

	return g->n_lines == 1 && strncmp(g->text, "By ", 3) == 0 && words >= 2 && words <= 7 &&
	       !input_ends_sentence(g->text) && isupper((unsigned char)g->text[3]);
}

static bool input_has_letter(const char *s)
{
	int32_t len = (int32_t)strlen(s), i = 0;

	while (i < len) {
		UChar32 c;

		U8_NEXT(s, i, len, c);
		if (u_isalpha(c))
			return true;
	}
	return false;
}

static bool input_is_subheading(const struct input_group *g)
{
	return !g->divider && g->n_lines == 1 && util_count_words(g->text) <= 8 &&
	       !input_ends_sentence(g->text) && input_has_letter(g->text);
}

static void input_add_group(struct input_group **groups, size_t *n, size_t *cap, struct strbuf *text,
			    size_t first_len, int line, int n_lines, bool divider)
{
	util_grow((void **)groups, cap, *n + 1, sizeof **groups);
	util_squeeze_spaces(text->buf);
	(*groups)[*n].first_len = first_len < strlen(text->buf) ? first_len : strlen(text->buf);
	(*groups)[*n].text = xstrdup(text->buf);
	(*groups)[*n].line = line;
	(*groups)[*n].n_lines = n_lines;
	(*groups)[*n].divider = divider;
	(*n)++;
	strbuf_reset(text);
}

int input_parse_text(const char *name, const char *data, size_t len, struct document *doc)
{
	struct input_group *groups = NULL;
	size_t n_groups = 0, cap_groups = 0, first = 0;
	struct strbuf para;
	char *text = NULL;
	int line = 0, para_line = 0, para_lines = 0;
	size_t first_len = 0;
	int ret = -1;

	strbuf_init(&para);
	free(doc->name);
	doc->name = xstrdup(name);
	if (input_check_text(name, data, len) < 0)
		goto out;
	text = xstrndup(data, len);
	doc->n_stripped = input_strip_controls(text);
	if (doc->n_stripped)
		log_verbose("'%s': removed %zu control characters", name, doc->n_stripped);

	for (char *p = text, *next; p; p = next) {
		char *end = p + strcspn(p, "\r\n");
		bool blank;

		next = *end ? end + 1 : NULL;
		if (*end == '\r' && end[1] == '\n')
			next = end + 2;
		*end = '\0';
		line++;
		util_squeeze_spaces(p);
		blank = *p == '\0';
		if (!blank && input_is_divider(p)) {
			if (para_lines)
				input_add_group(&groups, &n_groups, &cap_groups, &para, first_len, para_line, para_lines, false);
			para_lines = 0;
			input_add_group(&groups, &n_groups, &cap_groups, &para, 0, line, 1, true);
			continue;
		}
		if (blank) {
			if (para_lines)
				input_add_group(&groups, &n_groups, &cap_groups, &para, first_len, para_line, para_lines, false);
			para_lines = 0;
			continue;
		}
		if (!para_lines) {
			para_line = line;
			first_len = strlen(p);	/* p is squeezed already: a prefix of the joined text */
		} else {
			strbuf_addc(&para, ' ');
		}
		strbuf_adds(&para, p);
		para_lines++;
	}
	if (para_lines)
		input_add_group(&groups, &n_groups, &cap_groups, &para, first_len, para_line, para_lines, false);

	while (first < n_groups && groups[first].divider)
		first++;
	if (first == n_groups) {
		log_error("'%s' is empty: no headline and no text", name);
		goto out;
	}

	/* The first non-empty line is the headline; the rest of its group is a paragraph. */
	{
		struct input_group *g = &groups[first];
		size_t cut = 0;
		char *rest;

		/* the first line, squeezed, is where the joined text's headline ends */
		cut = g->first_len;
		doc->headline = xstrndup(g->text, cut);
		doc->headline_line = g->line;
		rest = g->text + cut;
		while (*rest == ' ')
			rest++;
		if (*rest)
			document_add_block(doc, BLOCK_PARAGRAPH, xstrdup(rest), g->line + 1);
	}

	for (size_t i = first + 1; i < n_groups; i++) {
		struct input_group *g = &groups[i];
		bool prev_is_headline = i == first + 1 && doc->n_blocks == 0;
		bool next_is_paragraph = i + 1 < n_groups && !groups[i + 1].divider;

		if (g->divider) {
			document_add_block(doc, BLOCK_DIVIDER, NULL, g->line);
		} else if (prev_is_headline && !doc->author && input_is_byline(g)) {
			doc->author = xstrdup(g->text + 3);
			log_verbose("'%s' line %d: byline, taken as the author: %s", name, g->line, doc->author);
		} else if (!prev_is_headline && next_is_paragraph && input_is_subheading(g)) {
			document_add_block(doc, BLOCK_HEADING, xstrdup(g->text), g->line);
		} else {
			document_add_block(doc, BLOCK_PARAGRAPH, xstrdup(g->text), g->line);
		}
	}
	document_tidy(doc);
	ret = 0;
out:
	for (size_t i = 0; i < n_groups; i++)
		free(groups[i].text);
	free(groups);
	free(text);
	strbuf_release(&para);
	return ret;
}

int input_format_from_name(const char *name, enum input_format *format)
{
	static const struct {
		const char *name;
		enum input_format format;
	} names[] = { { "auto", INPUT_AUTO },	  { "text", INPUT_TEXT }, { "txt", INPUT_TEXT },
		      { "markdown", INPUT_MARKDOWN }, { "md", INPUT_MARKDOWN }, { "html", INPUT_HTML },
		      { "htm", INPUT_HTML },	  { "feed", INPUT_FEED }, { "rss", INPUT_FEED },
		      { "atom", INPUT_FEED },	  { "xml", INPUT_FEED } };

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0) {
			*format = names[i].format;
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

/* The first element's name in XML or HTML at p (after declarations, comments and
 * doctypes), lower-cased into name. */
static void input_first_element(const char *p, const char *end, char *name, size_t size)
{
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

enum input_format input_sniff(const char *data, size_t len)
{
	/* only the beginning counts: the root element comes within the first few kilobytes */
	const char *p = data, *end = data + (len < 65536 ? len : 65536), *colon;
	char root[64];

	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	input_first_element(p, end, root, sizeof root);
	colon = strchr(root, ':');	/* rdf:RDF */
	if (strcmp(root, "rss") == 0 || strcmp(root, "feed") == 0 || (colon && strcmp(colon, ":rdf") == 0))
		return INPUT_FEED;
	if (strcmp(root, "html") == 0 || strcmp(root, "head") == 0 || strcmp(root, "body") == 0 ||
	    strcmp(root, "article") == 0)
		return INPUT_HTML;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if ((end - p >= 4 && memcmp(p, "---\n", 4) == 0) || (end - p >= 5 && memcmp(p, "---\r\n", 5) == 0) ||
	    (end - p >= 2 && memcmp(p, "# ", 2) == 0))
		return INPUT_MARKDOWN;
	return INPUT_TEXT;
}

/* The item of a feed that item names (its guid, else its number from 1), moved into doc. */
static int input_take_item(const char *name, struct input_feed *feed, const char *item, struct document *doc)
{
	char *end;
	long k;
	size_t i = feed->n;

	/* a guid may be a number too ("1001"): an exact guid wins over a position */
	for (size_t j = 0; item && j < feed->n && i == feed->n; j++)
		if (feed->items[j].id && strcmp(feed->items[j].id, item) == 0)
			i = j;
	k = item ? strtol(item, &end, 10) : 1;
	if (i == feed->n && (!item || (!*end && end != item)) && k >= 1 && (size_t)k <= feed->n)
		i = (size_t)k - 1;
	if (i == feed->n) {
		if (!feed->n)
			log_error("'%s': the feed has no items", name);
		else if (item)
			log_error("'%s': no item '%s' (the feed has %zu, numbered from 1)", name, item, feed->n);
		return -1;
	}
	if (feed->n > 1)
		log_verbose("'%s': item %zu of %zu: %s", name, i + 1, feed->n,
			    feed->items[i].headline ? feed->items[i].headline : "(untitled)");
	document_release(doc);
	*doc = feed->items[i];
	document_init(&feed->items[i]);
	return 0;
}

/* flags: util_open_regular's, for a file that must be a regular file; 0 for any file, or "-". */
static int input_read(const char *path, enum input_format format, const char *item, int flags, struct document *doc)
{
	const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	struct input_feed feed;
	char *data = NULL;
	size_t len = 0, max;
	int ret = -1;

	if (format == INPUT_AUTO)
		format = input_format_of(path);
	input_feed_init(&feed);
	/* a feed may be larger than an article; what it is may be known only once read */
	max = format == INPUT_AUTO || format == INPUT_FEED ? INPUT_FEED_MAX_BYTES : INPUT_MAX_BYTES;
	if ((flags ? util_read_regular(path, NULL, max, flags, &data, &len) : util_read_file(path, max, &data, &len)) < 0)
		goto out;
	if (format == INPUT_AUTO) {
		format = input_sniff(data, len);
		log_verbose("'%s': read as %s, by its content", name, format == INPUT_FEED ? "a feed"
								 : format == INPUT_HTML ? "HTML"
								 : format == INPUT_MARKDOWN ? "Markdown" : "text");
	}
	if (format != INPUT_FEED && len > INPUT_MAX_BYTES) {
		log_error("'%s' is too large (over %u bytes) for an article", name, INPUT_MAX_BYTES);
		goto out;
	}
	switch (format) {
	case INPUT_FEED:
		ret = input_parse_feed(name, data, len, &feed) < 0 ? -1 : input_take_item(name, &feed, item, doc);
		break;
	case INPUT_MARKDOWN:
		ret = input_parse_markdown(name, data, len, doc);
		break;
	case INPUT_HTML:
		ret = input_parse_html(name, data, len, doc);
		break;
	default:
		ret = input_parse_text(name, data, len, doc);
	}
out:
	input_feed_release(&feed);
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
