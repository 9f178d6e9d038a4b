"""Reliability: the crawler against a fault-injecting sample portal (tests/faultserver.py, started by the
`portal` fixture with faults=, rate= or pages=).

Each test states its bound as a constant and asserts the measured figure against it. Every connection the
crawler opens is recorded (urllib3's create_connection), so "never requested" means "never even connected".
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import duckdb
import pytest
import urllib3.response
import urllib3.util.connection

from sampleportal.generator import Portal
from tasks.pipeline.site_run import run_site
from tasks.profile import SiteProfile, parse_site
from tasks.store.db import connect
from tests.faultserver import OUTSIDE_HOST, Fault, FaultServer, RateFaults, calendar_trap, listing_of

ARTICLE_ROUTE = r"^/(dongguan/\d{4}/\d{4}/\d+\.html|news/content/\d{6}/t\d+\.htm)$"
DONGGUAN_SELECTORS = {"title": "h1", "body": "div.content", "published": ".info .time",
                      "source": ".info .source", "breadcrumb": ".crumbs"}
POLITENESS = {"delay_seconds": 0, "concurrency": 8, "respect_robots": True, "timeout_seconds": 2,
              "retries": 3, "backoff_seconds": 0.05}


def dongguan_site(base: str, start: str = "/dongguan/", name: str = "demo-dongguan", **over) -> SiteProfile:
    """sites/demo.yaml, pointed at `base`."""
    return parse_site({
        "name": name, "start_urls": [base + start], "allowed_domains": ["127.0.0.1"],
        "article_url_pattern": r"/\d{4}/\d{4}/\d+\.html$",
        "listing": {"next_page": "a.next", "max_pages": over.pop("max_pages", 500)},
        "article": DONGGUAN_SELECTORS, "region": "东莞市",
        "politeness": {**POLITENESS, **over},
    })


def guanzhu_site(base: str) -> SiteProfile:
    """sites/demo-guanzhu.yaml, pointed at `base` (no selectors, allowed_domains from start_urls)."""
    return parse_site({
        "name": "demo-guanzhu", "start_urls": [base + "/news/"],
        "article_url_pattern": r"/news/content/\d{6}/t\d+\.htm$", "listing": {"max_pages": 500},
        "region": "东莞市", "politeness": POLITENESS,
    })


def dongguan_paths(count: int, seed: int = 12, n_articles: int = 50) -> list[str]:
    """The first `count` demo-dongguan article paths of the portal `portal(seed, n_articles)` serves."""
    generator = Portal(seed=seed, n_articles=n_articles)
    return [p for p in map(generator.path, range(n_articles)) if p.startswith("/dongguan/")][:count]


@pytest.fixture
def con(tmp_path: Path):
    """A fresh warehouse for the crawl under test."""
    con = connect(tmp_path / "crawl.duckdb")
    yield con
    con.close()


@pytest.fixture
def connections(monkeypatch):
    """Every (host, port) the crawler connects to."""
    seen: list[tuple[str, int]] = []
    real = urllib3.util.connection.create_connection

    def recording(address, *args, **kwargs):
        seen.append((address[0], address[1]))
        return real(address, *args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", recording)
    return seen


@pytest.fixture
def bytes_read(monkeypatch):
    """Body bytes the fetcher read, per request path (wraps urllib3's read1, which the Fetcher uses)."""
    counts: dict[str, int] = {}
    real = urllib3.response.HTTPResponse.read1

    def counting(self, *args, **kwargs):
        data = real(self, *args, **kwargs)
        key = self.geturl() or ""
        counts[key] = counts.get(key, 0) + len(data)
        return data

    monkeypatch.setattr(urllib3.response.HTTPResponse, "read1", counting)
    return counts


def crawl_log(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, list[tuple[str, str]]]:
    rows: dict[str, list[tuple[str, str]]] = {}
    for url, stage, reason in con.execute("SELECT url, stage, reason FROM crawl_log WHERE run_id = ?",
                                          [run_id]).fetchall():
        rows.setdefault(url, []).append((stage, reason))
    return rows


def only_loopback_port(server: FaultServer, connections: list[tuple[str, int]]) -> None:
    assert connections, "the crawler connected to nothing"
    assert set(connections) == {("127.0.0.1", server.port)}
    assert server.hosts() == {f"127.0.0.1:{server.port}"}
    assert all(r.method == "GET" for r in server.log)


# -- 1. transient and permanent faults over a 500-article portal ----------------------------------------

PERMANENT = [(0.02, Fault("status", status=404)), (0.015, Fault("status", status=410)),
             (0.015, Fault("status", status=500))]
TRANSIENT = [(0.05, Fault("status", status=503, times=2)), (0.03, Fault("status", status=502, times=1)),
             (0.02, Fault("status", status=500, times=1)), (0.04, Fault("status", status=429, times=1, retry_after=1)),
             (0.03, Fault("reset", times=1)), (0.03, Fault("truncate", times=1))]
FAULT_RUN_BOUND_SECONDS = 60.0


@pytest.mark.slow
def test_transient_faults_land_once_and_permanent_ones_are_logged_once(portal, con, connections):
    rate = RateFaults(seed=5, applies=ARTICLE_ROUTE, table=PERMANENT + TRANSIENT)
    server = portal(seed=11, n_articles=500, rate=rate)
    truth = {a["url"]: a for a in server.portal.truth_articles()}
    started = time.monotonic()
    for site in (dongguan_site(server.base_url), guanzhu_site(server.base_url)):
        run_site(site, con, f"faults-{site.name}")
    elapsed = time.monotonic() - started

    plan = {url: rate.choose(url[len(server.base_url):]) for url in truth}
    transient = {u for u, f in plan.items() if f is not None and not f.permanent}
    permanent = {u: f for u, f in plan.items() if f is not None and f.permanent}
    clean = {u for u, f in plan.items() if f is None}
    # the hash really spread the faults at the asked rates (about 20 % and 5 % of 500)
    assert 70 <= len(transient) <= 130 and 12 <= len(permanent) <= 40
    assert {f.kind for f in map(plan.get, transient)} >= {"status", "reset", "truncate"}

    landed = dict(con.execute("SELECT url, count(*) FROM articles GROUP BY url").fetchall())
    versions = {}
    for url, sha1 in con.execute("SELECT url, sha1 FROM raw_pages WHERE page_kind = 'article'").fetchall():
        versions.setdefault(url, []).append(sha1)
    for url in transient | clean:
        assert landed.get(url) == 1, url
        # the one version archived is the whole page, not a truncated or reset half of it
        good = hashlib.sha1(server.portal.response(url[len(server.base_url):])[2]).hexdigest()
        assert versions[url] == [good], url
    assert not set(landed) & set(permanent)

    logs = {}
    for site in ("demo-dongguan", "demo-guanzhu"):
        logs.update(crawl_log(con, f"faults-{site}"))
    for url, fault in permanent.items():
        expected = "not_found" if fault.status in (404, 410) else f"http_{fault.status}"
        assert logs.get(url) == [("article", expected)], url
    assert set(logs) == set(permanent)  # nothing else failed: transient faults left no trace

    only_loopback_port(server, connections)
    print(f"\nfault run: {len(truth)} articles, {len(transient)} transient, {len(permanent)} permanent, "
          f"{len(server.log)} requests, {elapsed:.1f} s (bound {FAULT_RUN_BOUND_SECONDS} s)")
    assert elapsed < FAULT_RUN_BOUND_SECONDS


# -- 2. limits: body size, whole-body deadline, pagination ---------------------------------------------

MAX_BODY = 1024 * 1024
LIMIT_TIMEOUT = 1.5  # read timeout, above the drip interval (1 s); the whole-body deadline is 3 × this
DEADLINE = 3 * LIMIT_TIMEOUT
LIMITS_RUN_BOUND_SECONDS = DEADLINE + 4.0


@pytest.mark.slow
def test_huge_page_and_slow_drip_are_cut_by_body_limit_and_deadline(portal, con, connections, bytes_read):
    good = dongguan_paths(3)
    drip = good[0]  # a real article, served one byte a second
    faults = {"/limits/2024/0101/1.html": Fault("huge"),                       # 50 MB, no Content-Length
              "/limits/2024/0101/2.html": Fault("huge", declare_length=True),  # 50 MB, declared
              drip: Fault("drip", interval=1.0)}
    pages = {"/limits/": listing_of(["/limits/2024/0101/1.html", "/limits/2024/0101/2.html", *good])}
    server = portal(seed=12, n_articles=50, faults=faults, pages=pages)
    site = dongguan_site(server.base_url, "/limits/", "limits", timeout_seconds=LIMIT_TIMEOUT,
                         max_body_bytes=MAX_BODY)
    started = time.monotonic()
    run_site(site, con, "limits")
    elapsed = time.monotonic() - started
    logs = crawl_log(con, "limits")
    base = server.base_url
    assert logs[base + "/limits/2024/0101/1.html"] == [("article", "too_large")]
    assert logs[base + "/limits/2024/0101/2.html"] == [("article", "too_large")]
    assert logs[base + drip] == [("article", "deadline_exceeded")]
    # bytes read: at most the limit plus one read; the declared 50 MB is refused before any body byte
    streamed = bytes_read.get("/limits/2024/0101/1.html", 0)
    assert MAX_BODY < streamed <= MAX_BODY + 64 * 1024
    assert bytes_read.get("/limits/2024/0101/2.html", 0) == 0
    # the drip: cut at the deadline, so the server got to send about one byte per second of it
    dripped = server.bytes_sent(drip)
    assert dripped <= DEADLINE / 1.0 + 2
    assert server.hits("/limits/2024/0101/1.html") == server.hits("/limits/2024/0101/2.html") == 1
    assert server.hits(drip) == 1  # limits are final, not retried
    landed = {u for (u,) in con.execute("SELECT url FROM articles").fetchall()}
    assert landed == {base + p for p in good[1:]}
    only_loopback_port(server, connections)
    print(f"\nlimits: huge page read {streamed} B (limit {MAX_BODY} B + 64 KiB), drip sent {dripped} B "
          f"before the {DEADLINE} s deadline, run {elapsed:.1f} s (bound {LIMITS_RUN_BOUND_SECONDS} s)")
    assert elapsed < LIMITS_RUN_BOUND_SECONDS


@pytest.mark.slow
def test_read_timeout_is_retried_then_logged(portal, con, connections):
    good = dongguan_paths(2)
    faults = {good[0]: Fault("timeout", seconds=30)}                     # never answers in time
    pages = {"/slow/": listing_of(good)}
    server = portal(seed=12, n_articles=50, faults=faults, pages=pages)
    retries = 1
    bound = (retries + 1) * LIMIT_TIMEOUT + 3.0
    site = dongguan_site(server.base_url, "/slow/", "slow", timeout_seconds=LIMIT_TIMEOUT, retries=retries)
    started = time.monotonic()
    run_site(site, con, "slow")
    elapsed = time.monotonic() - started
    assert server.hits(good[0]) == retries + 1
    assert crawl_log(con, "slow") == {server.base_url + good[0]: [("article", "connection_error")]}
    assert con.execute("SELECT url FROM articles").fetchall() == [(server.base_url + good[1],)]
    print(f"\nread timeout: {retries + 1} attempts, run {elapsed:.1f} s (bound {bound} s)")
    assert elapsed < bound
    t0 = time.monotonic()
    server.stop()  # wakes the handler still sleeping on the last attempt
    assert time.monotonic() - t0 < 2.0


TRAP_MAX_PAGES = 7
CLI_MAX_PAGES = 3


@pytest.mark.parametrize(("profile_max", "run_max", "expected"),
                         [(TRAP_MAX_PAGES, None, TRAP_MAX_PAGES), (500, CLI_MAX_PAGES, CLI_MAX_PAGES)])
def test_endless_calendar_pagination_stops_at_max_pages(portal, con, connections, profile_max, run_max, expected):
    server = portal(seed=12, n_articles=50, pages={"/trap/": calendar_trap})
    site = dongguan_site(server.base_url, "/trap/?date=2024-01-01", "trap", max_pages=profile_max)
    started = time.monotonic()
    summary = run_site(site, con, "trap", max_pages=run_max)  # run_max is what --max-pages passes
    elapsed = time.monotonic() - started
    listing_requests = server.hits_route("/trap/")
    print(f"\ntrap: {listing_requests} listing pages requested (bound {expected}), {elapsed:.1f} s")
    assert listing_requests == summary.listing_pages == expected
    days = sorted({r.path for r in server.log if r.path.startswith("/trap/?")})
    assert len(days) == expected  # each calendar page once
    assert elapsed < 10


def test_duplicated_listing_entries_are_fetched_once(portal, con, connections):
    good = dongguan_paths(4)
    variants = [good[0], good[0] + "#comments", good[0] + "?utm_source=x", f"{{base}}{good[0]}", good[1], good[1]]
    pages = {"/dup/": listing_of(variants + good, next_href="/dup2/"), "/dup2/": listing_of(good[::-1] * 2)}
    server = portal(seed=12, n_articles=50, pages=pages)
    run_site(dongguan_site(server.base_url, "/dup/", "dup"), con, "dup")
    for path in good:
        assert server.hits_route(path) == 1, path
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == len(good)


# -- 3. redirects and links out of scope -----------------------------------------------------------------

def test_redirects_and_out_of_scope_links_are_never_followed(portal, con, connections):
    good = dongguan_paths(2)
    sentinel = portal(seed=1, n_articles=50, faults={})  # "another port" on 127.0.0.1
    other = f"http://127.0.0.1:{sentinel.port}"
    outside = f"http://{OUTSIDE_HOST}"
    faults = {
        "/r/2024/0101/1.html": Fault("redirect", location="/r/2024/0101/1.html"),          # self loop
        "/r/2024/0101/2.html": Fault("redirect", location="/r/2024/0101/3.html"),          # 2 → 3 → 2 …
        "/r/2024/0101/3.html": Fault("redirect", location="{base}/r/2024/0101/2.html"),
        "/r/2024/0101/4.html": Fault("redirect", location=f"{outside}:{{port}}{good[0]}"),  # other host
        "/r/2024/0101/5.html": Fault("redirect", location=f"{other}{good[0]}"),             # other port
        "/r/2024/0101/6.html": Fault("redirect", location=f"//{OUTSIDE_HOST}{good[0]}"),
        "/r/2024/0101/7.html": Fault("redirect", location="file:///etc/2024/0101/7.html"),
    }
    links = [*faults, *good,
             "file:///etc/2024/0101/1.html", "javascript:location='/x/2024/0101/1.html'",
             "mailto:someone@example.invalid?subject=/2024/0101/1.html", "tel:/2024/0101/1.html",
             f"{other}/x/2024/0101/2.html", f"{outside}:{{port}}/x/2024/0101/3.html",
             f"//{OUTSIDE_HOST}/x/2024/0101/4.html", f"http://localhost:{sentinel.port}/x/2024/0101/5.html",
             "ftp://127.0.0.1/x/2024/0101/6.html", "data:text/html,/2024/0101/7.html"]
    server = portal(seed=12, n_articles=50, faults=faults, pages={"/r/": listing_of(links)})
    run_site(dongguan_site(server.base_url, "/r/", "redirects"), con, "redirects")
    logs = crawl_log(con, "redirects")
    base = server.base_url
    assert logs[base + "/r/2024/0101/1.html"] == [("article", "too_many_redirects")]
    assert logs[base + "/r/2024/0101/2.html"] == [("article", "too_many_redirects")]
    for n in (4, 6, 7):
        assert logs[f"{base}/r/2024/0101/{n}.html"] == [("article", "redirect_outside_allowed_domains")], n
    assert logs[f"{base}/r/2024/0101/5.html"] == [("article", "redirect_outside_allowed_ports")]
    # a listed link to another port is refused before any connection, and logged with its reason
    assert logs[f"{other}/x/2024/0101/2.html"] == [("article", "outside_allowed_ports")]
    assert logs[f"{outside}:{server.port}/x/2024/0101/3.html"] == [("article", "outside_allowed_domains")]
    # a self-loop is followed max_redirects times and then given up: 1 + max_redirects requests
    assert server.hits("/r/2024/0101/1.html") == 1 + 5
    landed = {u for (u,) in con.execute("SELECT url FROM articles").fetchall()}
    assert landed == {base + p for p in good}
    # nothing reached the other port, and nothing but 127.0.0.1:<port> was ever connected to
    assert sentinel.log == []
    only_loopback_port(server, connections)
    assert not any(OUTSIDE_HOST in r.host or "file" in r.path or "mailto" in r.path for r in server.log)


# -- 4. malformed pages ----------------------------------------------------------------------------------

def _nested(depth: int) -> bytes:
    return ("<html><body><h1>深层嵌套</h1><div class=\"content\">" + "<div>" * depth + "<p>东莞市公安局通报。</p>"
            + "</div>" * depth + "</div></body></html>").encode()


MALFORMED = {
    "/m/2024/0101/1.html": Fault("content", body="<html><body><h1>未闭合<div class=content><p>东莞<p>治安<b><i>".encode()),
    "/m/2024/0101/2.html": Fault("content", body=_nested(10_000)),
    "/m/2024/0101/3.html": Fault("content", body="<html>\x00<body><h1>空\x00字符</h1><div class=\"content\"><p>东\x00莞"
                                                  "</p></div>\x00</body></html>".encode()),
    "/m/2024/0101/4.html": Fault("content", body=hashlib.sha256(b"x").digest() * 4096),       # binary as html
    "/m/2024/0101/5.html": Fault("content", body=b"", content_type="text/html"),               # empty body
    "/m/2024/0101/6.html": Fault("content", body="<p>东莞</p>".encode("utf-16"), content_type="text/html; charset=ebcdic-xx"),
}


def test_malformed_pages_never_crash_the_run(portal, con, connections):
    good = dongguan_paths(6, n_articles=60)
    faults = dict(MALFORMED)
    faults[good[0]] = Fault("charset", content_type="text/html; charset=utf-8")  # GBK page declared UTF-8
    faults[good[1]] = Fault("charset", content_type="text/html")                 # no charset
    faults[good[2]] = Fault("charset", content_type="")                          # no Content-Type at all
    faults[good[3]] = Fault("charset", content_type="text/html; charset=nonsense")
    hrefs = []
    for bad, ok in zip(MALFORMED, good, strict=True):  # good articles around the bad ones
        hrefs += [bad, ok]
    junk_listing = listing_of(hrefs)

    def listing(path: str, server: FaultServer) -> tuple[int, dict[str, str], bytes]:
        status, headers, body = junk_listing(path, server)
        return status, headers, body.replace(b"</body>", b"<div><span><table><tr><td>\x00\x00<a href=") + b"\xff\xfe"

    server = portal(seed=12, n_articles=60, faults=faults, pages={"/m/": listing})
    truth = {a["url"]: a for a in server.portal.truth_articles()}
    started = time.monotonic()
    summary = run_site(dongguan_site(server.base_url, "/m/", "malformed"), con, "malformed")
    elapsed = time.monotonic() - started
    base = server.base_url
    titles = dict(con.execute("SELECT url, title FROM articles").fetchall())
    for path in good:  # every good article lands, the charset-damaged ones with the right title
        assert titles.get(base + path) == truth[base + path]["title"], path
    logs = crawl_log(con, "malformed")
    for path in MALFORMED:  # each bad page either gave an article or one logged reason
        assert (base + path in titles) != (base + path in logs), path
    assert summary.listing_pages == 1
    print("\nmalformed: " + "; ".join(f"{p.rsplit('/', 1)[1]} → {logs[base + p][0][1] if base + p in logs else 'landed'}"
                                     for p in MALFORMED) + f"; {elapsed:.1f} s (bound 30 s)")
    only_loopback_port(server, connections)
    assert elapsed < 30
