/* cmd_script: `newscast script ARTICLE` prints what speak would say and where the pauses go. */
#include "cmd.h"

#include "cli.h"
#include "log.h"

#include <stdio.h>
#include <stdlib.h>

static const struct cli_option cmd_script_options[] = {
	CMD_SCRIPT_OPTIONS,
	{ 0 },
};

int cmd_script_option(int id, const char *value, struct script_options *opts, int *help)
{
	switch (id) {
	case CMD_OPT_HELP:
		*help = 1;
		return 0;
	case CMD_OPT_VOICE:
		opts->voice = value;
		return 0;
	case CMD_OPT_KEEP_BOILERPLATE:
		opts->keep_boilerplate = true;
		return 0;
	case CMD_OPT_RULES:
		opts->rules = value;
		return 0;
	case CMD_OPT_NO_NORMALIZE:
		opts->no_normalize = true;
		return 0;
	case CMD_OPT_LEXICON:
		opts->lexicon = value;
		return 0;
	case CMD_OPT_FORMAT:
		if (input_format_from_name(value, &opts->format) < 0) {
			fprintf(stderr, "newscast: bad value '%s' for --format (text, markdown, html or feed)\n", value);
			return -1;
		}
		return 0;
	case CMD_OPT_ITEM:
		opts->item = value;
		return 0;
	case CMD_OPT_MAX_MINUTES:
	{
		char *end;
		long v = strtol(value, &end, 10);

		if (!*value || *end || v < 1 || v > SCRIPT_MAX_MINUTES_LIMIT) {
			fprintf(stderr, "newscast: bad value '%s' for --max-minutes (a whole number from 1 to %d)\n",
				value, SCRIPT_MAX_MINUTES_LIMIT);
			return -1;
		}
		opts->max_minutes = (int)v;
		return 0;
	}
	case CMD_OPT_VERBOSE:
		log_set_verbose(true);
		return 0;
	}
	return -1;
}

struct cmd_script_state {
	struct script_options opts;
	int help;
};

static int cmd_script_on_option(int id, const char *value, void *ud)
{
	struct cmd_script_state *st = ud;

	return cmd_script_option(id, value, &st->opts, &st->help);
}

int cmd_script(int argc, char **argv)
{
	struct cmd_script_state st = { { 0 }, 0 };
	struct script sc;
	int first, ret;

	ret = cli_parse("script", argc, argv, cmd_script_options, cmd_script_on_option, &st, &first);
	if (ret)
		return ret;
	if (st.help) {
		cli_help(stdout, "script", "[OPTIONS] ARTICLE",
			 "Print what `newscast speak` would say for ARTICLE (text, Markdown, an HTML page or an\n"
			 "item of an RSS/Atom feed; - for standard input), after clean-up: one segment a line,\n"
			 "headline first, and a line [pause N ms] for each pause added after a segment.",
			 cmd_script_options);
		return 0;
	}
	if (cli_one_operand("script", "article", argc - first) != 0)
		return 2;
	script_init(&sc);
	ret = script_build(&sc, argv[first], &st.opts) < 0 ? 1 : 0;
	if (ret == 0)
		script_print(&sc, stdout);
	script_release(&sc);
	if (ret == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
		log_error("cannot write the script to standard output");
		ret = 1;
	}
	return ret;
}
