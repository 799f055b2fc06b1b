/* encode: streams PCM into an MP3 (libmp3lame, our ID3v2 tag, Xing/LAME frame) or WAV/FLAC/Ogg (libsndfile). */
#include "encode.h"

#include "id3.h"
#include "log.h"
#include "outfile.h"
#include "util.h"

#include <errno.h>
#include <lame/lame.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ENCODE_BLOCK 8192

struct encoder {
	struct encode_settings settings;
	struct outfile out;
	FILE *fp;		/* where bytes go: out.fp, or a part's file (never owned) */
	const char *name;	/* what errors call it */
	uint64_t samples;	/* samples encoded */
	/* MP3 */
	lame_global_flags *lame;
	unsigned char *mp3buf;
	size_t mp3buf_size;
	long tag_bytes;		/* where the Xing/LAME frame goes: after the ID3 tag */
	/* libsndfile */
	SNDFILE *sf;
};

static const struct {
	const char *ext;
	enum encode_format format;
} encode_exts[] = {
	{ ".mp3", ENCODE_MP3 }, { ".wav", ENCODE_WAV }, { ".flac", ENCODE_FLAC },
	{ ".ogg", ENCODE_OGG }, { ".oga", ENCODE_OGG },
};

int encode_format_from_path(const char *path, enum encode_format *format)
{
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof encode_exts / sizeof encode_exts[0]; i++) {
		if (strcasecmp(dot, encode_exts[i].ext) == 0) {
			*format = encode_exts[i].format;
			return 0;
		}
	}
	return -1;
}

const char *encode_format_name(enum encode_format format)
{
	static const char *const names[] = { "MP3", "WAV", "FLAC", "Ogg Vorbis" };

	return names[format];
}

int encode_bitrate_valid(int kbps)
{
	static const int rates[] = { 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 192, 224, 256, 320 };

	for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++)
		if (rates[i] == kbps)
			return 1;
	return 0;
}

static int encode_write_bytes(struct encoder *enc, const void *data, size_t n)
{
	if (n && fwrite(data, 1, n, enc->fp) != n) {
		log_error("cannot write '%s': %s", enc->name, strerror(errno));
		return -1;
	}
	return 0;
}

/* The ID3v2 tag: TYER and TDAT carry the date in ID3v2.3. */
static void encode_render_id3(const struct encode_tags *tags, unsigned char **buf, size_t *len)
{
	struct id3_tag *tag = id3_new();

	id3_add_text(tag, "TIT2", tags->title);
	id3_add_text(tag, "TPE1", tags->artist);
	id3_add_text(tag, "TEXT", tags->writer);
	id3_add_text(tag, "TALB", tags->album);
	id3_add_text(tag, "TCON", tags->genre);
	if (tags->date && strlen(tags->date) >= 10) {
		char year[5], ddmm[5];

		memcpy(year, tags->date, 4);
		year[4] = '\0';
		memcpy(ddmm, tags->date + 8, 2);
		memcpy(ddmm + 2, tags->date + 5, 2);
		ddmm[4] = '\0';
		id3_add_text(tag, "TYER", year);
		id3_add_text(tag, "TDAT", ddmm);
	}
	/* WOAS, "official audio source webpage": where the words spoken were
	 * published. WORS, "official internet radio station homepage": the show's
	 * page, a standard frame for the whole programme rather than this file
	 * (WOAF would be the file's own page). */
	id3_add_url(tag, "WOAS", tags->source_url);
	id3_add_url(tag, "WORS", tags->show_url);
	id3_add_comment(tag, "eng", "", tags->comment);
	{
		char *software = xasprintf("newscast with LAME %s", get_lame_short_version());

		id3_add_text(tag, "TSSE", software);
		free(software);
	}
	if (tags->cover && tags->cover_len && tags->cover_mime)
		id3_add_picture(tag, tags->cover_mime, tags->cover, tags->cover_len);
	for (size_t i = 0; i < tags->n_chapters; i++)
		id3_add_chapter(tag, tags->chapters[i].start_ms, tags->chapters[i].end_ms, tags->chapters[i].title);
	id3_render(tag, tags->title, buf, len);
	id3_free(tag);
}

