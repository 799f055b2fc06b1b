/* log: one place that prints messages for the user, so every error looks the same. */
#ifndef NEWSCAST_LOG_H
#define NEWSCAST_LOG_H

#include <stdbool.h>
#include <stdio.h>

/* Errors are printed once, where they happen, as "newscast: MESSAGE". */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Printed only with --verbose: the decisions the program made and why. */
void log_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The last error reported, for files that record why something failed. */
const char *log_last_error(void);
void log_set_last_error(const char *msg);

void log_set_verbose(bool on);
bool log_is_verbose(void);
/* Where messages go instead of stderr (NULL: back to stderr); the caller keeps fp. */
void log_set_stream(FILE *fp);
/* Tests silence errors they provoke on purpose. */
void log_set_quiet_errors(bool on);

#endif
