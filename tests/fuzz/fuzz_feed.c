/* fuzz_feed: the RSS and Atom reader (input_parse_feed), items' HTML included. */
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
	struct input_feed feed;

	input_feed_init(&feed);
	input_parse_feed("fuzz.rss", (const char *)data, size, &feed);
	input_feed_release(&feed);
	return 0;
}
