"""Generic article extractor: one selectolax parse, no per-site rules.

Order matters: metadata (meta tags, JSON-LD, <title>, headings, breadcrumb) is read first, then
scripts/styles are skipped, one scan collects text blocks (tasks.article.blocks), the main block is
chosen by prose density (tasks.article.container) and rendered (tasks.article.body). Published time,
来源 and 作者 are read from the text between the headline and the body: that is where portals print
them, and it keeps dates of comments and related-article lists (which come after the body) out.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tasks.article.blocks import (
    CHARS,
    FIRST_TEXT,
    LINK_CHARS,
    NODE,
    Page,
    prose_score,
    scan,
)
from tasks.article.body import filter_lines, render_lines
from tasks.article.container import choose_container
from tasks.article.dates import DATE_RE, date_from_url, find_datetime, find_partial
from tasks.article.meta import (
    TaggedNodes,
    crumb_text,
    find_breadcrumb,
    find_title,
    meta_values,
    metadata_date,
)
from tasks.article.patterns import AUTHOR_RE, INLINE_TAGS, SOURCE_RE, clean_label_value

_AFTER_TITLE_RUNS = 60  # text runs after the headline searched for the byline
_BEFORE_TITLE_RUNS = 15
_AFTER_BODY_RUNS = 12
# A breadcrumb among the text runs: a run opening with its label, or a block whose whole text is a
# short line of three or more parts joined by >, » or ›.
_CRUMB_LABEL_RE, _CRUMB_LINE_RE = (re.compile(pattern) for pattern in (
    r"^\s*(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置)",
    r"^[^>»›]{1,20}(?:\s*[>»›]\s*[^>»›]{1,20}){2,}\s*$",
))
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
# Blog/forum sidebars show the author's profile dates (建立于:2004年10月6日, 注册时间…) next to the
# post; they are never the article's date, so they are blanked before the byline window is searched.
_PROFILE_DATE_RE = re.compile(
    r"(?:建立于|创建于|注册于|注册时间|注册日期|加入时间|加入于|开通于|开通时间|最后登录|上次登录)\s*[:：]?\s*"
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
)
# Forum and blog posts without a byline above the text sign the post underneath it: 本贴由X于<date>,
# 发表于 <date>, 发布时间 <date> by X. Only a date right after such a label is taken, and the first
# one wins, so the replies' identical signature lines further down are never used.
_POST_SIGN_RE = re.compile(r"(?:本贴由|本帖由|由\s*\S{1,20}\s*于|发表于|发布于|发布时间|发表时间|posted\s+(?:on|at))\s*[:：]?\s*$", re.I)
_HEAD_RUNS = 10  # text runs at the top of the body searched for a bare date line
_DATE_LINE_MAX = 40  # a date line ("2003-7-24 钱江晚报", "2005年1月2日") is short

EMPTY = {"title": None, "published": None, "source": None, "author": None, "body": "", "breadcrumb": None}


def _block_index(page: Page, node: LexborNode | None) -> int | None:
    """Index in page.texts of the first text run inside ``node``."""
    if node is None:
        return None
    for child in node.traverse(include_text=True, skip_empty=True):
        if child.tag_id != 2 or not (child.text_content or "").strip():  # 2: lexbor's text node id
            continue
        parent = child.parent
        while parent is not None and parent.tag in INLINE_TAGS:
            parent = parent.parent
        block = page.blocks.get(parent.mem_id) if parent is not None else None
        return block[FIRST_TEXT] if block is not None else None
    return None


def _body_start(page: Page, below: dict[int, float]) -> int | None:
    # Every prose block inside the container is in ``below``, which is much shorter than the page's blocks.
    blocks = page.blocks
    starts = [block[FIRST_TEXT] for key in below if (block := blocks.get(key)) is not None and prose_score(block) > 0]
    return min(starts) if starts else None


def _body_end(page: Page, below: dict[int, float]) -> int | None:
    """Index of the last text run of the body's prose (a <br>-separated block has many runs)."""
    texts = page.texts
    for index in range(len(texts) - 1, -1, -1):
        if texts[index][1] in below:
            return index
    return None


def _window(page: Page, start: int, stop: int) -> str:
    return " ".join(text.strip() for text, _ in page.texts[max(0, start) : max(0, stop)])


def _signed_date(page: Page, start: int, stop: int) -> str | None:
    """Date of the first post-signature line (see _POST_SIGN_RE) in text runs start..stop."""
    text = _window(page, start, stop)
    for m in DATE_RE.finditer(text):
        if _POST_SIGN_RE.search(text[max(0, m.start() - 40) : m.start()]):
            found = find_datetime(text[m.start() : m.start() + 40])
            if found:
                return found[0]
    return None


def _head_date(page: Page, body_idx: int) -> str | None:
    """A bare date line among the first runs of the body, before its prose starts.

    Pages whose headline is not marked up carry the byline and date inside the article block
    (作者：… / 2005年1月2日); the body filter drops that line, the date is taken from it here.
    """
    for text, _ in page.texts[body_idx : body_idx + _HEAD_RUNS]:
        text = text.strip()
        if len(text) > _DATE_LINE_MAX:
            if text.endswith(("。", "！", "？", ".")):
                break  # prose has begun: dates further down belong to the story
            continue
        found = find_datetime(text)
        if found:
            return found[0]
    return None


