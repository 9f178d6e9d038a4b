"""The bundled sample portal: determinism, laziness, HTTP behaviour and honest ground truth."""

from __future__ import annotations

import collections
import itertools
import re
import subprocess
import sys
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import opencc
import pytest
import requests
from selectolax.lexbor import LexborHTMLParser

from sampleportal.categories import CATEGORY_PHRASES, SUBCATEGORIES
from sampleportal.generator import SITE_A, SITE_B, Portal
from sampleportal.model import split_sentences
from sampleportal.server import PortalServer
from tests.conftest import REPO

ARTICLE_RE = {SITE_A: re.compile(r"/\d{4}/\d{4}/\d+\.html$"), SITE_B: re.compile(r"/news/content/\d{6}/t\d+\.htm$")}
START = {SITE_A: "/dongguan/", SITE_B: "/news/"}
GBK_ONLY = set("镕堃喆璟")
CATEGORIES = {
    "police_calls", "valid_calls", "crime_disorder", "criminal", "public_order", "property", "violent", "theft",
    "burglary", "vehicle_theft", "theft_from_vehicle", "pickpocketing", "robbery_snatching", "robbery", "snatching",
    "fraud", "telecom_fraud", "drug", "gambling", "homicide", "assault", "kidnapping", "rape", "arson",
    "traffic_accident", "traffic_jam", "fire", "assistance", "dispute", "other",
}
_t2s = opencc.OpenCC("t2s")


@pytest.fixture(scope="module")
def served(module_portal):
    srv = module_portal(seed=7, n_articles=300)
    with requests.Session() as session:
        yield srv.portal, srv, session


@pytest.fixture(scope="module")
def truth(served):
    portal, _, _ = served
    return list(portal.truth_articles()), list(portal.truth_stats())


def _decode(resp: requests.Response) -> str:
    # GBK pages may declare gb2312 or nothing in the header; gb18030 is the superset that never lies.
    ctype = resp.headers["Content-Type"].lower()
    if "utf-8" in ctype:
        return resp.content.decode("utf-8")
    return resp.content.decode("gb18030")


def _body_lines(html: str, site: str) -> list[str]:
    tree = LexborHTMLParser(html)
    sel = "div.content > p" if site == SITE_A else "div.TRS_Editor p"
    return [t for t in (n.text().strip() for n in tree.css(sel)) if t]


