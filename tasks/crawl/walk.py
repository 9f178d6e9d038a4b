"""Walk a site's listing pages and fetch its articles, in batches (no Prefect here; flows call it)."""

from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from tasks.crawl.decode import decode_html
from tasks.crawl.fetch import Fetcher, FetchResult
from tasks.crawl.listing import parse_listing
from tasks.crawl.urls import canonicalize_url
from tasks.profile import SiteProfile
from tasks.records import CrawlFailure, RawPage
from tasks.settings import REVALIDATE_DAYS


@dataclass
class KnownArticle:
    etag: str | None
    last_modified: str | None
    published_at: datetime | None


@dataclass
class CrawlBatch:
    listing_pages: list[RawPage] = field(default_factory=list)
    article_pages: list[RawPage] = field(default_factory=list)
    failures: list[CrawlFailure] = field(default_factory=list)
    not_modified: int = 0
    skipped_known: int = 0
    requests: int = 0


def to_raw(result: FetchResult, site: str, kind: str, encoding: str | None = None) -> RawPage:
    assert result.body is not None
    return RawPage(url=result.url, final_url=result.final_url, site=site, page_kind=kind, status=result.status,
                   fetched_at=result.fetched_at, content_type=result.content_type, encoding=encoding,
                   etag=result.etag, last_modified=result.last_modified, sha1=result.sha1 or "",
                   body=result.body)


class SiteCrawl:
    """State of one site's crawl: the listing chains still to walk and the articles to fetch."""

    def __init__(self, site: SiteProfile, fetcher: Fetcher, known: dict[str, KnownArticle],
                 max_pages: int | None = None, since: date | None = None,
                 known_listings: dict[str, tuple[str | None, str | None]] | None = None,
                 complete_chains: set[str] | None = None):
        self.site = site
        self.fetcher = fetcher
        if fetcher.allowed_ports is None:  # links and redirects to other ports of an allowed host stay out
            fetcher.limit_ports(site.start_urls)
        self.known = known
        self.known_listings = known_listings or {}
        self.max_pages = max_pages or site.listing.max_pages
        self.since = since
        self.pool = ThreadPoolExecutor(max_workers=site.politeness.concurrency, thread_name_prefix="fetch")
        # (listing URL, page number, start URL of its chain)
        self.chains: deque[tuple[str, int, str]] = deque(
            (canonicalize_url(u), 1, canonicalize_url(u)) for u in site.start_urls)
        self.complete_before = complete_chains or set()
        self.completed: set[str] = set()
        self.seen_listings: set[str] = set()
        self.seen_articles: set[str] = set()
        self.listing_pages_fetched = 0
        self.start_failures: list[CrawlFailure] = []
        self.start_ok = 0
        self._stop_walking = False

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        self.fetcher.close()

    def next_batch(self, batch_size: int) -> CrawlBatch | None:
        """Walk listing pages until `batch_size` articles are due, fetch them; None when the crawl is over."""
        if self._stop_walking:
            self.chains.clear()
        if not self.chains:
            return None
        batch = CrawlBatch()
        todo: list[str] = []
        while self.chains and len(todo) < batch_size and not self._stop_walking:
            todo.extend(self._walk_one_listing(batch))
        self._fetch_articles(todo, batch)
        return batch

    def _revalidate(self, url: str) -> bool:
        info = self.known[url]
        if info.published_at is None:
            return False
        return info.published_at >= datetime.now(UTC) - timedelta(days=REVALIDATE_DAYS)

    def _walk_one_listing(self, batch: CrawlBatch) -> list[str]:
        url, page_no, start = self.chains.popleft()
        if url in self.seen_listings or page_no > self.max_pages:
            self.completed.add(start)
            return []
        self.seen_listings.add(url)
        etag, last_modified = self.known_listings.get(url, (None, None))
        before = self.fetcher.requests_made
        result = self.fetcher.fetch(url, etag=etag, last_modified=last_modified)
        batch.requests += self.fetcher.requests_made - before
        self.listing_pages_fetched += 1
        if result.error:
            failure = CrawlFailure(url, "listing", result.status or None, result.error)
            batch.failures.append(failure)
            if page_no == 1:
                self.start_failures.append(failure)
            return []
        if page_no == 1:
            self.start_ok += 1
        if result.not_modified and start in self.complete_before:
            batch.not_modified += 1
            self.completed.add(start)
            return []  # an unchanged listing page lists nothing new: this chain is done
        if result.not_modified:  # the archive has the page; walk on from it
            result = self.fetcher.fetch(url)
            batch.requests += 1
            if result.error or result.body is None:
                batch.failures.append(CrawlFailure(url, "listing", result.status or None, result.error or "empty"))
                return []
        html, encoding = decode_html(result.body or b"", result.content_type, self.site.encoding)
        batch.listing_pages.append(to_raw(result, self.site.name, "listing", encoding))
        links = parse_listing(html, result.final_url, self.site.article_regex, self.site.allowed_domains,
                              self.site.listing.next_page)
        for skipped, reason in links.skipped:
            batch.failures.append(CrawlFailure(skipped, "article", None, reason))
        fresh = [u for u in links.articles if u not in self.seen_articles]
        self.seen_articles.update(fresh)
        new = [u for u in fresh if u not in self.known]
        recheck = [u for u in fresh if u in self.known and self._revalidate(u)]
        batch.skipped_known += len(fresh) - len(new) - len(recheck)
        incremental_stop = (self.since is None and start in self.complete_before and bool(links.articles)
                            and not new)
        if links.next_page and not incremental_stop and page_no < self.max_pages:
            self.chains.append((canonicalize_url(links.next_page), page_no + 1, start))
        else:
            self.completed.add(start)
        return new + recheck

    def _fetch_one(self, url: str) -> FetchResult:
        info = self.known.get(url)
        if info is None:
            return self.fetcher.fetch(url)
        return self.fetcher.fetch(url, etag=info.etag, last_modified=info.last_modified)

    def _fetch_articles(self, urls: list[str], batch: CrawlBatch) -> None:
        before = self.fetcher.requests_made
        for result in self.pool.map(self._fetch_one, urls):
            if result.error:
                batch.failures.append(CrawlFailure(result.url, "article", result.status or None, result.error))
            elif result.not_modified:
                batch.not_modified += 1
            else:
                batch.article_pages.append(to_raw(result, self.site.name, "article"))
        batch.requests += self.fetcher.requests_made - before

    def stop_if_older(self, newest_published: str | None) -> None:
        """Backfill: once a whole batch was published before `since`, walk no further. Called from the
        thread that lands batches while the next batch may be fetching: only a flag is set here, and the
        fetching thread drops the chains at its next step."""
        if self.since and newest_published and newest_published[:10] < self.since.isoformat():
            self._stop_walking = True

    def stop(self) -> None:
        """Walk no further (the batch being fetched ends after its current listing page)."""
        self._stop_walking = True
