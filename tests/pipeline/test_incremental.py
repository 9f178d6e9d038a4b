"""Incremental runs on the sample portal: an unchanged portal costs almost nothing; new articles are exactly
what is fetched; two runs at once on one DB file both finish with the row counts of one run."""

from __future__ import annotations

import duckdb
import pytest

from tasks.pipeline.site_run import run_site
from tasks.profile import load_site
from tasks.store.db import connect
from tests.portal_helpers import cli, cli_popen, site_files

TABLES = ("raw_pages", "articles", "crime_stat_mentions", "article_bands")


def _crawl(sites, db, run_id):
    con = connect(db)
    try:
        return [run_site(load_site(s), con, f"{run_id}-{i}") for i, s in enumerate(sites)]
    finally:
        con.close()


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
    finally:
        con.close()


@pytest.mark.slow
def test_second_run_is_cheap_and_new_articles_are_exactly_fetched(tmp_path, portal):
    server = portal(seed=21, n_articles=1000)
    sites = site_files(server.port, tmp_path)
    db = tmp_path / "inc.duckdb"
    _crawl(sites, db, "first")
    first_requests = len(server.request_log)
    counts = _counts(db)
    assert counts["articles"] == 1000

    mark = len(server.request_log)
    _crawl(sites, db, "second")
    second = server.request_log[mark:]
    assert len(second) <= 0.05 * first_requests, (len(second), first_requests)
    assert _counts(db) == counts

    before = {t["url"] for t in server.portal.truth_articles()}
    server.portal.add_articles(20)
    new_urls = {t["url"] for t in server.portal.truth_articles()} - before
    assert len(new_urls) == 20
    mark = len(server.request_log)
    _crawl(sites, db, "third")
    article_paths = {p for m, p, s in server.request_log[mark:] if s == 200
                     and p.endswith((".html", ".htm")) and "/index" not in p and "/list_" not in p}
    assert {server.base_url + p for p in article_paths} == new_urls
    con = duckdb.connect(str(db), read_only=True)
    landed = {u for (u,) in con.execute("SELECT url FROM articles").fetchall()}
    con.close()
    assert landed == before | new_urls


@pytest.mark.slow
def test_two_runs_at_once_both_finish_with_single_run_counts(tmp_path, portal):
    server = portal(seed=22, n_articles=300)
    sites = site_files(server.port, tmp_path)
    single = tmp_path / "single.duckdb"
    _crawl(sites, single, "single")
    shared = tmp_path / "shared.duckdb"
    args = ["run", "--site", sites[0], "--site", sites[1], "--db", str(shared), "--report-dir", str(tmp_path)]
    first = cli_popen(*args)
    second = cli(*args)
    first.wait(timeout=600)
    assert first.returncode == 0, first.stderr.read()
    assert second.returncode == 0, second.stderr
    assert _counts(shared) == _counts(single)


def _builds(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM warehouse_builds").fetchall()[0][0]
    finally:
        con.close()


@pytest.mark.slow
def test_unchanged_portal_skips_the_rebuild_and_a_change_rebuilds(tmp_path, portal):
    """A scheduled run that lands nothing leaves the warehouse as it is; one new article rebuilds it, and so
    does a run after a landing whose build never committed."""
    from flows.ingest import pipeline
    from tasks.store.build import is_current

    server = portal(seed=23, n_articles=120)
    sites = site_files(server.port, tmp_path)
    db = tmp_path / "skip.duckdb"
    pipeline(sites, db=str(db), report_dir=str(tmp_path / "r"))
    assert _builds(db) == 1
    pipeline(sites, db=str(db), report_dir=str(tmp_path / "r"))
    assert _builds(db) == 1  # nothing landed: no rebuild, no new report

    server.portal.add_articles(1)
    pipeline(sites, db=str(db), report_dir=str(tmp_path / "r"))
    assert _builds(db) == 2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM stg_articles").fetchall()[0][0] == 121
    con.close()

    server.portal.add_articles(1)
    _crawl(sites, db, "landed-but-not-built")  # like a run killed before its build
    con = connect(db)
    assert not is_current(con)
    con.close()
    pipeline(sites, db=str(db), report_dir=str(tmp_path / "r"))
    assert _builds(db) == 3


def test_backfill_since_lands_every_newer_article_and_stops_walking(tmp_path, portal):
    """`--since`: every article published on or after the date lands, and the walk stops soon after the
    listings pass it (batches are fetched ahead while the previous one lands, so at most a couple of
    batches of older articles come along)."""
    from datetime import date

    server = portal(seed=31, n_articles=600)
    site = load_site(site_files(server.port, tmp_path)[0])
    truth = [a for a in server.portal.truth_articles() if a["site"] == site.name]
    since = date.fromisoformat(sorted(a["published"] for a in truth)[len(truth) // 2][:10])
    newer = {a["url"] for a in truth if a["published"][:10] >= since.isoformat()}
    con = connect(tmp_path / "since.duckdb")
    try:
        run_site(site, con, "backfill", since=since, batch_size=40)
        landed = {u for (u,) in con.execute("SELECT url FROM articles").fetchall()}
    finally:
        con.close()
    assert newer <= landed, len(newer - landed)
    assert len(landed) <= len(newer) + 3 * 40 + 20, (len(landed), len(newer), len(truth))
    assert len(landed) < len(truth)
