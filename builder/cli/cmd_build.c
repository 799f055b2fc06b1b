/* cmd_build: `newscast build SHOW` turns the show's new articles into finished episodes in SHOW/public/episodes. */
#include "cmd.h"

#include "build.h"
#include "cli.h"
#include "jobserver.h"
#include "settings.h"

#include <stdio.h>
#include <time.h>

int cmd_build(int argc, char **argv)
{
	struct settings a;
	struct build_options opts;
	int first, ret;

	settings_init(&a);
	a.jobs = jobserver_cores();
	ret = settings_parse("build", argc, argv, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		settings_help(stdout, "build", "[OPTIONS] SHOW",
			      "Turn the new articles in SHOW/articles (.txt, .md, .html, and feeds: .rss, .atom, .xml)\n"
			      "and the new items of the feeds in [source] of SHOW/podcast.ini into episodes in\n"
			      "SHOW/public/episodes: one digest of them all, or one episode each ([episode] mode). Each\n"
			      "episode is an MP3 with chapters and cover, its transcript (.vtt, .srt), Podcasting 2.0\n"
			      "chapters and a JSON sidecar. Articles already published are not spoken again (a feed's\n"
			      "items are known by their guid); an article that fails is moved to SHOW/articles/failed/\n"
			      "with a note saying why (a feed's item gets the note), and the rest are built. Parts\n"
			      "made already (by `newscast part`, on this machine or another) are joined from\n"
			      "SHOW/.newscast/cache, not made again.");
		return 0;
	}
	if (cli_one_operand("build", "show folder", argc - first) != 0)
		return 2;
	cmd_build_options(&a, &opts);
	/* --jobs cores for the whole build: articles, and what their workers run beside themselves */
	if (jobserver_init(a.jobs) < 0)
		return 1;
	ret = build_show(argv[first], &opts);
	jobserver_release();
	return ret;
}

void cmd_build_options(const struct settings *a, struct build_options *opts)
{
	*opts = (struct build_options){ a->jobs, a->rebuild, a->quiet, a->wait, 0 };
	if (a->date) {	/* checked when parsed: the episodes are dated at 6 in the morning of that day */
		struct tm tm = { 0 };

		strptime(a->date, "%Y-%m-%d", &tm);
		tm.tm_hour = 6;
		tm.tm_isdst = -1;
		opts->when = mktime(&tm);
	}
}
