"""Article extraction (tasks.article.parse): generic and selector modes, hostile input, the shared benchmark.
Decoding alone is tested in tests/crawl/test_decode.py."""

from __future__ import annotations

import gzip
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.article.parse import extract_article
from tasks.crawl.decode import decode_html
from tests.article.extraction_scoring import load_part, score_pages
from tests.conftest import SHARED

BENCH_DATA = SHARED / "bench" / "extraction"

TITLE = "大岭山公安分局6项创新经验全市推广 违法犯罪警情同比再降5成"
PARAS = [
    "■2021年大岭山公安分局将着力构建三大体系提升群众安全感和满意度大岭山公安分局供图",
    "违法犯罪警情在2019年已经下降40.2%的基础上,同比再次下降49.55%,防范效能排名全市第2;案件数大幅下降,"
    "破案数稳步提升,打击效能排名全市第3……这些亮眼的数据还不是大岭山公安分局2020年“成绩单”的全部。",
    "主动创新",
    "打防效能均列全市前三",
    "2020年6月21日上午,大岭山信立农贸城干货区两相邻店铺店主,因上卸货车辆相互拥堵问题发生口角,并出现肢体冲突。",
    "数据显示,2020年大岭山公安分局共接违法犯罪类警情4104起,同比再次下降49.55%,其中盗窃警情同比下降57%;"
    "两抢警情同比下降84%;诈骗1405起,同比下降8%。",
]
BODY = "\n".join(PARAS)
TEASER = "东莞警方破获系列盗窃电动车案件，抓获嫌疑人5名"
COMMENT = "这篇报道写得很好，大岭山的治安确实越来越好了，点赞！我们小区晚上也安全多了。"


def _list(heading: str, tag: str = "ul") -> str:
    items = "".join(
        f'<li><a href="/2021/0324/{i}.html">{TEASER}（{i}）</a><span>2021-03-1{i}</span></li>' for i in range(8)
    )
    return f'<div class="box"><h3>{heading}</h3><{tag}>{items}</{tag}></div>'


def portal_page() -> str:
    """The seed layout: breadcrumb, h1, 来源/time line, body, then recommendation blocks."""
    comments = "".join(
        f'<div class="item"><span>网友{i}</span><span>2021-04-0{i + 1} 10:0{i}</span><p>{COMMENT}</p></div>'
        for i in range(6)
    )
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}_新岭南</title>
<script>var pubtime = "2020-01-01 00:00";</script></head><body>
<div class="header"><a href="/">首页</a><a href="/gd/">广东</a><a href="/dg/">东莞</a></div>
<div class="crumbs"><a href="/">新岭南</a> &gt; <a href="/gd/">广东</a> &gt; <a href="/dg/">东莞</a> &gt;
<a href="/dg/jr/">今日东莞</a> &gt; 正文</div>
<div class="main"><div class="left"><h1>{TITLE}</h1>
<div class="info"><span>来源:东莞日报</span> <span>2021-03-24 15:59</span> <span>http://www.kcqsx.com/</span></div>
<div class="content">{body}</div>
<div class="bdshare">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div><div>责任编辑：张三</div>
{_list("新闻推荐")}{_list("相关阅读")}{_list("猜你喜欢")}
<div class="box"><h3>评论</h3>{comments}</div></div>
<div class="right">{_list("频道推荐")}{_list("热点排行", "ol")}</div></div>
<div class="footer">关于我们 | 联系我们 | 版权所有 © 2021 新岭南 粤ICP备12345678号</div></body></html>"""


def gov_page() -> str:
    """A government-site layout: h2.tit, meta line with 字号, TRS_Editor body, share, 相关阅读."""
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{TITLE} - 东莞市人民政府门户网站</title></head><body>
<div class="top"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="article"><h2 class="tit">{TITLE}</h2>
<div class="meta">发布时间:2021-03-24 15:59:00 来源:东莞公安 作者:李志明 字号:[<a>大</a> <a>中</a> <a>小</a>]</div>
<div class="TRS_Editor">{body}</div><div class="share">分享到…<a>微信</a><a>微博</a></div></div>
{_list("相关阅读")}
<div class="footer"><p>主办：东莞市人民政府办公室　承办：东莞市政务服务数据管理局</p>
<p>网站标识码：4419000001　粤ICP备05084373号</p></div></body></html>"""


