"""A fault-injecting HTTP server on 127.0.0.1 that wraps the bundled sample portal, for reliability tests.

Normal responses come from `Portal.response(path, headers)`. Faults are chosen per path (exact path with its
query, or the route without it) or by rate: a path's fault is decided from a hash of the seed and the path,
never from an unseeded random generator, so one seed always gives the same faulty pages.

    server = FaultServer(Portal(seed=3, n_articles=500),
                         faults={"/loop.html": Fault("redirect", location="/loop.html")},
                         rate=RateFaults(seed=1, applies=r"\\.html?$", table=[(0.1, Fault("status", times=2))]))
    server.start(); ...; server.stop()

Every request is recorded (method, path, Host header, time, fault kind) under a lock. The server binds
127.0.0.1 only. It never binds or serves 127.0.0.2: that address stands in for a host outside
allowed_domains, which a crawler must never request (connections to it are refused by the kernel).
"""

from __future__ import annotations

import hashlib
import re
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from sampleportal.generator import Portal

Response = tuple[int, dict[str, str], bytes]
Page = Callable[[str, "FaultServer"], Response]  # (path with query, server) -> response

OUTSIDE_HOST = "127.0.0.2"  # never bound here; stands in for a host outside allowed_domains

KINDS = ("status", "timeout", "drip", "reset", "truncate", "huge", "redirect", "content", "charset")


@dataclass(frozen=True)
class Fault:
    """One fault. `times` failures come first, then the normal response; None means the fault is permanent.

    kind:
      status    respond `status` (a 429 carries `Retry-After: retry_after`)
      timeout   sleep `seconds` before sending anything (longer than the client's read timeout)
      drip      headers, then the body one byte every `interval` seconds
      reset     headers and half the body, then a TCP reset (SO_LINGER 0)
      truncate  Content-Length larger than what is sent, half the body, then close
      huge      `size` bytes of HTML; `declare_length` says whether Content-Length is sent
      redirect  302 to `location` ("{base}" and "{port}" are filled in)
      content   `body` served as `content_type` (malformed HTML, binary, wrong charset …)
      charset   the portal's own page with `content_type` instead of its Content-Type ("" drops the header)
    """

    kind: str
    times: int | None = None
    status: int = 503
    retry_after: int = 1
    seconds: float = 5.0
    interval: float = 1.0
    size: int = 50 * 1024 * 1024
    declare_length: bool = False
    location: str = ""
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}")

    @property
    def permanent(self) -> bool:
        return self.times is None


@dataclass
class RateFaults:
    """Faults by rate: a path matching `applies` gets the first entry of `table` whose cumulative probability
    exceeds u = hash(seed, path) in [0, 1)."""

    seed: int
    applies: str
    table: list[tuple[float, Fault]]

    def __post_init__(self) -> None:
        self._re = re.compile(self.applies)
        if sum(p for p, _ in self.table) > 1:
            raise ValueError("fault probabilities add up to more than 1")

    def choose(self, path: str) -> Fault | None:
        if not self._re.search(path):
            return None
        u = int.from_bytes(hashlib.sha256(f"{self.seed}|{path}".encode()).digest()[:8], "big") / 2 ** 64
        acc = 0.0
        for p, fault in self.table:
            acc += p
            if u < acc:
                return fault
        return None


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    host: str
    at: float
    fault: str | None


@dataclass
class _State:
    lock: threading.Lock = field(default_factory=threading.Lock)
    log: list[Request] = field(default_factory=list)
    attempts: Counter = field(default_factory=Counter)
    bytes_sent: Counter = field(default_factory=Counter)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "crimetrend-faultserver/0.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self.server.owner._handle(self)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: FaultServer

    def handle_error(self, request, client_address) -> None:
        import sys

        # clients that give up (deadline, size limit) reset their connections: expected here
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError, OSError)):
            return
        super().handle_error(request, client_address)


