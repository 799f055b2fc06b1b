/* cmd_plan: `newscast plan SHOW` lists the work a build of SHOW would do now, one JSON object a job. */
#include "cmd.h"

#include "build.h"
#include "cli.h"
#include "settings.h"

#include <stdio.h>

int cmd_plan(int argc, char **argv)
{
	struct settings a;
	struct build_options opts;
	int first, ret;

	settings_init(&a);
	a.jobs = 1;
	ret = settings_parse("plan", argc, argv, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		settings_help(stdout, "plan", "[OPTIONS] SHOW",
			      "List the work `newscast build SHOW` would do now: one line a job whose part is not in\n"
			      "SHOW/.newscast/cache yet, each a JSON object: {\"job\", \"kind\" (article, intro, outro or\n"
			      "between), \"article\", \"key\", \"seconds\" (of speech, estimated), \"install\"}. The job id is\n"
			      "the part's cache key, a SHA-256 of everything that decides its audio; \"install\" is the\n"
			      "fingerprint of newscast, espeak-ng and its data. Nothing in the show is changed. Give\n"
			      "the lines to `newscast part SHOW`, on this machine or others sharing the show folder:\n"
			      "  newscast plan SHOW | parallel -j 4 newscast part SHOW {}\n"
			      "then `newscast build SHOW` joins the parts. An article that cannot be read is reported\n"
			      "here as a build reports it, and is no job.");
		return 0;
	}
	if (cli_one_operand("plan", "show folder", argc - first) != 0)
		return 2;
	cmd_build_options(&a, &opts);
	opts.quiet = true;
	return build_show_plan(argv[first], &opts, a.all, a.count);
}
