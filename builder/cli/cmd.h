/* cmd: the subcommands main.c dispatches to; each returns the exit status (0 ok, 1 failure, 2 usage). */
#ifndef NEWSCAST_CMD_H
#define NEWSCAST_CMD_H

int cmd_speak(int argc, char **argv);
int cmd_script(int argc, char **argv);
int cmd_voices(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_feed(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_part(int argc, char **argv);

struct settings;	/* settings.h */
struct build_options;	/* build.h */
/* What build, plan and part take alike from their options: the same date, the same plan. */
void cmd_build_options(const struct settings *a, struct build_options *opts);

#endif
