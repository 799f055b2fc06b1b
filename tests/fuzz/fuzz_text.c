/* fuzz_text: the plain-text reader (input_parse_text), and the sniffing that picks a reader by content. */
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

	input_sniff((const char *)data, size);
	document_init(&doc);
	input_parse_text("fuzz.txt", (const char *)data, size, &doc);
	document_release(&doc);
	return 0;
}
