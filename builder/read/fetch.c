/* fetch: gets a feed over HTTP(S) with libcurl: time and size limits, bounded redirects, conditional requests. */
#include "fetch.h"

#include "log.h"
#include "util.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FETCH_MAX_REDIRECTS 5

/* libcurl's soname: the ABI its headers here describe */
#define FETCH_LIBCURL "libcurl.so.4"

/* libcurl, opened when a feed is first fetched rather than linked: loading it and the thirty libraries of
 * TLS, Kerberos, LDAP and SSH it needs cost every run of newscast about 10 ms of CPU, and most runs
 * (script, speak, a build with no [source]) fetch nothing. */
struct fetch_libcurl {
	void *lib;
	CURLcode (*global_init)(long flags);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
	CURLcode (*easy_perform)(CURL *curl);
	CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
	const char *(*easy_strerror)(CURLcode code);
	void (*easy_cleanup)(CURL *curl);
	struct curl_slist *(*slist_append)(struct curl_slist *list, const char *s);
	void (*slist_free_all)(struct curl_slist *list);
};

static struct fetch_libcurl fetch_curl;

/* What fetch_get calls: each function's name in libcurl and its place in struct fetch_libcurl. */
static const struct {
	const char *name;
	size_t offset;
} fetch_functions[] = {
	{ "curl_global_init", offsetof(struct fetch_libcurl, global_init) },
	{ "curl_easy_init", offsetof(struct fetch_libcurl, easy_init) },
	{ "curl_easy_setopt", offsetof(struct fetch_libcurl, easy_setopt) },
	{ "curl_easy_perform", offsetof(struct fetch_libcurl, easy_perform) },
	{ "curl_easy_getinfo", offsetof(struct fetch_libcurl, easy_getinfo) },
	{ "curl_easy_strerror", offsetof(struct fetch_libcurl, easy_strerror) },
	{ "curl_easy_cleanup", offsetof(struct fetch_libcurl, easy_cleanup) },
	{ "curl_slist_append", offsetof(struct fetch_libcurl, slist_append) },
	{ "curl_slist_free_all", offsetof(struct fetch_libcurl, slist_free_all) },
};

/* Opens libcurl and looks up what fetch_get calls, once a process; reports a failure (naming the URL
 * that needed it) and leaves fetch_curl.lib NULL to try again next time. */
static int fetch_load(const char *url)
{
	struct fetch_libcurl curl = { 0 };
	void *lib;

	if (fetch_curl.lib)
		return 0;
	if (!(lib = dlopen(FETCH_LIBCURL, RTLD_NOW | RTLD_LOCAL))) {
		log_error("cannot fetch '%s': cannot load '%s': %s", url, FETCH_LIBCURL, dlerror());
		return -1;
	}
	for (size_t i = 0; i < sizeof fetch_functions / sizeof *fetch_functions; i++) {
		void *fn = dlsym(lib, fetch_functions[i].name);

		if (!fn) {
			log_error("cannot fetch '%s': '%s' has no %s", url, FETCH_LIBCURL, fetch_functions[i].name);
			dlclose(lib);
			return -1;
		}
		/* a function pointer from dlsym's void *: POSIX promises the conversion works */
		memcpy((char *)&curl + fetch_functions[i].offset, &fn, sizeof fn);
	}
	curl.global_init(CURL_GLOBAL_DEFAULT);
	curl.lib = lib;
	fetch_curl = curl;
	return 0;
}

bool fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

void fetch_result_release(struct fetch_result *res)
{
	free(res->data);
	free(res->etag);
	free(res->last_modified);
	memset(res, 0, sizeof *res);
}

struct fetch_body {
	struct strbuf buf;
	size_t max;
	bool too_large;
};

static size_t fetch_on_data(char *data, size_t size, size_t n, void *ud)
{
	struct fetch_body *b = ud;

	(void)size;	/* always 1 */
	if (b->buf.len + n > b->max) {
		b->too_large = true;
		return 0;	/* stops the transfer */
	}
	strbuf_add(&b->buf, data, n);
	return n;
}

