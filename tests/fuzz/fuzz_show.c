/* fuzz_show: the podcast.ini reader (show_load), on a show folder in a scratch folder. */
#include "fuzz.h"

#include "show.h"

static char *ini;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ini = xasprintf("%s/podcast.ini", fuzz_dir());
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct show show;

	fuzz_write_file(ini, data, size);
	show_init(&show);
	if (show_load(&show, fuzz_dir()) == 0 && show.title_pattern)
		free(show_expand(&show, show.title_pattern, "A headline", 1764565200));
	show_release(&show);
	return 0;
}
