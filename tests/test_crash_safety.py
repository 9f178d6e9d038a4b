"""SIGKILL at three points of a run (after a fetch, inside a landing transaction, inside the build), then a
re-run: the DB opens, nothing is duplicated or lost, and the final tables equal those of an uninterrupted run."""

from __future__ import annotations

import duckdb
import pytest

from sampleportal.generator import Portal
from sampleportal.server import start_portal
from tests.portal_helpers import cli, cli_until_killed, site_files

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
def portal_run(tmp_path_factory):
    portal = Portal(seed=13, n_articles=600)
    server = start_portal(portal, host="127.0.0.1", port=0)
    folder = tmp_path_factory.mktemp("crash")
    sites = site_files(server.port, folder)
    args = ["--site", sites[0], "--site", sites[1], "--report-dir", str(folder / "reports")]
    reference = folder / "reference.duckdb"
    done = cli("run", *args, "--db", str(reference))
    assert done.returncode == 0, done.stderr
    yield {"args": args, "reference": _tables(reference), "folder": folder}
    server.stop()


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