def _shingles(text: str, k: int = 5) -> set[str]:
    t = "".join(text.split())
    return {t[i:i + k] for i in range(len(t) - k + 1)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


# ---- generator ----------------------------------------------------------------------------------

def test_same_seed_same_bytes_and_truth():
    a, b = Portal(seed=7, n_articles=120), Portal(seed=7, n_articles=120)
    paths = ["/dongguan/", "/news/", "/dongguan/index_2.html", "/news/list_2.htm", "/robots.txt"]
    paths += [a.path(i) for i in range(a.n_articles)]
    for path in paths:
        assert a.response(path, {}) == b.response(path, {}), path
    assert list(a.truth_articles()) == list(b.truth_articles())
    assert list(a.truth_stats()) == list(b.truth_stats())
    other = Portal(seed=8, n_articles=120)
    assert [other.response(other.path(i), {})[2] for i in range(5)] != [a.response(a.path(i), {})[2] for i in range(5)]


def test_sizes_construct_lazily():
    small = Portal(seed=7, n_articles=50)
    assert small.n_articles == 50 == sum(1 for _ in small.truth_articles())

    big = Portal(seed=7, n_articles=100_000)
    assert big.n_articles == 100_000
    status, _, body = big.response(big.path(99_999), {})
    assert status == 200 and body
    status, _, body = big.response("/dongguan/", {})
    assert status == 200 and b"class=\"next\"" in body

    # Memory of a fresh interpreter holding the 100,000-article portal after serving a page.
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to read the peak memory of a process")
    # VmHWM belongs to the new process image (ru_maxrss would carry over the forking parent's peak)
    code = ("from sampleportal.generator import Portal; p = Portal(seed=7, n_articles=100_000); "
            "p.response(p.path(99_999), {}); "
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=REPO)
    assert int(out.stdout) < 300 * 1024  # KiB


def test_bad_sizes_rejected():
    with pytest.raises(ValueError):
        Portal(seed=1, n_articles=0)


def test_truth_fields_and_values(truth, served, tmp_path):
    arts, stats = truth
    served[0].write_truth(tmp_path)
    assert len((tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == len(arts)
    assert len((tmp_path / "stats.jsonl").read_text(encoding="utf-8").splitlines()) == len(stats)
    assert len(arts) == 300
    keys = {"url", "site", "title", "published", "source", "author", "breadcrumb", "body", "story_id", "variant",
            "encoding", "has_stats"}
    for a in arts:
        assert keys <= a.keys()
        assert a["site"] in (SITE_A, SITE_B)
        assert a["variant"] in ("original", "syndicated", "traditional", "edited")
        assert a["encoding"] == ("gbk" if a["site"] == SITE_A else "utf-8")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", a["published"])
        assert 2016 <= int(a["published"][:4]) <= 2024
        assert ARTICLE_RE[a["site"]].search(a["url"])
    stat_keys = {"url", "story_id", "jurisdiction", "period_start", "period_end", "category", "subcategory",
                 "category_raw", "measure", "metric", "value", "approx", "evidence"}
    by_url = {a["url"]: a for a in arts}
    with_rows = {s["url"] for s in stats}
    assert with_rows == {a["url"] for a in arts if a["has_stats"]}
    for s in stats:
        assert stat_keys == s.keys()
        assert isinstance(s["value"], float) and isinstance(s["approx"], bool)
        assert s["category"] in CATEGORIES
        assert s["measure"] in ("reports", "cases_filed", "cases_solved", "arrests", "other")
        assert s["metric"] in ("count", "yoy_pct", "pop_pct")
        assert s["period_start"] <= s["period_end"]
        assert CATEGORY_PHRASES.get(s["category_raw"], (s["category"], s["subcategory"])) == (s["category"], s["subcategory"])
        if s["subcategory"]:
            assert (s["category"], s["subcategory"]) in SUBCATEGORIES.values()
        a = by_url[s["url"]]
        assert a["story_id"] == s["story_id"]
        body = _t2s.convert(a["body"]) if a["variant"] == "traditional" else a["body"]
        assert s["evidence"] in split_sentences(body), s
    share_no_stats = sum(not a["has_stats"] for a in arts) / len(arts)
    assert 0.2 < share_no_stats < 0.45


def test_truth_covers_the_hard_cases():
    stats = list(Portal(seed=7, n_articles=1500).truth_stats())
    ev = lambda pred: [s for s in stats if pred(s)]  # noqa: E731
    assert ev(lambda s: s["value"] == 0 and "零发案" in s["evidence"])
    assert ev(lambda s: s["approx"] and "多" in s["evidence"])
    assert ev(lambda s: "万" in s["evidence"] and s["metric"] == "count" and s["value"] >= 10_000)
    assert ev(lambda s: re.search("[一二三四五六七八九]千[一二三四五六七八九零]", s["evidence"]) and s["metric"] == "count")
    assert ev(lambda s: "分别" in s["evidence"] and s["metric"] == "yoy_pct")
    assert ev(lambda s: "的基础上" in s["evidence"] and f"在{s['period_start'][:4]}年" in s["evidence"])
    assert ev(lambda s: "较上周的" in s["evidence"])
    assert ev(lambda s: re.search("[0-9一二三四五六七八九]成", s["evidence"]) and s["metric"] == "yoy_pct")
    assert ev(lambda s: s["metric"] == "pop_pct")
    assert ev(lambda s: s["jurisdiction"] == "厦门市岛内")
    assert ev(lambda s: s["jurisdiction"] == "东莞市") and ev(lambda s: s["jurisdiction"] == "广州市天河区")
    assert ev(lambda s: s["subcategory"] == "electric_bike")
    assert ev(lambda s: s["measure"] == "arrests") and ev(lambda s: s["measure"] == "cases_solved")
    for s in stats:
        if s["metric"] != "count":  # 个百分点 figures are differences of rates, never a statistic
            assert abs(s["value"]) not in {float(m) for m in re.findall(r"([\d.]+)个百分点", s["evidence"])}
        if "下降" in s["evidence"] and "上升" not in s["evidence"] and "增长" not in s["evidence"] \
                and s["metric"] != "count":
            assert s["value"] <= 0, s


def test_copies_share_story_and_stay_near(truth):
    arts, _ = truth
    stories = collections.defaultdict(list)
    for a in arts:
        stories[a["story_id"]].append(a)
    variants = collections.Counter(a["variant"] for a in arts)
    assert variants["syndicated"] and variants["traditional"] and variants["edited"]
    sh = {a["url"]: _shingles(_t2s.convert(a["body"]) if a["variant"] == "traditional" else a["body"]) for a in arts}
    for copies in stories.values():
        originals = [a for a in copies if a["variant"] == "original"]
        if not originals:
            continue  # the last story's copies can be cut off by n_articles
        orig = originals[0]
        for c in copies:
            if c is orig:
                continue
            assert _jaccard(sh[c["url"]], sh[orig["url"]]) >= 0.8, (c["url"], c["variant"])
            assert c["published"] >= orig["published"]
            if c["variant"] == "syndicated":
                assert c["site"] != orig["site"]
            if c["variant"] == "traditional":
                assert c["site"] == SITE_B and c["body"] != orig["body"]
            if c["variant"] == "edited":
                assert c["body"] != orig["body"]
    firsts = [copies[0] for copies in stories.values()]
    worst = max(_jaccard(sh[a["url"]], sh[b["url"]]) for a, b in itertools.combinations(firsts, 2))
    assert worst < 0.5


# ---- HTTP ----------------------------------------------------------------------------------------

def _crawl_listing(srv: PortalServer, session: requests.Session, site: str) -> tuple[list[str], set[str], int]:
    """Follow 下一页 from the start page; returns main-list article URLs, all links seen, page count."""
    url, main, links, pages = srv.base_url + START[site], [], set(), 0
    while url:
        r = session.get(url, timeout=10)
        assert r.status_code == 200, url
        tree = LexborHTMLParser(_decode(r))
        pages += 1
        for a in tree.css("a[href]"):
            links.add(urljoin(url, a.attributes["href"]))
        items = tree.css("ul.list li a") if site == SITE_A else tree.css("div.list li:not(.top) a")
        main += [urljoin(url, a.attributes["href"]) for a in items]
        nxt = tree.css_first("a.next") if site == SITE_A else \
            next((a for a in tree.css("div.page a") if a.text().strip() == "下一页"), None)
        url = urljoin(url, nxt.attributes["href"]) if nxt else None
    return main, links, pages


def test_pagination_reaches_every_article_once(served, truth):
    portal, srv, session = served
    arts, _ = truth
    total = 0
    for site in (SITE_A, SITE_B):
        main, links, pages = _crawl_listing(srv, session, site)
        expected = {a["url"] for a in arts if a["site"] == site}
        assert len(main) == len(set(main)), "an article listed twice in the main lists"
        assert set(main) == expected
        article_links = {u for u in links if ARTICLE_RE[site].search(u)}
        assert article_links == expected  # 头条/置顶 duplicates point at listed articles only
        assert pages == -(-len(expected) // 20)
        for u in links:
            assert urlsplit(u).hostname == "127.0.0.1", u
        assert any(u.endswith("/admin/") for u in links)
        total += len(main)
    assert total == portal.n_articles == 300
    assert not [p for _, p, _ in srv.request_log if p.startswith("/admin")]


def test_pages_match_truth(served, truth):
    _, srv, session = served
    arts, _ = truth
    gb2312_breaks = 0
    for a in arts:
        r = session.get(a["url"], timeout=10)
        assert r.status_code == 200
        ctype = r.headers["Content-Type"]
        html = _decode(r)
        assert "\n".join(_body_lines(html, a["site"])) == a["body"], a["url"]
        tree = LexborHTMLParser(html)
        if a["site"] == SITE_A:
            assert ctype in ("text/html", "text/html; charset=GBK")
            assert (ctype == "text/html") == ('<meta charset="gb2312">' in html)
            assert tree.css_first("h1").text() == a["title"]
            assert tree.css_first(".crumbs").text().strip() == a["breadcrumb"]
            assert tree.css_first(".info .time").text() == a["published"][:16].replace("T", " ")
            assert tree.css_first(".info .source").text() == "来源:" + a["source"]
            assert tree.css_first("title").text() == a["title"] + "_新岭南"
            try:
                r.content.decode("gb2312")
            except UnicodeDecodeError:
                gb2312_breaks += 1
        else:
            assert ctype == "text/html; charset=utf-8"
            assert tree.css_first("h2.tit").text() == a["title"]
            meta = tree.css_first("div.meta").text()
            assert a["published"][:19].replace("T", " ") in meta and "来源：" + a["source"] in meta
            assert ("作者：" + a["author"] in meta) if a["author"] else "作者" not in meta
            crumbs = tree.css_first("div.location").text().replace("当前位置：", "").strip()
            assert crumbs == a["breadcrumb"]
    assert gb2312_breaks > 0
    assert any(GBK_ONLY & set(a["body"]) for a in arts if a["site"] == SITE_A)


def test_conditional_get_and_errors(served, truth):
    _, srv, session = served
    url = truth[0][0]["url"]
    r = session.get(url, timeout=10)
    etag, modified = r.headers["ETag"], r.headers["Last-Modified"]
    assert etag and modified
    r2 = session.get(url, headers={"If-None-Match": etag}, timeout=10)
    assert r2.status_code == 304 and r2.content == b""
    r3 = session.get(url, headers={"If-Modified-Since": modified}, timeout=10)
    assert r3.status_code == 304
    r4 = session.get(url, headers={"If-Modified-Since": formatdate(0, usegmt=True)}, timeout=10)
    assert r4.status_code == 200 and r4.content == r.content
    r5 = session.get(url, headers={"If-None-Match": '"stale"', "If-Modified-Since": modified}, timeout=10)
    assert r5.status_code == 200
    assert session.head(url, timeout=10).headers["Content-Length"] == str(len(r.content))
    assert session.get(srv.base_url + "/dongguan/2021/0324/1.html", timeout=10).status_code == 404
    assert session.get(srv.base_url + "/news/list_1.htm", timeout=10).status_code == 404
    assert session.get(srv.base_url + "/nothing", timeout=10).status_code == 404
    assert session.get(url + "?from=rss", timeout=10).content == r.content
    assert ("GET", urlsplit(url).path, 304) in srv.request_log


def test_robots_txt(served, truth):
    _, srv, session = served
    r = session.get(srv.base_url + "/robots.txt", timeout=10)
    assert r.status_code == 200 and "Disallow: /admin/" in r.text
    rp = RobotFileParser()
    rp.parse(r.text.splitlines())
    assert not rp.can_fetch("crimetrend", srv.base_url + "/admin/")
    assert rp.can_fetch("crimetrend", srv.base_url + "/dongguan/")
    assert rp.can_fetch("crimetrend", truth[0][0]["url"])


def test_add_articles_prepends_and_keeps_old_pages(portal):
    srv = portal(seed=11, n_articles=200)
    with requests.Session() as s:
        def page_one() -> set[str]:
            out = set()
            for site, start in START.items():
                r = s.get(srv.base_url + start, timeout=10)
                tree = LexborHTMLParser(_decode(r))
                links = {urljoin(r.url, a.attributes["href"]) for a in tree.css("a[href]")}
                out |= {u for u in links if ARTICLE_RE[site].search(u)}
            return out

        before_urls = {a["url"] for a in srv.portal.truth_articles()}
        before_bytes = {u: s.get(u, timeout=10).content for u in before_urls}
        first = page_one()
        srv.portal.add_articles(20)
        assert srv.portal.n_articles == 220
        after_urls = {a["url"] for a in srv.portal.truth_articles()}
        new = after_urls - before_urls
        assert len(new) == 20 and before_urls < after_urls
        assert page_one() - first == new
        for u, body in before_bytes.items():
            assert s.get(u, timeout=10).content == body, u


def test_loopback_only():
    with pytest.raises(ValueError):
        PortalServer(Portal(seed=1, n_articles=50), host="0.0.0.0")
