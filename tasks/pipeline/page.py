"""From fetched bytes to landable records: decode once, parse once, sign for dedup (pure, batchable)."""

from __future__ import annotations

from tasks.article.parse import extract_article
from tasks.crawl.decode import decode_html, same_utf8_bytes
from tasks.crawl.urls import absolute_url, canonicalize_url
from tasks.dedup.minhash import signature
from tasks.records import ParsedArticle, RawPage, article_id_for
from tasks.stats.contract import valid_mentions
from tasks.stats.extract import extract_stats


def _canonical_link(html: str, url: str) -> str:
    # rel=canonical is read with a tiny scan instead of a second DOM parse.
    lower = html[:20000].lower()
    at = lower.find('rel="canonical"')
    if at < 0:
        at = lower.find("rel='canonical'")
    if at < 0:
        return url
    start = lower.rfind("<link", 0, at)
    end = lower.find(">", at)
    if start < 0 or end < 0:
        return url
    tag = html[start:end]
    for quote in ('"', "'"):
        key = f"href={quote}"
        i = tag.lower().find(key)
        if i >= 0:
            j = tag.find(quote, i + len(key))
            link = absolute_url(url, tag[i + len(key):j]) if j > 0 else None
            return canonicalize_url(link) if link else url
    return url


def parse_article_page(raw: RawPage, selectors: dict | None, forced_encoding: str | None,
                       region: str | None = None) -> tuple[str | None, ParsedArticle | None, str | None]:
    """(encoding, article, error). error names why a fetched page gave no article."""
    try:
        html, encoding = decode_html(raw.body, raw.content_type, forced_encoding)
    except Exception as exc:  # decode_html should not raise; an unexpected one must not stop the batch
        return None, None, f"decode_error: {type(exc).__name__}"
    try:
        fields = extract_article(html, url=raw.final_url, selectors=selectors,
                                 utf8=same_utf8_bytes(raw.body, html, encoding))
    except Exception as exc:
        return encoding, None, f"parse_error: {type(exc).__name__}"
    body = (fields.get("body") or "").strip()
    if not body:
        return encoding, None, "empty_body"
    article = ParsedArticle(
        article_id=article_id_for(raw.url), site=raw.site, url=raw.url,
        canonical_url=_canonical_link(html, raw.url), title=fields.get("title"),
        published_at=fields.get("published"), source=fields.get("source"), author=fields.get("author"),
        breadcrumb=fields.get("breadcrumb"), body=body, raw_sha1=raw.sha1, etag=raw.etag,
        last_modified=raw.last_modified, fetched_at=raw.fetched_at,
        signature=signature(article_id_for(raw.url), body),
    )
    try:
        article.mentions = valid_mentions(extract_stats(article.title or "", body, article.published_at, region))
    except Exception:  # extract_stats must not raise; should it, the article still lands without statistics
        article.mentions = []
    return encoding, article, None
