"""One site's run as a loop of batch steps. The steps are plain functions; a flow may wrap them as tasks."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime

import duckdb

from tasks.crawl.fetch import Fetcher
from tasks.crawl.walk import CrawlBatch, KnownArticle, SiteCrawl
from tasks.failpoints import failpoint
from tasks.pipeline.land import LandCounts, land_batch
from tasks.pipeline.page import parse_article_page
from tasks.pipeline.summary import SiteRunSummary
from tasks.profile import SiteProfile
from tasks.records import CrawlFailure, ParsedArticle, RawPage, compress
from tasks.settings import DEFAULT_BATCH_SIZE, SUMMARY_FAILURES_KEPT


class SiteRunsFailed(RuntimeError):
    """Some sites of a pipeline run failed (the others landed); the message lists each in one line."""


class StartUrlsUnreachable(RuntimeError):
    """No start URL of a site could be fetched; the message is one line with the reasons."""


@dataclass
class ParsedBatch:
    raw_pages: list[RawPage]
    articles: list[ParsedArticle]
    failures: list[CrawlFailure]


def fetch_batch(crawl: SiteCrawl, batch_size: int) -> CrawlBatch | None:
    return crawl.next_batch(batch_size)


def parse_batch(site: SiteProfile, batch: CrawlBatch) -> ParsedBatch:
    articles: list[ParsedArticle] = []
    failures = list(batch.failures)
    raws = list(batch.listing_pages)
    for raw in batch.article_pages:
        encoding, article, error = parse_article_page(raw, site.selectors, site.encoding, site.region)
        raw.encoding = encoding
        raws.append(raw)
        if article is not None:
            articles.append(article)
        else:
            failures.append(CrawlFailure(raw.url, "parse", raw.status, error or "no_article"))
    for raw in raws:  # archived compressed; done here so that the landing transaction only writes
        raw.compressed = compress(raw.body)
    return ParsedBatch(raws, articles, failures)


def land_parsed(con: duckdb.DuckDBPyConnection, site: SiteProfile, run_id: str, parsed: ParsedBatch) -> LandCounts:
    return land_batch(con, site.name, run_id, parsed.raw_pages, parsed.articles, parsed.failures)


@dataclass
class Steps:
    fetch_batch: Callable = fetch_batch
    parse_batch: Callable = parse_batch
    land: Callable = land_parsed
    # Starts fetching a batch in the background and returns a handle whose .result() is the batch (a
    # Prefect flow passes its task's .submit); None: run_site uses a thread of its own.
    submit_fetch: Callable | None = None


def load_known(con: duckdb.DuckDBPyConnection, site: str) -> tuple[dict[str, KnownArticle], dict]:
    known = {url: KnownArticle(etag, lm, pub) for url, etag, lm, pub in con.execute(
        "SELECT url, etag, last_modified, published_at FROM articles WHERE site = ?", [site]).fetchall()}
    listings = {url: (etag, lm) for url, etag, lm in con.execute(
        """SELECT url, arg_max(etag, fetched_at), arg_max(last_modified, fetched_at) FROM raw_pages
           WHERE site = ? AND page_kind = 'listing' GROUP BY url""", [site]).fetchall()}
    return known, listings


def run_site(site: SiteProfile, con: duckdb.DuckDBPyConnection, run_id: str, *, max_pages: int | None = None,
             since: date | None = None, batch_size: int = DEFAULT_BATCH_SIZE, steps: Steps | None = None,
             progress: Callable[[SiteRunSummary], None] | None = None) -> SiteRunSummary:
    """Crawl → parse → dedupe → land, batch by batch; raises StartUrlsUnreachable when no start URL answers."""
    steps = steps or Steps()
    summary = SiteRunSummary(site=site.name, run_id=run_id)
    crawl = _start_crawl(site, con, run_id, max_pages, since)
    try:
        timers = _run_batches(site, con, run_id, crawl, steps, batch_size, summary, progress)
    finally:
        crawl.close()
    summary.seconds = {k: round(v, 3) for k, v in timers.items()}
    _finish_run(con, site, run_id, crawl, summary)
    if site.start_urls and crawl.start_ok == 0 and crawl.start_failures:
        reasons = "; ".join(f"{f.url}: {f.reason}" for f in crawl.start_failures)
        raise StartUrlsUnreachable(f"site {site.name}: no start URL could be fetched ({reasons})")
    return summary


def _start_crawl(site: SiteProfile, con: duckdb.DuckDBPyConnection, run_id: str, max_pages: int | None,
                 since: date | None) -> SiteCrawl:
    """Record the run and set up its crawl from what the DB knows of the site."""
    started = datetime.now(UTC)
    con.execute("INSERT INTO runs (run_id, site, started_at, profile) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [run_id, site.name, started, site.model_dump_json()])
    known, listings = load_known(con, site.name)
    complete = {u for (u,) in con.execute(
        "SELECT start_url FROM crawl_state WHERE site = ? AND walk_complete", [site.name]).fetchall()}
    con.execute("UPDATE crawl_state SET walk_complete = false, updated_at = ? WHERE site = ?", [started, site.name])
    return SiteCrawl(site, Fetcher(site.allowed_domains, site.politeness), known, max_pages=max_pages,
                     since=since, known_listings=listings, complete_chains=complete)


def _run_batches(site: SiteProfile, con: duckdb.DuckDBPyConnection, run_id: str, crawl: SiteCrawl, steps: Steps,
                 batch_size: int, summary: SiteRunSummary,
                 progress: Callable[[SiteRunSummary], None] | None) -> dict[str, float]:
    """Every batch of the crawl through the steps, adding to ``summary``; returns the seconds per step.
    "fetch" is the time spent waiting for a batch: the next batch is fetched while this one is parsed
    and landed (network waits and parsing overlap; at most two batches are held at once)."""
    timers = {"fetch": 0.0, "parse": 0.0, "land": 0.0}
    own_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefetch") if steps.submit_fetch is None else None

    def start_fetch():
        if own_thread is not None:
            return own_thread.submit(steps.fetch_batch, crawl, batch_size)
        return steps.submit_fetch(crawl, batch_size)

    pending = start_fetch()
    try:
        while True:
            t0 = time.perf_counter()
            batch, pending = pending.result(), None
            timers["fetch"] += time.perf_counter() - t0
            if batch is None:
                return timers
            pending = start_fetch()
            failpoint("after-fetch")
            t0 = time.perf_counter()
            parsed = steps.parse_batch(site, batch)
            timers["parse"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            counts = steps.land(con, site, run_id, parsed)
            timers["land"] += time.perf_counter() - t0
            _add(summary, batch, parsed, counts)
            dates = [a.published_at for a in parsed.articles if a.published_at]
            if dates:
                crawl.stop_if_older(max(dates))
            if progress:
                progress(summary)
    finally:
        if pending is not None:  # a step failed while the next batch was fetching: let it wind up
            crawl.stop()
            try:
                pending.result()
            except Exception:  # noqa: BLE001 — the step's own error is the one that propagates
                pass
        if own_thread is not None:
            own_thread.shutdown(wait=True)


def _finish_run(con: duckdb.DuckDBPyConnection, site: SiteProfile, run_id: str, crawl: SiteCrawl,
                summary: SiteRunSummary) -> None:
    """Mark the listing chains walked to their end, count the DB's totals, close the run's row."""
    now = datetime.now(UTC)
    if crawl.completed:
        con.executemany("INSERT OR REPLACE INTO crawl_state VALUES (?, ?, true, ?)",
                        [(site.name, start, now) for start in sorted(crawl.completed)])
    summary.articles_total, summary.clusters_total = con.execute(
        "SELECT count(*), count(DISTINCT cluster_id) FROM articles").fetchall()[0]
    con.execute("UPDATE runs SET finished_at = ?, summary = ? WHERE run_id = ?",
                [datetime.now(UTC), _json(summary), run_id])


def _add(summary: SiteRunSummary, batch: CrawlBatch, parsed: ParsedBatch, counts: LandCounts) -> None:
    summary.requests += batch.requests
    summary.listing_pages += len(batch.listing_pages)
    summary.article_pages_fetched += len(batch.article_pages)
    summary.not_modified += batch.not_modified
    summary.skipped_known += batch.skipped_known
    summary.failed += len(parsed.failures)
    summary.new_articles += counts.new_articles
    summary.updated_articles += counts.updated_articles
    summary.unchanged_articles += counts.unchanged_articles
    summary.new_clusters += counts.new_clusters
    summary.new_mentions += counts.new_mentions
    for f in parsed.failures[: max(0, SUMMARY_FAILURES_KEPT - len(summary.failures))]:
        summary.failures.append({"url": f.url, "stage": f.stage, "status": f.status, "reason": f.reason})


def _json(summary: SiteRunSummary) -> str:
    import json

    data = summary.as_dict()
    data.pop("failures", None)
    return json.dumps(data, ensure_ascii=False)
