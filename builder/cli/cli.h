/* cli: option tables for the subcommands: parsing (every bad option reported) and --help text. */
#ifndef NEWSCAST_CLI_H
#define NEWSCAST_CLI_H

#include <stdio.h>

struct cli_option {
	const char *name;	/* long name, without "--" */
	char short_name;	/* 0 for none */
	const char *arg;	/* the value's name in --help, NULL for a flag */
	const char *help;
	int id;			/* passed to the handler */
};

/* Parses argv[1..] against opts (terminated by a zeroed entry). Each option
 * calls on_option(id, value, ud); a non-zero return is a bad value (the handler
 * reported it). Every unknown option and missing value is reported as
 * "newscast CMD: ...". Sets *first_arg to the first operand. Returns 0, or 2
 * on a usage error. --help is the caller's option like any other. */
int cli_parse(const char *cmd, int argc, char **argv, const struct cli_option *opts,
	      int (*on_option)(int id, const char *value, void *ud), void *ud, int *first_arg);

/* Prints "usage: newscast CMD USAGE", the summary, and the options table. */
void cli_help(FILE *fp, const char *cmd, const char *usage, const char *summary, const struct cli_option *opts);

/* Checks that a command got exactly one operand (what: "article", "show folder");
 * otherwise reports it as a usage error and returns 2. */
int cli_one_operand(const char *cmd, const char *what, int count);

#endif
