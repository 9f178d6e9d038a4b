"""Listing pages: article links and the next listing page (pure functions over decoded HTML)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from tasks.crawl.urls import absolute_url, canonicalize_url, host_allowed

# Used only when the profile names no next-page selector: the link texts portals put on pagination.
NEXT_TEXTS = ("下一页", "下页", "后一页", "next", "next page", "›", "»", ">")


@dataclass
class ListingLinks:
    articles: list[str] = field(default_factory=list)   # canonical, in page order, de-duplicated
    next_page: str | None = None
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (url, reason) for article-like links out of scope


def _base_href(tree: LexborHTMLParser, page_url: str) -> str:
    base = tree.css_first("base[href]")
    href = base.attributes.get("href") if base else None
    return absolute_url(page_url, href) or page_url if href else page_url


def parse_listing(html: str, page_url: str, article_pattern: re.Pattern[str], allowed_domains: list[str],
                  next_selector: str | None = None) -> ListingLinks:
    tree = LexborHTMLParser(html)
    base = _base_href(tree, page_url)
    out = ListingLinks()
    seen: set[str] = set()
    for a in tree.css("a[href]"):
        url = absolute_url(base, a.attributes.get("href") or "")
        if url is None:
            continue
        canon = canonicalize_url(url)
        if not article_pattern.search(canon) or canon in seen:
            continue
        seen.add(canon)
        if host_allowed(canon, allowed_domains):
            out.articles.append(canon)
        else:
            out.skipped.append((canon, "outside_allowed_domains"))
    out.next_page = _next_page(tree, base, next_selector)
    if out.next_page and canonicalize_url(out.next_page) == canonicalize_url(page_url):
        out.next_page = None
    return out


def _next_page(tree: LexborHTMLParser, base: str, selector: str | None) -> str | None:
    if selector:
        try:
            node = tree.css_first(selector)
        except Exception:  # an invalid selector in a profile must not crash the crawl
            node = None
        href = None
        if node is not None:
            href = node.attributes.get("href")
            if href is None:
                inner = node.css_first("a[href]")
                href = inner.attributes.get("href") if inner else None
        return absolute_url(base, href) if href else None
    link = tree.css_first("link[rel=next][href], a[rel=next][href]")
    if link is not None:
        return absolute_url(base, link.attributes.get("href") or "")
    for a in tree.css("a[href]"):
        if (a.text(strip=True) or "").lower() in NEXT_TEXTS:
            return absolute_url(base, a.attributes.get("href") or "")
    return None
