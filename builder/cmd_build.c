/* cmd_build: `newscast build SHOW` turns the show's new articles into finished episodes in SHOW/public/episodes. */
#include "cmd.h"

#include "build.h"
#include "cli.h"
#include "log.h"
#include "render.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

enum {
	BUILD_JOBS = CMD_OPT_FIRST_OWN,
	BUILD_REBUILD,
	BUILD_DATE,
	BUILD_QUIET,
	BUILD_WAIT,
};

static const struct cli_option cmd_build_options[] = {
	{ "jobs", 'j', "N", "speak and encode N articles at once (default: one per CPU)", BUILD_JOBS },
	{ "rebuild", 0, NULL, "republish articles that changed since they were published", BUILD_REBUILD },
	{ "date", 0, "YYYY-MM-DD", "the episode's date (default: today)", BUILD_DATE },
	{ "quiet", 'q', NULL, "no progress line", BUILD_QUIET },
	{ "wait", 0, "SECONDS", "wait up to SECONDS for another run on the show to finish (default 0), then exit 75",
	  BUILD_WAIT },
	{ "verbose", 'v', NULL, "explain decisions: what clean-up removed, what was skipped and why",
	  CMD_OPT_VERBOSE },
	{ "help", 'h', NULL, "show this help", CMD_OPT_HELP },
	{ 0 },
};

struct build_args {
	int jobs, rebuild, quiet, help, wait;
	const char *date;
};

static int cmd_build_on_option(int id, const char *value, void *ud)
{
	struct build_args *a = ud;
	struct tm tm = { 0 };
	const char *end;

	switch (id) {
	case BUILD_JOBS:
		return cli_int("build", "jobs", value, 1, 64, &a->jobs);
	case BUILD_REBUILD:
		a->rebuild = 1;
		return 0;
	case BUILD_DATE:
		end = strptime(value, "%Y-%m-%d", &tm);
		if (!end || *end || strlen(value) != 10) {
			fprintf(stderr, "newscast build: bad value '%s' for --date (YYYY-MM-DD)\n", value);
			return -1;
		}
		a->date = value;
		return 0;
	case BUILD_QUIET:
		a->quiet = 1;
		return 0;
	case BUILD_WAIT:
		return cli_int("build", "wait", value, 0, 86400, &a->wait);
	case CMD_OPT_VERBOSE:
		log_set_verbose(true);
		return 0;
	case CMD_OPT_HELP:
		a->help = 1;
		return 0;
	}
	return -1;
}

int cmd_build(int argc, char **argv)
{
	struct build_args a = { 0 };
	struct build_options opts = { 0 };
	int first, ret;

	a.jobs = render_default_jobs();
	ret = cli_parse("build", argc, argv, cmd_build_options, cmd_build_on_option, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		cli_help(stdout, "build", "[OPTIONS] SHOW",
			 "Turn the new articles in SHOW/articles (.txt, .md, .html, and feeds: .rss, .atom, .xml)\n"
			 "and the new items of the feeds in [source] of SHOW/podcast.ini into episodes in\n"
			 "SHOW/public/episodes: one digest of them all, or one episode each ([episode] mode). Each\n"
			 "episode is an MP3 with chapters and cover, its transcript (.vtt, .srt), Podcasting 2.0\n"
			 "chapters and a JSON sidecar. Articles already published are not spoken again (a feed's\n"
			 "items are known by their guid); an article that fails is moved to SHOW/articles/failed/\n"
			 "with a note saying why (a feed's item gets the note), and the rest are built.",
			 cmd_build_options);
		return 0;
	}
	if (cli_one_operand("build", "show folder", argc - first) != 0)
		return 2;
	opts = (struct build_options){ a.jobs, a.rebuild, a.quiet, a.wait, 0 };
	if (a.date) {	/* checked when read: the episodes are dated at 6 in the morning of that day */
		struct tm tm = { 0 };

		strptime(a.date, "%Y-%m-%d", &tm);
		tm.tm_hour = 6;
		tm.tm_isdst = -1;
		opts.when = mktime(&tm);
	}
	return build_show(argv[first], &opts);
}
