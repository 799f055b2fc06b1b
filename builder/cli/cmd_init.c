/* cmd_init: `newscast init SHOW` creates a show folder to build from. */
#include "cmd.h"

#include "cli.h"
#include "settings.h"
#include "show.h"

#include <stdio.h>

int cmd_init(int argc, char **argv)
{
	struct settings a;
	int first, ret;

	settings_init(&a);
	ret = settings_parse("init", argc, argv, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		settings_help(stdout, "init", "SHOW",
			      "Create the show folder SHOW with a commented podcast.ini, an empty inbox (articles/),\n"
			      "public/ for what gets published, and .newscast/ for newscast's own state. With\n"
			      "--language, the show speaks that language: its voice, intro and outro.");
		return 0;
	}
	if (cli_one_operand("init", "show folder", argc - first) != 0)
		return 2;
	if (show_create_language(argv[first], a.script.language) < 0)
		return 1;
	printf("created the show %s: edit %s/podcast.ini, drop articles into %s/articles/, then run "
	       "'newscast build %s'\n", argv[first], argv[first], argv[first], argv[first]);
	return 0;
}
