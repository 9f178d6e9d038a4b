"""Article pages → {title, published, source, author, body, breadcrumb}.

With a site profile's CSS selectors each given field is read from its selector; every field that
is missing (or whose selector finds nothing) comes from the generic extractor. Never raises: a page
that cannot be parsed yields empty fields, so one broken page never stops a batch.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tasks.article.body import filter_lines, render_lines
from tasks.article.dates import parse_datetime
from tasks.article.generic import EMPTY, extract_from_tree
from tasks.article.meta import crumb_text, find_breadcrumb
from tasks.article.patterns import AUTHOR_RE, SOURCE_RE, clean_label_value
from tasks.crawl.decode import decode_html, same_utf8_bytes

FIELDS = ("title", "published", "source", "author", "body", "breadcrumb")
ESSENTIAL = ("title", "published", "body")
_LABEL_RE = re.compile(r"^\s*(?:来源|稿源|作者|记者|出处)\s*[:：]\s*")


def _first(tree: LexborHTMLParser, selector: str) -> LexborNode | None:
    try:
        return tree.css_first(selector)
    except Exception:  # noqa: BLE001 — a bad selector in a profile falls back to generic
        return None


def _all(tree: LexborHTMLParser, selector: str) -> list[LexborNode]:
    try:
        return list(tree.css(selector))
    except Exception:  # noqa: BLE001
        return []


def _text(node: LexborNode) -> str:
    return " ".join(node.text(separator=" ").split())


def _labelled(node: LexborNode, regex: re.Pattern[str]) -> str | None:
    text = _text(node)
    m = regex.search(text)
    value = clean_label_value(m[1]) if m else clean_label_value(_LABEL_RE.sub("", text))
    return value or None


def _from_selectors(tree: LexborHTMLParser, selectors: dict) -> dict:
    out: dict = {}
    title_sel = selectors.get("title")
    if title_sel and (node := _first(tree, title_sel)) is not None:
        out["title"] = _text(node) or None
    published_sel = selectors.get("published")
    if published_sel and (node := _first(tree, published_sel)) is not None:
        attrs = node.attributes
        out["published"] = parse_datetime(attrs.get("datetime") or attrs.get("content")) or parse_datetime(
            _text(node)
        )
    if selectors.get("source") and (node := _first(tree, selectors["source"])) is not None:
        out["source"] = _labelled(node, SOURCE_RE)
    if selectors.get("author") and (node := _first(tree, selectors["author"])) is not None:
        out["author"] = _labelled(node, AUTHOR_RE)
    if selectors.get("breadcrumb") and (node := _first(tree, selectors["breadcrumb"])) is not None:
        out["breadcrumb"] = crumb_text(node) or _text(node) or None
    if selectors.get("body"):
        nodes = _all(tree, selectors["body"])
        if nodes:
            lines = []
            for node in nodes:
                lines.extend(render_lines(node, {}))
            out["body"] = "\n".join(filter_lines(lines, out.get("title")))
    return {k: v for k, v in out.items() if v}


def extract_article(html: str | bytes, url: str | None = None, selectors: dict | None = None,
                    *, utf8: bytes | None = None) -> dict:
    """One page to {title, published, source, author, body, breadcrumb}; generic without selectors.

    ``utf8``: the bytes ``html`` was decoded from, when ``same_utf8_bytes`` says they are exactly its
    UTF-8 form; they are parsed instead of ``html`` (the same tree, without encoding the text again).
    """
    try:
        if isinstance(html, bytes | bytearray | memoryview):
            body = bytes(html)
            html, encoding = decode_html(body)
            utf8 = same_utf8_bytes(body, html, encoding)
        elif not isinstance(html, str):
            return dict(EMPTY)
        if utf8 is None and "\x00" in html:
            html = html.replace("\x00", "")
        tree = LexborHTMLParser(utf8 if utf8 is not None else html)
        chosen = _from_selectors(tree, selectors) if selectors else {}
        # A profile that yields the essentials has described the page: the generic pass (most of the cost)
        # runs only to fill an essential field that its selectors missed.
        if selectors and all(chosen.get(k) for k in ESSENTIAL):
            if not chosen.get("breadcrumb"):
                chosen["breadcrumb"] = find_breadcrumb(tree)  # cheap: a few class/id selectors
            return {k: chosen.get(k) for k in FIELDS}
        generic = extract_from_tree(tree, url)
        result = {**EMPTY, **generic, **chosen}
        return {k: result.get(k) if k != "body" else (result.get("body") or "") for k in FIELDS}
    except Exception:  # noqa: BLE001 — the contract: never raise on any input
        return dict(EMPTY)
