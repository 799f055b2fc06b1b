/* document: an article as the readers leave it: headline, metadata and blocks, whatever its format was. */
#include "document.h"

#include "util.h"

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
	doc->headline = doc->author = doc->date = doc->link = doc->id = doc->description = NULL;
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
