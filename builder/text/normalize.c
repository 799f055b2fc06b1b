/* normalize: the engine, for every language: word lists, ICU number words, one pass per rule over the text. */
#include "normalize.h"
#include "normalize_lang.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

/*
 * Each rule is an ICU regular expression run over the whole text in one pass
 * (on UTF-8 directly, through UText) and a function that writes the spoken
 * form of a match, or declines it. Rules run in a fixed order: what an early
 * rule has spelled out (a date) is plain words to the later ones.
 */

static const UChar norm_empty[1] = { 0 };

struct norm_rule {
	const char *name;
	URegularExpression *re;
	norm_fn fn;
};

struct normalizer {
	const struct norm_language *lang;	/* NULL: pass through */
	char *tag;	/* the language tag it was made for: "en-gb-x-rp" */
	char *locale;	/* ICU's, for its spell-out: the language's, or the tag's for the fallback */
	char decimal[8], grouping[8];	/* the locale's separators, UTF-8; "" when ICU has none */
	UNumberFormat *cardinal, *year, *ordinal;
	/* other rule sets a language's rules asked for by name ("%spellout-ordinal-feminine"), opened once */
	struct norm_spell {
		char *ruleset;
		UNumberFormat *f;
	} spells[NORM_SPELLS];
	size_t n_spells;
	struct norm_list *lists;	/* lang's, in the order of lang->lists */
	struct norm_rule *rules;
	size_t n_rules, cap_rules;
};

/* The languages with rules; the rest pass text through. Add a language here. */
static const struct norm_language *const norm_languages[] = { &norm_en, &norm_de, &norm_fr, &norm_it, &norm_es, &norm_pt };

/* ---- data files ---- */

static void norm_list_add(struct norm_list *l, const char *key, char **values, size_t n_values, int flags)
{
	struct norm_pair *p;

	util_grow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items);
	p = &l->items[l->n++];
	memset(p, 0, sizeof *p);
	p->key = xstrdup(key);
	for (size_t i = 0; i < n_values && i < 4; i++)
		p->value[i] = xstrdup(values[i]);
	p->flags = flags;
}

static void norm_list_release(struct norm_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].key);
		for (int k = 0; k < 4; k++)
			free(l->items[i].value[k]);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

const struct norm_list *norm_list(const struct normalizer *n, int i)
{
	return &n->lists[i];
}

const struct norm_pair *norm_list_find(const struct norm_list *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return &l->items[i];
	return NULL;
}

struct norm_parse {
	struct norm_list *l;
	const char *path;
	bool bare;
};

static int norm_parse_line(char *p, int line, void *ud)
{
	struct norm_parse *np = ud;
	char *eq, *values[4], *key, *rest, *when;
	size_t n = 0;
	int flags = 0;

	if (np->bare) {
		norm_list_add(np->l, p, NULL, 0, 0);
		return 0;
	}
	eq = strstr(p, " = ");
	if (!eq) {
		log_error("'%s' line %d: expected 'KEY = VALUE'", np->path, line);
		return -1;
	}
	*eq = '\0';
	key = util_trim(p);
	rest = eq + 3;
	when = strstr(rest, " when ");
	if (when) {
		*when = '\0';
		when = util_trim(when + 6);
		if (strcmp(when, "before-name") == 0)
			flags |= NORM_BEFORE_NAME;
		else if (strcmp(when, "after-name") == 0)
			flags |= NORM_AFTER_NAME;
		else if (strcmp(when, "before-number") == 0)
			flags |= NORM_BEFORE_NUMBER;
		else if (strcmp(when, "between-names") == 0)
			flags |= NORM_BETWEEN_NAMES;
		else {
			log_error("'%s' line %d: unknown condition '%s'", np->path, line, when);
			return -1;
		}
	}
	rest = util_trim(rest);
	if (util_ends_with(rest, " *")) {
		flags |= NORM_MAY_END;
		rest[strlen(rest) - 2] = '\0';
	}
	for (char *v = rest, *bar; v && n < 4; v = bar) {
		bar = strchr(v, '|');
		if (bar)
			*bar++ = '\0';
		v = util_trim(v);
		if (strcmp(v, "spaced") == 0)
			flags |= NORM_SPACED;
		else
			values[n++] = v;
	}
	if (!*key || n == 0 || !*values[0]) {
		log_error("'%s' line %d: expected 'KEY = VALUE'", np->path, line);
		return -1;
	}
	norm_list_add(np->l, key, values, n, flags);
	return 0;
}

