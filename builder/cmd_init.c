/* cmd_init: `newscast init SHOW` creates a show folder to build from. */
#include "cmd.h"

#include "cli.h"
#include "log.h"
#include "show.h"

#include <stdio.h>

static const struct cli_option cmd_init_options[] = {
	{ "verbose", 'v', NULL, "explain decisions: what clean-up removed, what was skipped and why",
	  CMD_OPT_VERBOSE },
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP },
	{ 0 },
};

static int cmd_init_on_option(int id, const char *value, void *ud)
{
	int *help = ud;

	(void)value;
	switch (id) {
	case CMD_OPT_VERBOSE:
		log_set_verbose(true);
		return 0;
	case CMD_OPT_HELP:
		*help = 1;
		return 0;
	}
	return -1;
}

int cmd_init(int argc, char **argv)
{
	int first, ret, help = 0;

	ret = cli_parse("init", argc, argv, cmd_init_options, cmd_init_on_option, &help, &first);
	if (ret)
		return ret;
	if (help) {
		cli_help(stdout, "init", "SHOW",
			 "Create the show folder SHOW with a commented podcast.ini, an empty inbox (articles/),\n"
			 "public/ for what gets published, and .newscast/ for newscast's own state.",
			 cmd_init_options);
		return 0;
	}
	if (cli_one_operand("init", "show folder", argc - first) != 0)
		return 2;
	if (show_create(argv[first]) < 0)
		return 1;
	printf("created the show %s: edit %s/podcast.ini, drop articles into %s/articles/, then run "
	       "'newscast build %s'\n", argv[first], argv[first], argv[first], argv[first]);
	return 0;
}
