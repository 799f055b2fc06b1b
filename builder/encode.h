/* encode: streams PCM into an MP3 (libmp3lame, our ID3v2 tag, Xing/LAME frame) or WAV/FLAC/Ogg (libsndfile). */
#ifndef NEWSCAST_ENCODE_H
#define NEWSCAST_ENCODE_H

#include <stddef.h>
#include <stdint.h>

enum encode_format {
	ENCODE_MP3,
	ENCODE_WAV,
	ENCODE_FLAC,
	ENCODE_OGG,
};

struct encode_chapter {
	uint32_t start_ms;
	uint32_t end_ms;
	const char *title;
};

/* What the file says about itself. Strings are borrowed; NULL or "" leaves a field out. */
struct encode_tags {
	const char *title;
	const char *artist;
	const char *album;
	const char *date;	/* YYYY-MM-DD */
	const char *genre;
	const char *comment;
	const struct encode_chapter *chapters;
	size_t n_chapters;
};

struct encode_settings {
	enum encode_format format;
	int rate;		/* samples per second */
	int bitrate;		/* kbps, MP3 only */
	int quality;		/* LAME's algorithm quality, 0 (best) to 9 (fastest) */
};

#define ENCODE_DEFAULT_BITRATE 96
#define ENCODE_DEFAULT_QUALITY 3

/* The format a path's extension asks for (.mp3 .wav .flac .ogg/.oga); -1 if none. */
int encode_format_from_path(const char *path, enum encode_format *format);
const char *encode_format_name(enum encode_format format);
/* Whether LAME encodes MP3 at this bitrate (kbps). */
int encode_bitrate_valid(int kbps);

struct encoder;	/* opaque: an open output file and its encoder */

/* Opens path for writing (under a temporary name until encoder_finish); the
 * tags are written now, or on finishing. Returns NULL after reporting. */
struct encoder *encoder_new(const char *path, const struct encode_settings *settings, const struct encode_tags *tags);
/* Encodes n mono samples in [-1, 1]. */
int encoder_write(struct encoder *enc, const float *samples, size_t n);
/* Flushes the encoder, writes the Xing/LAME frame, renames the file into place. */
int encoder_finish(struct encoder *enc);
/* Frees the encoder; an unfinished file is removed. */
void encoder_free(struct encoder *enc);

#endif
