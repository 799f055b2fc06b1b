/* log: one place that prints messages for the user, so every error looks the same. */
#ifndef NEWSCAST_LOG_H
#define NEWSCAST_LOG_H

#include <stdbool.h>
#include <stdio.h>

/* Errors are printed once, where they happen, as "newscast: MESSAGE". */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An error whose kind the reporter knows (a crash, a time-out): a caller catching errors as
 * values gets that kind rather than its fallback. kind is an enum error_kind (error.h), an
 * int here so that log.h, included everywhere, does not bring in error.h: its struct error
 * would meet libebur128's enum error, which shares C's tag namespace, in audio.c. */
void log_error_as(int kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* What a command reports on stdout ("built ..."), with what could drive a terminal written
 * out as log_error does: titles come from articles anyone may write. */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Printed only with --verbose: the decisions the program made and why. */
void log_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Whether err is a failure of the storage itself (ENOSPC, EDQUOT, EROFS, EIO): the disk is
 * full, over quota, read-only or failing, whatever is being written or read. */
bool log_errno_is_storage(int err);
/* msg as log_error would print it (control bytes escaped, URL credentials taken out): a new string. */
char *log_clean(const char *msg);

void log_set_verbose(bool on);
bool log_is_verbose(void);
/* Where messages go instead of stderr (NULL: back to stderr); the caller keeps fp. */
void log_set_stream(FILE *fp);
/* The descriptor messages go to: stderr's, or the stream log_set_stream gave. */
int log_fd(void);
/* Tests silence errors they provoke on purpose. */
void log_set_quiet_errors(bool on);

#endif
