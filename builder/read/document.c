/* document: an article as the readers leave it: headline, metadata and blocks, whatever its format was. */
#include "document.h"

#include "log.h"
#include "util.h"

#include <unicode/uloc.h>

#include <stdlib.h>
#include <string.h>

void document_init(struct document *doc)
{
	memset(doc, 0, sizeof *doc);
}

void document_clear_meta(struct document *doc)
{
	free(doc->headline);
	free(doc->author);
	free(doc->date);
	free(doc->link);
	free(doc->id);
	free(doc->description);
	free(doc->language);
	doc->headline = doc->author = doc->date = doc->link = doc->id = doc->description = doc->language = NULL;
}

void document_release(struct document *doc)
{
	for (size_t i = 0; i < doc->n_blocks; i++)
		free(doc->blocks[i].text);
	free(doc->blocks);
	free(doc->name);
	document_clear_meta(doc);
	free(doc->error);
	memset(doc, 0, sizeof *doc);
}

void document_add_block(struct document *doc, enum block_kind kind, char *text, int line)
{
	util_grow((void **)&doc->blocks, &doc->cap_blocks, doc->n_blocks + 1, sizeof *doc->blocks);
	doc->blocks[doc->n_blocks].kind = kind;
	doc->blocks[doc->n_blocks].text = text;
	doc->blocks[doc->n_blocks].line = line;
	doc->n_blocks++;
}

void document_remove_block(struct document *doc, size_t i)
{
	free(doc->blocks[i].text);
	memmove(doc->blocks + i, doc->blocks + i + 1, (doc->n_blocks - i - 1) * sizeof *doc->blocks);
	doc->n_blocks--;
}

int document_language_canonical(const char *tag, char *out, size_t size)
{
	char in[ULOC_FULLNAME_CAPACITY], loc[ULOC_FULLNAME_CAPACITY];
	UErrorCode err = U_ZERO_ERROR;
	int32_t parsed = 0;
	size_t len = strlen(tag);

	if (size)
		*out = '\0';
	if (!len || len >= sizeof in || size < 2)
		return -1;
	/* "de_DE" is how POSIX locales and some feeds write it */
	for (size_t i = 0; i <= len; i++)
		in[i] = tag[i] == '_' ? '-' : tag[i];
	uloc_forLanguageTag(in, loc, (int32_t)sizeof loc, &parsed, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING || (size_t)parsed != len || !*loc)
		return -1;
	/* a tag well formed but of no language ICU knows ("xx", "english") is not one */
	if (!*uloc_getISO3Language(loc))
		return -1;
	uloc_toLanguageTag(loc, out, (int32_t)size, true, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING) {
		*out = '\0';
		return -1;
	}
	return 0;
}

void document_set_language(struct document *doc, const char *tag, const char *what)
{
	char canon[ULOC_FULLNAME_CAPACITY];
	char *copy, *t;

	if (doc->language || !tag)
		return;
	t = util_trim(copy = xstrdup(tag));
	if (*t && document_language_canonical(t, canon, sizeof canon) == 0)
		doc->language = xstrdup(canon);
	else if (*t)
		log_verbose("'%s': %s '%s' is not a language tag; left out", doc->name ? doc->name : "article", what, t);
	free(copy);
}
