/* encode: streams PCM into an MP3 (libmp3lame, our ID3v2 tag, Xing/LAME frame) or WAV/FLAC/Ogg (libsndfile). */
#ifndef NEWSCAST_ENCODE_H
#define NEWSCAST_ENCODE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
	const char *writer;	/* who wrote the words spoken: the article's author (ID3 TEXT) */
	const char *album;
	const char *date;	/* YYYY-MM-DD */
	const char *genre;
	const char *comment;
	const char *source_url;	/* the article's web page (ID3 WOAS); MP3 only */
	const char *show_url;	/* the podcast's web page (ID3 WORS); MP3 only */
	const struct encode_chapter *chapters;
	size_t n_chapters;
	const unsigned char *cover;	/* JPEG or PNG bytes for the APIC frame; may be NULL */
	size_t cover_len;
	const char *cover_mime;
};

struct encode_settings {
	enum encode_format format;
	int rate;		/* samples per second */
	int bitrate;		/* kbps, MP3 only */
	int quality;		/* LAME's algorithm quality, 0 (best) to 9 (fastest) */
};

#define ENCODE_DEFAULT_BITRATE 96
/* LAME's -q 7, measured against 2, 3 and 5 on newscast's speech at 96 kbps (scripts/quality,
 * README "Benchmark"): no more noise, in any speech band or frame, and no more words misheard,
 * for 20 % less of the encoder's time than 3. */
#define ENCODE_DEFAULT_QUALITY 7

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

/*
 * MP3 in parts. A constant-bitrate MP3 stream can be joined frame by frame:
 * each part is encoded on its own (in parallel, in child processes), and the
 * file is their frames one after another, with one ID3 tag and one Xing/LAME
 * frame in front. A part starts with a fresh bit reservoir, so the join is a
 * valid stream; the encoder's delay and padding at each join add a few tens of
 * milliseconds, which fall into the silence where parts are cut.
 */
#define ENCODE_MAX_PARTS 8

struct encode_part {
	FILE *fp;		/* the part's MP3 frames in a temporary file; owned by the part */
	uint64_t samples;	/* input samples encoded */
	uint32_t delay;		/* LAME's encoder delay, in samples */
	uint32_t padding;	/* LAME's padding at the end, in samples */
	uint32_t frames;	/* audio frames (after the first part's Info frame) */
	unsigned char tag[2880];	/* the first part: LAME's Info frame, for its settings */
	size_t tag_len;
};

/* Whether MP3 at this rate can be joined in parts (MPEG-1 rates: 1152 samples a frame). */
int encode_parts_supported(const struct encode_settings *settings);

/* Encodes n samples as an MP3 with settings (LAME, as encoder_new would) and
 * decodes them again (LAME's hip decoder): *out gets a new buffer of *out_n
 * samples, what a listener hears. Only for ENCODE_MP3. */
int encode_roundtrip(const struct encode_settings *settings, const float *samples, size_t n, float **out,
		     size_t *out_n);
/* A new encoder for one part, writing frames to fp (borrowed: the caller keeps
 * it, typically a tmpfile() made before forking); the first part also reserves
 * LAME's Info frame. */
struct encoder *encoder_new_part(const struct encode_settings *settings, int first, FILE *fp);
/* Finishes a part and fills *part, except part->fp, which the caller sets. Frees enc. */
int encoder_finish_part(struct encoder *enc, struct encode_part *part);
void encode_part_release(struct encode_part *part);
/* The sample of the joined stream, after the encoder delay is trimmed, where
 * part k's first input sample plays. */
uint64_t encode_part_offset(const struct encode_part *parts, size_t k);
/* Writes path: the ID3 tag, one Xing/LAME frame with the totals, every part's frames. */
int encode_join(const char *path, const struct encode_settings *settings, const struct encode_tags *tags,
		const struct encode_part *parts, size_t n);

#endif
