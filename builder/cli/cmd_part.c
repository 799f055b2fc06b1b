/* cmd_part: `newscast part SHOW JOB...` makes jobs of the show's plan into its cache, for `newscast build` to join. */
#include "cmd.h"

#include "build.h"
#include "jobserver.h"
#include "settings.h"

#include <stdio.h>

int cmd_part(int argc, char **argv)
{
	struct settings a;
	struct build_options opts;
	struct build_part_options po = { 0 };
	int first, ret;

	settings_init(&a);
	a.jobs = 1;
	a.task = -1;
	ret = settings_parse("part", argc, argv, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		settings_help(stdout, "part", "[OPTIONS] SHOW JOB...\n       newscast part [OPTIONS] SHOW --task N [--plan FILE]",
			      "Make jobs of SHOW's plan into SHOW/.newscast/cache, for `newscast build SHOW` to join.\n"
			      "A JOB is a job id or a whole line of `newscast plan`. The show is planned again here,\n"
			      "each job found by its key and spoken and encoded by the build's worker (a child with a\n"
			      "time limit); a part already in the cache is not made again. Parts are files named by\n"
			      "their key and renamed into place whole: many `part` may run at once, on many machines\n"
			      "sharing the show folder (NFS), with no lock. A job not in this machine's plan is an\n"
			      "error saying why (the article changed or was published, or newscast or espeak-ng\n"
			      "differ from the plan's machine). An article that fails is reported as a build reports\n"
			      "it and leaves KEY.failed, so the build sets it aside without speaking it again; part\n"
			      "itself moves no article and writes no state. --task N takes the Nth job (from 0) of a\n"
			      "saved plan (--plan FILE), for a Slurm array task.");
		return 0;
	}
	if (argc - first < 1) {
		fprintf(stderr, "newscast part: no show folder given\nTry 'newscast part --help'.\n");
		return 2;
	}
	po.jobs = argv + first + 1;
	po.n_jobs = (size_t)(argc - first - 1);
	po.task = a.task;
	po.plan_file = a.plan_file;
	if ((a.task >= 0) == (po.n_jobs > 0) || (a.plan_file && a.task < 0)) {
		fprintf(stderr, "newscast part: give the jobs, or --task N (with --plan FILE or not), not both\n"
				"Try 'newscast part --help'.\n");
		return 2;
	}
	cmd_build_options(&a, &opts);
	opts.quiet = true;
	/* a task is one job on --jobs cores (of its node, in Slurm) */
	if (jobserver_init(a.jobs) < 0)
		return 1;
	ret = build_show_parts(argv[first], &opts, &po);
	jobserver_release();
	return ret;
}
