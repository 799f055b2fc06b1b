/* fuzz_ini: the INI reader itself (ini_parse), in memory, with a handler that refuses some
 * keys and points its error at a continuation line, as show.c's and voice.c's do. */
#include "fuzz.h"

#include "ini.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

static char *fuzz_ini_handler(void *ud, struct ini_entry *e)
{
	size_t *seen = ud;

	/* touch every byte handed over, so a bad pointer or length shows under ASan */
	*seen += strlen(e->section) + strlen(e->key) + strlen(e->value);
	if (strcmp(e->key, "fail") == 0)
		return xstrdup("refused");
	if (strcmp(e->key, "one") == 0)
		return ini_one_line(e);
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t seen = 0;

	ini_parse("fuzz.ini", (const char *)data, size, fuzz_ini_handler, &seen);
	return 0;
}
