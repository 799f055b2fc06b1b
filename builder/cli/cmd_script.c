/* cmd_script: `newscast script ARTICLE` prints what speak would say and where the pauses go. */
#include "cmd.h"

#include "cli.h"
#include "log.h"
#include "settings.h"

#include <stdio.h>
#include <stdlib.h>

int cmd_script(int argc, char **argv)
{
	struct settings st;
	struct script sc;
	int first, ret;

	settings_init(&st);
	ret = settings_parse("script", argc, argv, &st, &first);
	if (ret)
		return ret;
	if (st.help) {
		settings_help(stdout, "script", "[OPTIONS] ARTICLE",
			      "Print what `newscast speak` would say for ARTICLE (text, Markdown, an HTML page or an\n"
			      "item of an RSS/Atom feed; - for standard input), after clean-up: one segment a line,\n"
			      "headline first, and a line [pause N ms] for each pause added after a segment.");
		return 0;
	}
	if (cli_one_operand("script", "article", argc - first) != 0)
		return 2;
	script_init(&sc);
	ret = script_build(&sc, argv[first], &st.script) < 0 ? 1 : 0;
	if (ret == 0)
		script_print(&sc, stdout);
	script_release(&sc);
	if (ret == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
		log_error("cannot write the script to standard output");
		ret = 1;
	}
	return ret;
}
