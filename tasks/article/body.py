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

from tasks.article.dates import find_datetime
from tasks.article.patterns import (
    END_LINE_RE,
    HEADING_STRIP_CHARS,
    HEADING_STRIP_RE,
    INLINE_TAGS,
    PUNCT_RE,
    STOP_HEADINGS,
    is_boiler_attr,
    is_boiler_line,
    tag_ids,
)

_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\ufeff\x00]")
# A stop heading's key (the line without HEADING_STRIP_CHARS) has at most _HEADING_KEY_MAX
# characters; a line with a longer run of other characters cannot be one. Prose lines show such a run
# within their first few characters, so this search ends at once where the sub() walked the line.
_HEADING_KEY_MAX = max(8, *(len(h) for h in STOP_HEADINGS))
_LONG_KEY_RE = re.compile(f"[^{HEADING_STRIP_CHARS}]{{{_HEADING_KEY_MAX + 1}}}")
_CRUMB_RE = re.compile(r"^\s*(?:当前位置|您的位置|你的位置|您所在的位置|你所在的位置|您现在的位置|你现在的位置)|^[^>»›]{1,20}(?:\s*[>»›]\s*[^>»›]{1,20}){2,}$")
_BOILER_LINE_MAX = 80  # a credit/widget line is short; Q&A prose such as 记者：… runs longer
_SKIP_TAGS = frozenset({"-comment", "script", "style", "noscript", "iframe", "svg", "head", "title",
                        "textarea", "select", "button", "input", "template"})


_LIST_IDS = tag_ids({"ul", "ol", "div", "table", "section", "dl", "nav", "aside"})
_INLINE_IDS = tag_ids(INLINE_TAGS)
_SKIP_IDS = tag_ids(_SKIP_TAGS)
_A_ID = next(iter(tag_ids({"a"})))
_BR_ID = next(iter(tag_ids({"br"})))
_TEXT_ID = 2  # lexbor's LXB_TAG__TEXT
# Lexbor's ids up to 5 are its pseudo-tags (-undef, -end-of-file, -text, -document, -comment,
# -doctype): the names starting with "-" that are never rendered.
_LAST_SPECIAL_ID = 5


def _link_dense(node: LexborNode) -> bool:
    text_len = len("".join(node.text().split()))
    if text_len == 0:
        return False
    link_len = sum(len("".join(a.text().split())) for a in node.css("a"))
    return link_len >= 0.5 * text_len


