/* lexicon: pronunciations for names espeak-ng gets wrong, as respellings or espeak-ng phonemes, applied before synthesis. */
#include "lexicon.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

struct lexicon_entry {
	char *phrase;
	char *replacement;
	bool phonemes;
	bool capitals;	/* matched case-sensitively */
};

/*
 * All entries of one kind (case-sensitive, or not) are one alternation, a
 * group each, in the order they were read: one pass finds every entry, and at
 * a given place the first entry listed wins. Hundreds of separate patterns
 * cost megabytes and a pass each.
 */
struct lexicon_pass {
	URegularExpression *re;
	size_t *entry;		/* the entry of each group (group k → entry[k - 1]) */
	size_t n;
};

struct lexicon {
	struct lexicon_entry *items;
	size_t n, cap;
	struct lexicon_pass pass[2];	/* entries with capitals, then the rest */
};

static const UChar lexicon_empty[1] = { 0 };

struct lexicon *lexicon_new(void)
{
	return xcalloc(1, sizeof(struct lexicon));
}

void lexicon_free(struct lexicon *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->n; i++) {
		free(lex->items[i].phrase);
		free(lex->items[i].replacement);
	}
	for (int k = 0; k < 2; k++) {
		if (lex->pass[k].re)
			uregex_close(lex->pass[k].re);
		free(lex->pass[k].entry);
	}
	free(lex->items);
	free(lex);
}

size_t lexicon_count(const struct lexicon *lex)
{
	return lex->n;
}

static int lexicon_add(struct lexicon *lex, const char *name, int line, const char *phrase, const char *replacement)
{
	bool capitals = false, phonemes = strncmp(replacement, "[[", 2) == 0;

	if (phonemes && (!util_ends_with(replacement, "]]") || strstr(replacement + 2, "[[") ||
			 strstr(replacement, "]]") != replacement + strlen(replacement) - 2)) {
		log_error("'%s' line %d: phonemes must be one [[...]]", name, line);
		return -1;
	}
	if (!phonemes && (strstr(replacement, "[[") || strstr(replacement, "]]"))) {
		log_error("'%s' line %d: a respelling cannot hold '[[' or ']]'", name, line);
		return -1;
	}
	if (strstr(phrase, "\\E")) {
		log_error("'%s' line %d: cannot use '%s' as a phrase", name, line, phrase);
		return -1;
	}
	for (const char *p = phrase; *p; p++)
		capitals |= isupper((unsigned char)*p) != 0;
	util_grow((void **)&lex->items, &lex->cap, lex->n + 1, sizeof *lex->items);
	lex->items[lex->n++] = (struct lexicon_entry){ xstrdup(phrase), xstrdup(replacement), phonemes, capitals };
	return 0;
}

/* Builds the two alternations from the entries read so far. */
static int lexicon_compile(struct lexicon *lex, const char *name)
{
	for (int k = 0; k < 2; k++) {
		struct lexicon_pass *p = &lex->pass[k];
		struct strbuf pat;
		UParseError perr;
		UErrorCode err = U_ZERO_ERROR;

		if (p->re)
			uregex_close(p->re);
		free(p->entry);
		memset(p, 0, sizeof *p);
		p->entry = xcalloc(lex->n ? lex->n : 1, sizeof *p->entry);
		strbuf_init(&pat);
		/* whole words: no letter or digit on either side; the class is matched as it is ((?-i:)),
		 * since closing it over case costs ICU milliseconds and adds nothing but U+0345 */
		strbuf_adds(&pat, "(?<!(?-i:[\\p{L}\\p{N}]))(?:");
		for (size_t i = 0; i < lex->n; i++) {
			if (lex->items[i].capitals != (k == 0))
				continue;
			strbuf_addf(&pat, "%s(\\Q%s\\E)", p->n ? "|" : "", lex->items[i].phrase);
			p->entry[p->n++] = i;
		}
		strbuf_adds(&pat, ")(?!(?-i:[\\p{L}\\p{N}]))");
		if (p->n)
			p->re = util_regex_open(pat.buf, k == 0 ? 0 : UREGEX_CASE_INSENSITIVE, &perr, &err);
		strbuf_release(&pat);
		if (U_FAILURE(err)) {
			log_error("'%s': cannot compile the lexicon: %s", name, u_errorName(err));
			return -1;
		}
	}
	return 0;
}

