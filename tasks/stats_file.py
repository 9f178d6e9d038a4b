"""Statistics of one loose file (HTML page or plain text), for `crimetrend extract`."""

from __future__ import annotations

from tasks.decode import decode_html
from tasks.extract import extract_stats
from tasks.mentions import valid_mentions
from tasks.parse import extract_article

_HTML_HINTS = ("<html", "<body", "<p>", "<p ", "<div", "<!doctype")


def looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return any(hint in head for hint in _HTML_HINTS)


def stats_of_file(data: bytes, published: str | None = None, region: str | None = None) -> list[dict]:
    """HTML: the article's title, body and publish time; text: first line as title, the rest as body."""
    text, _ = decode_html(data)
    if looks_like_html(text):
        article = extract_article(text)
        title, body = article.get("title") or "", article.get("body") or ""
        published = published or article.get("published")
    else:
        lines = [line.strip() for line in text.splitlines()]
        lines = [line for line in lines if line]
        title, body = (lines[0], "\n".join(lines[1:])) if len(lines) > 1 else ("", "\n".join(lines))
    return valid_mentions(extract_stats(title, body, published, region))
