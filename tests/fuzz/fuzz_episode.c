/* fuzz_episode: the episode sidecar reader (episode_read), and what the feed and the web page make of
 * a sidecar it accepts (publish_feed), in a show folder in a scratch folder. */
#include "fuzz.h"

#include "episode.h"
#include "publish.h"
#include "show.h"

#include <sys/stat.h>

static struct show show;
static char *sidecar;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *dir;

	(void)argc;
	(void)argv;
	fuzz_setup();
	show_init(&show);
	show.dir = xstrdup(fuzz_dir());
	show.title = xstrdup("The Fuzzing Hour");
	show.base_url = xstrdup("https://example.org/fuzz/");
	dir = xasprintf("%s/public", show.dir);
	if (mkdir(dir, 0700) < 0)
		abort();
	free(dir);
	dir = xasprintf("%s/public/episodes", show.dir);
	if (mkdir(dir, 0700) < 0)
		abort();
	sidecar = xasprintf("%s/fuzz.json", dir);
	free(dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct episode ep;

	fuzz_write_file(sidecar, data, size);
	episode_init(&ep);
	if (episode_read(&ep, sidecar) == 0) {
		/* the feed lists an episode only when its audio is there */
		char *mp3;

		/* the feed removes an old episode's files by its slug: they must be in its folder */
		if (strchr(ep.slug, '/'))
			abort();
		mp3 = xasprintf("%s/public/episodes/%s.mp3", show.dir, ep.slug);

		fuzz_write_file(mp3, (const uint8_t *)"", 0);
		publish_feed(&show);
		unlink(mp3);
		free(mp3);
	}
	episode_release(&ep);
	return 0;
}
