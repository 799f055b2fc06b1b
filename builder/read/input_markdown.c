/* input_markdown: the input stage's Markdown reader (CommonMark, through libcmark). */
#include "input_reader.h"

#include "log.h"
#include "util.h"

#include <cmark.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The text a reader hears from a node's inlines: links as their text; images and HTML
 * not at all. Walked with cmark's iterator, not recursion: nesting has no limit. */
static void md_inline_text(cmark_node *node, struct strbuf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER || c == node)
			continue;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			strbuf_adds(out, cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "");
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			strbuf_addc(out, ' ');
			break;
		case CMARK_NODE_IMAGE:	/* its alt text is for the eye */
		case CMARK_NODE_HTML_INLINE:
			cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
			break;
		default:	/* emphasis, strong, links: their text, inside */
			break;
		}
	}
	cmark_iter_free(it);
}

static char *md_text(cmark_node *node)
{
	struct strbuf sb;

	strbuf_init(&sb);
	md_inline_text(node, &sb);
	input_tidy_text(sb.buf);
	return strbuf_detach(&sb);
}

static void md_add(struct document *doc, enum block_kind kind, char *text, int line)
{
	if (*text)
		document_add_block(doc, kind, text, line);
	else
		free(text);
}

/* Adds the blocks under root, walked with cmark's iterator: a 100 000-deep quote
 * or list must not exhaust the stack. */
static void md_blocks(cmark_node *root, struct document *doc)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	long quote = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		int line = cmark_node_get_start_line(c);
		char *text;

		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_BLOCK_QUOTE:
			quote += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_HEADING:
			if (ev != CMARK_EVENT_ENTER)
				break;
			text = md_text(c);
			if (cmark_node_get_heading_level(c) == 1 && !doc->n_blocks && !doc->headline_line && *text) {
				/* the title as shown wins over front matter's, which is often the same */
				free(doc->headline);
				doc->headline = text;
				doc->headline_line = line;
			} else {
				md_add(doc, BLOCK_HEADING, text, line);
			}
			cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
			break;
		case CMARK_NODE_PARAGRAPH:
			/* list items are paragraphs too: each read on its own, with a paragraph's pause */
			if (ev == CMARK_EVENT_ENTER) {
				md_add(doc, quote > 0 ? BLOCK_QUOTE : BLOCK_PARAGRAPH, md_text(c), line);
				cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
			}
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			document_add_block(doc, BLOCK_DIVIDER, NULL, line);
			break;
		default:	/* lists and items hold paragraphs; code and HTML blocks are not read aloud */
			break;
		}
	}
	cmark_iter_free(it);
}

/* Front matter: "---", then "key: value" lines, then "---". Returns the bytes it took. */
static size_t md_front_matter(const char *data, size_t len, struct document *doc, int *lines)
{
	const char *p = data, *end = data + len;
	char **field;

	*lines = 0;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;	/* a byte order mark, as some editors write */
	if (end - p >= 4 && strncmp(p, "---\n", 4) == 0)
		p += 4;
	else if (end - p >= 5 && strncmp(p, "---\r\n", 5) == 0)
		p += 5;
	else
		return 0;
	(*lines)++;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
		char *line = xstrndup(p, n), *colon, *key, *value;

		(*lines)++;
		p += n + (eol ? 1 : 0);
		if (strcmp(util_trim(line), "---") == 0) {
			free(line);
			return (size_t)(p - data);
		}
		colon = strchr(line, ':');
		if (colon) {
			*colon = '\0';
			key = util_trim(line);
			value = util_trim(colon + 1);
			/* quotes around a value are YAML's, not the title's */
			if (strlen(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[strlen(value) - 1] == value[0]) {
				value[strlen(value) - 1] = '\0';
				value++;
			}
			field = strcmp(key, "title") == 0	? &doc->headline
				: strcmp(key, "author") == 0	? &doc->author
				: strcmp(key, "date") == 0	? &doc->date
				: strcmp(key, "link") == 0	? &doc->link
				: strcmp(key, "id") == 0	? &doc->id
				: strcmp(key, "description") == 0 ? &doc->description
								: NULL;
			if (field && *value) {
				free(*field);
				*field = xstrdup(value);
			}
			if ((strcmp(key, "lang") == 0 || strcmp(key, "language") == 0) && *value) {
				/* the last of the two keys wins, as for the others */
				free(doc->language);
				doc->language = NULL;
				document_set_language(doc, value, "front matter's language");
			}
		}
		free(line);
	}
	/* no closing "---": not front matter after all */
	document_clear_meta(doc);
	*lines = 0;
	return 0;
}

bool input_probe_markdown(const char *data, size_t len)
{
	const char *p = data, *end = data + len;

	while (p < end && isspace((unsigned char)*p))
		p++;
	return (end - p >= 4 && memcmp(p, "---\n", 4) == 0) || (end - p >= 5 && memcmp(p, "---\r\n", 5) == 0) ||
	       (end - p >= 2 && memcmp(p, "# ", 2) == 0);
}

int input_parse_markdown(const char *name, const char *data, size_t len, struct document *doc)
{
	cmark_node *root;
	size_t skip;
	int fm_lines;

	free(doc->name);
	doc->name = xstrdup(name);
	if (input_check_text(name, data, len) < 0)
		return -1;
	skip = md_front_matter(data, len, doc, &fm_lines);
	root = cmark_parse_document(data + skip, len - skip, CMARK_OPT_DEFAULT);
	if (!root) {
		log_error("'%s': cannot parse it as Markdown", name);
		return -1;
	}
	md_blocks(root, doc);
	cmark_node_free(root);
	/* line numbers count from the top of the file, front matter included */
	for (size_t i = 0; i < doc->n_blocks; i++)
		doc->blocks[i].line += fm_lines;
	if (doc->headline_line)
		doc->headline_line += fm_lines;
	else if (doc->headline)
		doc->headline_line = 1;	/* front matter's title */
	input_tidy(doc);
	if (!doc->headline) {
		/* no title: the first paragraph's first sentence would be a poor headline; use the first block */
		for (size_t i = 0; i < doc->n_blocks && !doc->headline; i++) {
			if (doc->blocks[i].text) {
				doc->headline = xstrdup(doc->blocks[i].text);
				doc->headline_line = doc->blocks[i].line;
				document_remove_block(doc, i);
			}
		}
	}
	if (!doc->headline) {
		log_error("'%s' is empty: no headline and no text", name);
		return -1;
	}
	return 0;
}
