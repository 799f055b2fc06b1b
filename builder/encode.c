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
	if (n && fwrite(data, 1, n, enc->out.fp) != n) {
		log_error("cannot write '%s': %s", enc->out.dest, strerror(errno));
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
	id3_add_comment(tag, "eng", "", tags->comment);
	{
		char *software = xasprintf("newscast with LAME %s", get_lame_short_version());

		id3_add_text(tag, "TSSE", software);
		free(software);
	}
	for (size_t i = 0; i < tags->n_chapters; i++)
		id3_add_chapter(tag, tags->chapters[i].start_ms, tags->chapters[i].end_ms, tags->chapters[i].title);
	id3_render(tag, tags->title, buf, len);
	id3_free(tag);
}

static int encode_open_mp3(struct encoder *enc, const struct encode_tags *tags)
{
	unsigned char *tag;
	size_t tag_len;
	int ret;

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
	lame_set_bWriteVbrTag(enc->lame, 1);	/* the Xing/LAME "Info" frame: exact duration */
	lame_set_write_id3tag_automatic(enc->lame, 0);
	if (lame_init_params(enc->lame) < 0) {
		log_error("the MP3 encoder refuses %d Hz at %d kbps", enc->settings.rate, enc->settings.bitrate);
		return -1;
	}
	enc->mp3buf_size = ENCODE_BLOCK * 5 / 4 + 7200;
	enc->mp3buf = xmalloc(enc->mp3buf_size);
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
	if (tags->artist && *tags->artist)
		sf_set_string(enc->sf, SF_STR_ARTIST, tags->artist);
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
				log_error("MP3 encoding failed for '%s' (LAME error %d)", enc->out.dest, bytes);
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
			log_error("MP3 encoding failed for '%s' (LAME error %d)", enc->out.dest, bytes);
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
