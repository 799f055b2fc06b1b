#!/usr/bin/python3
"""A small HTTP server on 127.0.0.1 for the [source] tests (test_sources.sh); standard library only.

    feedserver.py --feed FILE --port-file FILE --log FILE [--port N]

Port 0 (the default) lets the kernel choose; the port is written to --port-file (atomically) once the
server listens. Every request is logged to --log as one JSON line:
    {"method", "path", "if_none_match", "if_modified_since", "status", "etag", "last_modified"}
(etag, last_modified: the ETag and Last-Modified the answer carried, or null).

Paths:
  /feed.rss      the bytes of --feed, read afresh each time, with a strong ETag (a hash of the bytes)
                 and Last-Modified (the file's mtime); 304 when If-None-Match names that ETag (or *),
                 or, without If-None-Match, when If-Modified-Since is not older than the file
  /loop          302 to itself, forever
  /slow          200 with headers at once (no Content-Length), then a byte a second, forever
  /huge          200, a 3 MB RSS-looking body, with Content-Length
  /huge-stream   the same body without Content-Length (its size is only known by reading it)
  /crlf.rss      the feed, with an ETag that smuggles a CR and a second header line
  /missing       404 (so is any other path)
  /laughs.rss    a billion-laughs feed (entity declarations nested ten deep)
"""
import argparse
import email.utils
import hashlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HUGE_SIZE = 3 * 1024 * 1024

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0">
 <channel>
  <title>Laughs</title>
  <link>http://127.0.0.1/</link>
  <description>&lol9;</description>
  <item>
   <title>&lol9;</title>
   <guid isPermaLink="false">laughs-1</guid>
   <description>&lol9;</description>
  </item>
 </channel>
</rss>
"""


def huge_body():
    """About 3 MB of well-formed RSS: many short items, padded to exactly HUGE_SIZE bytes."""
    head = (b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            b"<title>Huge</title><link>http://127.0.0.1/</link><description>Big</description>\n")
    tail = b"</channel></rss>\n"
    parts, size, i = [head], len(head) + len(tail), 0
    while True:
        item = (b"<item><title>Item %d</title><guid isPermaLink=\"false\">huge-%d</guid>"
                b"<description>Filler text for item %d of a feed that is too large.</description></item>\n"
                % (i, i, i))
        if size + len(item) > HUGE_SIZE - 64:
            break
        parts.append(item)
        size += len(item)
        i += 1
    parts.append(b"<!--" + b"x" * (HUGE_SIZE - size - 7) + b"-->")
    parts.append(tail)
    body = b"".join(parts)
    assert len(body) == HUGE_SIZE, len(body)
    return body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"	# one request a connection; a body ends when the connection does
    server_version = "feedserver/1"

    def log_message(self, fmt, *args):	# our own log, not stderr
        pass

    def record(self, status, etag=None, last_modified=None):
        entry = {
            "method": self.command,
            "path": self.path,
            "if_none_match": self.headers.get("If-None-Match"),
            "if_modified_since": self.headers.get("If-Modified-Since"),
            "status": status,
            "etag": etag,
            "last_modified": last_modified,
        }
        with self.server.log_lock, open(self.server.log_path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")

    def send(self, status, body=b"", headers=(), etag=None):
        self.record(status, etag, dict(headers).get("Last-Modified"))
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if etag:
            self.send_header("ETag", etag)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def feed(self):
        try:
            with open(self.server.feed_path, "rb") as f:
                data = f.read()
            mtime = os.stat(self.server.feed_path).st_mtime
        except OSError:
            self.send(404, b"no feed file\n", [("Content-Type", "text/plain")])
            return
        etag = '"%s"' % hashlib.sha256(data).hexdigest()[:32]
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        headers = [("Content-Type", "application/rss+xml; charset=utf-8"), ("Last-Modified", last_modified)]
        inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:	# If-None-Match decides; If-Modified-Since is then ignored (RFC 9110 13.2.2)
            tags = [t.strip() for t in inm.split(",")]
            fresh = "*" in tags or etag in tags
        elif ims:
            try:
                fresh = int(mtime) <= email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                fresh = False
        if fresh:
            self.send(304, headers=[("Last-Modified", last_modified)], etag=etag)
        else:
            self.send(200, data, headers, etag=etag)

    def slow(self):
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()	# no Content-Length: a size limit must not decide before the time limit does
        try:
            self.wfile.write(b"<")
            self.wfile.flush()
            while True:
                time.sleep(1)
                self.wfile.write(b" ")
                self.wfile.flush()
        except OSError:	# the client gave up
            pass

    def huge_stream(self):
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        body = self.server.huge
        try:
            for i in range(0, len(body), 65536):
                self.wfile.write(body[i:i + 65536])
        except OSError:	# the client stopped reading at its limit
            pass

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/feed.rss":
            self.feed()
        elif path == "/loop":
            self.send(302, b"", [("Location", self.path)])
        elif path == "/slow":
            self.slow()
        elif path == "/huge":
            try:
                self.send(200, self.server.huge, [("Content-Type", "application/rss+xml")])
            except OSError:	# the client read the Content-Length and hung up
                pass
        elif path == "/huge-stream":
            self.huge_stream()
        elif path == "/crlf.rss":
            with open(self.server.feed_path, "rb") as f:
                self.send(200, f.read(), [("Content-Type", "application/rss+xml")], etag='"abc"\rX-Injected: yes')
        elif path == "/laughs.rss":
            self.send(200, LAUGHS, [("Content-Type", "application/rss+xml")])
        else:
            self.send(404, b"not found\n", [("Content-Type", "text/plain")])

    do_HEAD = do_GET


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feed", required=True, help="the file served as /feed.rss")
    ap.add_argument("--port-file", required=True, help="where the chosen port is written")
    ap.add_argument("--log", required=True, help="a JSON line for every request is appended here")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True	# /slow never ends: its thread must not keep the process alive
    server.feed_path = args.feed
    server.log_path = args.log
    server.log_lock = threading.Lock()
    server.huge = huge_body()
    open(args.log, "a").close()
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.replace(tmp, args.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