class FaultServer:
    """The sample portal behind a fault injector, on 127.0.0.1 only: base_url, port, log, stop()."""

    def __init__(self, portal: Portal, faults: dict[str, Fault] | None = None, rate: RateFaults | None = None,
                 pages: dict[str, Page] | None = None, port: int = 0) -> None:
        self.portal = portal
        self.faults = dict(faults or {})
        self.rate = rate
        self.pages = dict(pages or {})
        self._state = _State()
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", port), _Handler)  # loopback only, by construction
        self._httpd.owner = self
        self.port: int = self._httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        portal.base_url = self.base_url
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------------
    def start(self) -> FaultServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"faultserver-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, wake sleeping/dripping handlers (they then close their connections), close."""
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what happened ------------------------------------------------------------------------------
    @property
    def log(self) -> list[Request]:
        with self._state.lock:
            return list(self._state.log)

    def hits(self, path: str) -> int:
        return sum(1 for r in self.log if r.path == path)

    def hits_route(self, route: str) -> int:
        return sum(1 for r in self.log if r.path.split("?", 1)[0] == route)

    def bytes_sent(self, path: str) -> int:
        with self._state.lock:
            return self._state.bytes_sent[path]

    def hosts(self) -> set[str]:
        return {r.host for r in self.log}

    def fault_for(self, path: str) -> Fault | None:
        """The fault configured for `path` (exact, then without query, then by rate), active or not."""
        if path in self.faults:
            return self.faults[path]
        route = path.split("?", 1)[0]
        if route in self.faults:
            return self.faults[route]
        return self.rate.choose(path) if self.rate else None

    # -- serving ------------------------------------------------------------------------------------
    def _handle(self, h: _Handler) -> None:
        path = h.path
        fault = self.fault_for(path)
        with self._state.lock:
            self._state.attempts[path] += 1
            attempt = self._state.attempts[path]
        active = fault is not None and (fault.times is None or attempt <= fault.times)
        with self._state.lock:
            self._state.log.append(Request(h.command, path, h.headers.get("Host", ""), time.monotonic(),
                                           fault.kind if active and fault else None))
        if active and fault is not None:
            getattr(self, f"_fault_{fault.kind}")(h, fault, path)
            return
        self._send(h, path, *self._normal(path, h))

    def _normal(self, path: str, h: _Handler) -> Response:
        route = path.split("?", 1)[0]
        page = self.pages.get(route)
        if page is not None:
            return page(path, self)
        return self.portal.response(path, dict(h.headers.items()))

    def _write(self, h: _Handler, path: str, data: bytes) -> None:
        h.wfile.write(data)
        with self._state.lock:
            self._state.bytes_sent[path] += len(data)

    def _send(self, h: _Handler, path: str, status: int, headers: dict[str, str], body: bytes,
              length: int | None = None, close: bool = False) -> None:
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        if status != 304:
            h.send_header("Content-Length", str(len(body) if length is None else length))
        if close:
            h.send_header("Connection", "close")
            h.close_connection = True
        h.end_headers()
        if body:
            self._write(h, path, body)

    def _fault_status(self, h: _Handler, f: Fault, path: str) -> None:
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if f.status == 429:
            headers["Retry-After"] = str(f.retry_after)
        self._send(h, path, f.status, headers, f"<html><body>error {f.status}</body></html>".encode())

    def _fault_timeout(self, h: _Handler, f: Fault, path: str) -> None:
        self._stopping.wait(f.seconds)  # nothing is sent meanwhile; stop() wakes it
        h.close_connection = True

    def _fault_drip(self, h: _Handler, f: Fault, path: str) -> None:
        status, headers, body = self._normal(path, h)
        body = body or b"x" * 1000
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.close_connection = True
        for i in range(len(body)):
            if self._stopping.wait(f.interval):
                return
            try:
                self._write(h, path, body[i:i + 1])
            except OSError:
                return  # the client gave up

    def _fault_reset(self, h: _Handler, f: Fault, path: str) -> None:
        status, headers, body = self._normal(path, h)
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        self._write(h, path, body[: len(body) // 2])
        h.close_connection = True
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()

    def _fault_truncate(self, h: _Handler, f: Fault, path: str) -> None:
        status, headers, body = self._normal(path, h)
        self._send(h, path, status, headers, body[: len(body) // 2], length=len(body) + 1000, close=True)

    def _fault_huge(self, h: _Handler, f: Fault, path: str) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        if f.declare_length:
            h.send_header("Content-Length", str(f.size))
        h.send_header("Connection", "close")  # without a length the body ends when the connection does
        h.end_headers()
        h.close_connection = True
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        sent = 0
        while sent < f.size and not self._stopping.is_set():
            piece = chunk[: f.size - sent]
            try:
                self._write(h, path, piece)
            except OSError:
                return
            sent += len(piece)

    def _fault_redirect(self, h: _Handler, f: Fault, path: str) -> None:
        location = _fill(f.location, self)
        self._send(h, path, 302, {"Location": location, "Content-Type": "text/html; charset=utf-8"}, b"")

    def _fault_content(self, h: _Handler, f: Fault, path: str) -> None:
        headers = {"Content-Type": f.content_type} if f.content_type else {}
        self._send(h, path, 200, headers, f.body)

    def _fault_charset(self, h: _Handler, f: Fault, path: str) -> None:
        status, headers, body = self._normal(path, h)
        headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        if f.content_type:
            headers["Content-Type"] = f.content_type
        self._send(h, path, status, headers, body)


def _fill(text: str, server: FaultServer) -> str:
    return text.replace("{base}", server.base_url).replace("{port}", str(server.port))


# -- pages for crawler traps (pass them as `pages=`) ---------------------------------------------------

def html_page(title: str, inner: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body>{inner}</body></html>").encode()


def calendar_trap(path: str, server: FaultServer) -> Response:
    """An endless calendar: ?date=D links to ?date=D-1 (a.next), forever, each day listing one article link."""
    query = parse_qs(urlsplit(path).query)
    try:
        day = date.fromisoformat(query.get("date", ["2024-01-01"])[0])
    except ValueError:
        day = date(2024, 1, 1)
    prev = day - timedelta(days=1)
    route = urlsplit(path).path
    inner = (f"<h1>{day}</h1><ul><li><a href=\"/trap/{day:%Y}/{day:%m%d}/1.html\">{day}</a></li></ul>"
             f"<a class=\"next\" href=\"{route}?date={prev.isoformat()}\">前一天</a>")
    return 200, {"Content-Type": "text/html; charset=utf-8"}, html_page(f"calendar {day}", inner)


def listing_of(hrefs: list[str], next_href: str | None = None) -> Page:
    """A listing page with these links in this order (duplicates kept) and an optional a.next;
    "{base}" and "{port}" in a link are filled in when served."""
    def page(path: str, server: FaultServer) -> Response:
        items = "".join(f"<li><a href=\"{_fill(h, server)}\">link {i}</a></li>" for i, h in enumerate(hrefs))
        nxt = f"<a class=\"next\" href=\"{next_href}\">下一页</a>" if next_href else ""
        return 200, {"Content-Type": "text/html; charset=utf-8"}, html_page("listing", f"<ul>{items}</ul>{nxt}")
    return page