struct lexicon_parse {
	struct lexicon *lex;
	const char *name;
};

static int lexicon_parse_line(char *line, int number, void *ud)
{
	struct lexicon_parse *p = ud;
	char *hash = strchr(line, '#'), *eq;

	if (hash)
		*hash = '\0';
	eq = strchr(line, '=');
	if (!eq || strchr(eq + 1, '=')) {
		log_error("'%s' line %d: expected 'WORD = PRONUNCIATION'", p->name, number);
		return -1;
	}
	*eq = '\0';
	line = util_trim(line);
	eq = util_trim(eq + 1);
	if (!*line || !*eq) {
		log_error("'%s' line %d: expected 'WORD = PRONUNCIATION'", p->name, number);
		return -1;
	}
	return lexicon_add(p->lex, p->name, number, line, eq);
}

int lexicon_parse(struct lexicon *lex, const char *name, const char *text)
{
	struct lexicon_parse p = { lex, name };
	char *copy = xstrdup(text);
	int ret = util_each_line(copy, lexicon_parse_line, &p) < 0 ? -1 : 0;

	free(copy);
	if (ret == 0)
		ret = lexicon_compile(lex, name);
	return ret;
}

int lexicon_load(struct lexicon *lex, const char *path)
{
	char *text = NULL;
	size_t len;
	int ret;

	if (util_read_regular(path, "lexicon", 4u << 20, 0, &text, &len) < 0)
		return -1;
	ret = lexicon_parse(lex, path, text);
	free(text);
	return ret;
}

/* Replaces every match of one pass in in, into out; sets *phonemes if it put any in. */
static void lexicon_replace(const struct lexicon *lex, const struct lexicon_pass *p, const char *in,
			    struct strbuf *out, bool *phonemes)
{
	UErrorCode err = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, in, -1, &err);
	int64_t last = 0;

	uregex_setUText(p->re, ut, &err);
	while (U_SUCCESS(err) && uregex_findNext(p->re, &err)) {
		int64_t s = uregex_start64(p->re, 0, &err), end = uregex_end64(p->re, 0, &err);
		const struct lexicon_entry *e = NULL;

		for (size_t g = 1; g <= p->n && !e; g++)
			if (uregex_start64(p->re, (int32_t)g, &err) >= 0)
				e = &lex->items[p->entry[g - 1]];
		strbuf_add(out, in + last, (size_t)(s - last));
		strbuf_adds(out, e ? e->replacement : "");
		*phonemes |= e && e->phonemes;
		last = end;
	}
	strbuf_adds(out, in + last);
	err = U_ZERO_ERROR;
	uregex_setText(p->re, lexicon_empty, 0, &err);
	utext_close(ut);
}

char *lexicon_apply(const struct lexicon *lex, const char *text, bool *phonemes)
{
	struct strbuf a, b;

	*phonemes = false;
	strbuf_init(&a);
	/* the article's own brackets are text, never phonemes */
	for (const char *p = text; *p; p++) {
		strbuf_addc(&a, *p);
		if ((*p == '[' && p[1] == '[') || (*p == ']' && p[1] == ']'))
			strbuf_addc(&a, ' ');
	}
	strbuf_init(&b);
	for (int k = 0; k < 2; k++) {
		struct strbuf t;

		if (!lex->pass[k].re)
			continue;
		strbuf_reset(&b);
		lexicon_replace(lex, &lex->pass[k], a.buf, &b, phonemes);
		t = a;
		a = b;
		b = t;
	}
	strbuf_release(&b);
	return strbuf_detach(&a);
}