def _byline_window(page: Page, title_idx: int | None, body_idx: int | None) -> str:
    """The text runs between the headline and the body, where portals print time, 来源 and 作者 (at
    most _AFTER_TITLE_RUNS); without a headline, the runs right before the body."""
    if title_idx is None:
        return _window(page, (body_idx or 0) - _AFTER_TITLE_RUNS // 2, body_idx or 0)
    stop = title_idx + 1 + _AFTER_TITLE_RUNS
    if body_idx is not None and body_idx > title_idx:
        stop = min(stop, body_idx)
    return _window(page, title_idx + 1, stop)


def _published(page: Page, title_idx: int | None, body_idx: int | None, body_end: int | None,
               after: str, meta_date: str | None, meta: dict[str, str], url: str | None) -> str | None:
    """``after``: the byline window (_byline_window)."""
    before = _window(page, title_idx - _BEFORE_TITLE_RUNS, title_idx) if title_idx is not None else ""
    if "于" in after or "时间" in after or "日期" in after:
        after = _PROFILE_DATE_RE.sub(" ", after)
    found = find_datetime(after)
    if found:
        return found[0]
    if meta_date:
        return meta_date
    found = find_datetime(before)
    if found:
        return found[0]
    # Year-less times ("09-30 22:46") take their year from any dated meta value or the URL.
    year_source = " ".join(v for k, v in meta.items() if "date" in k or "time" in k) + " " + (url or "")
    years = _YEAR_RE.findall(year_source)
    if years:
        partial = find_partial(after, int(years[0]))
        if partial:
            return partial
    if body_idx is not None:
        signed = _signed_date(page, body_idx, (body_end or body_idx) + 1 + _AFTER_BODY_RUNS)
        if signed:
            return signed
        head = _head_date(page, body_idx)
        if head:
            return head
    # Some CMS print 发布日期 under the text; only the few runs right after the body are trusted,
    # comment and related-list dates come later.
    if body_end is not None:
        found = find_datetime(_window(page, body_end + 1, body_end + 1 + _AFTER_BODY_RUNS))
        if found:
            return found[0]
    return date_from_url(url)


def _byline_value(regex: re.Pattern[str], text: str) -> str | None:
    for m in regex.finditer(text):
        value = clean_label_value(m[1])
        if value:
            return value
    return None


def _label_breadcrumb(page: Page, limit: int) -> str | None:
    line_like: dict[int, bool] = {}  # per block: its runs share the block's text, test it once
    for text, key in page.texts[:limit]:
        block = page.blocks[key]
        # Every label contains 位置: the substring test spares a regex call per run.
        if "位置" in text and _CRUMB_LABEL_RE.match(text):
            hit = True
        elif block[LINK_CHARS] and block[CHARS] < 150:
            hit = line_like.get(key)
            if hit is None:
                whole = block[NODE].text()
                # Two separators are needed for a match; counting them first avoids the
                # backtracking regex on every short link block (menus, tag lists).
                seps = whole.count(">") + whole.count("»") + whole.count("›")
                hit = line_like[key] = seps >= 2 and _CRUMB_LINE_RE.match(whole) is not None
        else:
            hit = False
        if hit:
            found = crumb_text(block[NODE])
            if found:
                return found
    return None


def _walk(tree: LexborHTMLParser) -> tuple[Page | None, TaggedNodes]:
    """The text scan of <body> (of the whole page when it has none) and the page's tagged elements,
    in one walk of the tree: the parts of <html> beside <body> (<head>) are walked for tags only."""
    tagged = TaggedNodes()
    body, html = tree.body, tree.root
    page = None
    if body is not None and html is not None:
        body_key = body.mem_id
        for child in html.iter():  # <head> and <body>, in document order
            if child.mem_id == body_key:
                page = scan(body, tagged)
            else:
                tagged.collect(child)
        if page is None:  # a <body> that is not a child of <html>: never built by the parser, still read
            page = scan(body, tagged)
    elif (body or html) is not None:
        page = scan(body or html, tagged)
    tagged.add_attribute_matches(tree)
    return page, tagged


def extract_from_tree(tree: LexborHTMLParser, url: str | None = None) -> dict:
    """All fields from a parsed page (scripts and styles are skipped, not removed)."""
    page, tagged = _walk(tree)
    meta = meta_values(tagged)
    meta_date = metadata_date(meta, tagged)
    title, title_node = find_title(tree, meta, tagged)
    breadcrumb = find_breadcrumb(tree, tagged)
    if page is None:
        return {**EMPTY, "title": title, "published": meta_date, "breadcrumb": breadcrumb}
    container, below = choose_container(page)
    lines = filter_lines(render_lines(container, below), title) if container is not None else []

    title_idx = _block_index(page, title_node)
    body_idx = _body_start(page, below)
    byline = _byline_window(page, title_idx, body_idx)
    published = _published(page, title_idx, body_idx, _body_end(page, below), byline, meta_date, meta, url)
    if breadcrumb is None:
        breadcrumb = _label_breadcrumb(page, title_idx if title_idx is not None else (body_idx or 200))
    return {
        "title": title,
        "published": published,
        "source": _byline_value(SOURCE_RE, byline),
        "author": _byline_value(AUTHOR_RE, byline),
        "body": "\n".join(lines),
        "breadcrumb": breadcrumb,
    }
