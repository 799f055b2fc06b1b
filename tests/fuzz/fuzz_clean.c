/* fuzz_clean: clean-up (clean_document) with the shipped boilerplate rules of every language, on an article read as text. */
#include "fuzz.h"

#include "clean.h"
#include "input.h"
#include "paths.h"

/* the languages with rules of their own; the input's first byte picks one */
static const char *const languages[] = { "en", "de", "fr", "es", "it", "pt" };
#define N_LANGUAGES (sizeof languages / sizeof languages[0])
static struct clean_rules *rules[N_LANGUAGES];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	for (size_t i = 0; i < N_LANGUAGES; i++) {
		rules[i] = clean_rules_new();
		/* the shared rules, then the language's */
		if (clean_rules_load_language(rules[i], paths_rules_dir(), languages[i]) < 0 ||
		    clean_rules_count(rules[i]) == 0) {
			fprintf(stderr, "fuzz_clean: no rules for '%s' in '%s'\n", languages[i], paths_rules_dir());
			abort();
		}
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document doc;
	const struct clean_rules *r = rules[size ? data[0] % N_LANGUAGES : 0];

	document_init(&doc);
	if (input_parse_text("fuzz.txt", (const char *)data, size, &doc) == 0)
		clean_document(r, &doc);
	document_release(&doc);
	return 0;
}
