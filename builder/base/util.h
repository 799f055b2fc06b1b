/* util: memory helpers and a growable string, used by every module. */
#ifndef NEWSCAST_UTIL_H
#define NEWSCAST_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <unicode/uregex.h>

/* Allocation failure is not recoverable here: these abort with a message. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows *items (of item_size bytes) so that it holds at least need items. */
void util_grow(void **items, size_t *cap, size_t need, size_t item_size);

struct strbuf {
	char *buf;	/* always NUL-terminated once initialised */
	size_t len;
	size_t cap;
};

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_reset(struct strbuf *sb);
/* Hands the buffer to the caller, who frees it; sb is left empty. */
char *strbuf_detach(struct strbuf *sb);

/* The folder for temporary files: $TMPDIR, else /tmp. */
const char *util_tmpdir(void);
/* A new file in util_tmpdir(), read and write, unlinked already (O_TMPFILE, or a named file
 * removed at once where the file system has none), so that nothing is left behind whatever kills
 * the process, as a stream (the caller fcloses it); NULL with errno set. Unlike tmpfile(3), which
 * glibc makes in /tmp whatever $TMPDIR says. */
FILE *util_tmpfile(void);

/* Reads a whole file ("-" is standard input) into a new NUL-terminated buffer
 * the caller frees. Refuses files over max_bytes. Reports its own errors. */
int util_read_file(const char *path, size_t max_bytes, char **data, size_t *len);

/* Flags of util_open_regular. */
#define UTIL_NO_LINK 1	/* refuse a symbolic link (its last component) instead of following it */

/* Opens path for reading when it is a regular file of at most max_bytes: a folder,
 * a device, a FIFO or a socket is refused (none is opened, so a FIFO cannot block),
 * and so is a symbolic link with UTIL_NO_LINK; what is checked is what is open, so
 * a file swapped after a check is not read. Returns the descriptor, or -1 after
 * reporting "cannot open WHAT 'PATH': ..." (what may be NULL; errno tells why:
 * ENOENT, EISDIR, ELOOP, EFBIG ...). */
int util_open_regular(const char *path, const char *what, size_t max_bytes, int flags);
/* util_open_regular, then the whole file into a new NUL-terminated buffer the
 * caller frees. Every configuration file is read this way. */
int util_read_regular(const char *path, const char *what, size_t max_bytes, int flags, char **data, size_t *len);
/* What a file of this st_mode is, for messages: "a folder", "a device", "a FIFO" ... */
const char *util_file_kind(unsigned int mode);

/* Calls fn(line, number, ud) for each line of text that is neither blank nor a
 * '#' comment, trimmed of white space at both ends (text is modified in place).
 * Stops at the first non-zero return of fn, and returns it; 0 otherwise. */
int util_each_line(char *text, int (*fn)(char *line, int number, void *ud), void *ud);
/* Trims ASCII white space from both ends of s, in place; returns the new start. */
char *util_trim(char *s);

/* Collapses runs of ASCII white space to one space and trims both ends, in place. */
void util_squeeze_spaces(char *s);
/* The number of space-separated words in s. */
size_t util_count_words(const char *s);
bool util_ends_with(const char *s, const char *suffix);
/* The base name of path without its extension, as a new string. */
char *util_stem(const char *path);
/* An ASCII slug (a-z, 0-9, -) of at most max bytes, as a new string; "article" when empty. */
char *util_slug(const char *text, size_t max);

/* Names as a list is read aloud: "A", "A and B", "A, B and C"; a new string, NULL when n is 0. */
char *util_join_names(const char *const *names, size_t n);

/* FNV-1a, 64 bits, continuing from h (UTIL_FNV_START to begin): content hashes for
 * change detection and cache keys, not security. */
#define UTIL_FNV_START 0xcbf29ce484222325ull
uint64_t util_fnv(uint64_t h, const void *data, size_t n);
/* h as 16 hex digits, a new string. */
char *util_hex64(uint64_t h);

/* s with the user name and password of every URL in it replaced by three
 * stars (the "user:pw" of "https://user:pw@host/feed"), as a new string:
 * credentials in a feed's URL must reach no message, log or state file. */
char *util_redact_urls(const char *s);

/* Creates the folder path readable by its owner only (0700), and makes it so
 * if it exists; returns -1 after reporting an error. */
int util_private_dir(const char *path);

/* uregex_open for a UTF-8 pattern (uregex_openC would read it in the platform's code page). */
URegularExpression *util_regex_open(const char *pattern, uint32_t flags, UParseError *perr, UErrorCode *err);

#endif
