"""URLs and listings (tasks.crawl.urls, tasks.crawl.listing): canonical forms, scope, links and the next page."""

import re

import pytest

from tasks.crawl.listing import parse_listing
from tasks.crawl.urls import absolute_url, canonicalize_url, host_allowed


@pytest.mark.parametrize("raw, canonical", [
    ("HTTP://News.Example.COM:80/a/./b/../c.html?b=2&a=1#top", "http://news.example.com/a/c.html?a=1&b=2"),
    ("https://example.com:443/x?utm_source=wx&utm_medium=share&id=5", "https://example.com/x?id=5"),
    ("http://example.com/x?spm=a.b.c&from=timeline&p=2", "http://example.com/x?p=2"),
    ("http://127.0.0.1:8765/dongguan/2021/0324/1.html", "http://127.0.0.1:8765/dongguan/2021/0324/1.html"),
])
def test_canonical_form(raw, canonical):
    assert canonicalize_url(raw) == canonical


def test_absolute_url_drops_non_http_links():
    base = "http://127.0.0.1:8765/dongguan/"
    for href in ("javascript:void(0)", "mailto:a@b.cn", "file:///etc/passwd", "#top", "tel:110", ""):
        assert absolute_url(base, href) is None
    assert absolute_url(base, "2021/0324/1.html") == "http://127.0.0.1:8765/dongguan/2021/0324/1.html"


def test_host_allowed_exact_and_subdomains_only():
    assert host_allowed("http://www.example.cn/a", ["example.cn"])
    assert not host_allowed("http://badexample.cn/a", ["example.cn"])
    assert host_allowed("http://127.0.0.1:9999/a", ["127.0.0.1"])
    assert not host_allowed("http://127.0.0.2/a", ["127.0.0.1"])
    assert not host_allowed("ftp://example.cn/a", ["example.cn"])


def test_listing_links_pattern_scope_and_next_page():
    html = """<html><body>
      <a href="/d/2021/0324/1.html">一</a><a href="/d/2021/0324/1.html#c">一</a>
      <a href="http://127.0.0.2/d/2021/0324/9.html">外站</a><a href="/admin/">后台</a>
      <a href="javascript:go()">x</a><a class="next" href="index_2.html">下一页</a></body></html>"""
    links = parse_listing(html, "http://127.0.0.1:8765/d/", re.compile(r"/\d{4}/\d{4}/\d+\.html$"),
                          ["127.0.0.1"], "a.next")
    assert links.articles == ["http://127.0.0.1:8765/d/2021/0324/1.html"]
    assert links.skipped == [("http://127.0.0.2/d/2021/0324/9.html", "outside_allowed_domains")]
    assert links.next_page == "http://127.0.0.1:8765/d/index_2.html"
    generic = parse_listing(html, "http://127.0.0.1:8765/d/", re.compile(r"\.html$"), ["127.0.0.1"])
    assert generic.next_page == "http://127.0.0.1:8765/d/index_2.html"