/* A CBR mono LAME encoder; with_tag makes it reserve the Xing/LAME Info frame. */
static int encode_lame_new(struct encoder *enc, int with_tag)
{
	enc->lame = lame_init();
	if (!enc->lame) {
		log_error("cannot start the MP3 encoder");
		return -1;
	}
	lame_set_num_channels(enc->lame, 1);
	lame_set_mode(enc->lame, MONO);
	lame_set_in_samplerate(enc->lame, enc->settings.rate);
	lame_set_out_samplerate(enc->lame, enc->settings.rate);
	lame_set_VBR(enc->lame, vbr_off);
	lame_set_brate(enc->lame, enc->settings.bitrate);
	lame_set_quality(enc->lame, enc->settings.quality);
	lame_set_bWriteVbrTag(enc->lame, with_tag);	/* the Info frame: players show the exact duration */
	lame_set_write_id3tag_automatic(enc->lame, 0);
	if (lame_init_params(enc->lame) < 0) {
		log_error("the MP3 encoder refuses %d Hz at %d kbps", enc->settings.rate, enc->settings.bitrate);
		return -1;
	}
	enc->mp3buf_size = ENCODE_BLOCK * 5 / 4 + 7200;
	enc->mp3buf = xmalloc(enc->mp3buf_size);
	return 0;
}

static int encode_open_mp3(struct encoder *enc, const struct encode_tags *tags)
{
	unsigned char *tag;
	size_t tag_len;
	int ret;

	if (encode_lame_new(enc, 1) < 0)
		return -1;
	encode_render_id3(tags, &tag, &tag_len);
	ret = encode_write_bytes(enc, tag, tag_len);
	enc->tag_bytes = (long)tag_len;
	free(tag);
	return ret;
}

static int encode_open_sndfile(struct encoder *enc, const struct encode_tags *tags)
{
	SF_INFO info = { 0 };

	info.samplerate = enc->settings.rate;
	info.channels = 1;
	switch (enc->settings.format) {
	case ENCODE_WAV:
		info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
		break;
	case ENCODE_FLAC:
		info.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
		break;
	default:
		info.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
		break;
	}
	enc->sf = sf_open_fd(enc->out.fd, SFM_WRITE, &info, 0);
	if (!enc->sf) {
		log_error("cannot write '%s': %s", enc->out.dest, sf_strerror(NULL));
		return -1;
	}
	sf_command(enc->sf, SFC_SET_CLIPPING, NULL, SF_TRUE);
	if (tags->title && *tags->title)
		sf_set_string(enc->sf, SF_STR_TITLE, tags->title);
	/* libsndfile has no writer string: the writer stands in for a missing
	 * artist; and none for URLs, which these files go without */
	if (tags->artist && *tags->artist)
		sf_set_string(enc->sf, SF_STR_ARTIST, tags->artist);
	else if (tags->writer && *tags->writer)
		sf_set_string(enc->sf, SF_STR_ARTIST, tags->writer);
	if (tags->album && *tags->album)
		sf_set_string(enc->sf, SF_STR_ALBUM, tags->album);
	if (tags->date && *tags->date)
		sf_set_string(enc->sf, SF_STR_DATE, tags->date);
	if (tags->genre && *tags->genre)
		sf_set_string(enc->sf, SF_STR_GENRE, tags->genre);
	if (tags->comment && *tags->comment)
		sf_set_string(enc->sf, SF_STR_COMMENT, tags->comment);
	sf_set_string(enc->sf, SF_STR_SOFTWARE, "newscast");
	return 0;
}

