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
	URegularExpression *re;
};

struct lexicon {
	struct lexicon_entry *items;
	size_t n, cap;
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
		uregex_close(lex->items[i].re);
	}
	free(lex->items);
	free(lex);
}

size_t lexicon_count(const struct lexicon *lex)
{
	return lex->n;
}

static char *lexicon_trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int lexicon_add(struct lexicon *lex, const char *name, int line, const char *phrase, const char *replacement)
{
	struct strbuf pat;
	UParseError perr;
	UErrorCode err = U_ZERO_ERROR;
	URegularExpression *re;
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
	for (const char *p = phrase; *p; p++)
		capitals |= isupper((unsigned char)*p) != 0;
	strbuf_init(&pat);
	/* whole words: no letter or digit on either side */
	strbuf_adds(&pat, "(?<![\\p{L}\\p{N}])\\Q");
	strbuf_adds(&pat, phrase);
	strbuf_adds(&pat, "\\E(?![\\p{L}\\p{N}])");
	re = util_regex_open(pat.buf, capitals ? 0 : UREGEX_CASE_INSENSITIVE, &perr, &err);
	strbuf_release(&pat);
	if (U_FAILURE(err) || strstr(phrase, "\\E")) {
		log_error("'%s' line %d: cannot use '%s' as a phrase", name, line, phrase);
		if (re)
			uregex_close(re);
		return -1;
	}
	util_grow((void **)&lex->items, &lex->cap, lex->n + 1, sizeof *lex->items);
	lex->items[lex->n++] = (struct lexicon_entry){ xstrdup(phrase), xstrdup(replacement), phonemes, re };
	return 0;
}

int lexicon_parse(struct lexicon *lex, const char *name, const char *text)
{
	char *copy = xstrdup(text), *p, *next;
	int line = 0, ret = 0;

	for (p = copy; p && ret == 0; p = next) {
		char *eq, *hash;

		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		line++;
		hash = strchr(p, '#');
		if (hash)
			*hash = '\0';
		p = lexicon_trim(p);
		if (!*p)
			continue;
		eq = strchr(p, '=');
		if (!eq || strchr(eq + 1, '=')) {
			log_error("'%s' line %d: expected 'WORD = PRONUNCIATION'", name, line);
			ret = -1;
			break;
		}
		*eq = '\0';
		if (!*lexicon_trim(p) || !*lexicon_trim(eq + 1)) {
			log_error("'%s' line %d: expected 'WORD = PRONUNCIATION'", name, line);
			ret = -1;
			break;
		}
		ret = lexicon_add(lex, name, line, lexicon_trim(p), lexicon_trim(eq + 1));
	}
	free(copy);
	return ret;
}

int lexicon_load(struct lexicon *lex, const char *path)
{
	char *text = NULL;
	size_t len;
	int ret;

	if (util_read_file(path, 4u << 20, &text, &len) < 0)
		return -1;
	ret = lexicon_parse(lex, path, text);
	free(text);
	return ret;
}

/* Replaces every match of one entry in in, into out. */
static bool lexicon_replace(const struct lexicon_entry *e, const char *in, struct strbuf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, in, -1, &err);
	int64_t last = 0;
	bool any = false;

	uregex_setUText(e->re, ut, &err);
	while (U_SUCCESS(err) && uregex_findNext(e->re, &err)) {
		int64_t s = uregex_start64(e->re, 0, &err), end = uregex_end64(e->re, 0, &err);

		strbuf_add(out, in + last, (size_t)(s - last));
		strbuf_adds(out, e->replacement);
		last = end;
		any = true;
	}
	strbuf_adds(out, in + last);
	err = U_ZERO_ERROR;
	uregex_setText(e->re, lexicon_empty, 0, &err);
	utext_close(ut);
	return any;
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
	for (size_t i = 0; i < lex->n; i++) {
		struct strbuf t;

		strbuf_reset(&b);
		if (lexicon_replace(&lex->items[i], a.buf, &b) && lex->items[i].phonemes)
			*phonemes = true;
		t = a;
		a = b;
		b = t;
	}
	strbuf_release(&b);
	return strbuf_detach(&a);
}