/* Reads "KEY = V1 | V2 ... [*] [when CONDITION]" lines (or bare "KEY" lines when bare is set) into l. */
static int norm_load(struct norm_list *l, const char *dir, const char *file, bool bare)
{
	char *path = xasprintf("%s/%s", dir, file), *text = NULL;
	struct norm_parse np = { l, path, bare };
	size_t len;
	int ret = -1;

	if (util_read_regular(path, NULL, 1u << 20, 0, &text, &len) == 0)
		ret = util_each_line(text, norm_parse_line, &np) < 0 ? -1 : 0;
	free(text);
	free(path);
	return ret;
}

/* ---- number words (ICU rule-based spell-out) ---- */

static UNumberFormat *norm_spellout(const char *locale, const char *ruleset)
{
	UErrorCode err = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &err);
	UChar rs[64];

	if (U_FAILURE(err))
		return NULL;
	u_uastrncpy(rs, ruleset, 63);
	rs[63] = 0;
	unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, rs, -1, &err);
	if (U_FAILURE(err)) {
		unum_close(f);
		return NULL;
	}
	return f;
}

/* v in f's words (an integer when frac is false); the digits when f is NULL or ICU fails. */
static void norm_format_number(const UNumberFormat *f, int64_t v, double d, bool frac, struct strbuf *out)
{
	UChar buf[256];
	char utf8[768];
	UErrorCode err = U_ZERO_ERROR;
	int32_t n;

	if (!f) {
		strbuf_addf(out, "%lld", (long long)v);
		return;
	}
	n = frac ? unum_formatDouble(f, d, buf, 256, NULL, &err) : unum_formatInt64(f, v, buf, 256, NULL, &err);

	if (U_FAILURE(err) || n >= 256) {
		strbuf_addf(out, "%lld", (long long)v);
		return;
	}
	/* ICU marks where a long word may break ("ein\u00adhundert"): no one says a soft hyphen */
	for (int32_t i = 0, j = 0; i <= n; i++)
		if (i == n || buf[i] != 0x00ad)
			buf[j++] = i == n ? 0 : buf[i];
	u_strToUTF8(utf8, sizeof utf8, NULL, buf, -1, &err);
	if (U_FAILURE(err)) {
		strbuf_addf(out, "%lld", (long long)v);
		return;
	}
	strbuf_adds(out, utf8);
}

static void norm_format(const UNumberFormat *f, int64_t v, struct strbuf *out)
{
	norm_format_number(f, v, 0, false, out);
}

