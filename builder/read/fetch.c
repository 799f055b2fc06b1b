/* fetch: gets a feed over HTTP(S) with libcurl: time and size limits, bounded redirects, conditional requests. */
#include "fetch.h"

#include "log.h"
#include "util.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FETCH_MAX_REDIRECTS 5

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
	static bool ready;
	struct fetch_body body = { .max = req->max_bytes };
	struct curl_slist *headers = NULL;
	char errbuf[CURL_ERROR_SIZE] = "", *h;
	CURL *curl = NULL;
	CURLcode rc;
	long status = 0;
	int ret = -1;

	memset(res, 0, sizeof *res);
	strbuf_init(&body.buf);
	if (!ready) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		ready = true;
	}
	if (!fetch_is_url(req->url)) {
		log_error("cannot fetch '%s': only http:// and https:// URLs are fetched", req->url);
		goto out;
	}
	if (!(curl = curl_easy_init())) {
		log_error("cannot fetch '%s': libcurl cannot start", req->url);
		goto out;
	}
	if (req->etag && fetch_header_safe(req->etag)) {
		h = xasprintf("If-None-Match: %s", req->etag);
		headers = curl_slist_append(headers, h);
		free(h);
	}
	if (req->last_modified && fetch_header_safe(req->last_modified)) {
		h = xasprintf("If-Modified-Since: %s", req->last_modified);
		headers = curl_slist_append(headers, h);
		free(h);
	}
	curl_easy_setopt(curl, CURLOPT_URL, req->url);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "newscast (podcast builder; +feed reader)");
	curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
	/* http and https only, also after a redirect: never file:// or anything else a server
	 * names; a libcurl that cannot promise that is not used */
	if (curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK) {
		log_error("cannot fetch '%s': this libcurl cannot be limited to http and https", req->url);
		goto out;
	}
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(curl, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, req->timeout_s);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, req->timeout_s < 15 ? req->timeout_s : 15L);
	curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)req->max_bytes);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, fetch_on_data);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, fetch_on_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, res);
	rc = curl_easy_perform(curl);
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	if (rc == CURLE_TOO_MANY_REDIRECTS) {
		log_error("cannot fetch '%s': redirected more than %d times (a redirect loop?)", req->url,
			  FETCH_MAX_REDIRECTS);
	} else if (body.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		log_error("cannot fetch '%s': larger than the limit of %zu bytes", req->url, req->max_bytes);
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		log_error("cannot fetch '%s': no complete answer within %ld s", req->url, req->timeout_s);
	} else if (rc != CURLE_OK) {
		log_error("cannot fetch '%s': %s", req->url, *errbuf ? errbuf : curl_easy_strerror(rc));
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
	curl_slist_free_all(headers);
	if (curl)
		curl_easy_cleanup(curl);
	return ret;
}
