"""Landing: our land step vs a bare DuckDB bulk insert of the same rows from Arrow tables.

    .venv/bin/python bench/landing_bench.py [--articles 10000] [--batch 500]

The sample portal's pages are parsed beforehand (not timed). Ours lands them batch by batch the way the
pipeline does (dedup lookups against what is landed, cluster assignment, raw-page compression, one
transaction per batch). The reference then inserts exactly the rows ours wrote — read back as Arrow
tables — into a fresh database with the same schema, `INSERT INTO … SELECT * FROM arrow_table`, in as many
transactions of the same size: the floor for writing those rows with DuckDB.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, Result  # noqa: E402

TABLES = ("raw_pages", "articles", "article_minhash", "article_bands", "crime_stat_mentions")


def parsed_batches(n: int, batch: int):
    from sampleportal.generator import Portal
    from tasks.crawl.walk import CrawlBatch
    from tasks.pipeline.site_run import parse_batch
    from tasks.profile import load_site
    from tasks.records import RawPage

    sites = {s.name: s for s in (load_site(REPO / "sites/demo.yaml"), load_site(REPO / "sites/demo-guanzhu.yaml"))}
    portal = Portal(seed=5, n_articles=n)
    now = datetime.now(UTC)
    pending: dict[str, list] = {name: [] for name in sites}
    out = []
    for truth in portal.truth_articles():
        path = "/" + truth["url"].split("://", 1)[1].split("/", 1)[1]
        status, headers, body = portal.response(path, {})
        raw = RawPage(truth["url"], truth["url"], truth["site"], "article", status, now,
                      headers.get("Content-Type"), None, None, None, hashlib.sha1(body).hexdigest(), body)
        pages = pending[truth["site"]]
        pages.append(raw)
        if len(pages) == batch:
            site = sites[truth["site"]]
            out.append((site, parse_batch(site, CrawlBatch(article_pages=pages))))
            pending[truth["site"]] = []
    for name, pages in pending.items():
        if pages:
            out.append((sites[name], parse_batch(sites[name], CrawlBatch(article_pages=pages))))
    return out


def run(n: int = 10_000, batch: int = 500, rounds: int = 2) -> list[Result]:
    from tasks.pipeline.site_run import land_parsed
    from tasks.store.db import connect

    batches = parsed_batches(n, batch)
    ours_s = bare_s = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        # Best of `rounds` for each side, alternating, each into a fresh database file.
        for round_no in range(rounds):
            con = connect(Path(tmp) / f"ours-{round_no}.duckdb")
            t0 = time.perf_counter()
            for site, parsed in batches:
                land_parsed(con, site, "bench", parsed)
            ours_s = min(ours_s, time.perf_counter() - t0)
            landed = {t: con.sql(f"SELECT * FROM {t}").to_arrow_table() for t in TABLES}
            con.close()

            ref = connect(Path(tmp) / f"bare-{round_no}.duckdb")
            chunks = len(batches)
            t0 = time.perf_counter()
            for i in range(chunks):
                ref.execute("BEGIN TRANSACTION")
                for name, table in landed.items():
                    step = -(-table.num_rows // chunks)
                    part = table.slice(i * step, step)  # noqa: F841 — read by DuckDB's replacement scan
                    ref.execute(f"INSERT INTO {name} SELECT * FROM part").fetchall()
                ref.execute("COMMIT")
            bare_s = min(bare_s, time.perf_counter() - t0)
            counts = {t: ref.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
            ref.close()
    n_articles = counts["articles"]
    rows = sum(counts.values())
    note = (f"{n_articles:,} articles, {rows:,} rows in {', '.join(TABLES)}; {chunks} transactions each; best of "
            f"{rounds}; ours includes the dedup lookups and clustering")
    return [Result("landing", n_articles / ours_s, n_articles / bare_s, "articles/s", "crimetrend land step",
                   "bare Arrow bulk insert", target=0.5, note=note)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    for result in run(args.articles, args.batch):
        print(result.line())


if __name__ == "__main__":
    main()