struct encoder *encoder_new(const char *path, const struct encode_settings *settings, const struct encode_tags *tags)
{
	struct encoder *enc = xcalloc(1, sizeof *enc);

	enc->settings = *settings;
	if (outfile_open(&enc->out, path) < 0)
		goto fail;
	enc->fp = enc->out.fp;
	enc->name = enc->out.dest;
	if ((settings->format == ENCODE_MP3 ? encode_open_mp3(enc, tags) : encode_open_sndfile(enc, tags)) < 0)
		goto fail;
	return enc;
fail:
	encoder_free(enc);
	return NULL;
}

int encoder_write(struct encoder *enc, const float *samples, size_t n)
{
	while (n) {
		size_t k = n < ENCODE_BLOCK ? n : ENCODE_BLOCK;

		if (enc->lame) {
			int bytes = lame_encode_buffer_ieee_float(enc->lame, samples, samples, (int)k, enc->mp3buf,
								  (int)enc->mp3buf_size);

			if (bytes < 0) {
				log_error("MP3 encoding failed for '%s' (LAME error %d)", enc->name, bytes);
				return -1;
			}
			if (encode_write_bytes(enc, enc->mp3buf, (size_t)bytes) < 0)
				return -1;
		} else if (sf_write_float(enc->sf, samples, (sf_count_t)k) != (sf_count_t)k) {
			log_error("cannot write '%s': %s", enc->out.dest, sf_strerror(enc->sf));
			return -1;
		}
		samples += k;
		n -= k;
		enc->samples += k;
	}
	return 0;
}

static int encode_finish_mp3(struct encoder *enc)
{
	unsigned char frame[2880];
	int bytes = lame_encode_flush(enc->lame, enc->mp3buf, (int)enc->mp3buf_size);
	size_t n;

	if (bytes < 0 || encode_write_bytes(enc, enc->mp3buf, (size_t)bytes) < 0) {
		if (bytes < 0)
			log_error("MP3 encoding failed for '%s' (LAME error %d)", enc->name, bytes);
		return -1;
	}
	/* LAME left room for the Info frame as the first frame; now it knows the totals. */
	n = lame_get_lametag_frame(enc->lame, frame, sizeof frame);
	if (n > 0 && n <= sizeof frame) {
		if (fseek(enc->out.fp, enc->tag_bytes, SEEK_SET) != 0 || encode_write_bytes(enc, frame, n) < 0) {
			log_error("cannot write '%s': %s", enc->out.dest, strerror(errno));
			return -1;
		}
	}
	return 0;
}

int encoder_finish(struct encoder *enc)
{
	if (enc->lame) {
		if (encode_finish_mp3(enc) < 0)
			return -1;
	} else {
		int err = sf_close(enc->sf);

		enc->sf = NULL;
		if (err) {
			log_error("cannot write '%s': %s", enc->out.dest, sf_error_number(err));
			return -1;
		}
	}
	return outfile_commit(&enc->out);
}

void encoder_free(struct encoder *enc)
{
	if (!enc)
		return;
	if (enc->sf)
		sf_close(enc->sf);
	if (enc->lame)
		lame_close(enc->lame);
	free(enc->mp3buf);
	outfile_abort(&enc->out);
	free(enc);
}

/* MP3 in parts: see encode.h. */

int encode_parts_supported(const struct encode_settings *settings)
{
	return settings->format == ENCODE_MP3 &&
	       (settings->rate == 32000 || settings->rate == 44100 || settings->rate == 48000);
}

