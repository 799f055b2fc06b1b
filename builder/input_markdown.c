/* input_markdown: the input stage's Markdown reader (CommonMark, through libcmark). */
#include "input.h"

#include "log.h"
#include "util.h"

#include <cmark.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The text a reader hears from a node's inlines: links as their text; images and HTML not at all. */
static void md_inline_text(cmark_node *node, struct strbuf *out)
{
	for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			strbuf_adds(out, cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "");
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			strbuf_addc(out, ' ');
			break;
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_HTML_INLINE:
			break;
		default:	/* emphasis, strong, links: their text */
			md_inline_text(c, out);
			break;
		}
	}
}

static char *md_text(cmark_node *node)
{
	struct strbuf sb;

	strbuf_init(&sb);
	md_inline_text(node, &sb);
	input_strip_controls(sb.buf);
	util_squeeze_spaces(sb.buf);
	return strbuf_detach(&sb);
}

static void md_add(struct document *doc, enum block_kind kind, char *text, int line)
{
	if (*text)
		document_add_block(doc, kind, text, line);
	else
		free(text);
}

/* Adds the blocks under node; quote says they are inside a block quote. */
static void md_blocks(cmark_node *node, struct document *doc, bool quote)
{
	for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
		int line = cmark_node_get_start_line(c);

		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_HEADING:
			if (!doc->headline && cmark_node_get_heading_level(c) == 1 && !doc->n_blocks) {
				doc->headline = md_text(c);
				doc->headline_line = line;
			} else {
				md_add(doc, BLOCK_HEADING, md_text(c), line);
			}
			break;
		case CMARK_NODE_PARAGRAPH:
			md_add(doc, quote ? BLOCK_QUOTE : BLOCK_PARAGRAPH, md_text(c), line);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			document_add_block(doc, BLOCK_DIVIDER, NULL, line);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			md_blocks(c, doc, true);
			break;
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
			/* each item is read on its own, with a paragraph's pause after it */
			md_blocks(c, doc, quote);
			break;
		default:	/* code blocks, HTML blocks: not for reading aloud */
			break;
		}
	}
}

/* Front matter: "---", then "key: value" lines, then "---". Returns the bytes it took. */
static size_t md_front_matter(const char *data, size_t len, struct document *doc, int *lines)
{
	const char *p = data, *end = data + len;
	char **field;

	*lines = 0;
	if (len < 4 || strncmp(data, "---\n", 4) != 0)
		return 0;
	p += 4;
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
		}
		free(line);
	}
	/* no closing "---": not front matter after all */
	free(doc->headline);
	free(doc->author);
	free(doc->date);
	free(doc->link);
	free(doc->id);
	free(doc->description);
	doc->headline = doc->author = doc->date = doc->link = doc->id = doc->description = NULL;
	*lines = 0;
	return 0;
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
	if (doc->headline)
		doc->headline_line = 1;
	root = cmark_parse_document(data + skip, len - skip, CMARK_OPT_DEFAULT);
	if (!root) {
		log_error("'%s': cannot parse it as Markdown", name);
		return -1;
	}
	md_blocks(root, doc, false);
	cmark_node_free(root);
	/* line numbers count from the top of the file, front matter included */
	for (size_t i = 0; i < doc->n_blocks; i++)
		doc->blocks[i].line += fm_lines;
	if (doc->headline_line > 1)
		doc->headline_line += fm_lines;
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
