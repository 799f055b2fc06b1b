/* segment: splits a document's blocks into spoken segments (sentences) with roles and the breaks after them. */
#include "segment.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/udat.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

struct segment_abbrev {
	char *word;
	int may_end;	/* SEGMENT_BEFORE_ORDINAL: a word after which "5." is an ordinal ("den #.") */
};

enum { SEGMENT_BEFORE_ORDINAL = 3 };

struct segment_abbrevs {
	struct segment_abbrev *items;
	size_t n, cap;
	char locale[32];	/* ICU's, for its sentence breaker and month names */
};

struct segment_abbrevs *segment_abbrevs_new(void)
{
	struct segment_abbrevs *ab = xcalloc(1, sizeof(struct segment_abbrevs));

	strcpy(ab->locale, "en_US");
	return ab;
}

void segment_abbrevs_set_locale(struct segment_abbrevs *ab, const char *locale)
{
	snprintf(ab->locale, sizeof ab->locale, "%s", locale);
}

void segment_abbrevs_free(struct segment_abbrevs *ab)
{
	if (!ab)
		return;
	for (size_t i = 0; i < ab->n; i++)
		free(ab->items[i].word);
	free(ab->items);
	free(ab);
}

void segment_abbrevs_add(struct segment_abbrevs *ab, const char *word, int may_end)
{
	util_grow((void **)&ab->items, &ab->cap, ab->n + 1, sizeof *ab->items);
	ab->items[ab->n].word = xstrdup(word);
	ab->items[ab->n].may_end = may_end;
	ab->n++;
}

struct segment_parse {
	struct segment_abbrevs *ab;
	const char *path;
};

static int segment_parse_line(char *line, int number, void *ud)
{
	struct segment_parse *p = ud;
	char *word = strtok(line, " \t\r"), *flag = strtok(NULL, " \t\r");
	bool ordinal = flag && strcmp(flag, "#.") == 0;

	if ((flag && !ordinal && strcmp(flag, "*") != 0) || strtok(NULL, " \t\r") ||
	    (!ordinal && !util_ends_with(word, "."))) {
		log_error("'%s' line %d: expected an abbreviation ending in '.', optionally followed by '*', "
			  "or a word and '#.'", p->path, number);
		return -1;
	}
	segment_abbrevs_add(p->ab, word, ordinal ? SEGMENT_BEFORE_ORDINAL : flag != NULL);
	return 0;
}

int segment_abbrevs_load(struct segment_abbrevs *ab, const char *path)
{
	struct segment_parse p = { ab, path };
	char *text = NULL;
	size_t len;
	int ret;

	if (util_read_regular(path, NULL, 1u << 20, 0, &text, &len) < 0)
		return -1;
	ret = util_each_line(text, segment_parse_line, &p) < 0 ? -1 : 0;
	free(text);
	return ret;
}

void segment_list_init(struct segment_list *list)
{
	memset(list, 0, sizeof *list);
}

void segment_list_release(struct segment_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		free(list->items[i].text);
		free(list->items[i].written);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}

void segment_list_add(struct segment_list *list, char *text, enum segment_role role, enum segment_break brk,
		      int line)
{
	struct segment *s;

	util_grow((void **)&list->items, &list->cap, list->n + 1, sizeof *list->items);
	s = &list->items[list->n++];
	s->text = text;
	s->written = xstrdup(text);
	s->role = role;
	s->brk = brk;
	s->pause_ms = 0;
	s->line = line;
	s->phonemes = false;
}

/* How the word before a candidate boundary bears on it: 0 not an abbreviation,
 * 1 never ends a sentence, 2 ends one only before a capital letter. */
static int segment_abbrev_kind(const struct segment_abbrevs *ab, const char *word)
{
	size_t n = strlen(word);

	/* A lone capital and a full stop is an initial: "John F. Kennedy". */
	if (n == 2 && isupper((unsigned char)word[0]) && word[1] == '.')
		return 1;
	for (size_t i = 0; i < ab->n; i++)
		if (ab->items[i].may_end != SEGMENT_BEFORE_ORDINAL && strcmp(ab->items[i].word, word) == 0)
			return ab->items[i].may_end ? 2 : 1;
	/* an elided article before it, as Italian and French write: "l'on.", "dell’art." */
	for (const char *p = word + n; p > word; p--)
		if (p[-1] == '\'' || (p - word >= 3 && memcmp(p - 3, "\xe2\x80\x99", 3) == 0))
			return p < word + n ? segment_abbrev_kind(ab, p) : 0;
	return 0;
}

/* Whether the boundary at end follows a number and its full stop ("5.") whose word before is
 * one of the list's "WORD #." lines: "auf den 5. Platz" is an ordinal, not a sentence's end. */
