/* fuzz_state: the reader of a show's state (.newscast/state.json) and what a build does with it:
 * look articles up, take the next episode number, record an article, save. The state's
 * functions are static in cmd_build.c, which is another engineer's to split up now, so
 * the harness compiles that file in (and the build links without cmd_build.o) rather
 * than moving them. */
#include "../../builder/cmd_build.c"

#include "fuzz.h"

static char *state_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *dot;

	(void)argc;
	(void)argv;
	dot = xasprintf("%s/.newscast", fuzz_dir());
	if (mkdir(dot, 0700) < 0)
		abort();
	state_path = xasprintf("%s/state.json", dot);
	free(dot);
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct show show;
	struct build_state st = { 0 };

	fuzz_write_file(state_path, data, size);
	show_init(&show);
	show.dir = xstrdup(fuzz_dir());
	if (build_state_load(&st, &show) == 0) {
		/* the names a build asks about: an article, a feed item, and one the state may hold */
		build_state_get(&st, "harbour-bridge.txt", "hash");
		build_state_get(&st, "feed:tag:example.org,2026:1", "failed");
		build_state_get(&st, "harbour-bridge.txt", "episode");
		build_state_next_number(&st);
		build_state_set(&st, "harbour-bridge.txt", "0123456789abcdef", "harbour-bridge", NULL);
		build_state_set(&st, "late.txt", "fedcba9876543210", NULL, "nothing to speak");
		build_state_save(&st);
	}
	build_state_release(&st);
	show_release(&show);
	return 0;
}
