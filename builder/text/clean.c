/* clean: removes what must not be spoken (promos, captions, credits, repeats) using rules from a data file. */
#include "clean.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <sys/stat.h>

struct clean_rule {
	char *name;
	size_t max_words;	/* 0: any length */
	URegularExpression *re;
	long head;		/* a "then" rule: the index of the rule it follows; -1: applies anywhere */
};

/* A named piece of pattern, "{name} = PATTERN", that later patterns use as {name}. */
struct clean_def {
	char *name;
	char *pattern;
};

static const UChar clean_empty[1] = { 0 };

struct clean_rules {
	struct clean_rule *rules;
	size_t n, cap;
	struct clean_def *defs;
	size_t n_defs, cap_defs;
};

struct clean_rules *clean_rules_new(void)
{
	return xcalloc(1, sizeof(struct clean_rules));
}

void clean_rules_free(struct clean_rules *rules)
{
	if (!rules)
		return;
	for (size_t i = 0; i < rules->n; i++) {
		free(rules->rules[i].name);
		uregex_close(rules->rules[i].re);
	}
	for (size_t i = 0; i < rules->n_defs; i++) {
		free(rules->defs[i].name);
		free(rules->defs[i].pattern);
	}
	free(rules->rules);
	free(rules->defs);
	free(rules);
}

size_t clean_rules_count(const struct clean_rules *rules)
{
	return rules->n;
}

/* Splits off the next white-space separated field of *p. */
static char *clean_next_field(char **p)
{
	char *s = *p, *e;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return NULL;
	e = s + strcspn(s, " \t");
	*p = *e ? e + 1 : e;
	*e = '\0';
	return s;
}

static bool clean_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* The length of a definition's name "{name}" at p (a lower-case letter first, so that a
 * quantifier "{2,5}" is not one), or 0. */
static size_t clean_ref_len(const char *p)
{
	size_t n = 1;

	if (p[0] != '{' || !(p[1] >= 'a' && p[1] <= 'z'))
		return 0;
	while (clean_name_char(p[n]))
		n++;
	return p[n] == '}' ? n + 1 : 0;
}

static const struct clean_def *clean_find_def(const struct clean_rules *rules, const char *name, size_t n)
{
	for (size_t i = 0; i < rules->n_defs; i++)
		if (strlen(rules->defs[i].name) == n && memcmp(rules->defs[i].name, name, n) == 0)
			return &rules->defs[i];
	return NULL;
}

/* Replaces each {name} in pattern by its definition, as a group; at[i] is the column in
 * pattern that byte i of the result came from (for messages). {name} after \p, \P, \N or
 * \x is ICU's own (\p{Lu}, \x{2019}) and stays. Returns NULL (reported) on a
 * name that is not defined. */
static char *clean_expand(const struct clean_rules *rules, const char *name, int line, const char *pattern,
			  size_t **at)
{
	struct strbuf out;
	size_t *cols = NULL, cap = 0;

	strbuf_init(&out);
	for (const char *p = pattern; *p;) {
		size_t n = clean_ref_len(p), start = out.len;
		const struct clean_def *def;

		if (n && !(p - pattern >= 2 && p[-2] == '\\' && strchr("pPNx", p[-1]))) {
			def = clean_find_def(rules, p + 1, n - 2);
			if (!def) {
				log_error("'%s' line %d: '%.*s' is not defined above", name, line, (int)n, p);
				strbuf_release(&out);
				free(cols);
				return NULL;
			}
			strbuf_adds(&out, "(?:");
			strbuf_adds(&out, def->pattern);
			strbuf_addc(&out, ')');
		} else {
			strbuf_addc(&out, *p);
			n = 1;
		}
		util_grow((void **)&cols, &cap, out.len + 1, sizeof *cols);
		for (size_t i = start; i < out.len; i++)
			cols[i] = (size_t)(p - pattern);
		cols[out.len] = (size_t)(p - pattern) + n;
		p += n;
	}
	if (!cols) {
		cols = xmalloc(sizeof *cols);
		cols[0] = 0;
	}
	*at = cols;
	return strbuf_detach(&out);
}

/* Compiles pattern (its {names} expanded); reports "bad pattern at column N" of the line. */
static URegularExpression *clean_compile(const struct clean_rules *rules, const char *name, int line,
					 const char *line_start, const char *pattern)
{
	UParseError perr;
	UErrorCode err = U_ZERO_ERROR;
	URegularExpression *re;
	size_t *at = NULL, col;
	char *full = clean_expand(rules, name, line, pattern, &at);

	if (!full)
		return NULL;
	re = util_regex_open(full, UREGEX_CASE_INSENSITIVE, &perr, &err);
	if (U_FAILURE(err)) {
		size_t off = perr.offset > 0 ? (size_t)perr.offset : 0;

		col = at[off < strlen(full) ? off : strlen(full)];
		log_error("'%s' line %d: bad pattern at column %d: %s", name, line,
			  (int)(pattern - line_start) + (int)col + 1, u_errorName(err));
		re = NULL;
	}
	free(at);
	free(full);
	return re;
}