static bool segment_is_ordinal(const struct segment_abbrevs *ab, const UChar *u, int32_t end)
{
	int32_t e = end, s;
	char word[16];
	int32_t n = 0;
	UErrorCode err = U_ZERO_ERROR;

	while (e > 0 && u_isUWhiteSpace(u[e - 1]))
		e--;
	if (e < 2 || u[e - 1] != '.')
		return false;
	for (s = e - 1; s > 0 && u[s - 1] >= '0' && u[s - 1] <= '9'; s--)
		;
	if (s == e - 1 || e - 1 - s > 3 || (s > 0 && !u_isUWhiteSpace(u[s - 1])))
		return false;
	while (s > 0 && u_isUWhiteSpace(u[s - 1]))
		s--;
	e = s;
	while (s > 0 && !u_isUWhiteSpace(u[s - 1]) && e - s < 15)
		s--;
	u_strToUTF8(word, sizeof word, &n, u + s, e - s, &err);
	if (U_FAILURE(err) || n >= (int32_t)sizeof word || s == e)
		return false;
	for (size_t i = 0; i < ab->n; i++)
		if (ab->items[i].may_end == SEGMENT_BEFORE_ORDINAL && strcmp(ab->items[i].word, word) == 0)
			return true;
	return false;
}

/* The last word of u[0..end), without white space or opening punctuation, as UTF-8. */
static char *segment_last_word(const UChar *u, int32_t end)
{
	int32_t e = end, s;
	char buf[64];
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = 0;

	while (e > 0 && u_isUWhiteSpace(u[e - 1]))
		e--;
	s = e;
	while (s > 0 && !u_isUWhiteSpace(u[s - 1]) && u[s - 1] != '(' && u[s - 1] != '"' && u[s - 1] != 0x201c)
		s--;
	u_strToUTF8(buf, sizeof buf, &n, u + s, e - s, &err);
	if (U_FAILURE(err) || n >= (int32_t)sizeof buf)
		return xstrdup("");
	return xstrndup(buf, (size_t)n);
}

/* Whether u[at..] starts (past spaces) with one of the locale's month names, in full or abbreviated:
 * "24. Juli" and "3. Okt." are ordinal dates, not sentences that end in "24." and "3.". */
static bool segment_next_is_month(const char *locale, const UChar *u, int32_t len, int32_t at)
{
	UErrorCode err = U_ZERO_ERROR;
	UDateFormat *df;
	bool found = false;

	while (at < len && u_isUWhiteSpace(u[at]))
		at++;
	df = udat_open(UDAT_NONE, UDAT_LONG, locale, NULL, 0, NULL, 0, &err);
	if (U_FAILURE(err))
		return false;
	/* the names in full, then as the locale abbreviates them ("Okt.", "janv.") */
	for (int32_t i = 0; i < 24 && !found; i++) {
		UChar name[64];
		int32_t n;

		err = U_ZERO_ERROR;
		n = udat_getSymbols(df, i < 12 ? UDAT_MONTHS : UDAT_SHORT_MONTHS, i % 12, name, 64, &err);
		found = U_SUCCESS(err) && n > 0 && n < 64 && at + n <= len && u_strncmp(u + at, name, n) == 0 &&
			(at + n == len || !u_isalpha(u[at + n]));
	}
	udat_close(df);
	return found;
}

/* Whether word is a day of the month and its full stop: "1." to "31.". */
static bool segment_is_day(const char *word)
{
	size_t n = strlen(word);

	return (n == 2 || n == 3) && word[n - 1] == '.' && isdigit((unsigned char)word[0]) &&
	       (n == 2 || isdigit((unsigned char)word[1])) && atoi(word) >= 1 && atoi(word) <= 31;
}

static bool segment_next_is_upper(const UChar *u, int32_t len, int32_t at)
{
	while (at < len) {
		UChar32 c;

		U16_NEXT(u, at, len, c);
		if (u_isUWhiteSpace(c) || c == '"' || c == 0x201c || c == '(')
			continue;
		return u_isupper(c);
	}
	return true;
}

static bool segment_has_alnum(const UChar *u, int32_t len)
{
	for (int32_t i = 0; i < len;) {
		UChar32 c;

		U16_NEXT(u, i, len, c);
		if (u_isalnum(c))
			return true;
	}
	return false;
}

static char *segment_utf8(const UChar *u, int32_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = 0;
	char *s;

	u_strToUTF8(NULL, 0, &n, u, len, &err);
	err = U_ZERO_ERROR;
	s = xmalloc((size_t)n + 1);
	u_strToUTF8(s, n + 1, NULL, u, len, &err);
	s[n] = '\0';
	util_squeeze_spaces(s);
	return s;
}

/* Passes u[start, end) on as sentences of at most SEGMENT_MAX_CHARS, cut at the
 * last space before the limit: a text with no full stop must not become one
 * giant call to espeak-ng, nor one giant buffer of its speech. */