/* Digits with optional thousands commas as a number; -1 when it is not one or too long. */
int64_t norm_parse_grouped(const char *s, char separator)
{
	int64_t v = 0;
	int digits = 0;

	for (; *s; s++) {
		if (*s == separator)
			continue;
		if (!isdigit((unsigned char)*s) || ++digits > NORM_MAX_DIGITS)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return digits ? v : -1;
}

int64_t norm_parse_int(const char *s)
{
	return norm_parse_grouped(s, ',');
}

void norm_digits(const struct normalizer *n, const char *word, const char *digits, struct strbuf *out)
{
	strbuf_addc(out, ' ');
	strbuf_adds(out, word);
	for (const char *d = digits; *d; d++) {
		strbuf_addc(out, ' ');
		norm_cardinal(n, *d - '0', out);
	}
}

void norm_cardinal(const struct normalizer *n, int64_t v, struct strbuf *out)
{
	norm_format(n->cardinal, v, out);
}

void norm_ordinal(const struct normalizer *n, int64_t v, struct strbuf *out)
{
	norm_format(n->ordinal, v, out);
}

void norm_year_words(const struct normalizer *n, int64_t v, struct strbuf *out)
{
	norm_format(n->year, v, out);
}

int norm_spell_double(const struct normalizer *n, double v, struct strbuf *out)
{
	if (!n->cardinal)
		return -1;
	norm_format_number(n->cardinal, (int64_t)v, v, true, out);
	return 0;
}

const char *norm_locale(const struct normalizer *n)
{
	return n->locale;
}

int norm_spell(struct normalizer *n, const char *ruleset, int64_t v, struct strbuf *out)
{
	UNumberFormat *f = NULL;

	for (size_t i = 0; i < n->n_spells && !f; i++)
		if (strcmp(n->spells[i].ruleset, ruleset) == 0)
			f = n->spells[i].f;
	if (!f) {
		if (n->n_spells == NORM_SPELLS || !(f = norm_spellout(n->locale, ruleset)))
			return -1;
		n->spells[n->n_spells++] = (struct norm_spell){ xstrdup(ruleset), f };
	}
	norm_format(f, v, out);
	return 0;
}

/* ---- context helpers ---- */

/* The word that ends just before byte at (skipping spaces), copied into buf. */
const char *norm_word_before(const char *text, int64_t at, char *buf, size_t size)
{
	int64_t e = at, s;

	while (e > 0 && text[e - 1] == ' ')
		e--;
	s = e;
	/* no further back than buf holds: a run with no space costs size, not its length */
	while (s > 0 && (size_t)(e - s) < size - 1 && !isspace((unsigned char)text[s - 1]) && text[s - 1] != '(' &&
	       text[s - 1] != '"')
		s--;
	memcpy(buf, text + s, (size_t)(e - s));
	buf[e - s] = '\0';
	return buf;
}

/* The word that starts just after byte at (skipping spaces), copied into buf. */
const char *norm_word_after(const char *text, int64_t at, char *buf, size_t size)
{
	const char *s = text + at, *e;

	while (*s == ' ')
		s++;
	e = s;
	while (*e && !isspace((unsigned char)*e) && (size_t)(e - s) < size - 1)
		e++;
	memcpy(buf, s, (size_t)(e - s));
	buf[e - s] = '\0';
	return buf;
}

bool norm_is_capitalised(const char *w)
{
	int32_t i = 0, len = (int32_t)strlen(w);
	UChar32 c;

	while (i < len) {
		U8_NEXT(w, i, len, c);
		if (u_isalpha(c))
			return u_isupper(c) || u_istitle(c);
		if (c != '"' && c != 0x201c && c != '(' && c != '\'')
			return false;
	}
	return false;
}

/* Lower-cases ASCII letters of w and strips trailing punctuation, in place. */
char *norm_bare_lower(char *w)
{
	size_t n = strlen(w);

	while (n && ispunct((unsigned char)w[n - 1]))
		w[--n] = '\0';
	for (char *p = w; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return w;
}

bool norm_in_list(const struct norm_list *l, const char *word)
{
	return norm_list_find(l, word) != NULL;
}

bool norm_list_has(const struct norm_list *l, const char *kind, const char *word)
{
	size_t k = strlen(kind);

	for (size_t i = 0; i < l->n; i++)
		if (strncmp(l->items[i].key, kind, k) == 0 && l->items[i].key[k] == ' ' &&
		    strcmp(l->items[i].key + k + 1, word) == 0)
			return true;
	return false;
}

/* Whether a match ends the text (or the sentence): its last full stop is then kept. */
bool norm_at_end(const struct norm_match *m)
{
	const char *p = m->text + m->end;

	while (*p == ' ' || *p == '"' || *p == ')' || (unsigned char)*p == 0xe2)
		p += (unsigned char)*p == 0xe2 && p[1] ? 3 : 1;
	return *p == '\0';
}
/* ---- the pass machinery ---- */

static char *norm_regex_escape(const char *s)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (; *s; s++) {
		if (strchr("\\^$.|?*+()[]{}/", *s))
			strbuf_addc(&sb, '\\');
		strbuf_addc(&sb, *s);
	}
	return strbuf_detach(&sb);
}

static int norm_key_len_cmp(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);

	return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

/* An alternation of the list's keys, longest first, escaped: "(?:km/h|km|m)". */
static char *norm_alternation(const struct norm_list *l)
{
	char **keys = xcalloc(l->n ? l->n : 1, sizeof *keys);
	struct strbuf sb;

	for (size_t i = 0; i < l->n; i++)
		keys[i] = l->items[i].key;
	qsort(keys, l->n, sizeof *keys, norm_key_len_cmp);
	strbuf_init(&sb);
	strbuf_adds(&sb, "(?:");
	for (size_t i = 0; i < l->n; i++) {
		char *e;

		if (i && strcmp(keys[i], keys[i - 1]) == 0)
			continue;
		e = norm_regex_escape(keys[i]);
		strbuf_addf(&sb, "%s%s", sb.len > 3 ? "|" : "", e);
		free(e);
	}
	strbuf_adds(&sb, ")");
	free(keys);
	return strbuf_detach(&sb);
}

/* Compiles a rule of the language's table; a rule with a list has its keys put in its pattern. */
static int norm_add_rule(struct normalizer *n, const struct norm_rule_def *def)
{
	UParseError perr;
	UErrorCode err = U_ZERO_ERROR;
	char *pattern = NULL;
	URegularExpression *re;

	if (def->list != NORM_NO_LIST) {
		const char *at = strstr(def->pattern, "%s");
		char *keys = norm_alternation(&n->lists[def->list]);

		pattern = xasprintf("%.*s%s%s", (int)(at - def->pattern), def->pattern, keys, at + 2);
		free(keys);
	}
	re = util_regex_open(pattern ? pattern : def->pattern, 0, &perr, &err);
	free(pattern);
	if (U_FAILURE(err)) {
		log_error("normalizer rule '%s': bad pattern at %d: %s", def->name, perr.offset, u_errorName(err));
		return -1;
	}
	util_grow((void **)&n->rules, &n->cap_rules, n->n_rules + 1, sizeof *n->rules);
	n->rules[n->n_rules++] = (struct norm_rule){ def->name, re, def->fn };
	return 0;
}

static void norm_pass(struct normalizer *n, struct norm_rule *r, const char *in, struct strbuf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, in, -1, &err);
	int64_t last = 0;
	int32_t groups;

	if (U_FAILURE(err)) {
		strbuf_adds(out, in);
		return;
	}
	uregex_setUText(r->re, ut, &err);
	groups = uregex_groupCount(r->re, &err);
	if (groups >= NORM_GROUPS)
		groups = NORM_GROUPS - 1;
	while (U_SUCCESS(err) && uregex_findNext(r->re, &err)) {
		struct norm_match m = { in, uregex_start64(r->re, 0, &err), uregex_end64(r->re, 0, &err), { 0 } };
		size_t mark;

		for (int32_t g = 0; g <= groups; g++) {
			int64_t s = uregex_start64(r->re, g, &err), e = uregex_end64(r->re, g, &err);

			m.g[g] = s >= 0 ? xstrndup(in + s, (size_t)(e - s)) : xstrdup("");
		}
		for (int g = groups + 1; g < NORM_GROUPS; g++)
			m.g[g] = NULL;
		strbuf_add(out, in + last, (size_t)(m.start - last));
		mark = out->len;
		if (r->fn(n, &m, out) != 0) {
			out->len = mark;
			out->buf[mark] = '\0';
			strbuf_add(out, in + m.start, (size_t)(m.end - m.start));
		}
		last = m.end;
		for (int g = 0; g <= groups; g++)
			free(m.g[g]);
	}
	strbuf_adds(out, in + last);
	err = U_ZERO_ERROR;
	uregex_setText(r->re, norm_empty, 0, &err);
	utext_close(ut);
}