int encode_roundtrip(const struct encode_settings *settings, const float *samples, size_t n, float **out,
		     size_t *out_n)
{
	struct encoder enc = { .settings = *settings, .name = "(a loudness check)" };
	struct strbuf mp3;
	hip_t hip = NULL;
	short left[4 * 1152], right[4 * 1152];
	size_t cap = 0;
	int ret = -1, bytes;

	*out = NULL;
	*out_n = 0;
	strbuf_init(&mp3);
	if (encode_lame_new(&enc, 0) < 0)
		goto out;
	for (size_t off = 0; off < n; off += ENCODE_BLOCK) {
		size_t k = n - off < ENCODE_BLOCK ? n - off : ENCODE_BLOCK;

		bytes = lame_encode_buffer_ieee_float(enc.lame, samples + off, samples + off, (int)k, enc.mp3buf,
						      (int)enc.mp3buf_size);
		if (bytes < 0)
			goto fail;
		strbuf_add(&mp3, (const char *)enc.mp3buf, (size_t)bytes);
	}
	bytes = lame_encode_flush(enc.lame, enc.mp3buf, (int)enc.mp3buf_size);
	if (bytes < 0)
		goto fail;
	strbuf_add(&mp3, (const char *)enc.mp3buf, (size_t)bytes);
	hip = hip_decode_init();
	if (!hip)
		goto fail;
	/* a little at a time: hip_decode1 gives at most a frame a call, drained with empty calls */
	for (size_t off = 0; off < mp3.len;) {
		size_t k = mp3.len - off < 1024 ? mp3.len - off : 1024;
		int got = hip_decode1(hip, (unsigned char *)mp3.buf + off, k, left, right);

		off += k;
		while (got > 0) {
			util_grow((void **)out, &cap, *out_n + (size_t)got, sizeof **out);
			for (int i = 0; i < got; i++)
				(*out)[(*out_n)++] = (float)left[i] / 32768.0f;
			got = hip_decode1(hip, (unsigned char *)mp3.buf + off, 0, left, right);
		}
		if (got < 0)
			goto fail;
	}
	ret = 0;
	goto out;
fail:
	log_error("cannot encode and decode a sample of MP3 for its loudness");
out:
	if (hip)
		hip_decode_exit(hip);
	if (enc.lame)
		lame_close(enc.lame);
	free(enc.mp3buf);
	strbuf_release(&mp3);
	if (ret < 0) {
		free(*out);
		*out = NULL;
		*out_n = 0;
	}
	return ret;
}

struct encoder *encoder_new_part(const struct encode_settings *settings, int first, FILE *fp)
{
	struct encoder *enc = xcalloc(1, sizeof *enc);

	enc->settings = *settings;
	enc->out.fd = -1;
	enc->name = "(temporary MP3 part)";
	enc->fp = fp;
	if (encode_lame_new(enc, first) < 0) {
		encoder_free(enc);
		return NULL;
	}
	return enc;
}

/* The size of the MPEG-1 Layer III frame whose header is h, or 0 if h is not one. */
static size_t encode_frame_size(const unsigned char *h)
{
	static const int kbps[16] = { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0 };
	static const int rates[4] = { 44100, 48000, 32000, 0 };
	int br = kbps[h[2] >> 4], sr = rates[(h[2] >> 2) & 3];

	if (h[0] != 0xff || (h[1] & 0xfe) != 0xfa || !br || !sr)
		return 0;
	return (size_t)(144000 * br / sr + ((h[2] >> 1) & 1));
}

/* Calls fn for each frame of fp, from the start; the callback gets the frame's bytes. */
static int encode_walk_frames(FILE *fp, int (*fn)(const unsigned char *frame, size_t n, void *ud), void *ud)
{
	unsigned char frame[2048];

	if (fflush(fp) != 0 || fseek(fp, 0, SEEK_SET) != 0)
		return -1;
	for (;;) {
		size_t got = fread(frame, 1, 4, fp), size;

		if (got == 0)
			return ferror(fp) ? -1 : 0;
		size = got == 4 ? encode_frame_size(frame) : 0;
		if (!size || size > sizeof frame || fread(frame + 4, 1, size - 4, fp) != size - 4) {
			log_error("a temporary MP3 part is damaged");
			return -1;
		}
		if (fn(frame, size, ud) != 0)
			return -1;
	}
}

