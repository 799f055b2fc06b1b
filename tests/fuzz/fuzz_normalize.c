/* fuzz_normalize: the English normalizer (normalize_text) with the shipped rules, on one segment's text. */
#include "fuzz.h"

#include "input.h"
#include "normalize.h"
#include "paths.h"

static struct normalizer *norm;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	norm = normalize_new("en", paths_rules_dir());
	if (!norm || !normalize_language(norm)) {
		fprintf(stderr, "fuzz_normalize: no English rules in '%s'\n", paths_rules_dir());
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	/* what reaches the normalizer has passed the readers' check: UTF-8, no NUL */
	if (input_check_text("fuzz", (const char *)data, size) < 0)
		return -1;
	text = fuzz_string(data, size);
	free(normalize_text(norm, text));
	free(text);
	return 0;
}
