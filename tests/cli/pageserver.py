#!/usr/bin/python3
"""pageserver.py DIR PORTFILE LOG: serves DIR (a show's public/) on 127.0.0.1 for test_page.sh, on a
free port it writes to PORTFILE once listening, with HEAD and single byte ranges; logs
"METHOD PATH STATUS" a request to LOG."""
import http.server, os, re, sys, urllib.parse
ROOT, PORTFILE, LOG = os.path.realpath(sys.argv[1]), sys.argv[2], sys.argv[3]
TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml; charset=utf-8",
         ".mp3": "audio/mpeg", ".vtt": "text/vtt; charset=utf-8", ".srt": "text/plain; charset=utf-8",
         ".json": "application/json", ".png": "image/png", ".jpg": "image/jpeg"}
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, fmt, *args):
        pass
    def log_request(self, code="-", size="-"):
        with open(LOG, "a") as f:
            f.write("%s %s %s\n" % (self.command, self.path, int(code)))
    def do_HEAD(self):
        self.serve(False)
    def do_GET(self):
        self.serve(True)
    def empty(self, code, extra=()):
        self.send_response(code)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def serve(self, body):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path.endswith("/"):
            path += "index.html"
        full = os.path.realpath(os.path.join(ROOT, path.lstrip("/")))
        if not full.startswith(ROOT + os.sep) or not os.path.isfile(full):
            return self.empty(404)
        size = os.path.getsize(full)
        start, end, code = 0, size - 1, 200
        rng = self.headers.get("Range")
        if rng:
            m = re.fullmatch(r"bytes=(\d*)-(\d*)", rng.strip())
            if not m or m.group(1) == m.group(2) == "":
                return self.empty(416, [("Content-Range", "bytes */%d" % size)])
            if m.group(1) == "":
                start = max(size - int(m.group(2)), 0)
            else:
                start = int(m.group(1))
                if m.group(2):
                    end = min(int(m.group(2)), size - 1)
            if start >= size or start > end:
                return self.empty(416, [("Content-Range", "bytes */%d" % size)])
            code = 206
        self.send_response(code)
        self.send_header("Content-Type", TYPES.get(os.path.splitext(full)[1], "application/octet-stream"))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(end - start + 1))
        if code == 206:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end, size))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not body:
            return
        with open(full, "rb") as f:
            f.seek(start)
            left = end - start + 1
            try:
                while left > 0:
                    chunk = f.read(min(left, 65536))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    left -= len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
srv = Server(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
srv.serve_forever()