def _skip(node: LexborNode, tag_id: int, below: dict[int, float]) -> bool:
    if below.get(node.mem_id, 0.0) > 0:
        return False
    attrs = node.attributes  # builds a dict per call: read once
    if not attrs:
        # No hidden/style/class/id: only a link-dense list can still be furniture.
        return tag_id in _LIST_IDS and _link_dense(node)
    if attrs.get("hidden") is not None:
        return True
    style = attrs.get("style")
    if style:
        style = style.replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            return True
    if tag_id in _INLINE_IDS and tag_id != _A_ID:
        return False
    if is_boiler_attr(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
        return True
    return tag_id in _LIST_IDS and _link_dense(node)


class _Lines:
    """The lines rendered so far, and the text runs of the line being read with their link characters."""

    __slots__ = ("done", "link_chars", "parts")

    def __init__(self) -> None:
        self.done: list[tuple[str, float]] = []  # (line text, share of its characters inside links)
        self.parts: list[str] = []
        self.link_chars = 0

    def flush(self) -> None:
        """End the current line. Called only while ``parts`` holds text: every block element is
        entered and left, mostly with nothing collected, and a call per element cost more than the
        test; link_chars only grows along with ``parts``, so it is already 0 when parts is empty."""
        parts = self.parts
        text = "".join(parts)
        # Zero-width marks are never ASCII, and rare: membership tests are cheaper than the regex's
        # walk of a whole paragraph, which runs only when one of them (or a NUL) is there.
        if "\x00" in text or (not text.isascii() and (
                "\u200b" in text or "\u200c" in text or "\u200d" in text or "\ufeff" in text)):
            text = _INVISIBLE_RE.sub("", text)
        text = " ".join(text.split())  # str.split() splits on every Unicode space, in C
        if text:
            self.done.append((text, min(1.0, self.link_chars / max(1, len(text.replace(" ", ""))))))
        parts.clear()
        self.link_chars = 0


def render_lines(container: LexborNode, below: dict[int, float]) -> list[tuple[str, float]]:
    """(line text, share of its characters inside links) for each paragraph of ``container``."""
    lines = _Lines()
    parts = lines.parts
    flush = lines.flush
    link_depth = 0

    # The stack holds nodes to enter and, as plain ints, the tag ids of elements being left: leaving
    # needs only the tag, and ids spare building a tag string (and a tuple) per node. A node entered
    # first pushes its next sibling, then (an element) its leave mark and its first child: the
    # sibling links are followed one node at a time, with no list of children made per element.
    stack: list[LexborNode | int] = [container]
    pop = stack.pop
    push = stack.append
    while stack:
        node = pop()
        if type(node) is int:
            if node == _A_ID:
                link_depth -= 1
            elif parts and node not in _INLINE_IDS:
                flush()
            continue
        if node is not container:
            following = node.next
            if following is not None:
                push(following)
        tag_id = node.tag_id
        if tag_id == _TEXT_ID:
            text = node.text_content
            # Whitespace between elements would be dropped at the start of a line anyway; left out of
            # ``parts`` it does not make the next block boundary flush an empty line.
            if text and (parts or not text.isspace()):
                parts.append(text)
                if link_depth:
                    lines.link_chars += len("".join(text.split()))
            continue
        if tag_id == _BR_ID:
            if parts:
                flush()
            continue
        if tag_id in _SKIP_IDS or tag_id <= _LAST_SPECIAL_ID or (
            node is not container and _skip(node, tag_id, below)
        ):
            continue
        if tag_id == _A_ID:
            link_depth += 1
        elif parts and tag_id not in _INLINE_IDS:
            flush()
        push(tag_id)
        first = node.first_child
        if first is not None:
            push(first)
    if parts:
        flush()
    return lines.done


def _is_prose(text: str) -> bool:
    """A sentence, not a label: bylines and breadcrumbs are long but carry no ，。！？."""
    return len(text) >= 10 and PUNCT_RE.search(text) is not None and not _CRUMB_RE.match(text)


def _is_stop_heading(text: str) -> bool:
    if text.isascii():  # every stop heading is Chinese: ASCII lines cannot match
        return False
    if _LONG_KEY_RE.search(text):
        return False
    key = HEADING_STRIP_RE.sub("", text)
    return key in STOP_HEADINGS or (len(key) <= 8 and key.rstrip("更多") in STOP_HEADINGS)


def _is_byline(text: str, title: str | None) -> bool:
    squeezed = "".join(text.split())
    if title and squeezed == "".join(title.split()):
        return True
    if _CRUMB_RE.match(text):
        return True
    if len(text) <= 100 and find_datetime(text) and not text.endswith(("。", "！", "？")):
        return True
    return len(text) <= _BOILER_LINE_MAX and is_boiler_line(text)


def filter_lines(lines: list[tuple[str, float]], title: str | None) -> list[str]:
    """Article paragraphs from rendered lines: furniture dropped, cut at the first trailing list."""
    out: list[str] = []
    seen_prose = False
    for text, link_share in lines:
        stop_heading = _is_stop_heading(text)  # once per line: it is tested twice below
        if seen_prose and (stop_heading or END_LINE_RE.match(text)):
            break
        if not seen_prose and _is_byline(text, title):
            continue
        if link_share >= 0.6 and not (seen_prose and len(text) >= 40 and link_share < 0.9):
            continue
        if len(text) <= _BOILER_LINE_MAX and is_boiler_line(text):
            continue
        if stop_heading:
            continue
        out.append(text)
        seen_prose = seen_prose or _is_prose(text)
    return out
