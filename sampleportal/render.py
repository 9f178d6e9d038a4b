"""HTML of the two sample portals: 新岭南-like news portal (A, GBK) and police bulletin site (B, UTF-8).

Body text lives only in the `<p>` elements of `div.content` (A) / `div.TRS_Editor` (B); image
captions sit in a `span.caption` outside any `<p>` and are not body. Everything after the body
(推荐, 相关阅读, 热点排行 …) is boilerplate whose numbers must not become statistics.
Links never leave the loopback server; the one external address appears as plain text only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape

from .texts import CHANNEL_HEADLINES, NAV_A, NAV_B

SITE_A_NAME = "新岭南"
SITE_B_NAME = "平安东莞警务公开"
CRUMBS_A = ("新岭南", "广东", "东莞", "今日东莞", "正文")
ROBOTS_TXT = """User-agent: *
Allow: /dongguan/
Allow: /news/
Disallow: /admin/

User-agent: BadBot
Disallow: /
"""


@dataclass(frozen=True)
class Link:
    href: str
    title: str
    date: str = ""


@dataclass(frozen=True)
class ArticleView:
    """What one article page shows (already in the page's script)."""

    title: str
    published: datetime
    source: str
    author: str | None
    breadcrumb: tuple[str, ...]
    lines: tuple[str, ...]          # body paragraphs
    subheads: frozenset[int]        # indexes of lines rendered bold
    caption: str | None
    charset_style: str              # A: "meta-gb2312" | "header-gbk"; B: "plain" | "indent"
    meta_publishdate: bool = False
    og_title: bool = False


def _e(s: str) -> str:
    return escape(s, quote=False)


def _a(s: str) -> str:
    return escape(s, quote=True)


# ---- portal A -----------------------------------------------------------------------------------

def _head_a(title: str, style: str) -> str:
    meta = ('<meta charset="gb2312">' if style == "meta-gb2312"
            else '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    return (f"<!DOCTYPE html>\n<html>\n<head>\n{meta}\n<title>{_e(title)}</title>\n"
            '<meta name="keywords" content="东莞,新闻,今日东莞">\n'
            '<link rel="stylesheet" href="/static/css/main.css">\n</head>\n<body>\n')


def _nav_a() -> str:
    links = " | ".join(f'<a href="{"/" if n == "首页" else "/dongguan/"}">{n}</a>' for n in NAV_A)
    return (f'<div class="topbar"><a href="/">新岭南首页</a> <a href="/admin/login.html">登录</a></div>\n'
            f'<div class="nav">{links}</div>\n')


def _footer_a() -> str:
    return ('<div class="footer"><p>关于我们 | 广告服务 | 联系方式 | 版权声明</p>'
            "<p>Copyright 2016-2024 新岭南 版权所有 未经授权禁止转载</p>"
            "<p>友情链接：http://example.com 粤ICP备00000000号</p></div>\n</body>\n</html>\n")


def article_a(v: ArticleView, teaser: tuple[Link, str] | None, related: list[Link], hot: list[Link],
              channel_pick: list[int]) -> str:
    out = [_head_a(f"{v.title}_{SITE_A_NAME}", v.charset_style), _nav_a()]
    crumbs = ' &gt; '.join(f'<a href="{"/" if i < 2 else "/dongguan/"}">{_e(c)}</a>'
                           for i, c in enumerate(v.breadcrumb[:-1]))
    out.append(f'<div class="main">\n<div class="crumbs">{crumbs} &gt; {_e(v.breadcrumb[-1])}</div>\n')
    out.append(f"<h1>{_e(v.title)}</h1>\n")
    out.append(f'<div class="info"><span class="source">来源:{_e(v.source)}</span> '
               f'<span class="time">{v.published:%Y-%m-%d %H:%M}</span> '
               '<span class="share">分享到：<a href="/">微信</a> <a href="/">微博</a></span></div>\n')
    out.append('<div class="content">\n')
    if v.caption:
        out.append(f'<div class="pic"><img src="/dongguan/images/photo.jpg" alt="">'
                   f'<span class="caption">{_e(v.caption)}</span></div>\n')
    for i, line in enumerate(v.lines):
        out.append(f"<p><strong>{_e(line)}</strong></p>\n" if i in v.subheads else f"<p>{_e(line)}</p>\n")
    out.append("</div>\n")
    out.append('<div class="editor">(责任编辑：新岭南编辑部)</div>\n')
    if teaser:
        link, snippet = teaser
        out.append(f'<div class="recommend"><h3>新闻推荐</h3><div class="item"><a href="{_a(link.href)}">'
                   f"{_e(link.title)}</a><p>{_e(snippet)}...</p></div></div>\n")
    out.append('<div class="related"><h3>相关阅读</h3><ul>'
               + "".join(f'<li><a href="{_a(r.href)}">{_e(r.title)}</a></li>' for r in related[:3])
               + "</ul></div>\n")
    out.append('<div class="guess"><h3>猜你喜欢</h3><ul>'
               + "".join(f'<li><a href="/">{_e(CHANNEL_HEADLINES[i])}</a></li>' for i in channel_pick[:2])
               + "</ul></div>\n")
    out.append(f'<div class="comment"><h3>评论({_e(v.title)})</h3><p>请文明上网，理性发言。</p></div>\n')
    out.append('<div class="channel"><h3>频道推荐</h3><ul>'
               + "".join(f'<li><a href="/">{_e(CHANNEL_HEADLINES[i])}</a></li>' for i in channel_pick[2:])
               + "</ul></div>\n")
    out.append('<div class="rank"><h3>热点排行</h3><ol>'
               + "".join(f'<li><a href="{_a(h.href)}">{_e(h.title)}</a></li>' for h in hot)
               + "</ol></div>\n</div>\n")
    out.append(_footer_a())
    return "".join(out)


def listing_a(page: int, n_pages: int, items: list[Link], picks: list[Link], style: str) -> str:
    title = "今日东莞_新岭南" if page == 1 else f"今日东莞_第{page}页_新岭南"
    out = [_head_a(title, style), _nav_a()]
    out.append('<div class="crumbs"><a href="/">新岭南</a> &gt; <a href="/">广东</a> &gt; '
               '<a href="/dongguan/">东莞</a> &gt; 今日东莞</div>\n')
    if picks:
        # A "头条" box repeating entries of the list below: duplicates a crawler must fold.
        out.append('<div class="headline"><h3>头条</h3>'
                   + "".join(f'<a href="{_a(p.href)}">{_e(p.title)}</a>' for p in picks) + "</div>\n")
    out.append('<ul class="list">\n')
    for it in items:
        out.append(f'<li><a href="{_a(it.href)}" target="_blank">{_e(it.title)}</a>'
                   f'<span class="date">{it.date}</span></li>\n')
    out.append("</ul>\n")
    pages = ['<a href="/dongguan/">首页</a>']
    if page > 1:
        prev = "/dongguan/" if page == 2 else f"/dongguan/index_{page - 1}.html"
        pages.append(f'<a href="{prev}" class="prev">上一页</a>')
    pages.append(f"<span>第{page}/{n_pages}页</span>")
    if page < n_pages:
        pages.append(f'<a href="/dongguan/index_{page + 1}.html" class="next">下一页</a>')
    if n_pages > 1:
        pages.append(f'<a href="/dongguan/index_{n_pages}.html">尾页</a>')
    out.append(f'<div class="pages">{" ".join(pages)}</div>\n')
    out.append('<div class="side"><a href="/admin/">后台管理</a></div>\n')
    out.append(_footer_a())
    return "".join(out)


# ---- portal B -----------------------------------------------------------------------------------

def _head_b(title: str, extra: str = "") -> str:
    return ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
            f"<title>{_e(title)}</title>\n{extra}</head>\n<body>\n")


