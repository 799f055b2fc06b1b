/* fuzz_lexicon: the lexicon reader (lexicon_parse) and its use (lexicon_apply). The input is a lexicon
 * file, applied to a fixed sentence and to itself; the shipped lexicon is applied to it too. */
#include "fuzz.h"

#include "lexicon.h"
#include "paths.h"

static struct lexicon *shipped;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *path;

	(void)argc;
	(void)argv;
	fuzz_setup();
	shipped = lexicon_new();
	path = paths_join(paths_rules_dir(), "lexicon.en");
	if (lexicon_load(shipped, path) < 0)
		abort();
	free(path);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lexicon *lex = lexicon_new();
	char *text = fuzz_string(data, size);
	bool phonemes;

	if (lexicon_parse(lex, "fuzz.lexicon", text) == 0) {
		free(lexicon_apply(lex, "Nguyen met Siobhan Ó Súilleabháin at the Worcestershire [[fair]] in 2026.",
				   &phonemes));
		free(lexicon_apply(lex, text, &phonemes));
	}
	free(lexicon_apply(shipped, text, &phonemes));
	lexicon_free(lex);
	free(text);
	return 0;
}