def char_f1(true: str, pred: str) -> float:
    from collections import Counter

    t, p = Counter(true.replace("\n", "")), Counter(pred.replace("\n", ""))
    inter = sum((t & p).values())
    if not inter:
        return 0.0
    prec, rec = inter / sum(p.values()), inter / sum(t.values())
    return 2 * prec * rec / (prec + rec)


# --- the same article from bytes and from their text ----------------------------------------


@pytest.mark.parametrize("raw", [
    portal_page().encode(), b"\xef\xbb\xbf" + portal_page().encode(), portal_page().encode("gb18030"),
    portal_page().replace("<p>", "<p>\x00").encode(), portal_page().encode()[:-3000] + b"\xe6\x9c",
])
def test_bytes_and_their_text_give_the_same_article(raw):
    assert extract_article(raw) == extract_article(decode_html(raw)[0])


@pytest.mark.skipif(not BENCH_DATA.is_dir(), reason=f"benchmark data not found at {BENCH_DATA}")
def test_bytes_and_their_text_give_the_same_article_on_every_benchmark_page():
    """UTF-8 bytes are parsed as they are, other pages from their decoded text: the article must not
    depend on which way a page went (the pipeline hands the fetched bytes over when it can)."""
    pages = sorted(BENCH_DATA.glob("*/html/*.html.gz"))
    assert len(pages) > 200
    differ = []
    for path in pages:
        raw = gzip.decompress(path.read_bytes())
        if extract_article(raw, url="http://bench.invalid/") != extract_article(decode_html(raw)[0], url="http://bench.invalid/"):
            differ.append(path.name)
    assert differ == []


# --- generic extraction on portal-like pages --------------------------------------------------


def test_generic_extracts_seed_like_portal_page():
    out = extract_article(portal_page(), url="http://127.0.0.1:8765/dongguan/2021/0324/1.html")
    assert out["title"] == TITLE
    assert out["published"] == "2021-03-24T15:59:00+08:00"
    assert out["source"] == "东莞日报"
    assert out["breadcrumb"] == "新岭南 > 广东 > 东莞 > 今日东莞 > 正文"
    assert out["body"] == BODY
    for furniture in (TEASER, COMMENT, "新闻推荐", "相关阅读", "猜你喜欢", "频道推荐", "热点排行", "责任编辑", "分享到"):
        assert furniture not in out["body"]


def test_generic_extracts_government_page_from_gbk_bytes():
    out = extract_article(gov_page().encode("gbk"))
    assert out["title"] == TITLE
    assert out["published"] == "2021-03-24T15:59:00+08:00"
    assert out["source"] == "东莞公安"
    assert out["author"] == "李志明"
    assert char_f1(BODY, out["body"]) >= 0.98
    assert TEASER not in out["body"] and "字号" not in out["body"] and "主办" not in out["body"]


def test_generic_handles_br_separated_body_and_comment_heavy_page():
    comments = "".join(f"<div><p>网友{i}：{COMMENT}</p></div>" for i in range(15))
    html = f"""<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
    <div>2021年03月24日 15:59 来源：东莞日报</div><div class="text">{"<br>".join(PARAS[4:])}</div>
    <div><h3>网友评论</h3>{comments}</div></body></html>"""
    out = extract_article(html)
    assert out["body"] == "\n".join(PARAS[4:])
    assert out["published"] == "2021-03-24T15:59:00+08:00"


def test_title_falls_back_to_title_tag_without_site_suffix():
    html = f"<html><head><title>{TITLE} - 网易新闻</title></head><body><div><p>{PARAS[1]}</p></div></body></html>"
    assert extract_article(html)["title"] == TITLE


