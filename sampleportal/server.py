"""Loopback HTTP server for the sample portal (stdlib ThreadingHTTPServer in a daemon thread)."""

from __future__ import annotations

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .generator import Portal


def _check_loopback(host: str) -> None:
    """The sample portal must never be reachable from another machine."""
    if host == "localhost":
        return
    try:
        ok = ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(f"sample portal binds loopback only (127.0.0.1), not {host!r}")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle + delayed ACK stall each
    # keep-alive response by ~40 ms on loopback.
    disable_nagle_algorithm = True
    server_version = "crimetrend-sampleportal/0.1"

    def _serve(self, with_body: bool) -> None:
        status, headers, body = self.server.portal.response(self.path, dict(self.headers.items()))
        self.server.owner._log(self.command, self.path, status)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if status != 304:  # a 304 has no body by definition; its length header would describe the 200
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body and body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._serve(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(False)

    def log_message(self, format: str, *args: object) -> None:
        pass  # request_log records requests; stderr noise would drown test output


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    portal: Portal
    owner: PortalServer

    def handle_error(self, request, client_address) -> None:
        import sys

        # a crawler killed mid-request resets its connections; that is the client's business, not an error here
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class PortalServer:
    """A running sample portal: base_url, port, request_log [(method, path, status)], stop()."""

    def __init__(self, portal: Portal, host: str = "127.0.0.1", port: int = 0) -> None:
        _check_loopback(host)
        self.portal = portal
        self.request_log: list[tuple[str, str, int]] = []
        self._log_lock = threading.Lock()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.portal = portal
        self._httpd.owner = self
        self.host = host
        self.port: int = self._httpd.server_address[1]
        self.base_url = f"http://{host}:{self.port}"
        portal.base_url = self.base_url
        self._thread: threading.Thread | None = None

    def _log(self, method: str, path: str, status: int) -> None:
        with self._log_lock:
            self.request_log.append((method, path, status))

    def start(self) -> PortalServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"sampleportal-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> PortalServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_portal(portal: Portal, host: str = "127.0.0.1", port: int = 0) -> PortalServer:
    """Serve `portal` in a daemon thread; port 0 picks a free port; sets portal.base_url."""
    return PortalServer(portal, host, port).start()


def serve_forever(port: int = 8765, n_articles: int = 300, seed: int = 7, host: str = "127.0.0.1") -> None:
    """Foreground server for `crimetrend portal`: prints the URL, runs until Ctrl-C."""
    _check_loopback(host)
    portal = Portal(seed=seed, n_articles=n_articles)
    srv = PortalServer(portal, host, port)
    print(f"sample portal: {srv.base_url}/  ({portal.n_articles} articles, seed {seed}; "
          f"listings {srv.base_url}/dongguan/ and {srv.base_url}/news/)", flush=True)
    try:
        srv._httpd.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        pass
    finally:
        srv._httpd.server_close()


__all__ = ["PortalServer", "start_portal", "serve_forever"]
