/* fuzz_episode: the episode sidecar reader (episode_read), on a file in a scratch folder. */
#include "fuzz.h"

#include "episode.h"

static char *path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	path = xasprintf("%s/episode.json", fuzz_dir());
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct episode ep;

	fuzz_write_file(path, data, size);
	episode_init(&ep);
	episode_read(&ep, path);
	episode_release(&ep);
	return 0;
}
