/* lexicon: pronunciations for names espeak-ng gets wrong, as respellings or espeak-ng phonemes, applied before synthesis. */
#include "lexicon.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

struct lexicon_entry {
	char *phrase;
	char *replacement;
	size_t len;	/* the phrase's, in bytes: matched at every candidate place */
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
	USet *first;		/* the characters an entry can start with (in any case, for the case-blind pass) */
	bool caseless;		/* the pass of entries in lower case, matched whatever the text's case */
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
		if (lex->pass[k].first)
			uset_close(lex->pass[k].first);
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
	lex->items[lex->n++] = (struct lexicon_entry){ xstrdup(phrase), xstrdup(replacement), strlen(phrase),
						       phonemes, capitals };
	return 0;
}

/* Adds the character phrase starts with to first. */
static void lexicon_add_first(USet *first, const char *phrase)
{
	UChar32 c;
	int32_t i = 0, n = (int32_t)strlen(phrase);

	U8_NEXT(phrase, i, n, c);
	if (c < 0)	/* not UTF-8: a match may start anywhere */
		uset_addRange(first, 0, 0x10ffff);
	else
		uset_add(first, c);
}

/* For the case-blind pass: adds to first every character ICU's case-blind match could start with, as it
 * compares full case foldings: the other cases of each ("É" for "é"), what an entry's own first character
 * folds to begin with ("f" for "ﬁ"), and the characters whose folding begins with one of them ("ß" folds
 * to "ss", "ﬁ" to "fi"). */
