/* fuzz_feed: the RSS and Atom reader (input_parse_feed), items' HTML included. */
#include "fuzz.h"

#include "input.h"

#include <libxml/xmlerror.h>

/* libxml2 prints encoding errors itself, whatever the parser's options say */
static void fuzz_xml_silent(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	xmlSetGenericErrorFunc(NULL, fuzz_xml_silent);
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
