/* cmd_voices: `newscast voices` lists the voice profiles and the espeak-ng voices behind them. */
#include "cmd.h"

#include "cli.h"
#include "log.h"
#include "paths.h"
#include "settings.h"
#include "synth.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

int cmd_voices(int argc, char **argv)
{
	struct settings a;
	char **names = NULL;
	int first, n, ret;

	settings_init(&a);
	ret = settings_parse("voices", argc, argv, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		settings_help(stdout, "voices", "[OPTIONS]",
			      "List the voice profiles (voices/*.ini) with the espeak-ng voice, variant, rate and\n"
			      "pitch each uses. Use one with `newscast speak --voice NAME`.");
		return 0;
	}
	if (argc - first != 0) {
		fprintf(stderr, "newscast voices: unexpected argument '%s'\n", argv[first]);
		return 2;
	}
	n = voice_list(&names);
	if (n < 0)
		return 1;
	printf("%-14s %-18s %-32s %5s %5s  %s\n", "PROFILE", "ESPEAK-NG", "ESPEAK-NG NAME", "WPM", "PITCH",
	       "DESCRIPTION");
	for (int i = 0; i < n; i++) {
		struct voice_profile vp;
		char *path = xasprintf("%s/%s.ini", paths_voices_dir(), names[i]);
		char *espeak, *desc;

		voice_profile_init(&vp);
		if (voice_profile_load(&vp, path) < 0) {
			ret = 1;
		} else {
			espeak = voice_espeak_name(&vp);
			desc = synth_voice_describe(vp.espeak);
			printf("%-14s %-18s %-32s %5d %5d  %s\n", vp.name, espeak, desc ? desc : "(missing!)",
			       vp.rate, vp.pitch, vp.description ? vp.description : "");
			if (!desc) {
				log_error("'%s': espeak-ng has no voice '%s'", path, vp.espeak);
				ret = 1;
			}
			free(espeak);
			free(desc);
		}
		voice_profile_release(&vp);
		free(path);
		free(names[i]);
	}
	free(names);
	return ret;
}
