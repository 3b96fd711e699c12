#!/usr/bin/env python3
"""A tiny HTTP cache for the driver tests: PUT stores, GET serves, 404 else.

http_cache.py DIR --port-file FILE [--pid-file FILE] [--log FILE]
              [--lifetime SECONDS]

Listens on 127.0.0.1 at a free port (written to --port-file once it
listens), stores PUT /a/b/c as DIR/a/b/c (as nginx's WebDAV module with
create_full_put_path does), logs "METHOD PATH STATUS" lines to --log, and
exits by itself after --lifetime seconds (default 300) so a failed test
leaves nothing running.
"""
import argparse
import http.server
import os
import threading


def make_handler(root, log):
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _path(self):
            rel = os.path.normpath(self.path.lstrip("/"))
            if rel.startswith("..") or os.path.isabs(rel):
                return None
            return os.path.join(root, rel)

        def _log(self, status):
            if log:
                with lock, open(log, "a") as f:
                    f.write("%s %s %d\n" % (self.command, self.path, status))

        def _reply(self, status, body=b""):
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self._log(status)

        def do_GET(self):
            p = self._path()
            if p is None or not os.path.isfile(p):
                return self._reply(404)
            with open(p, "rb") as f:
                self._reply(200, f.read())

        def do_PUT(self):
            p = self._path()
            n = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(n)
            if p is None:
                return self._reply(400)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p + ".tmp", "wb") as f:
                f.write(body)
            os.replace(p + ".tmp", p)
            self._reply(201)

        def log_message(self, *args):
            pass

    return Handler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--pid-file")
    ap.add_argument("--log")
    ap.add_argument("--lifetime", type=float, default=300)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), make_handler(os.path.abspath(a.dir), a.log))
    threading.Timer(a.lifetime, server.shutdown).start()
    if a.pid_file:
        with open(a.pid_file, "w") as f:
            f.write(str(os.getpid()))
    with open(a.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(a.port_file + ".tmp", a.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
