/* fuzz_markdown: the Markdown reader (input_parse_markdown: front matter, then libcmark). */
#include "fuzz.h"

#include "input.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document doc;

	document_init(&doc);
	input_parse_markdown("fuzz.md", (const char *)data, size, &doc);
	document_release(&doc);
	return 0;
}
