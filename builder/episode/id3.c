/* id3: builds an ID3v2.3 tag (text, URL, comment, cover, chapters), since LAME cannot write chapter frames. */
#include "id3.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>

/*
 * ID3v2.3 rather than 2.4: every podcast app and the Windows and macOS file
 * browsers read it, and it carries chapters (the CHAP/CTOC addendum) as well.
 * Frame sizes are plain big-endian; only the tag size is synchsafe.
 */

struct id3_bytes {
	unsigned char *data;
	size_t len, cap;
};

struct id3_tag {
	struct id3_bytes frames;
	struct id3_bytes toc_children;	/* element IDs, each NUL-terminated */
	unsigned n_chapters;
};

static void id3_put(struct id3_bytes *b, const void *data, size_t n)
{
	if (n == 0)
		return;
	util_grow((void **)&b->data, &b->cap, b->len + n, 1);
	memcpy(b->data + b->len, data, n);
	b->len += n;
}

static void id3_put_byte(struct id3_bytes *b, unsigned char c)
{
	id3_put(b, &c, 1);
}

static void id3_put_be32(struct id3_bytes *b, uint32_t v)
{
	unsigned char c[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
			       (unsigned char)v };

	id3_put(b, c, 4);
}

struct id3_tag *id3_new(void)
{
	return xcalloc(1, sizeof(struct id3_tag));
}

void id3_free(struct id3_tag *tag)
{
	if (!tag)
		return;
	free(tag->frames.data);
	free(tag->toc_children.data);
	free(tag);
}

static void id3_put_frame(struct id3_bytes *out, const char *id, const struct id3_bytes *body)
{
	id3_put(out, id, 4);
	id3_put_be32(out, (uint32_t)body->len);
	id3_put_byte(out, 0);
	id3_put_byte(out, 0);
	id3_put(out, body->data, body->len);
}

/* Whether every code point of the UTF-8 text fits in ISO-8859-1. */
static int id3_fits_latin1(const UChar *u, int32_t n)
{
	for (int32_t i = 0; i < n; i++)
		if (u[i] > 0xff)
			return 0;
	return 1;
}

/* Text in the encoding the frame's encoding byte announces; terminated adds the terminator. */
static void id3_put_string(struct id3_bytes *b, int encoding, const UChar *u, int32_t n, int terminated)
{
	if (encoding == 0) {
		for (int32_t i = 0; i < n; i++)
			id3_put_byte(b, (unsigned char)u[i]);
		if (terminated)
			id3_put_byte(b, 0);
		return;
	}
	id3_put_byte(b, 0xff);	/* BOM: little-endian UTF-16 */
	id3_put_byte(b, 0xfe);
	for (int32_t i = 0; i < n; i++) {
		id3_put_byte(b, (unsigned char)(u[i] & 0xff));
		id3_put_byte(b, (unsigned char)(u[i] >> 8));
	}
	if (terminated) {
		id3_put_byte(b, 0);
		id3_put_byte(b, 0);
	}
}

/* UTF-8 to a new UTF-16 string; invalid input becomes U+FFFD. */
static UChar *id3_utf16(const char *text, int32_t *n)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u;

	u_strFromUTF8WithSub(NULL, 0, n, text, -1, 0xfffd, NULL, &err);
	err = U_ZERO_ERROR;
	u = xmalloc(((size_t)*n + 1) * sizeof *u);
	u_strFromUTF8WithSub(u, *n + 1, n, text, -1, 0xfffd, NULL, &err);
	return u;
}

static void id3_text_frame(struct id3_bytes *out, const char *id, const char *text)
{
	struct id3_bytes body = { 0 };
	int32_t n;
	UChar *u = id3_utf16(text, &n);
	int enc = id3_fits_latin1(u, n) ? 0 : 1;

	id3_put_byte(&body, (unsigned char)enc);
	id3_put_string(&body, enc, u, n, 0);
	id3_put_frame(out, id, &body);
	free(body.data);
	free(u);
}

void id3_add_text(struct id3_tag *tag, const char *id, const char *text)
{
	if (text && *text && strlen(id) == 4)
		id3_text_frame(&tag->frames, id, text);
}