char *normalize_text(struct normalizer *n, const char *text)
{
	struct strbuf a, b;

	strbuf_init(&a);
	strbuf_adds(&a, text);
	if (!n->lang)
		return strbuf_detach(&a);
	strbuf_init(&b);
	for (size_t i = 0; i < n->n_rules; i++) {
		struct strbuf t;

		strbuf_reset(&b);
		norm_pass(n, &n->rules[i], a.buf, &b);
		t = a;
		a = b;
		b = t;
	}
	strbuf_release(&b);
	return strbuf_detach(&a);
}

/* Makes n speak lang: ICU's number words for its locale, its word lists from
 * rules_dir/CODE/, its rules compiled. */
/* Fills n's decimal and grouping symbols from ICU's for its locale, once. */
static void norm_load_separators(struct normalizer *n)
{
	UErrorCode err = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, n->locale, NULL, &err);
	UChar u[8];
	int32_t len;

	if (U_FAILURE(err))
		return;
	len = unum_getSymbol(f, UNUM_DECIMAL_SEPARATOR_SYMBOL, u, 8, &err);
	u_strToUTF8(n->decimal, sizeof n->decimal, NULL, u, len, &err);
	len = unum_getSymbol(f, UNUM_GROUPING_SEPARATOR_SYMBOL, u, 8, &err);
	u_strToUTF8(n->grouping, sizeof n->grouping, NULL, u, len, &err);
	unum_close(f);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
		n->decimal[0] = n->grouping[0] = '\0';
}

