/* cover: the show's cover image: what it is (a JPEG or a PNG, and its size), and whether Apple takes it. */
#ifndef NEWSCAST_COVER_H
#define NEWSCAST_COVER_H

#include <stddef.h>

/* The largest cover read: far more than Apple's 3000x3000 needs. */
#define COVER_MAX_BYTES (32u << 20)

struct cover {
	unsigned char *data;	/* the file's bytes (cover_read), owned; NULL after cover_sniff alone */
	size_t len;
	const char *mime;	/* "image/jpeg" or "image/png"; static */
	const char *ext;	/* "jpg" or "png"; static */
	int width, height;
};

/* What cover_read found. */
enum cover_status {
	COVER_OK = 0,
	COVER_UNREADABLE = -1,	/* not a regular file of at most COVER_MAX_BYTES, or unreadable (reported) */
	COVER_UNKNOWN = -2,	/* neither a JPEG nor a PNG whose size can be read: a GIF, a truncated file */
};

/* Tells a PNG or JPEG by its first bytes and reads its width and height from its header,
 * never past len. Fills c's mime, ext, width and height (not data) and returns COVER_OK,
 * or COVER_UNKNOWN. */
int cover_sniff(const unsigned char *data, size_t len, struct cover *c);

/* Reads path, a regular file of at most COVER_MAX_BYTES, and sniffs it. On COVER_OK c owns
 * the file's bytes (cover_release); otherwise c holds nothing. Whether a missing or unknown
 * cover matters is the caller's to say. */
int cover_read(struct cover *c, const char *path);

/* Frees c's bytes; c may hold nothing. */
void cover_release(struct cover *c);

/* Apple's rule for a podcast's artwork: a square of 1400 to 3000 pixels. Returns 0, or -1
 * after a warning that names path. */
int cover_check(const struct cover *c, const char *path);

#endif
