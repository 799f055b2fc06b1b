/* fuzz_segment: segmentation (segment_document: ICU sentences, abbreviations, roles and breaks)
 * of an article read as text. */
#include "fuzz.h"

#include "input.h"
#include "paths.h"
#include "segment.h"

static struct segment_abbrevs *abbrevs;
static const int pauses[BREAK_COUNT] = { 0, 600, 900, 700, 1500, 2500 };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *path;

	(void)argc;
	(void)argv;
	fuzz_setup();
	abbrevs = segment_abbrevs_new();
	path = paths_join(paths_rules_dir(), "abbreviations.en");
	if (segment_abbrevs_load(abbrevs, path) < 0)
		abort();
	free(path);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document doc;
	struct segment_list list;

	document_init(&doc);
	segment_list_init(&list);
	if (input_parse_text("fuzz.txt", (const char *)data, size, &doc) == 0)
		segment_document(&doc, abbrevs, pauses, &list);
	segment_list_release(&list);
	document_release(&doc);
	return 0;
}
