/* input: reads an article into a document (headline, metadata, blocks); one reader per format. */
#include "input.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
