/* fuzz_voice: the voice profile reader (voice_profile_load), on a file in a scratch folder. */
#include "fuzz.h"

#include "voice.h"

static char *path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	path = xasprintf("%s/fuzz.ini", fuzz_dir());
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct voice_profile vp;

	fuzz_write_file(path, data, size);
	voice_profile_init(&vp);
	voice_profile_load(&vp, path);
	voice_profile_release(&vp);
	return 0;
}