def test_published_from_meta_when_no_visible_date():
    html = f"""<html><head><meta property="article:published_time" content="2021-03-24T07:59:00Z">
    </head><body><h1>{TITLE}</h1><div><p>{PARAS[1]}</p><p>{PARAS[4]}</p></div></body></html>"""
    assert extract_article(html)["published"] == "2021-03-24T15:59:00+08:00"


# --- selectors ----------------------------------------------------------------------------------


def test_selectors_mode_reads_given_fields_and_falls_back_for_the_rest():
    selectors = {"title": "h1", "body": "div.content", "published": ".info span:nth-child(2)", "source": ".info"}
    out = extract_article(portal_page(), selectors=selectors)
    assert out["title"] == TITLE
    assert out["body"] == BODY
    assert out["published"] == "2021-03-24T15:59:00+08:00"
    assert out["source"] == "东莞日报"
    assert out["breadcrumb"] == "新岭南 > 广东 > 东莞 > 今日东莞 > 正文"  # generic fallback


def test_selectors_that_match_nothing_or_are_invalid_fall_back_to_generic():
    out = extract_article(gov_page(), selectors={"title": "h9.none", "body": "div[[[", "breadcrumb": ".nope"})
    assert out["title"] == TITLE
    assert char_f1(BODY, out["body"]) >= 0.98


# --- robustness ---------------------------------------------------------------------------------

FIELDS = {"title", "published", "source", "author", "body", "breadcrumb"}


@pytest.mark.parametrize(
    "html",
    [
        "",
        b"",
        "\x00" * 50,
        b"<p>\x00\x00</p>" * 20,
        bytes(range(256)) * 50,
        "<div>" * 10_000 + "深层嵌套的正文内容，共接警情100起。" + "</div>" * 10_000,
        "<p>" + "文" * 200_000 + "</p>",
        "<html><body><a>" * 3000,
        "<script>" + "x" * 1000,
        "<meta content='2021-99-99' name=pubdate><h1></h1><time datetime='bad'>",
    ],
)
def test_extract_never_raises_on_hostile_input(html):
    start = time.perf_counter()
    out = extract_article(html)
    assert set(out) == FIELDS and isinstance(out["body"], str)
    assert time.perf_counter() - start < 5


_html_bits = st.sampled_from(
    ["<p>", "</p>", "<div class='content'>", "</div>", "<br>", "<a href=x>", "</a>", "<h1>", "</h1>", "<li>",
     "来源：", "发布时间:2021-03-24 15:59", "当前位置：", " > ", "相关阅读", "责任编辑：", "，", "。", "<script>",
     "<!--", "-->", "<table><tr><td>", "&gt;", "&#0;", "\x00", "<meta name=pubdate content='2021-3-4'>"]
)
_fragments = st.lists(st.one_of(_html_bits, st.text(max_size=30)), max_size=40).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_fragments, st.text(max_size=300), st.binary(max_size=300)), st.sampled_from([None, {"body": "p"}]))
def test_extract_article_never_raises(html, selectors):
    out = extract_article(html, selectors=selectors)
    assert set(out) == FIELDS
    assert isinstance(out["body"], str)
    assert out["published"] is None or out["published"][-6:] in ("+08:00",) or out["published"][-6] in "+-"


# --- regression on the shared benchmark (zh-gne) ------------------------------------------------


@pytest.mark.skipif(not (BENCH_DATA / "zh-gne").is_dir(), reason=f"benchmark data not found at {BENCH_DATA}")
def test_zh_gne_regression():
    pages = load_part(BENCH_DATA, "zh-gne")
    assert pages, f"no zh-gne pages under {BENCH_DATA}"
    result, _ = score_pages("zh-gne", pages, lambda html, url: extract_article(html, url=url))
    # Reached: F1 0.998, head/tail 1.00/1.00, title 1.000, date 1.000 (34 pages).
    assert result["F1"] >= 0.97
    assert result["head"] >= 0.94 and result["tail"] >= 0.94
    assert result["title"] >= 0.94
    assert result["date"] >= 0.94
