/* cmd_voices: `newscast voices` lists the voice profiles and the espeak-ng voices behind them. */
#include "cmd.h"

#include "cli.h"
#include "log.h"
#include "paths.h"
#include "synth.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

static const struct cli_option cmd_voices_options[] = {
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP },
	{ 0 },
};

static int cmd_voices_on_option(int id, const char *value, void *ud)
{
	(void)value;
	if (id == CMD_OPT_HELP)
		*(int *)ud = 1;
	return 0;
}

int cmd_voices(int argc, char **argv)
{
	char **names = NULL;
	int help = 0, first, n, ret;

	ret = cli_parse("voices", argc, argv, cmd_voices_options, cmd_voices_on_option, &help, &first);
	if (ret)
		return ret;
	if (help) {
		cli_help(stdout, "voices", "[OPTIONS]",
			 "List the voice profiles (voices/*.ini) with the espeak-ng voice, variant, rate and\n"
			 "pitch each uses. Use one with `newscast speak --voice NAME`.",
			 cmd_voices_options);
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