/* "{name} = PATTERN": a definition for later patterns. It must compile on its own. */
static int clean_add_def(struct clean_rules *rules, const char *name, int line, const char *line_start, char *text)
{
	size_t n = clean_ref_len(text);
	char *pattern = text + n, *expanded;
	size_t *at = NULL;
	URegularExpression *re;

	while (*pattern == ' ' || *pattern == '\t')
		pattern++;
	if (!n || *pattern != '=') {
		log_error("'%s' line %d: a definition needs {name} = PATTERN (name in lower case)", name, line);
		return -1;
	}
	pattern++;
	while (*pattern == ' ' || *pattern == '\t')
		pattern++;
	if (!*pattern) {
		log_error("'%s' line %d: a definition needs {name} = PATTERN (name in lower case)", name, line);
		return -1;
	}
	re = clean_compile(rules, name, line, line_start, pattern);
	if (!re)
		return -1;
	uregex_close(re);
	expanded = clean_expand(rules, name, line, pattern, &at);
	free(at);
	util_grow((void **)&rules->defs, &rules->cap_defs, rules->n_defs + 1, sizeof *rules->defs);
	rules->defs[rules->n_defs].name = xstrndup(text + 1, n - 2);
	rules->defs[rules->n_defs].pattern = expanded;
	rules->n_defs++;
	return 0;
}

static int clean_add_rule(struct clean_rules *rules, const char *name, int line, const char *line_start,
			  char *fields)
{
	char *rule_name = clean_next_field(&fields);
	char *words, *pattern, *end;
	URegularExpression *re;
	unsigned long max_words = 0;
	long head = -1;

	if (rule_name && strcmp(rule_name, "then") == 0) {
		/* follows the nearest rule above that is not itself a "then" rule */
		for (size_t i = rules->n; i-- > 0 && head < 0;)
			if (rules->rules[i].head < 0)
				head = (long)i;
		if (head < 0) {
			log_error("'%s' line %d: a \"then\" rule needs a rule above it", name, line);
			return -1;
		}
		rule_name = clean_next_field(&fields);
	}
	words = clean_next_field(&fields);
	pattern = fields;
	while (pattern && (*pattern == ' ' || *pattern == '\t'))
		pattern++;
	if (!rule_name || !words || !pattern || !*pattern) {
		log_error("'%s' line %d: a rule needs NAME MAX-WORDS PATTERN", name, line);
		return -1;
	}
	if (strcmp(words, "-") != 0) {
		max_words = strtoul(words, &end, 10);
		if (*end || max_words == 0 || !isdigit((unsigned char)*words)) {
			log_error("'%s' line %d: max words '%s' is not a positive number or '-'", name, line, words);
			return -1;
		}
	}
	re = clean_compile(rules, name, line, line_start, pattern);
	if (!re)
		return -1;
	util_grow((void **)&rules->rules, &rules->cap, rules->n + 1, sizeof *rules->rules);
	rules->rules[rules->n].name = xstrdup(rule_name);
	rules->rules[rules->n].max_words = max_words;
	rules->rules[rules->n].re = re;
	rules->rules[rules->n].head = head;
	rules->n++;
	return 0;
}

struct clean_parse {
	struct clean_rules *rules;
	const char *name;
};

static int clean_parse_line(char *line, int number, void *ud)
{
	struct clean_parse *p = ud;

	if (*line == '{')
		return clean_add_def(p->rules, p->name, number, line, line);
	return clean_add_rule(p->rules, p->name, number, line, line);
}

int clean_rules_parse(struct clean_rules *rules, const char *name, const char *text)
{
	struct clean_parse p = { rules, name };
	char *copy = xstrdup(text);
	int ret = util_each_line(copy, clean_parse_line, &p);

	free(copy);
	return ret < 0 ? -1 : 0;
}

int clean_rules_load(struct clean_rules *rules, const char *path)
{
	char *text = NULL;
	size_t len;
	int ret;

	if (util_read_regular(path, "rules", 1u << 20, 0, &text, &len) < 0)
		return -1;
	ret = clean_rules_parse(rules, path, text);
	free(text);
	return ret;
}

