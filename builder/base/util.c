/* util: memory helpers and a growable string, used by every module. */
#include "util.h"

#include "log.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static void util_out_of_memory(size_t n)
{
	fprintf(stderr, "newscast: out of memory (%zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		util_out_of_memory(n);
	return p;
}

void *xcalloc(size_t count, size_t n)
{
	void *p = calloc(count ? count : 1, n ? n : 1);

	if (!p)
		util_out_of_memory(count * n);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		util_out_of_memory(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	int n;

	strbuf_init(&sb);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return strbuf_detach(&sb);
	util_grow((void **)&sb.buf, &sb.cap, (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(sb.buf, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return sb.buf;
}

void util_grow(void **items, size_t *cap, size_t need, size_t item_size)
{
	size_t n = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (n < need) {
		if (n > SIZE_MAX / 2 / item_size)
			util_out_of_memory(need);
		n *= 2;
	}
	*items = xrealloc(*items, n * item_size);
	*cap = n;
}

void strbuf_init(struct strbuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->buf = xmalloc(sb->cap);
	sb->buf[0] = '\0';
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	util_grow((void **)&sb->buf, &sb->cap, sb->len + n + 1, 1);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	util_grow((void **)&sb->buf, &sb->cap, sb->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->buf[0] = '\0';
}

char *strbuf_detach(struct strbuf *sb)
{
	char *p = sb->buf;

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return p;
}

/* Reads fd to its end into a new NUL-terminated buffer, refusing more than max_bytes;
 * name is what messages call it. fd is left open. */
static int util_read_fd(int fd, const char *name, size_t max_bytes, char **data, size_t *len)
{
	struct strbuf sb;
	char chunk[65536];
	ssize_t n;
	int ret = -1;

	strbuf_init(&sb);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			log_error("cannot read '%s': %s", name, strerror(errno));
			goto out;
		}
		/* a regular file may have grown since fstat */
		if (sb.len + (size_t)n > max_bytes) {
			log_error("'%s' is too large (over %zu bytes)", name, max_bytes);
			goto out;
		}
		strbuf_add(&sb, chunk, (size_t)n);
	}
	*len = sb.len;
	*data = strbuf_detach(&sb);
	ret = 0;
out:
	strbuf_release(&sb);
	return ret;
}

int util_read_file(const char *path, size_t max_bytes, char **data, size_t *len)
{
	int fd, ret;

	if (strcmp(path, "-") == 0)
		return util_read_fd(STDIN_FILENO, "(standard input)", max_bytes, data, len);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		log_error("cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	ret = util_read_fd(fd, path, max_bytes, data, len);
	close(fd);
	return ret;
}

const char *util_file_kind(unsigned int mode)
{
	return S_ISDIR(mode) ? "a folder" : S_ISCHR(mode) || S_ISBLK(mode) ? "a device" : S_ISFIFO(mode) ? "a FIFO"
	       : S_ISSOCK(mode) ? "a socket" : S_ISREG(mode) ? "a file" : "something else";
}

int util_open_regular(const char *path, const char *what, size_t max_bytes, int flags)
{
	const char *sp = what && *what ? " " : "";
	struct stat st;
	int fd, e = 0;

	what = what ? what : "";
	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (flags & UTIL_NO_LINK ? O_NOFOLLOW : 0));

	if (fd < 0) {
		e = errno;
		if (e == ELOOP && (flags & UTIL_NO_LINK))
			log_error("cannot open %s%s'%s': it is a symbolic link, which is not followed here", what, sp, path);
		else
			log_error("cannot open %s%s'%s': %s", what, sp, path, strerror(e));
	} else if (fstat(fd, &st) < 0 || fcntl(fd, F_SETFL, 0) < 0) {
		e = errno;
		log_error("cannot read '%s': %s", path, strerror(e));
	} else if (!S_ISREG(st.st_mode)) {
		e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		log_error("cannot open %s%s'%s': it is %s, not a file", what, sp, path, util_file_kind(st.st_mode));
	} else if ((uintmax_t)st.st_size > max_bytes) {
		e = EFBIG;
		log_error("'%s' is too large (over %zu bytes)", path, max_bytes);
	}
	if (e && fd >= 0) {
		close(fd);
		fd = -1;
	}
	errno = e;
	return fd;
}

int util_read_regular(const char *path, const char *what, size_t max_bytes, int flags, char **data, size_t *len)
{
	int fd = util_open_regular(path, what, max_bytes, flags), ret;

	if (fd < 0)
		return -1;
	ret = util_read_fd(fd, path, max_bytes, data, len);
	close(fd);
	return ret;
}

char *util_trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int util_each_line(char *text, int (*fn)(char *line, int number, void *ud), void *ud)
{
	int number = 0, ret = 0;

	for (char *p = text, *next; p && ret == 0; p = next) {
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		number++;
		p = util_trim(p);
		if (*p && *p != '#')
			ret = fn(p, number, ud);
	}
	return ret;
}

void util_squeeze_spaces(char *s)
{
	char *w = s;
	bool space = false;

	for (char *r = s; *r; r++) {
		if (isspace((unsigned char)*r)) {
			space = w != s;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
}

size_t util_count_words(const char *s)
{
	size_t n = 0;
	bool in_word = false;

	for (; *s; s++) {
		if (isspace((unsigned char)*s)) {
			in_word = false;
		} else if (!in_word) {
			in_word = true;
			n++;
		}
	}
	return n;
}

bool util_ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

char *util_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!dot || dot == base)
		dot = base + strlen(base);
	return xstrndup(base, (size_t)(dot - base));
}

/* text in Latin letters, accents off ("Zoë" → "Zoe", "Київ" → "Kyiv"), as a new string; a copy if ICU cannot. */
static char *util_ascii(const char *text)
{
	static const UChar id[] = u"Any-Latin; Latin-ASCII";
	UErrorCode err = U_ZERO_ERROR;
	UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
	int32_t len = 0, limit, cap;
	UChar *u;
	char *out = NULL;

	if (U_FAILURE(err))
		return xstrdup(text);
	u_strFromUTF8WithSub(NULL, 0, &len, text, -1, 0xfffd, NULL, &err);
	err = U_ZERO_ERROR;
	cap = len * 4 + 16;
	u = xmalloc((size_t)cap * sizeof *u);
	u_strFromUTF8WithSub(u, cap, &len, text, -1, 0xfffd, NULL, &err);
	limit = len;
	utrans_transUChars(t, u, &len, cap, 0, &limit, &err);
	if (U_SUCCESS(err)) {
		int32_t n = 0;

		u_strToUTF8(NULL, 0, &n, u, len, &err);
		err = U_ZERO_ERROR;
		out = xmalloc((size_t)n + 1);
		u_strToUTF8(out, n + 1, NULL, u, len, &err);
	}
	free(u);
	utrans_close(t);
	return out && U_SUCCESS(err) ? out : (free(out), xstrdup(text));
}

char *util_slug(const char *text, size_t max)
{
	struct strbuf sb;
	char *ascii = util_ascii(text);

	text = ascii;
	strbuf_init(&sb);
	for (const char *p = text; *p && sb.len < max; p++) {
		unsigned char c = (unsigned char)*p;

		if (isalnum(c) && c < 128) {
			strbuf_addc(&sb, (char)tolower(c));
		} else if (c != '\'' && sb.len && sb.buf[sb.len - 1] != '-') {
			if (c < 128 || (c & 0xc0) == 0xc0)
				strbuf_addc(&sb, '-');
		}
	}
	while (sb.len && sb.buf[sb.len - 1] == '-')
		sb.buf[--sb.len] = '\0';
	if (!sb.len)
		strbuf_adds(&sb, "article");
	free(ascii);
	return strbuf_detach(&sb);
}

URegularExpression *util_regex_open(const char *pattern, uint32_t flags, UParseError *perr, UErrorCode *err)
{
	UChar *u;
	int32_t n = 0;
	URegularExpression *re;

	u_strFromUTF8(NULL, 0, &n, pattern, -1, err);
	if (*err == U_BUFFER_OVERFLOW_ERROR)
		*err = U_ZERO_ERROR;
	if (U_FAILURE(*err))
		return NULL;
	u = xmalloc(((size_t)n + 1) * sizeof *u);
	u_strFromUTF8(u, n + 1, NULL, pattern, -1, err);
	re = U_SUCCESS(*err) ? uregex_open(u, n, flags, perr, err) : NULL;
	free(u);
	return re;
}

uint64_t util_fnv(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

char *util_hex64(uint64_t h)
{
	return xasprintf("%016llx", (unsigned long long)h);
}

char *util_join_names(const char *const *names, size_t n)
{
	struct strbuf sb;

	if (!n)
		return NULL;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++) {
		strbuf_adds(&sb, i == 0 ? "" : i + 1 == n ? " and " : ", ");
		strbuf_adds(&sb, names[i]);
	}
	return strbuf_detach(&sb);
}

static bool util_scheme_char(char c)
{
	return isalnum((unsigned char)c) || c == '+' || c == '-' || c == '.';
}

char *util_redact_urls(const char *s)
{
	static const char stops[] = "/?# \t\r\n'\"<>";
	struct strbuf sb;
	const char *p = s, *sep;

	strbuf_init(&sb);
	while ((sep = strstr(p, "://"))) {
		const char *host = sep + 3, *at = NULL;

		/* the authority ends where the path starts; its userinfo at its last '@' */
		if (sep > p && util_scheme_char(sep[-1]))
			for (const char *q = host; *q && !strchr(stops, *q); q++)
				if (*q == '@')
					at = q;
		strbuf_add(&sb, p, (size_t)(host - p));
		if (at)
			strbuf_adds(&sb, "***");
		p = at ? at : host;
	}
	strbuf_adds(&sb, p);
	return strbuf_detach(&sb);
}

int util_private_dir(const char *path)
{
	struct stat st;

	if (mkdir(path, 0700) < 0 && errno != EEXIST) {
		log_error("cannot create '%s': %s", path, strerror(errno));
		return -1;
	}
	/* a folder made before this rule, or by hand; one already private is left alone, so a
	 * read-only show is reported by what fails to be written, not here */
	if (stat(path, &st) < 0) {
		log_error("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	if ((st.st_mode & 07777) != 0700 && chmod(path, 0700) < 0) {
		log_error("cannot make '%s' private: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

const char *util_tmpdir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir && *dir ? dir : "/tmp";
}

/* The file of util_tmpfile in dir, as a descriptor; -1 with errno set. */
static int util_temp_fd(const char *dir)
{
	char *path;
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600), saved;

	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
		return fd;
	path = xasprintf("%s/newscast-XXXXXX", dir);
	fd = mkostemp(path, O_CLOEXEC);
	saved = errno;
	if (fd >= 0)
		unlink(path);
	free(path);
	errno = saved;
	return fd;
}

FILE *util_tmpfile(void)
{
	int fd = util_temp_fd(util_tmpdir()), saved;
	FILE *fp = fd < 0 ? NULL : fdopen(fd, "w+b");

	if (!fp && fd >= 0) {
		saved = errno;
		close(fd);
		errno = saved;
	}
	return fp;
}
