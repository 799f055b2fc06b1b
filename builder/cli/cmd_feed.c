/* cmd_feed: `newscast feed SHOW` writes the show's feed.xml and index.html again from its episodes. */
#include "cmd.h"

#include "cli.h"
#include "lock.h"
#include "log.h"
#include "publish.h"
#include "settings.h"
#include "show.h"

#include <stdio.h>

int cmd_feed(int argc, char **argv)
{
	struct settings a;
	struct show show;
	struct lock lock = { -1, false };
	int first, ret, n;

	settings_init(&a);
	ret = settings_parse("feed", argc, argv, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		settings_help(stdout, "feed", "[OPTIONS] SHOW",
			      "Write SHOW/public/feed.xml (RSS 2.0 with the iTunes and Podcasting 2.0 tags) and\n"
			      "SHOW/public/index.html from the episodes in SHOW/public/episodes. `newscast build` does\n"
			      "this itself after every build; run it after editing podcast.ini.");
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