void id3_add_url(struct id3_tag *tag, const char *id, const char *url)
{
	static const char hex[] = "0123456789ABCDEF";
	struct id3_bytes body = { 0 };

	/* W*** frames but WXXX: that one starts with an encoding byte and a description */
	if (!url || !*url || strlen(id) != 4 || id[0] != 'W' || strcmp(id, "WXXX") == 0)
		return;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (*p > 0x20 && *p < 0x7f) {
			id3_put_byte(&body, *p);
		} else {	/* RFC 3986 percent-encoding, as a browser does for an IRI */
			id3_put_byte(&body, '%');
			id3_put_byte(&body, (unsigned char)hex[*p >> 4]);
			id3_put_byte(&body, (unsigned char)hex[*p & 0x0f]);
		}
	}
	id3_put_frame(&tag->frames, id, &body);
	free(body.data);
}

void id3_add_comment(struct id3_tag *tag, const char *lang, const char *desc, const char *text)
{
	struct id3_bytes body = { 0 };
	int32_t nd, nt;
	UChar *ud, *ut;
	int enc;

	if (!text || !*text)
		return;
	ud = id3_utf16(desc ? desc : "", &nd);
	ut = id3_utf16(text, &nt);
	enc = id3_fits_latin1(ud, nd) && id3_fits_latin1(ut, nt) ? 0 : 1;
	id3_put_byte(&body, (unsigned char)enc);
	id3_put(&body, lang, 3);
	id3_put_string(&body, enc, ud, nd, 1);
	id3_put_string(&body, enc, ut, nt, 0);
	id3_put_frame(&tag->frames, "COMM", &body);
	free(body.data);
	free(ud);
	free(ut);
}

void id3_add_picture(struct id3_tag *tag, const char *mime, const void *data, size_t len)
{
	struct id3_bytes body = { 0 };

	id3_put_byte(&body, 0);
	id3_put(&body, mime, strlen(mime) + 1);
	id3_put_byte(&body, 3);	/* front cover */
	id3_put_byte(&body, 0);	/* empty description */
	id3_put(&body, data, len);
	id3_put_frame(&tag->frames, "APIC", &body);
	free(body.data);
}

void id3_add_chapter(struct id3_tag *tag, uint32_t start_ms, uint32_t end_ms, const char *title)
{
	struct id3_bytes body = { 0 };
	char id[16];

	if (tag->n_chapters >= 255)	/* CTOC counts its entries in one byte */
		return;
	snprintf(id, sizeof id, "chp%u", tag->n_chapters++);
	id3_put(&body, id, strlen(id) + 1);
	id3_put_be32(&body, start_ms);
	id3_put_be32(&body, end_ms);
	id3_put_be32(&body, 0xffffffffu);	/* no byte offsets: times rule */
	id3_put_be32(&body, 0xffffffffu);
	if (title && *title)
		id3_text_frame(&body, "TIT2", title);
	id3_put_frame(&tag->frames, "CHAP", &body);
	id3_put(&tag->toc_children, id, strlen(id) + 1);
	free(body.data);
}

void id3_render(const struct id3_tag *tag, const char *toc_title, unsigned char **buf, size_t *len)
{
	struct id3_bytes out = { 0 }, toc = { 0 };
	size_t size;

	id3_put(&out, "ID3\x03\x00\x00", 6);
	id3_put_be32(&out, 0);	/* size, filled in below */
	if (tag->n_chapters) {
		id3_put(&toc, "toc", 4);
		id3_put_byte(&toc, 0x03);	/* top-level, ordered */
		id3_put_byte(&toc, (unsigned char)(tag->n_chapters > 255 ? 255 : tag->n_chapters));
		id3_put(&toc, tag->toc_children.data, tag->toc_children.len);
		if (toc_title && *toc_title)
			id3_text_frame(&toc, "TIT2", toc_title);
		id3_put_frame(&out, "CTOC", &toc);
		free(toc.data);
	}
	id3_put(&out, tag->frames.data, tag->frames.len);
	size = out.len - 10;
	out.data[6] = (unsigned char)((size >> 21) & 0x7f);
	out.data[7] = (unsigned char)((size >> 14) & 0x7f);
	out.data[8] = (unsigned char)((size >> 7) & 0x7f);
	out.data[9] = (unsigned char)(size & 0x7f);
	*buf = out.data;
	*len = out.len;
}