static int encode_count_frame(const unsigned char *frame, size_t n, void *ud)
{
	(void)frame;
	(void)n;
	(*(uint32_t *)ud)++;
	return 0;
}

int encoder_finish_part(struct encoder *enc, struct encode_part *part)
{
	int bytes, ret = -1;

	memset(part, 0, sizeof *part);
	bytes = lame_encode_flush(enc->lame, enc->mp3buf, (int)enc->mp3buf_size);
	if (bytes < 0) {
		log_error("MP3 encoding failed (LAME error %d)", bytes);
		goto out;
	}
	if (encode_write_bytes(enc, enc->mp3buf, (size_t)bytes) < 0)
		goto out;
	if (lame_get_bWriteVbrTag(enc->lame)) {
		part->tag_len = lame_get_lametag_frame(enc->lame, part->tag, sizeof part->tag);
		if (part->tag_len == 0 || part->tag_len > sizeof part->tag) {
			log_error("the MP3 encoder gave no Info frame");
			goto out;
		}
	}
	part->samples = enc->samples;
	part->delay = (uint32_t)lame_get_encoder_delay(enc->lame);
	part->padding = (uint32_t)lame_get_encoder_padding(enc->lame);
	if (encode_walk_frames(enc->fp, encode_count_frame, &part->frames) < 0)
		goto out;
	if (part->tag_len)
		part->frames--;	/* the placeholder for the Info frame */
	ret = 0;
out:
	encoder_free(enc);
	return ret;
}

void encode_part_release(struct encode_part *part)
{
	if (part->fp)
		fclose(part->fp);
	part->fp = NULL;
}

uint64_t encode_part_offset(const struct encode_part *parts, size_t k)
{
	uint64_t at = 0;

	if (k == 0)
		return 0;
	/* Part k's frames start after the frames before it; its own delay comes first. */
	for (size_t i = 0; i < k; i++)
		at += (uint64_t)parts[i].frames * 1152;
	return at - parts[0].delay + parts[k].delay;
}

/* CRC-16 with polynomial 0x8005, reflected (CRC-16/ARC): what the LAME tag uses. A byte at a
 * time from a table: joining an episode runs it over every byte of its audio, and bit by bit
 * it was most of the time a build spends joining parts made already. */
static uint16_t encode_crc16(uint16_t crc, const unsigned char *p, size_t n)
{
	static uint16_t table[256];
	static bool made;

	if (!made) {
		for (unsigned b = 0; b < 256; b++) {
			uint16_t c = (uint16_t)b;

			for (int k = 0; k < 8; k++)
				c = (uint16_t)(c & 1 ? (c >> 1) ^ 0xa001 : c >> 1);
			table[b] = c;
		}
		made = true;
	}
	while (n--)
		crc = (uint16_t)((crc >> 8) ^ table[(crc ^ *p++) & 0xff]);
	return crc;
}

struct encode_joiner {
	struct encoder *enc;
	int skip;		/* frames still to skip: the first part's placeholder */
	uint16_t crc;
	uint64_t bytes;
	uint32_t *offsets;	/* of each audio frame from the Info frame, for the TOC */
	size_t n_frames, cap;
	size_t tag_len;
};

static int encode_join_frame(const unsigned char *frame, size_t n, void *ud)
{
	struct encode_joiner *j = ud;

	if (j->skip) {
		j->skip--;
		return 0;
	}
	util_grow((void **)&j->offsets, &j->cap, j->n_frames + 1, sizeof *j->offsets);
	j->offsets[j->n_frames++] = (uint32_t)(j->tag_len + j->bytes);
	j->crc = encode_crc16(j->crc, frame, n);
	j->bytes += n;
	return encode_write_bytes(j->enc, frame, n);
}