/* Whether a validator can go back in a header: no control bytes (CR, LF ...). */
static bool fetch_header_safe(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

/* "ETag: \"abc\"" and "Last-Modified: ..." of the final answer (a redirect's are reset). */
static size_t fetch_on_header(char *line, size_t size, size_t n, void *ud)
{
	struct fetch_result *res = ud;
	char **field = NULL;
	size_t skip = 0;

	(void)size;	/* always 1 */
	if (n > 5 && strncmp(line, "HTTP/", 5) == 0) {
		free(res->etag);
		free(res->last_modified);
		res->etag = res->last_modified = NULL;
	} else if (n > 5 && strncasecmp(line, "ETag:", 5) == 0) {
		field = &res->etag;
		skip = 5;
	} else if (n > 14 && strncasecmp(line, "Last-Modified:", 14) == 0) {
		field = &res->last_modified;
		skip = 14;
	}
	if (field) {
		free(*field);
		char *value = xstrndup(line + skip, n - skip);

		*field = xstrdup(util_trim(value));	/* util_trim moves the start: copy what it kept */
		free(value);
		/* sent back in a header next time: a CR or any control byte would split it */
		if (!**field || !fetch_header_safe(*field)) {
			free(*field);
			*field = NULL;
		}
	}
	return n;
}

int fetch_get(const struct fetch_request *req, struct fetch_result *res)
{
	struct fetch_body body = { .max = req->max_bytes };
	struct curl_slist *headers = NULL;
	char errbuf[CURL_ERROR_SIZE] = "", *h;
	CURL *curl = NULL;
	CURLcode rc;
	long status = 0;
	int ret = -1;

	memset(res, 0, sizeof *res);
	strbuf_init(&body.buf);
	if (!fetch_is_url(req->url)) {
		log_error("cannot fetch '%s': only http:// and https:// URLs are fetched", req->url);
		goto out;
	}
	if (fetch_load(req->url) < 0)
		goto out;
	if (!(curl = fetch_curl.easy_init())) {
		log_error("cannot fetch '%s': libcurl cannot start", req->url);
		goto out;
	}
	if (req->etag && fetch_header_safe(req->etag)) {
		h = xasprintf("If-None-Match: %s", req->etag);
		headers = fetch_curl.slist_append(headers, h);
		free(h);
	}
	if (req->last_modified && fetch_header_safe(req->last_modified)) {
		h = xasprintf("If-Modified-Since: %s", req->last_modified);
		headers = fetch_curl.slist_append(headers, h);
		free(h);
	}
	fetch_curl.easy_setopt(curl, CURLOPT_URL, req->url);
	fetch_curl.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	fetch_curl.easy_setopt(curl, CURLOPT_USERAGENT, "newscast (podcast builder; +feed reader)");
	fetch_curl.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
	/* http and https only, also after a redirect: never file:// or anything else a server
	 * names; a libcurl that cannot promise that is not used */
	if (fetch_curl.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    fetch_curl.easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK) {
		log_error("cannot fetch '%s': this libcurl cannot be limited to http and https", req->url);
		goto out;
	}
	fetch_curl.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
	fetch_curl.easy_setopt(curl, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	fetch_curl.easy_setopt(curl, CURLOPT_TIMEOUT, req->timeout_s);
	fetch_curl.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, req->timeout_s < 15 ? req->timeout_s : 15L);
	fetch_curl.easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)req->max_bytes);
	fetch_curl.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	fetch_curl.easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
	fetch_curl.easy_setopt(curl, CURLOPT_WRITEFUNCTION, fetch_on_data);
	fetch_curl.easy_setopt(curl, CURLOPT_WRITEDATA, &body);
	fetch_curl.easy_setopt(curl, CURLOPT_HEADERFUNCTION, fetch_on_header);
	fetch_curl.easy_setopt(curl, CURLOPT_HEADERDATA, res);
	rc = fetch_curl.easy_perform(curl);
	fetch_curl.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	if (rc == CURLE_TOO_MANY_REDIRECTS) {
		log_error("cannot fetch '%s': redirected more than %d times (a redirect loop?)", req->url,
			  FETCH_MAX_REDIRECTS);
	} else if (body.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		log_error("cannot fetch '%s': larger than the limit of %zu bytes", req->url, req->max_bytes);
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		log_error("cannot fetch '%s': no complete answer within %ld s", req->url, req->timeout_s);
	} else if (rc != CURLE_OK) {
		log_error("cannot fetch '%s': %s", req->url, *errbuf ? errbuf : fetch_curl.easy_strerror(rc));
	} else if (status == 304) {
		res->unchanged = true;
		ret = 0;
	} else if (status != 200) {
		log_error("cannot fetch '%s': the server answered HTTP %ld", req->url, status);
	} else {
		res->len = body.buf.len;
		res->data = strbuf_detach(&body.buf);
		ret = 0;
	}
out:
	strbuf_release(&body.buf);
	if (headers)
		fetch_curl.slist_free_all(headers);
	if (curl)
		fetch_curl.easy_cleanup(curl);
	return ret;
}