char *clean_rules_language_path(const char *dir, const char *language)
{
	size_t len = language ? strcspn(language, "-_") : 0;
	struct stat st;
	char *path;

	/* a tag's language is 2 or 3 letters: nothing else may become a path */
	if (len < 2 || len > 3)
		return NULL;
	for (size_t i = 0; i < len; i++)
		if (!isalpha((unsigned char)language[i]))
			return NULL;
	path = xasprintf("%s/%.*s/boilerplate.rules", dir, (int)len, language);
	for (char *p = path + strlen(dir) + 1; *p != '/'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return path;
	free(path);
	return NULL;
}

int clean_rules_load_language(struct clean_rules *rules, const char *dir, const char *language)
{
	char *shared = xasprintf("%s/boilerplate.rules", dir), *own = clean_rules_language_path(dir, language);
	int ret = clean_rules_load(rules, shared);

	if (ret == 0 && own)
		ret = clean_rules_load(rules, own);
	free(shared);
	free(own);
	return ret;
}

/* The index of the first rule that matches text, or -1. A "then" rule is tried only when
 * after is its head: the block before was removed by that rule or one of its "then" rules. */
static long clean_match_after(const struct clean_rules *rules, const char *text, long after)
{
	UChar *u = NULL;
	int32_t ulen = 0;
	UErrorCode err = U_ZERO_ERROR;
	long found = -1;
	size_t words = util_count_words(text);

	u_strFromUTF8(NULL, 0, &ulen, text, -1, &err);
	err = U_ZERO_ERROR;
	u = xmalloc(((size_t)ulen + 1) * sizeof *u);
	u_strFromUTF8(u, ulen + 1, NULL, text, -1, &err);
	if (U_FAILURE(err))
		goto out;
	for (size_t i = 0; i < rules->n && found < 0; i++) {
		const struct clean_rule *r = &rules->rules[i];

		if ((r->max_words && words > r->max_words) || (r->head >= 0 && r->head != after))
			continue;
		err = U_ZERO_ERROR;
		uregex_setText(r->re, u, ulen, &err);
		if (U_SUCCESS(err) && uregex_find(r->re, 0, &err) && U_SUCCESS(err))
			found = (long)i;
		uregex_setText(r->re, clean_empty, 0, &err);
	}
out:
	free(u);
	return found;
}

const char *clean_match(const struct clean_rules *rules, const char *text)
{
	long i = clean_match_after(rules, text, -1);

	return i < 0 ? NULL : rules->rules[i].name;
}

/* Prints a removed block the way --verbose shows it: its line, the rule, the start of its text. */
static void clean_report(const struct document *doc, const struct block *b, const char *rule)
{
	size_t n = strlen(b->text), cut = n;

	if (n > 72) {
		cut = 72;
		/* back to the start of a UTF-8 character */
		while (cut > 0 && ((unsigned char)b->text[cut] & 0xc0) == 0x80)
			cut--;
	}
	log_verbose("clean: '%s' line %d [%s]: %.*s%s", doc->name, b->line, rule, (int)cut, b->text,
		    cut < n ? "..." : "");
}

/* The texts of the blocks kept so far, by hash: finding a repeat must not cost a
 * pass over every earlier block (100,000 paragraphs would take minutes). */
struct clean_seen {
	const char **slots;	/* borrowed from the document's blocks; NULL: empty */
	uint64_t *hashes;
	size_t n, cap;		/* cap is a power of two */
};

static void clean_seen_put(struct clean_seen *seen, const char *text, uint64_t h);

static void clean_seen_grow(struct clean_seen *seen)
{
	struct clean_seen bigger = { NULL, NULL, 0, seen->cap ? seen->cap * 2 : 64 };

	bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
	bigger.hashes = xcalloc(bigger.cap, sizeof *bigger.hashes);
	for (size_t i = 0; i < seen->cap; i++)
		if (seen->slots[i])
			clean_seen_put(&bigger, seen->slots[i], seen->hashes[i]);
	free(seen->slots);
	free(seen->hashes);
	*seen = bigger;
}

static void clean_seen_put(struct clean_seen *seen, const char *text, uint64_t h)
{
	size_t i;

	if ((seen->n + 1) * 2 > seen->cap)
		clean_seen_grow(seen);
	for (i = h & (seen->cap - 1); seen->slots[i]; i = (i + 1) & (seen->cap - 1))
		;
	seen->slots[i] = text;
	seen->hashes[i] = h;
	seen->n++;
}

static bool clean_seen_has(const struct clean_seen *seen, const char *text, uint64_t h)
{
	if (!seen->cap)
		return false;
	for (size_t i = h & (seen->cap - 1); seen->slots[i]; i = (i + 1) & (seen->cap - 1))
		if (seen->hashes[i] == h && strcmp(seen->slots[i], text) == 0)
			return true;
	return false;
}

size_t clean_document(const struct clean_rules *rules, struct document *doc)
{
	struct clean_seen seen = { 0 };
	size_t removed = 0, kept = 0;
	long head = -1;	/* the head of the rule that removed the block before, for "then" rules */

	/* Kept blocks are moved down in one pass: removing each in place would move the rest every time. */
	for (size_t i = 0; i < doc->n_blocks; i++) {
		struct block *b = &doc->blocks[i];
		const char *rule = NULL;
		long r = -1;
		uint64_t h = 0;

		if (b->kind != BLOCK_DIVIDER) {
			h = util_fnv(UTIL_FNV_START, b->text, strlen(b->text));
			if (clean_seen_has(&seen, b->text, h))
				rule = "repeated";
			if (!rule && (r = clean_match_after(rules, b->text, head)) >= 0)
				rule = rules->rules[r].name;
		}
		head = r < 0 ? -1 : rules->rules[r].head >= 0 ? rules->rules[r].head : r;
		if (rule) {
			clean_report(doc, b, rule);
			free(b->text);
			removed++;
			continue;
		}
		if (b->kind != BLOCK_DIVIDER)
			clean_seen_put(&seen, b->text, h);
		doc->blocks[kept++] = *b;
	}
	doc->n_blocks = kept;
	free(seen.slots);
	free(seen.hashes);
	return removed;
}
