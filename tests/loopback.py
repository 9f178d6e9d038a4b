"""A tiny scripted HTTP server on 127.0.0.1 for fetch tests: each path maps to a list of responses."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Response = tuple[int, dict[str, str], bytes]


class ScriptedServer:
    def __init__(self, routes: dict[str, list[Response]]):
        self.routes = {path: list(responses) for path, responses in routes.items()}
        self.log: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                with server._lock:
                    server.log.append((self.path, dict(self.headers)))
                    script = server.routes.get(self.path)
                    if not script:
                        status, headers, body = 404, {}, b"not found"
                    else:
                        status, headers, body = script.pop(0) if len(script) > 1 else script[0]
                self.send_response(status)
                headers = {"Content-Type": "text/html; charset=utf-8", **headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
