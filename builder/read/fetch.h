/* fetch: gets a feed over HTTP(S) with libcurl: time and size limits, bounded redirects, conditional requests. */
#ifndef NEWSCAST_FETCH_H
#define NEWSCAST_FETCH_H

#include <stdbool.h>
#include <stddef.h>

struct fetch_request {
	const char *url;		/* http:// or https:// only */
	const char *etag;		/* from the last answer, sent as If-None-Match; may be NULL */
	const char *last_modified;	/* from the last answer, sent as If-Modified-Since; may be NULL */
	long timeout_s;			/* the whole transfer, connecting included */
	size_t max_bytes;		/* a larger body is an error */
};

struct fetch_result {
	bool unchanged;			/* the server answered 304 Not Modified: no body */
	char *data;			/* the body, NUL-terminated (len excludes the NUL) */
	size_t len;
	char *etag, *last_modified;	/* the answer's validators; NULL when it had none */
};

/* Whether s is a URL fetch_get takes (http:// or https://), rather than a path. */
bool fetch_is_url(const char *s);

/* GETs req->url, following at most 5 redirects. A 200 fills data; a 304 sets
 * unchanged. Anything else (an HTTP error, a timeout, a body over the limit, a
 * redirect loop, no connection) is reported, naming the URL, and returns -1.
 * Release res with fetch_result_release either way. */
int fetch_get(const struct fetch_request *req, struct fetch_result *res);
void fetch_result_release(struct fetch_result *res);

#endif