static void encode_put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Rewrites LAME's Info frame of the first part with the totals of the joined stream. */
static int encode_patch_info(unsigned char *f, size_t len, const struct encode_joiner *j, uint32_t padding)
{
	size_t x = 0, at;
	uint32_t flags, total = (uint32_t)(j->tag_len + j->bytes);

	while (x + 4 <= len && memcmp(f + x, "Info", 4) != 0 && memcmp(f + x, "Xing", 4) != 0)
		x++;
	if (x + 8 > len)
		return -1;
	flags = (uint32_t)f[x + 4] << 24 | (uint32_t)f[x + 5] << 16 | (uint32_t)f[x + 6] << 8 | f[x + 7];
	at = x + 8;
	if (flags & 1) {
		encode_put_be32(f + at, (uint32_t)j->n_frames);
		at += 4;
	}
	if (flags & 2) {
		encode_put_be32(f + at, total);
		at += 4;
	}
	if (flags & 4) {
		for (int i = 0; i < 100; i++) {
			size_t frame = j->n_frames * (size_t)i / 100;
			uint64_t off = frame < j->n_frames ? j->offsets[frame] : total;

			f[at + (size_t)i] = (unsigned char)(off * 256 / total);
		}
		at += 100;
	}
	if (flags & 8)
		at += 4;
	/* The LAME extension: "LAME3.100", 36 bytes in all. */
	if (at + 36 > len || memcmp(f + at, "LAME", 4) != 0)
		return -1;
	/* delay and padding: 12 bits each in bytes 21-23; the delay is the first part's already */
	f[at + 22] = (unsigned char)((f[at + 22] & 0xf0) | (padding >> 8 & 0x0f));
	f[at + 23] = (unsigned char)(padding & 0xff);
	encode_put_be32(f + at + 28, total);
	f[at + 32] = (unsigned char)(j->crc >> 8);
	f[at + 33] = (unsigned char)j->crc;
	{
		uint16_t crc = encode_crc16(0, f, at + 34);

		f[at + 34] = (unsigned char)(crc >> 8);
		f[at + 35] = (unsigned char)crc;
	}
	return 0;
}

int encode_join(const char *path, const struct encode_settings *settings, const struct encode_tags *tags,
		const struct encode_part *parts, size_t n)
{
	struct encoder *enc = xcalloc(1, sizeof *enc);
	struct encode_joiner j = { 0 };
	unsigned char *id3 = NULL, info[sizeof parts[0].tag];
	size_t id3_len = 0;
	int ret = -1;

	enc->settings = *settings;
	if (n == 0 || !parts[0].tag_len) {
		log_error("cannot write '%s': the first MP3 part has no Info frame", path);
		goto out;
	}
	if (outfile_open(&enc->out, path) < 0)
		goto out;
	enc->fp = enc->out.fp;
	enc->name = enc->out.dest;
	encode_render_id3(tags, &id3, &id3_len);
	memcpy(info, parts[0].tag, parts[0].tag_len);
	/* The Info frame goes first; its totals are known once the frames are in. */
	if (encode_write_bytes(enc, id3, id3_len) < 0 || encode_write_bytes(enc, info, parts[0].tag_len) < 0)
		goto out;
	j.enc = enc;
	j.tag_len = parts[0].tag_len;
	for (size_t i = 0; i < n; i++) {
		/* a part encoded with an Info frame starts with its placeholder */
		j.skip = parts[i].tag_len > 0;
		if (encode_walk_frames(parts[i].fp, encode_join_frame, &j) < 0)
			goto out;
	}
	if (encode_patch_info(info, parts[0].tag_len, &j, parts[n - 1].padding) < 0) {
		log_error("cannot read the MP3 encoder's Info frame");
		goto out;
	}
	if (fseek(enc->fp, (long)id3_len, SEEK_SET) != 0 || encode_write_bytes(enc, info, parts[0].tag_len) < 0)
		goto out;
	ret = outfile_commit(&enc->out);
out:
	free(id3);
	free(j.offsets);
	enc->fp = NULL;
	encoder_free(enc);
	return ret;
}