const char *norm_decimal(const struct normalizer *n)
{
	return n->decimal;
}

const char *norm_grouping(const struct normalizer *n)
{
	return n->grouping;
}

static int norm_setup(struct normalizer *n, const struct norm_language *lang, const char *locale,
		      const char *rules_dir)
{
	const char *cardinal = lang->cardinal_ruleset ? lang->cardinal_ruleset : "%spellout-cardinal";
	char *dir = NULL;
	int ret = -1;

	n->lang = lang;
	n->locale = xstrdup(lang->locale_of ? lang->locale_of(n->tag) : locale);
	norm_load_separators(n);
	n->cardinal = norm_spellout(n->locale, cardinal);
	n->year = norm_spellout(n->locale, "%spellout-numbering-year");
	n->ordinal = norm_spellout(n->locale, lang->ordinal_ruleset ? lang->ordinal_ruleset : "%spellout-ordinal");
	/* the fallback asks for no ordinals, and reads years as numbers where the locale has no rule for them */
	if (lang == &norm_any && !n->year)
		n->year = norm_spellout(n->locale, cardinal);
	if (!n->cardinal || !n->year || (!n->ordinal && lang != &norm_any)) {
		log_error("ICU has no number spell-out rules for '%s'", n->locale);
		goto out;
	}
	dir = xasprintf("%s/%s", rules_dir, lang->code);
	n->lists = xcalloc(lang->n_lists ? lang->n_lists : 1, sizeof *n->lists);
	for (size_t i = 0; i < lang->n_lists; i++)
		if (norm_load(&n->lists[i], dir, lang->lists[i].file, lang->lists[i].bare) < 0)
			goto out;
	for (size_t i = 0; i < lang->n_rules; i++)
		if (norm_add_rule(n, &lang->rules[i]) < 0)
			goto out;
	ret = 0;
out:
	free(dir);
	return ret;
}

/* ICU's locale for tag when ICU has spell-out rules of that very language ("sv" for "sv-SE"),
 * into locale; false when it would fall back to another's (Basque's are English's), or when
 * the language is not written in the Latin, Cyrillic or Greek script (normalize_any.c says why). */
