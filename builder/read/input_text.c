/* input_text: the input stage's plain-text reader: a headline line, a byline, paragraphs, subheadings and dividers. */
#include "input_reader.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

/* Splits text (changed in place) into groups of consecutive non-blank lines, each
 * divider line a group of its own. */
static void input_group_lines(char *text, struct input_group **groups, size_t *n_groups, size_t *cap_groups)
{
	struct strbuf para;
	int line = 0, para_line = 0, para_lines = 0;
	size_t first_len = 0;

	strbuf_init(&para);
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
				input_add_group(groups, n_groups, cap_groups, &para, first_len, para_line, para_lines, false);
			para_lines = 0;
			input_add_group(groups, n_groups, cap_groups, &para, 0, line, 1, true);
			continue;
		}
		if (blank) {
			if (para_lines)
				input_add_group(groups, n_groups, cap_groups, &para, first_len, para_line, para_lines, false);
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
		input_add_group(groups, n_groups, cap_groups, &para, first_len, para_line, para_lines, false);
	strbuf_release(&para);
}

/* The first non-empty line (of groups[first]) is the headline; the rest of its group is
 * a paragraph. A byline right under it is the author; of the other groups, a short
 * line between paragraphs is a subheading, the rest are dividers and paragraphs. */
static void input_text_blocks(const char *name, const struct input_group *groups, size_t n_groups, size_t first,
			      struct document *doc)
{
	/* the first line, squeezed, is where the joined text's headline ends */
	size_t cut = groups[first].first_len;
	const char *rest = groups[first].text + cut;

	doc->headline = xstrndup(groups[first].text, cut);
	doc->headline_line = groups[first].line;
	while (*rest == ' ')
		rest++;
	if (*rest)
		document_add_block(doc, BLOCK_PARAGRAPH, xstrdup(rest), groups[first].line + 1);

	for (size_t i = first + 1; i < n_groups; i++) {
		const struct input_group *g = &groups[i];
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
}

int input_parse_text(const char *name, const char *data, size_t len, struct document *doc)
{
	struct input_group *groups = NULL;
	size_t n_groups = 0, cap_groups = 0, first = 0;
	char *text = NULL;
	int ret = -1;

	free(doc->name);
	doc->name = xstrdup(name);
	if (input_check_text(name, data, len) < 0)
		goto out;
	text = xstrndup(data, len);
	doc->n_stripped = input_strip_controls(text);
	if (doc->n_stripped)
		log_verbose("'%s': removed %zu control characters", name, doc->n_stripped);
	input_group_lines(text, &groups, &n_groups, &cap_groups);
	while (first < n_groups && groups[first].divider)
		first++;
	if (first == n_groups) {
		log_error("'%s' is empty: no headline and no text", name);
		goto out;
	}
	input_text_blocks(name, groups, n_groups, first, doc);
	input_tidy(doc);
	ret = 0;
out:
	for (size_t i = 0; i < n_groups; i++)
		free(groups[i].text);
	free(groups);
	free(text);
	return ret;
}
