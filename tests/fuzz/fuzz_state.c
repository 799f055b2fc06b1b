/* fuzz_state: the reader of a show's state (.newscast/state.json) and what a build does with it:
 * look articles up, take the next episode number, record an article, save. */
#include "build_state.h"
#include "util.h"

#include "fuzz.h"

#include <stdlib.h>
#include <sys/stat.h>

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
	struct build_state st = { 0 };

	fuzz_write_file(state_path, data, size);
	if (build_state_load(&st, fuzz_dir()) == 0) {
		/* the names a build asks about: an article, a feed item, and one the state may hold */
		build_state_get(&st, "harbour-bridge.txt", "hash");
		build_state_get(&st, "feed:tag:example.org,2026:1", "failed");
		build_state_get(&st, "harbour-bridge.txt", "episode");
		build_state_next_number(&st);
		build_state_n_commits(&st);
		build_state_set(&st, "harbour-bridge.txt", "0123456789abcdef", "harbour-bridge", NULL);
		build_state_set(&st, "late.txt", "fedcba9876543210", NULL, "nothing to speak");
		build_state_save(&st);
	}
	build_state_release(&st);
	return 0;
}
