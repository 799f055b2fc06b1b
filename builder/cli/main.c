/* main: dispatches the subcommands; the only place that exits. */
#include "cmd.h"
#include "outfile.h"
#include "version.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "speak", cmd_speak, "turn one article into a podcast-ready MP3" },
	{ "script", cmd_script, "print what would be spoken, and where the pauses go" },
	{ "voices", cmd_voices, "list the voice profiles and the espeak-ng voices behind them" },
	{ "init", cmd_init, "create a show folder with a commented podcast.ini" },
	{ "build", cmd_build, "turn a show's new articles into finished episodes" },
	{ "feed", cmd_feed, "write the show's podcast feed and web page again" },
	{ "plan", cmd_plan, "list the work a build of a show would do now, one job a line" },
	{ "part", cmd_part, "make jobs of a show's plan into its cache, for a build to join" },
};

static void usage(FILE *fp)
{
	fprintf(fp, "usage: newscast COMMAND [OPTIONS] [ARGS]\n\n"
		    "newscast turns news articles into podcast episodes with espeak-ng.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp, "\n'newscast COMMAND --help' describes a command. 'newscast --version' prints the version.\n");
}

/* An interrupted run leaves no temporary files behind. */
static void on_signal(int sig)
{
	outfile_abort_all_signal_safe();
	signal(sig, SIG_DFL);
	raise(sig);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		exit(2);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		exit(0);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("newscast %s\n", NEWSCAST_VERSION);
		exit(0);
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			exit(commands[i].run(argc - 1, argv + 1));
	fprintf(stderr, "newscast: unknown command '%s'\n", argv[1]);
	usage(stderr);
	exit(2);
}
