/* cli: option tables for the subcommands: parsing (every bad option reported) and --help text. */
#include "cli.h"

#include "util.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

int cli_parse(const char *cmd, int argc, char **argv, const struct cli_option *opts,
	      int (*on_option)(int id, const char *value, void *ud), void *ud, int *first_arg)
{
	size_t n = 0;
	struct option *longopts;
	struct strbuf shorts;
	int bad = 0, c, index;

	while (opts[n].name)
		n++;
	longopts = xcalloc(n + 1, sizeof *longopts);
	strbuf_init(&shorts);
	strbuf_adds(&shorts, ":");	/* report missing values ourselves */
	for (size_t i = 0; i < n; i++) {
		longopts[i].name = opts[i].name;
		longopts[i].has_arg = opts[i].arg ? required_argument : no_argument;
		longopts[i].val = 256 + (int)i;
		if (opts[i].short_name) {
			strbuf_addc(&shorts, opts[i].short_name);
			if (opts[i].arg)
				strbuf_addc(&shorts, ':');
		}
	}
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shorts.buf, longopts, &index)) != -1) {
		const struct cli_option *o = NULL;

		if (c >= 256) {
			o = &opts[c - 256];
		} else if (c != '?' && c != ':') {
			for (size_t i = 0; i < n && !o; i++)
				if (opts[i].short_name == c)
					o = &opts[i];
		}
		if (c == ':') {
			fprintf(stderr, "newscast %s: option '%s' needs a value\n", cmd, argv[optind - 1]);
			bad = 1;
		} else if (!o) {
			if (optopt && optopt < 256)
				fprintf(stderr, "newscast %s: unknown option '-%c'\n", cmd, optopt);
			else
				fprintf(stderr, "newscast %s: unknown option '%s'\n", cmd, argv[optind - 1]);
			bad = 1;
		} else if (on_option(o->id, optarg, ud) != 0) {
			bad = 1;
		}
	}
	*first_arg = optind;
	free(longopts);
	strbuf_release(&shorts);
	if (bad)
		fprintf(stderr, "Try 'newscast %s --help'.\n", cmd);
	return bad ? 2 : 0;
}

void cli_help(FILE *fp, const char *cmd, const char *usage, const char *summary, const struct cli_option *opts)
{
	fprintf(fp, "usage: newscast %s %s\n\n%s\n\noptions:\n", cmd, usage, summary);
	for (const struct cli_option *o = opts; o->name; o++) {
		char left[64], shortopt[8] = "    ";

		if (o->short_name)
			snprintf(shortopt, sizeof shortopt, "-%c, ", o->short_name);
		snprintf(left, sizeof left, "%s--%s%s%s", shortopt, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(fp, "  %-26s %s\n", left, o->help);
	}
}

int cli_one_operand(const char *cmd, const char *what, int count)
{
	if (count == 1)
		return 0;
	if (count)
		fprintf(stderr, "newscast %s: give one %s\nTry 'newscast %s --help'.\n", cmd, what, cmd);
	else
		fprintf(stderr, "newscast %s: no %s given\nTry 'newscast %s --help'.\n", cmd, what, cmd);
	return 2;
}
