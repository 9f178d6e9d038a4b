"""Polite HTTP fetching: pooled session, robots.txt, per-host pacing, retries, limits, conditional GET."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from tasks.crawl.netguard import profile_allows_internal, refusal, resolve
from tasks.crawl.urls import host_allowed
from tasks.profile import Politeness
from tasks.settings import (
    BODY_DEADLINE_TIMEOUTS,
    CONNECT_TIMEOUT_CAP_SECONDS,
    CONNECTION_POOLS,
    READ_CHUNK_BYTES,
    RETRY_AFTER_CAP_SECONDS,
    RETRY_BACKOFF_MAX_SECONDS,
)

HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = (429, 500, 502, 503, 504)
DEFAULT_PORTS = {"http": 80, "https": 443}


def _port(url: str) -> int | None:
    try:
        parts = urlsplit(url)
        return parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:  # a port out of range or not a number
        return None


class FetchError(Exception):
    """A page that could not be fetched; `reason` is short and stable (goes to crawl_log)."""

    def __init__(self, reason: str, status: int = 0):
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int
    fetched_at: datetime
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes | None = None
    not_modified: bool = False
    error: str | None = None
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.error is None and not self.not_modified and self.body is not None

    @property
    def sha1(self) -> str | None:
        return hashlib.sha1(self.body).hexdigest() if self.body is not None else None


@dataclass
class _HostState:
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots_lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    slots: threading.Semaphore | None = None
    robots: Protego | None = None
    robots_loaded: bool = False
    robots_block_all: bool = False
    crawl_delay: float = 0.0


class Fetcher:
    """One per site run: a pooled session plus per-host robots cache, pacing and concurrency slots."""

    def __init__(self, allowed_domains: list[str], politeness: Politeness | None = None):
        self.allowed_domains = list(allowed_domains)
        self.p = politeness or Politeness()
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": self.p.user_agent, "Accept": "text/html,*/*;q=0.5",
                                     "Accept-Encoding": "gzip, deflate"})
        retry = Retry(total=self.p.retries, connect=self.p.retries, read=self.p.retries,
                      status=self.p.retries, redirect=0, status_forcelist=RETRY_STATUSES,
                      allowed_methods=frozenset({"GET"}), backoff_factor=self.p.backoff_seconds,
                      backoff_max=RETRY_BACKOFF_MAX_SECONDS, raise_on_status=False, raise_on_redirect=False,
                      respect_retry_after_header=True, retry_after_max=RETRY_AFTER_CAP_SECONDS)
        adapter = HTTPAdapter(max_retries=retry, pool_connections=CONNECTION_POOLS,
                              pool_maxsize=max(4, self.p.concurrency * 2))
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.allow_internal = profile_allows_internal(self.allowed_domains)
        # allowed_domains names hosts, not ports: without a port scope a link or redirect to another port of
        # an allowed host (127.0.0.1:<anything>, an admin console on :8080) would be fetched. None = no check
        # (bare Fetchers in tests); SiteCrawl narrows it to the default ports plus its start URLs' ports.
        self.allowed_ports: set[int] | None = None
        self._hosts: dict[str, _HostState] = {}
        self._hosts_lock = threading.Lock()
        self.requests_made = 0
        self._count_lock = threading.Lock()

    def close(self) -> None:
        self.session.close()

    def limit_ports(self, start_urls: list[str]) -> None:
        """Fetch only the schemes' default ports and the ports the start URLs name."""
        self.allowed_ports = set(DEFAULT_PORTS.values()) | {p for u in start_urls if (p := _port(u)) is not None}

    def _port_allowed(self, url: str) -> bool:
        return self.allowed_ports is None or _port(url) in self.allowed_ports

    # -- politeness ---------------------------------------------------------------------------------
    def _host(self, url: str) -> _HostState:
        key = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            state = self._hosts.get(key)
            if state is None:
                state = _HostState(slots=threading.Semaphore(self.p.concurrency))
                self._hosts[key] = state
            return state

    def _pace(self, state: _HostState) -> None:
        delay = max(self.p.delay_seconds, state.crawl_delay)
        if delay <= 0:
            return
        with state.lock:
            now = time.monotonic()
            wait = state.next_at - now
            state.next_at = max(now, state.next_at) + delay
        if wait > 0:
            time.sleep(wait)

    def robots_allows(self, url: str) -> bool:
        if not self.p.respect_robots:
            return True
        state = self._host(url)
        if not state.robots_loaded:
            with state.robots_lock:
                if not state.robots_loaded:
                    self._load_robots(url, state)
        if state.robots_block_all:
            return False
        return state.robots is None or state.robots.can_fetch(url, self.p.user_agent)

    def _load_robots(self, url: str, state: _HostState) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            resp = self._request(robots_url, {}, html_only=False)
            if resp.status == 200 and resp.body is not None:
                text = resp.body.decode("utf-8", errors="replace")
                state.robots = Protego.parse(text)
                state.crawl_delay = float(state.robots.crawl_delay(self.p.user_agent) or 0)
            elif resp.status >= 500:
                # Google's convention: a server error on robots.txt means "crawl nothing for now".
                state.robots_block_all = True
        except FetchError as exc:
            state.robots_block_all = exc.reason != "not_found"
        state.robots_loaded = True

    # -- fetching -----------------------------------------------------------------------------------
    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """Fetch one page; never raises. Failures come back with `error` set."""
        started = datetime.now(UTC)
        if not host_allowed(url, self.allowed_domains):
            return FetchResult(url, url, 0, started, error="outside_allowed_domains")
        if not self._port_allowed(url):
            return FetchResult(url, url, 0, started, error="outside_allowed_ports")
        if not self.robots_allows(url):
            return FetchResult(url, url, 0, started, error="robots_disallowed")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        state = self._host(url)
        assert state.slots is not None
        with state.slots:
            try:
                return self._request(url, headers, html_only=True)
            except FetchError as exc:
                return FetchResult(url, url, exc.status, started, error=exc.reason)

    def _request(self, url: str, headers: dict[str, str], html_only: bool) -> FetchResult:
        current = url
        for _hop in range(self.p.max_redirects + 1):
            result = self._one_hop(url, current, headers, html_only)
            if isinstance(result, FetchResult):
                return result
            nxt = urljoin(current, result)
            if not host_allowed(nxt, self.allowed_domains):
                raise FetchError("redirect_outside_allowed_domains", 0)
            if not self._port_allowed(nxt):
                raise FetchError("redirect_outside_allowed_ports", 0)
            if not self.robots_allows(nxt) and html_only:
                raise FetchError("redirect_robots_disallowed", 0)
            current = nxt
        raise FetchError("too_many_redirects", 0)

    def _one_hop(self, url: str, current: str, headers: dict[str, str], html_only: bool) -> FetchResult | str:
        """A response (FetchResult) or the Location of a redirect (str)."""
        parts = urlsplit(current)
        # checked on every hop, so a redirect or a DNS answer cannot lead into the local network
        why = refusal(resolve(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)),
                      self.allow_internal)
        if why:
            raise FetchError(why)
        body_attempts = max(1, self.p.retries + 1)
        last_reason = "error"
        for attempt in range(1, body_attempts + 1):
            self._pace(self._host(current))
            with self._count_lock:
                self.requests_made += 1
            fetched_at = datetime.now(UTC)
            deadline = time.monotonic() + self.p.timeout_seconds * BODY_DEADLINE_TIMEOUTS
            try:
                resp = self.session.get(current, headers=headers, stream=True, allow_redirects=False,
                                        timeout=(min(CONNECT_TIMEOUT_CAP_SECONDS, self.p.timeout_seconds),
                                                 self.p.timeout_seconds))
            except requests.exceptions.Timeout:
                raise FetchError("timeout") from None
            except requests.exceptions.RetryError as exc:
                raise FetchError(f"retries_exhausted: {type(exc.__cause__ or exc).__name__}") from None
            except requests.exceptions.ConnectionError:
                raise FetchError("connection_error") from None
            except requests.exceptions.RequestException as exc:
                raise FetchError(f"request_error: {type(exc).__name__}") from None
            with resp:
                if resp.is_redirect and resp.headers.get("Location"):
                    return resp.headers["Location"]
                meta = dict(content_type=resp.headers.get("Content-Type"), etag=resp.headers.get("ETag"),
                            last_modified=resp.headers.get("Last-Modified"))
                if resp.status_code == 304:
                    return FetchResult(url, current, 304, fetched_at, not_modified=True, attempts=attempt, **meta)
                if resp.status_code >= 400:
                    reason = "not_found" if resp.status_code in (404, 410) else f"http_{resp.status_code}"
                    raise FetchError(reason, resp.status_code)
                ctype = (meta["content_type"] or "").split(";")[0].strip().lower()
                if html_only and ctype and ctype not in HTML_TYPES:
                    raise FetchError(f"not_html: {ctype}", resp.status_code)
                declared = resp.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.p.max_body_bytes:
                    raise FetchError("too_large", resp.status_code)
                try:
                    body = self._read_body(resp, deadline)
                except FetchError as exc:
                    if exc.reason in ("too_large", "deadline_exceeded"):
                        raise
                    last_reason = exc.reason
                    time.sleep(self.p.backoff_seconds * (2 ** (attempt - 1)))
                    continue
                return FetchResult(url, current, resp.status_code, fetched_at, body=body,
                                   attempts=attempt, **meta)
        raise FetchError(last_reason)

    def _read_body(self, resp: requests.Response, deadline: float) -> bytes:
        # read1 returns what has arrived, so a slow drip is cut by the deadline rather than the read timeout.
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = resp.raw.read1(READ_CHUNK_BYTES, decode_content=True)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.p.max_body_bytes:
                    raise FetchError("too_large", resp.status_code)
                if time.monotonic() > deadline:
                    raise FetchError("deadline_exceeded", resp.status_code)
                chunks.append(chunk)
        except FetchError:
            raise
        except Exception as exc:  # urllib3 raises a family of protocol/read errors mid-body
            raise FetchError(f"body_read_error: {type(exc).__name__}", resp.status_code) from None
        return b"".join(chunks)
