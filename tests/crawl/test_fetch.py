import pytest

from tasks.crawl.fetch import Fetcher
from tasks.profile import Politeness
from tests.loopback import ScriptedServer

PAGE = (200, {}, "<html><body><p>东莞</p></body></html>".encode())


@pytest.fixture
def server():
    srv = ScriptedServer({
        "/robots.txt": [(200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")],
        "/ok.html": [PAGE],
        "/private/x.html": [PAGE],
        "/flaky.html": [(503, {}, b"busy"), (502, {}, b"bad"), PAGE],
        "/slowdown.html": [(429, {"Retry-After": "1"}, b"slow down"), PAGE],
        "/gone.html": [(410, {}, b"gone")],
        "/etag.html": [(200, {"ETag": '"v1"'}, b"<p>v1</p>")],
        "/image.html": [(200, {"Content-Type": "image/png"}, b"\x89PNG")],
        "/big.html": [(200, {}, b"x" * 50_000)],
        "/hop.html": [(302, {"Location": "/ok.html"}, b"")],
        "/away.html": [(302, {"Location": "http://127.0.0.2:1/x.html"}, b"")],
        "/loop.html": [(302, {"Location": "/loop.html"}, b"")],
    })
    yield srv
    srv.close()


def fetcher(**overrides) -> Fetcher:
    politeness = Politeness(delay_seconds=0, retries=3, backoff_seconds=0.01, timeout_seconds=5, **overrides)
    return Fetcher(["127.0.0.1"], politeness)


def test_plain_fetch_and_robots(server):
    f = fetcher()
    ok = f.fetch(server.base + "/ok.html")
    assert ok.ok and ok.status == 200 and "东莞".encode() in ok.body
    blocked = f.fetch(server.base + "/private/x.html")
    assert blocked.error == "robots_disallowed" and server.hits("/private/x.html") == 0
    assert server.hits("/robots.txt") == 1  # cached per host for the run


def test_retries_5xx_and_429_with_retry_after(server):
    f = fetcher()
    assert f.fetch(server.base + "/flaky.html").ok
    assert server.hits("/flaky.html") == 3
    assert f.fetch(server.base + "/slowdown.html").ok
    assert server.hits("/slowdown.html") == 2


def test_permanent_failures_are_reported_not_raised(server):
    f = fetcher()
    assert f.fetch(server.base + "/gone.html").error == "not_found"
    assert f.fetch(server.base + "/image.html").error == "not_html: image/png"
    assert fetcher(max_body_bytes=10_000).fetch(server.base + "/big.html").error == "too_large"


def test_conditional_get(server):
    f = fetcher()
    first = f.fetch(server.base + "/etag.html")
    assert first.etag == '"v1"'
    f.fetch(server.base + "/etag.html", etag=first.etag)
    assert server.log[-1][1].get("If-None-Match") == '"v1"'


def test_redirects_rechecked_and_bounded(server):
    f = fetcher()
    hop = f.fetch(server.base + "/hop.html")
    assert hop.ok and hop.final_url.endswith("/ok.html")
    assert f.fetch(server.base + "/away.html").error == "redirect_outside_allowed_domains"
    assert f.fetch(server.base + "/loop.html").error == "too_many_redirects"
    assert server.hits("/loop.html") == 6  # the first request and max_redirects (5) hops
