"""Render the chosen main block to text lines and drop the furniture that shares it with the prose.

Rendering walks the block once (iteratively: pages nest 10,000 levels deep) and starts a new line at
every block element and <br>. Subtrees without prose below them are skipped when their class/id
says share/comment/related/footer or when most of their text is links (related-article lists).
Line rules then drop editor/credit/widget lines, cut at 相关阅读-style headings and at 责任编辑, and
trim the headline and the 来源/time byline when the block starts with them.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from tasks.article_dates import find_datetime
from tasks.extract_patterns import (
    BOILER_ATTR_RE,
    BOILER_LINE_RE,
    END_LINE_RE,
    INLINE_TAGS,
    PUNCT_RE,
    STOP_HEADINGS,
)

_SPACES_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u2002\u2003\u2009]+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\ufeff\x00]")
_HEADING_STRIP_RE = re.compile(r"[\s:：>»›【】\[\]〖〗「」『』<>（）()|｜·•■◆▌▎█—-]+")
_CRUMB_RE = re.compile(r"^\s*(?:当前位置|您的位置|你的位置|您所在的位置|你所在的位置|您现在的位置|你现在的位置)|^[^>»›]{1,20}(?:\s*[>»›]\s*[^>»›]{1,20}){2,}$")
_BOILER_LINE_MAX = 80  # a credit/widget line is short; Q&A prose such as 记者：… runs longer
_SKIP_TAGS = frozenset({"-comment", "script", "style", "noscript", "iframe", "svg", "head", "title",
                        "textarea", "select", "button", "input", "template"})


def _attr_text(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}"


def _link_dense(node: LexborNode) -> bool:
    text_len = len("".join(node.text().split()))
    if text_len == 0:
        return False
    link_len = sum(len("".join(a.text().split())) for a in node.css("a"))
    return link_len >= 0.5 * text_len


def _skip(node: LexborNode, below: dict[int, float]) -> bool:
    if below.get(node.mem_id, 0.0) > 0:
        return False
    if node.attributes.get("hidden") is not None:
        return True
    style = (node.attributes.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if node.tag in INLINE_TAGS and node.tag != "a":
        return False
    if BOILER_ATTR_RE.search(_attr_text(node)):
        return True
    return node.tag in ("ul", "ol", "div", "table", "section", "dl", "nav", "aside") and _link_dense(node)


def render_lines(container: LexborNode, below: dict[int, float]) -> list[tuple[str, float]]:
    """(line text, share of its characters inside links) for each paragraph of ``container``."""
    lines: list[tuple[str, float]] = []
    parts: list[str] = []
    link_chars = 0
    link_depth = 0

    def flush() -> None:
        nonlocal link_chars
        if parts:
            text = _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", "".join(parts))).strip()
            if text:
                lines.append((text, min(1.0, link_chars / max(1, len(text.replace(" ", ""))))))
            parts.clear()
        link_chars = 0

    stack: list[tuple[LexborNode, bool]] = [(container, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag == "a":
                link_depth -= 1
            elif tag not in INLINE_TAGS:
                flush()
            continue
        if tag == "-text":
            text = node.text_content or ""
            parts.append(text)
            if link_depth:
                link_chars += len("".join(text.split()))
            continue
        if tag == "br":
            flush()
            continue
        if tag in _SKIP_TAGS or tag.startswith("-") or (node is not container and _skip(node, below)):
            continue
        if tag == "a":
            link_depth += 1
        elif tag not in INLINE_TAGS:
            flush()
        stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    flush()
    return lines


def _is_prose(text: str) -> bool:
    """A sentence, not a label: bylines and breadcrumbs are long but carry no ，。！？."""
    return len(text) >= 10 and PUNCT_RE.search(text) is not None and not _CRUMB_RE.match(text)


def _is_stop_heading(text: str) -> bool:
    key = _HEADING_STRIP_RE.sub("", text)
    return key in STOP_HEADINGS or (len(key) <= 8 and key.rstrip("更多") in STOP_HEADINGS)


def _is_byline(text: str, title: str | None) -> bool:
    squeezed = "".join(text.split())
    if title and squeezed == "".join(title.split()):
        return True
    if _CRUMB_RE.match(text):
        return True
    if len(text) <= 100 and find_datetime(text) and not text.endswith(("。", "！", "？")):
        return True
    return len(text) <= _BOILER_LINE_MAX and bool(BOILER_LINE_RE.search(text))


def filter_lines(lines: list[tuple[str, float]], title: str | None) -> list[str]:
    """Article paragraphs from rendered lines: furniture dropped, cut at the first trailing list."""
    out: list[str] = []
    seen_prose = False
    for text, link_share in lines:
        if seen_prose and (_is_stop_heading(text) or END_LINE_RE.match(text)):
            break
        if not seen_prose and _is_byline(text, title):
            continue
        if link_share >= 0.6 and not (seen_prose and len(text) >= 40 and link_share < 0.9):
            continue
        if len(text) <= _BOILER_LINE_MAX and BOILER_LINE_RE.search(text):
            continue
        if _is_stop_heading(text):
            continue
        out.append(text)
        seen_prose = seen_prose or _is_prose(text)
    return out