static bool norm_any_locale(const char *tag, char *locale, size_t size)
{
	UErrorCode err = U_ZERO_ERROR;
	UNumberFormat *f;
	const char *actual;
	char want[ULOC_LANG_CAPACITY], got[ULOC_LANG_CAPACITY];
	bool ok;

	char likely[ULOC_FULLNAME_CAPACITY], script[ULOC_SCRIPT_CAPACITY];

	uloc_forLanguageTag(tag, locale, (int32_t)size, NULL, &err);
	if (U_FAILURE(err) || !*locale)
		return false;
	uloc_addLikelySubtags(locale, likely, sizeof likely, &err);
	uloc_getScript(likely, script, sizeof script, &err);
	if (U_FAILURE(err) || (strcmp(script, "Latn") && strcmp(script, "Cyrl") && strcmp(script, "Grek")))
		return false;
	f = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &err);
	if (U_FAILURE(err))
		return false;
	actual = unum_getLocaleByType(f, ULOC_ACTUAL_LOCALE, &err);
	uloc_getLanguage(locale, want, sizeof want, &err);
	ok = U_SUCCESS(err) && actual && uloc_getLanguage(actual, got, sizeof got, &err) > 0 && U_SUCCESS(err) &&
	     strcmp(want, got) == 0;
	unum_close(f);
	return ok;
}

struct normalizer *normalize_new(const char *language, const char *rules_dir)
{
	struct normalizer *n = xcalloc(1, sizeof *n);
	size_t len = strcspn(language, "-_");

	n->tag = xstrdup(language);

	for (size_t i = 0; i < sizeof norm_languages / sizeof norm_languages[0]; i++) {
		const struct norm_language *lang = norm_languages[i];

		if (strlen(lang->code) != len || strncmp(language, lang->code, len) != 0)
			continue;
		if (norm_setup(n, lang, lang->locale, rules_dir) < 0) {
			normalize_free(n);
			return NULL;
		}
		return n;
	}
	{
		char locale[ULOC_FULLNAME_CAPACITY];

		if (norm_any_locale(language, locale, sizeof locale) && norm_setup(n, &norm_any, locale, rules_dir) < 0) {
			normalize_free(n);
			return NULL;
		}
	}
	return n;
}

void normalize_free(struct normalizer *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n_rules; i++)
		uregex_close(n->rules[i].re);
	free(n->rules);
	if (n->cardinal)
		unum_close(n->cardinal);
	if (n->year)
		unum_close(n->year);
	if (n->ordinal)
		unum_close(n->ordinal);
	for (size_t i = 0; i < n->n_spells; i++) {
		unum_close(n->spells[i].f);
		free(n->spells[i].ruleset);
	}
	for (size_t i = 0; n->lists && i < n->lang->n_lists; i++)
		norm_list_release(&n->lists[i]);
	free(n->lists);
	free(n->tag);
	free(n->locale);
	free(n);
}

const char *normalize_language(const struct normalizer *n)
{
	return n->lang ? n->lang->code : NULL;
}

bool normalize_is_fallback(const struct normalizer *n)
{
	return n->lang == &norm_any;
}

const char *norm_tag(const struct normalizer *n)
{
	return n->tag;
}

int norm_currency(const char *locale, const char *iso, bool plural, char *buf, size_t size)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar code[4];
	UBool is_choice;
	int32_t len;
	const UChar *name;

	if (strlen(iso) != 3)
		return -1;
	u_uastrcpy(code, iso);
	name = ucurr_getPluralName(code, locale, &is_choice, plural ? "other" : "one", &len, &err);
	u_strToUTF8(buf, (int32_t)size, NULL, name, len, &err);
	return U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING ? 0 : -1;
}

void norm_month(const char *locale, int month, struct strbuf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UDateFormat *df = udat_open(UDAT_NONE, UDAT_LONG, locale, NULL, 0, NULL, 0, &err);
	UChar name[64];
	char utf8[192];
	int32_t len;

	if (U_FAILURE(err))
		return;
	len = udat_getSymbols(df, UDAT_MONTHS, month - 1, name, 64, &err);
	u_strToUTF8(utf8, sizeof utf8, NULL, name, len, &err);
	if (U_SUCCESS(err))
		strbuf_adds(out, utf8);
	udat_close(df);
}