def _header_b(to_root: str) -> str:
    menu = "".join(f'<li><a href="{to_root if n == "首页" else to_root + "news/"}">{n}</a></li>' for n in NAV_B)
    return (f'<div class="header"><div class="logo">{SITE_B_NAME}</div>'
            f'<ul class="menu">{menu}<li><a href="{to_root}admin/">后台</a></li></ul></div>\n')


def _footer_b() -> str:
    return ('<div class="footer"><p>主办：东莞市公安局　版权所有：平安东莞警务公开网</p>'
            "<p>粤ICP备00000000号-1　粤公网安备 44190002000001号</p>"
            "<p>建议使用1024×768分辨率浏览</p></div>\n</body>\n</html>\n")


def article_b(v: ArticleView, related: list[Link]) -> str:
    extra = ""
    if v.meta_publishdate:
        extra += f'<meta name="publishdate" content="{v.published:%Y-%m-%d %H:%M:%S}" />\n'
    if v.og_title:
        extra += f'<meta property="og:title" content="{_a(v.title)}" />\n'
    out = [_head_b(f"{v.title}-{SITE_B_NAME}", extra), _header_b("../../../")]
    crumbs = " &gt; ".join(f'<a href="../../{"../" if i == 0 else ""}">{_e(c)}</a>'
                           for i, c in enumerate(v.breadcrumb))
    out.append(f'<div class="location">当前位置：{crumbs}</div>\n')
    out.append('<div class="article">\n')
    out.append(f'<h2 class="tit">{_e(v.title)}</h2>\n')
    meta = f"发布时间：{v.published:%Y-%m-%d %H:%M:%S}　来源：{_e(v.source)}"
    if v.author:
        meta += f"　作者：{_e(v.author)}"
    out.append(f'<div class="meta">{meta}　字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>\n')
    out.append('<div class="TRS_Editor">\n')
    indent = "\u3000\u3000" if v.charset_style == "indent" else ""
    for i, line in enumerate(v.lines):
        if i in v.subheads:
            out.append(f"<p><b>{_e(line)}</b></p>\n")
        else:
            out.append(f'<p style="text-indent:2em">{indent}{_e(line)}</p>\n' if indent else f"<p>{_e(line)}</p>\n")
    out.append("</div>\n")
    out.append('<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>\n')
    out.append('<div class="print"><a href="javascript:window.print()">打印本页</a> '
               '<a href="javascript:window.close()">关闭窗口</a></div>\n</div>\n')
    out.append('<div class="xgyd"><h3>相关阅读</h3><ul>'
               + "".join(f'<li><a href="{_a(r.href)}">{_e(r.title)}</a><span>{r.date}</span></li>' for r in related)
               + "</ul></div>\n")
    out.append(_footer_b())
    return "".join(out)


