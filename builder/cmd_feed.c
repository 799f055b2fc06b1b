/* cmd_feed: `newscast feed SHOW` writes the show's feed.xml and index.html again from its episodes. */
#include "cmd.h"

#include "cli.h"
#include "lock.h"
#include "log.h"
#include "publish.h"
#include "show.h"

#include <stdio.h>

enum { FEED_WAIT = CMD_OPT_FIRST_OWN };

static const struct cli_option cmd_feed_options[] = {
	{ "wait", 0, "SECONDS", "wait up to SECONDS for another run on the show to finish (default 0), then exit 75",
	  FEED_WAIT },
	{ "verbose", 'v', NULL, "say what is left out of the feed and removed, and why", CMD_OPT_VERBOSE },
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP },
	{ 0 },
};

struct feed_args {
	int help, wait;
};

static int cmd_feed_on_option(int id, const char *value, void *ud)
{
	struct feed_args *a = ud;

	switch (id) {
	case FEED_WAIT:
		return cli_int("feed", "wait", value, 0, 86400, &a->wait);
	case CMD_OPT_HELP:
		a->help = 1;
		return 0;
	case CMD_OPT_VERBOSE:
		log_set_verbose(true);
		return 0;
	}
	return -1;
}

int cmd_feed(int argc, char **argv)
{
	struct feed_args a = { 0 };
	struct show show;
	struct lock lock = { -1, false };
	int first, ret, n;

	ret = cli_parse("feed", argc, argv, cmd_feed_options, cmd_feed_on_option, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
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
	if (show_load(&show, argv[first]) < 0)
		goto out;
	/* not while a build is changing public/ */
	if ((ret = lock_show(&lock, show.dir, a.wait)) != 0) {
		ret = ret == LOCK_EXIT_BUSY ? LOCK_EXIT_BUSY : 1;
		goto out;
	}
	ret = 1;
	if ((n = publish_feed(&show)) >= 0) {
		log_info("wrote %s/public/feed.xml and index.html: %d episode%s", show.dir, n, n == 1 ? "" : "s");
		ret = 0;
	}
out:
	lock_release(&lock);
	show_release(&show);
	return ret;
}
