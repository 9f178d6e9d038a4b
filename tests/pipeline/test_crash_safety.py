"""SIGKILL at three points of a run (after a fetch, inside a landing transaction, inside the build), then a
re-run: the DB opens, nothing is duplicated or lost, and the final tables equal those of an uninterrupted run.
Also a run killed from outside mid-crawl, then re-run."""

from __future__ import annotations

import time

import duckdb
import pytest

from tests.portal_helpers import article_requests, cli, cli_popen, cli_until_killed, kill_group, site_files

pytestmark = pytest.mark.slow

# Columns that do not depend on when a page was fetched.
QUERIES = {
    "articles": "SELECT * EXCLUDE (first_seen_at, updated_at) FROM articles ORDER BY article_id",
    "raw_pages": "SELECT url, sha1, page_kind, status FROM raw_pages ORDER BY url, sha1",
    "crime_stat_mentions": "SELECT * FROM crime_stat_mentions ORDER BY ALL",
    "fct_crime_stat": "SELECT * EXCLUDE (first_reported_at) FROM fct_crime_stat ORDER BY ALL",
    "fct_crime_trend": "SELECT * FROM fct_crime_trend ORDER BY ALL",
}


def _tables(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: con.execute(q).fetchall() for name, q in QUERIES.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def portal_run(module_portal, tmp_path_factory):
    server = module_portal(seed=13, n_articles=600)
    folder = tmp_path_factory.mktemp("crash")
    sites = site_files(server.port, folder)
    args = ["--site", sites[0], "--site", sites[1], "--report-dir", str(folder / "reports")]
    reference = folder / "reference.duckdb"
    done = cli("run", *args, "--db", str(reference))
    assert done.returncode == 0, done.stderr
    return {"args": args, "reference": _tables(reference), "folder": folder}


@pytest.mark.parametrize("point", ["after-fetch:2", "land-before-commit:2", "build-before-commit:1"])
def test_kill_then_rerun_gives_the_uninterrupted_tables(portal_run, point):
    db = portal_run["folder"] / f"killed-{point.split(':')[0]}.duckdb"
    status = cli_until_killed("run", *portal_run["args"], "--db", str(db), env={"CRIMETREND_FAILPOINT": point})
    assert status == -9, f"the run was not killed at {point} (exit {status})"
    again = cli("run", *portal_run["args"], "--db", str(db))
    assert again.returncode == 0, again.stderr
    tables = _tables(db)
    for name, rows in portal_run["reference"].items():
        assert tables[name] == rows, f"{name} differs after a kill at {point}"


def test_sigkill_mid_run_then_rerun_loses_nothing_and_duplicates_nothing(tmp_path, portal):
    server = portal(seed=5, n_articles=400)
    sites = site_files(server.port, tmp_path)
    db = tmp_path / "kill.duckdb"
    run = ["run", "--site", sites[0], "--site", sites[1], "--db", str(db), "--report-dir", str(tmp_path)]
    proc = cli_popen(*run)
    try:
        deadline = time.monotonic() + 240
        while article_requests(server) < 120 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read()[-500:]
    finally:
        kill_group(proc)
    done = cli(*run)
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(db), read_only=True)
    urls = [u for (u,) in con.execute("SELECT url FROM articles").fetchall()]
    raw_dupes = con.execute("SELECT count(*) FROM (SELECT url, sha1 FROM raw_pages GROUP BY ALL "
                            "HAVING count(*) > 1)").fetchone()[0]
    con.close()
    assert len(urls) == len(set(urls)) and raw_dupes == 0
    assert set(urls) == {t["url"] for t in server.portal.truth_articles()}
