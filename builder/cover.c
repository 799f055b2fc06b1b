/* cover: the show's cover image: what it is (a JPEG or a PNG, and its size), and whether Apple takes it. */
#include "cover.h"

#include "log.h"
#include "util.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t cover_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int cover_sniff(const unsigned char *d, size_t n, struct cover *c)
{
	c->mime = c->ext = NULL;
	c->width = c->height = 0;
	if (n > 24 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(d + 12, "IHDR", 4) == 0) {
		uint32_t w = cover_be32(d + 16), h = cover_be32(d + 20);

		/* PNG's limit is 2^31 - 1 */
		if (w > INT_MAX || h > INT_MAX)
			return COVER_UNKNOWN;
		c->width = (int)w;
		c->height = (int)h;
		c->mime = "image/png";
		c->ext = "png";
		return COVER_OK;
	}
	if (n > 4 && d[0] == 0xff && d[1] == 0xd8) {
		size_t i = 2;

		while (i + 9 < n && d[i] == 0xff) {
			unsigned char m = d[i + 1];
			size_t len = (size_t)(d[i + 2] << 8 | d[i + 3]);

			/* the start-of-frame markers hold the size; C4, C8 and CC are not frames */
			if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
				c->height = d[i + 5] << 8 | d[i + 6];
				c->width = d[i + 7] << 8 | d[i + 8];
				c->mime = "image/jpeg";
				c->ext = "jpg";
				return COVER_OK;
			}
			i += 2 + len;
		}
	}
	return COVER_UNKNOWN;
}

int cover_read(struct cover *c, const char *path)
{
	char *data;
	int ret;

	memset(c, 0, sizeof *c);
	if (util_read_regular(path, "cover", COVER_MAX_BYTES, 0, &data, &c->len) < 0)
		return COVER_UNREADABLE;
	ret = cover_sniff((const unsigned char *)data, c->len, c);
	if (ret == COVER_OK) {
		c->data = (unsigned char *)data;
	} else {
		free(data);
		c->len = 0;
	}
	return ret;
}

void cover_release(struct cover *c)
{
	free(c->data);
	c->data = NULL;
	c->len = 0;
}

int cover_check(const struct cover *c, const char *path)
{
	if (c->width == c->height && c->width >= 1400 && c->width <= 3000)
		return 0;
	log_warn("cover '%s' is %dx%d: Apple Podcasts wants a square of 1400 to 3000 pixels", path, c->width, c->height);
	return -1;
}