def listing_b(page: int, n_pages: int, items: list[Link], sticky: Link | None) -> str:
    out = [_head_b(f"警务资讯-{SITE_B_NAME}"), _header_b("../")]
    out.append('<div class="location">当前位置：<a href="../">首页</a> &gt; <a href="./">警务资讯</a></div>\n')
    out.append('<div class="list"><ul>\n')
    if sticky:
        # A pinned bulletin repeated on every page: the duplicate entry of this site.
        out.append(f'<li class="top"><span>[置顶]</span><a href="{_a(sticky.href)}" title="{_a(sticky.title)}">'
                   f"{_e(sticky.title)}</a></li>\n")
    for it in items:
        out.append(f'<li><span class="date">{it.date}</span><a href="{_a(it.href)}" title="{_a(it.title)}">'
                   f"{_e(it.title)}</a></li>\n")
    out.append("</ul></div>\n")
    nav = [f"<span>共{n_pages}页</span>", '<a href="./">首页</a>']
    if page > 1:
        nav.append(f'<a href="{"./" if page == 2 else f"./list_{page - 1}.htm"}">上一页</a>')
    if page < n_pages:
        nav.append(f'<a href="./list_{page + 1}.htm">下一页</a>')
    if n_pages > 1:
        nav.append(f'<a href="./list_{n_pages}.htm">尾页</a>')
    out.append(f'<div class="page">{" ".join(nav)}</div>\n')
    out.append(_footer_b())
    return "".join(out)


# ---- shared ------------------------------------------------------------------------------------

def home() -> str:
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>sample portal</title></head><body>\n"
            '<h1>crimetrend sample portal</h1>\n<ul><li><a href="/dongguan/">新岭南 · 今日东莞 (demo-dongguan)</a></li>\n'
            f'<li><a href="/news/">{SITE_B_NAME} · 警务资讯 (demo-guanzhu)</a></li></ul>\n</body></html>\n')


def error_page(status: int, message: str) -> str:
    return f"<!DOCTYPE html>\n<html><head><title>{status}</title></head><body><h1>{status} {_e(message)}</h1></body></html>\n"
