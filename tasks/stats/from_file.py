"""Statistics of one loose file (HTML page or plain text), for `crimetrend extract`."""

from __future__ import annotations

import logging

from tasks.article.parse import extract_article
from tasks.crawl.decode import decode_html
from tasks.stats.contract import valid_mentions
from tasks.stats.extract import explain_stats, extract_stats

log = logging.getLogger(__name__)

_HTML_HINTS = ("<html", "<body", "<p>", "<p ", "<div", "<!doctype")


def looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return any(hint in head for hint in _HTML_HINTS)


def read_file_article(data: bytes, published: str | None = None) -> tuple[str, str, str | None]:
    """(title, body, published) of one file. HTML: the article's title, body and publish time (`published`
    when the page has none); text: first line as title, the rest as body."""
    text, _ = decode_html(data)
    if looks_like_html(text):
        article = extract_article(text)
        return article.get("title") or "", article.get("body") or "", published or article.get("published")
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    title, body = (lines[0], "\n".join(lines[1:])) if len(lines) > 1 else ("", "\n".join(lines))
    return title, body, published


def stats_of_file(data: bytes, published: str | None = None, region: str | None = None) -> list[dict]:
    """The statistics of one file that satisfy the data contract, as they would land."""
    title, body, published = read_file_article(data, published)
    return valid_mentions(extract_stats(title, body, published, region))


def explained_stats_of_file(data: bytes, published: str | None = None,
                            region: str | None = None) -> list[tuple[dict, dict]]:
    """(row, explanation) for the same rows as stats_of_file: the words that set each one's period, place,
    category, measure and metric (see tasks.stats.extract.explain_stats)."""
    title, body, published = read_file_article(data, published)
    try:
        pairs = explain_stats(title, body, published, region)
    except Exception:  # noqa: BLE001 - as extract_stats: a failure yields no rows
        log.warning("explain_stats failed on %r", title[:60], exc_info=True)
        return []
    kept = valid_mentions([row for row, _ in pairs])
    # valid_mentions keeps an order-preserving subsequence; walk both to pair each kept row with its explanation
    out, i = [], 0
    for row, why in pairs:
        if i < len(kept) and row == kept[i]:
            out.append((kept[i], why))
            i += 1
    return out
