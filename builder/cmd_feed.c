/* cmd_feed: `newscast feed SHOW` writes the show's feed.xml and index.html again from its episodes. */
#include "cmd.h"

#include "cli.h"
#include "feed.h"
#include "log.h"
#include "show.h"

#include <stdio.h>

static const struct cli_option cmd_feed_options[] = {
	{ "verbose", 'v', NULL, "say what is left out of the feed and removed, and why", CMD_OPT_VERBOSE },
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP },
	{ 0 },
};

static int cmd_feed_on_option(int id, const char *value, void *ud)
{
	(void)value;
	if (id == CMD_OPT_HELP)
		*(int *)ud = 1;
	else
		log_set_verbose(true);
	return 0;
}

int cmd_feed(int argc, char **argv)
{
	struct show show;
	int help = 0, first, ret, n;

	ret = cli_parse("feed", argc, argv, cmd_feed_options, cmd_feed_on_option, &help, &first);
	if (ret)
		return ret;
	if (help) {
		cli_help(stdout, "feed", "[OPTIONS] SHOW",
			 "Write SHOW/public/feed.xml (RSS 2.0 with the iTunes and Podcasting 2.0 tags) and\n"
			 "SHOW/public/index.html from the episodes in SHOW/public/episodes. `newscast build` does\n"
			 "this itself after every build; run it after editing podcast.ini.",
			 cmd_feed_options);
		return 0;
	}
	if (cli_one_operand("feed", "show folder", argc - first) != 0)
		return 2;
	show_init(&show);
	ret = 1;
	if (show_load(&show, argv[first]) == 0 && (n = feed_write(&show)) >= 0) {
		printf("wrote %s/public/feed.xml and index.html: %d episode%s\n", show.dir, n, n == 1 ? "" : "s");
		ret = 0;
	}
	show_release(&show);
	return ret;
}