static void lexicon_close_first(USet *first)
{
	USet *changing = uset_openEmpty(), *heads = uset_openEmpty();
	UErrorCode err = U_ZERO_ERROR;
	UChar s[16];

	uset_closeOver(first, USET_CASE_INSENSITIVE);
	/* gathered apart: adding to first while reading its items would move them */
	for (int32_t k = 0, m = uset_getItemCount(first); k < m; k++) {
		UChar32 lo, hi, head;
		int32_t len = uset_getItem(first, k, &lo, &hi, s, (int32_t)(sizeof s / sizeof *s), &err), j = 0;

		if (U_FAILURE(err)) {
			err = U_ZERO_ERROR;
			continue;
		}
		if (len > 0) {	/* a string of the closure: its first character */
			U16_NEXT(s, j, len, head);
			uset_add(heads, head);
		}
	}
	uset_addAll(first, heads);
	uset_close(heads);
	uset_closeOver(first, USET_CASE_INSENSITIVE);
	uset_removeAllStrings(first);
	uset_applyIntPropertyValue(changing, UCHAR_CHANGES_WHEN_CASEFOLDED, 1, &err);
	for (int32_t k = 0, m = U_SUCCESS(err) ? uset_getItemCount(changing) : 0; k < m; k++) {
		UChar32 lo, hi;

		if (uset_getItem(changing, k, &lo, &hi, NULL, 0, &err) != 0 || U_FAILURE(err))
			break;
		for (UChar32 c = lo; c <= hi; c++) {
			UChar one[2], folded[8];
			int32_t n1 = 0, n2, j = 0;
			UChar32 head;

			U16_APPEND_UNSAFE(one, n1, c);
			n2 = u_strFoldCase(folded, 8, one, n1, U_FOLD_CASE_DEFAULT, &err);
			if (U_FAILURE(err) || n2 <= 0) {
				err = U_ZERO_ERROR;
				continue;
			}
			U16_NEXT(folded, j, n2, head);
			if (uset_contains(first, head))
				uset_add(first, c);
		}
	}
	uset_close(changing);
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
		if (p->first)
			uset_close(p->first);
		free(p->entry);
		memset(p, 0, sizeof *p);
		p->entry = xcalloc(lex->n ? lex->n : 1, sizeof *p->entry);
		p->first = uset_openEmpty();
		p->caseless = k == 1;
		strbuf_init(&pat);
		/* whole words: no letter or digit on either side; the class is matched as it is ((?-i:)),
		 * since closing it over case costs ICU milliseconds and adds nothing but U+0345 */
		strbuf_adds(&pat, "(?<!(?-i:[\\p{L}\\p{N}]))(?:");
		for (size_t i = 0; i < lex->n; i++) {
			if (lex->items[i].capitals != (k == 0))
				continue;
			strbuf_addf(&pat, "%s(\\Q%s\\E)", p->n ? "|" : "", lex->items[i].phrase);
			p->entry[p->n++] = i;
			lexicon_add_first(p->first, lex->items[i].phrase);
		}
		if (k == 1 && p->n)
			lexicon_close_first(p->first);
		uset_freeze(p->first);
		strbuf_adds(&pat, ")(?!(?-i:[\\p{L}\\p{N}]))");
		/* the case-sensitive pass is matched by hand (lexicon_match_exact): only the other needs ICU */
		if (p->n && p->caseless)
			p->re = util_regex_open(pat.buf, UREGEX_CASE_INSENSITIVE, &perr, &err);
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

/* Whether c is a letter or a digit: what the pattern's [\p{L}\p{N}] matches (a byte that is not UTF-8 is neither). */
static bool lexicon_word_char(UChar32 c)
{
	return c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

/* The case-sensitive pass at position at of in (n bytes), as its pattern would match there: the first entry, in
 * the order read, whose phrase is the text at that place as a whole word. Done by hand, since ICU's match of an
 * alternation of hundreds of groups saves every group's place for each entry it tries. */
static const struct lexicon_entry *lexicon_match_exact(const struct lexicon *lex, const struct lexicon_pass *p,
						       const char *in, int32_t at, int32_t n, int32_t *end)
{
	UChar32 c = -1;
	int32_t i = at;

	if (at > 0) {
		U8_PREV(in, 0, i, c);
		if (lexicon_word_char(c))
			return NULL;
	}
	for (size_t k = 0; k < p->n; k++) {
		const struct lexicon_entry *e = &lex->items[p->entry[k]];
		int32_t len = (int32_t)e->len;

		if (len > n - at || memcmp(in + at, e->phrase, e->len) != 0)
			continue;
		i = at + len;
		if (i < n)
			U8_NEXT(in, i, n, c);
		if (at + len < n && lexicon_word_char(c))
			continue;
		*end = at + len;
		return e;
	}
	return NULL;
}

/* Replaces every match of one pass in in, into out; sets *phonemes if it put any in. */
static void lexicon_replace(const struct lexicon *lex, const struct lexicon_pass *p, const char *in,
			    struct strbuf *out, bool *phonemes)
{
	UErrorCode err = U_ZERO_ERROR;
	UText *ut = p->caseless ? utext_openUTF8(NULL, in, -1, &err) : NULL;
	int64_t last = 0;

	if (p->caseless)
		uregex_setUText(p->re, ut, &err);
	/* Entries are tried only where one can start: left to find its own matches, ICU tried every entry at every
	 * character, which made this most of the text stage's time. The case-blind pass matches at a place with
	 * lookingAt, which sees the text before it, so the pattern's look-behind decides as it did. */
	for (int32_t i = 0, n = (int32_t)strlen(in); U_SUCCESS(err) && i < n;) {
		int32_t at = i, stop = 0;
		UChar32 c;
		int64_t s, end;
		const struct lexicon_entry *e = NULL;

		U8_NEXT(in, i, n, c);
		if (c < 0 || !uset_contains(p->first, c))
			continue;
		if (!p->caseless) {
			if (!(e = lexicon_match_exact(lex, p, in, at, n, &stop)))
				continue;
			s = at;
			end = stop;
		} else {
			if (!uregex_lookingAt64(p->re, at, &err))
				continue;
			s = uregex_start64(p->re, 0, &err);
			end = uregex_end64(p->re, 0, &err);
			for (size_t g = 1; g <= p->n && !e; g++)
				if (uregex_start64(p->re, (int32_t)g, &err) >= 0)
					e = &lex->items[p->entry[g - 1]];
		}
		strbuf_add(out, in + last, (size_t)(s - last));
		strbuf_adds(out, e ? e->replacement : "");
		*phonemes |= e && e->phonemes;
		last = end;
		i = (int32_t)end;
	}
	strbuf_adds(out, in + last);
	if (p->caseless) {
		err = U_ZERO_ERROR;
		uregex_setText(p->re, lexicon_empty, 0, &err);
		utext_close(ut);
	}
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

		if (!lex->pass[k].n)
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
