/* fuzz_html: the HTML reader, as a page (input_parse_html) and as a feed item's content
 * (input_parse_html_content). */
#include "fuzz.h"

#include "input.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();	/* libxml2's own printing is quieted by the readers (input_xml_quiet) */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document doc;

	document_init(&doc);
	input_parse_html("fuzz.html", (const char *)data, size, &doc);
	document_release(&doc);
	document_init(&doc);
	input_parse_html_content("fuzz.html", (const char *)data, size, &doc);
	document_release(&doc);
	return 0;
}