static void segment_emit(const UChar *u, int32_t start, int32_t end, void (*add)(char *sentence, void *ud),
			 void *ud)
{
	while (start < end) {
		int32_t cut = end;

		if (end - start > SEGMENT_MAX_CHARS) {
			cut = start + SEGMENT_MAX_CHARS;
			while (cut > start && !u_isUWhiteSpace(u[cut]))
				cut--;
			if (cut == start) {
				/* one word longer than the limit: cut it, but not inside a character */
				cut = start + SEGMENT_MAX_CHARS;
				if (U16_IS_TRAIL(u[cut]))
					cut--;
			}
		}
		/* a sentence of only punctuation ("—", "***") has nothing to say */
		if (segment_has_alnum(u + start, cut - start))
			add(segment_utf8(u + start, cut - start), ud);
		start = cut;
	}
}

int segment_sentences(const struct segment_abbrevs *ab, const char *text,
		      void (*add)(char *sentence, void *ud), void *ud)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = NULL;
	UChar *u = NULL;
	int32_t len = 0, start = 0, b;
	int ret = -1;

	u_strFromUTF8(NULL, 0, &len, text, -1, &err);
	err = U_ZERO_ERROR;
	u = xmalloc(((size_t)len + 1) * sizeof *u);
	u_strFromUTF8(u, len + 1, NULL, text, -1, &err);
	if (U_FAILURE(err))
		goto fail;
	bi = ubrk_open(UBRK_SENTENCE, ab->locale, u, len, &err);
	if (U_FAILURE(err))
		goto fail;
	for (b = ubrk_following(bi, 0); b != UBRK_DONE; b = ubrk_next(bi)) {
		if (b < len) {
			char *word = segment_last_word(u, b);
			int kind = segment_abbrev_kind(ab, word);
			bool date = segment_is_day(word) && segment_next_is_month(ab->locale, u, len, b);

			free(word);
			if (kind == 1 || date || (kind == 2 && !segment_next_is_upper(u, len, b)) ||
			    segment_is_ordinal(ab, u, b))
				continue;
		}
		segment_emit(u, start, b, add, ud);
		start = b;
	}
	ret = 0;
	goto out;
fail:
	log_error("cannot split '%.40s' into sentences: %s", text, u_errorName(err));
out:
	if (bi)
		ubrk_close(bi);
	free(u);
	return ret;
}

struct segment_adder {
	struct segment_list *list;
	enum segment_role role;
	int line;
};

static void segment_add_sentence(char *sentence, void *ud)
{
	struct segment_adder *a = ud;

	segment_list_add(a->list, sentence, a->role, BREAK_SENTENCE, a->line);
}

/* Raises the break after the last segment to brk when brk's pause is longer. */
static void segment_raise_break(struct segment_list *list, enum segment_break brk, const int pause_ms[BREAK_COUNT])
{
	struct segment *last;

	if (!list->n)
		return;
	last = &list->items[list->n - 1];
	if (pause_ms[brk] > pause_ms[last->brk] || (pause_ms[brk] == pause_ms[last->brk] && brk > last->brk))
		last->brk = brk;
}

int segment_document(const struct document *doc, const struct segment_abbrevs *ab,
		     const int pause_ms[BREAK_COUNT], struct segment_list *out)
{
	if (doc->headline)
		segment_list_add(out, xstrdup(doc->headline), ROLE_HEADLINE, BREAK_HEADLINE, doc->headline_line);
	for (size_t i = 0; i < doc->n_blocks; i++) {
		const struct block *b = &doc->blocks[i];
		struct segment_adder adder = { out, b->kind == BLOCK_QUOTE ? ROLE_QUOTE : ROLE_BODY, b->line };

		switch (b->kind) {
		case BLOCK_DIVIDER:
			segment_raise_break(out, BREAK_SECTION, pause_ms);
			break;
		case BLOCK_HEADING:
			segment_raise_break(out, BREAK_SECTION, pause_ms);
			segment_list_add(out, xstrdup(b->text), ROLE_SUBHEADING, BREAK_SUBHEADING, b->line);
			break;
		case BLOCK_PARAGRAPH:
		case BLOCK_QUOTE:
			if (segment_sentences(ab, b->text, segment_add_sentence, &adder) < 0)
				return -1;
			segment_raise_break(out, BREAK_PARAGRAPH, pause_ms);
			break;
		}
	}
	for (size_t i = 0; i < out->n; i++)
		out->items[i].pause_ms = pause_ms[out->items[i].brk];
	/* The article's end: what follows is the episode's business (silence, or the next article). */
	if (out->n) {
		out->items[out->n - 1].brk = BREAK_ARTICLE;
		out->items[out->n - 1].pause_ms = 0;
	}
	return 0;
}

const char *segment_role_name(enum segment_role role)
{
	static const char *const names[] = { "headline", "subheading", "body", "quote" };

	return names[role];
}

const char *segment_break_name(enum segment_break brk)
{
	static const char *const names[] = { "sentence", "paragraph", "headline", "subheading", "section",
					     "article" };

	return names[brk];
}
