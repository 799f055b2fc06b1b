/* cmd: the subcommands main.c dispatches to; each returns the exit status (0 ok, 1 failure, 2 usage). */
#ifndef NEWSCAST_CMD_H
#define NEWSCAST_CMD_H

int cmd_speak(int argc, char **argv);
int cmd_script(int argc, char **argv);
int cmd_voices(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_feed(int argc, char **argv);

#endif
