/* fuzz_clean: clean-up (clean_document) with the shipped boilerplate rules, on an article read as text. */
#include "fuzz.h"

#include "clean.h"
#include "input.h"
#include "paths.h"

static struct clean_rules *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *path;

	(void)argc;
	(void)argv;
	fuzz_setup();
	rules = clean_rules_new();
	path = paths_join(paths_rules_dir(), "boilerplate.rules");
	/* the shared rules and English's, the most there are */
	if (clean_rules_load_language(rules, paths_rules_dir(), "en") < 0 || clean_rules_count(rules) == 0) {
		fprintf(stderr, "fuzz_clean: no rules in '%s'\n", path);
		abort();
	}
	free(path);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document doc;

	document_init(&doc);
	if (input_parse_text("fuzz.txt", (const char *)data, size, &doc) == 0)
		clean_document(rules, &doc);
	document_release(&doc);
	return 0;
}
