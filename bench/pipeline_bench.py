"""Parse throughput vs bare selectolax, and the whole pipeline with vs without Prefect, measured in one run.

    .venv/bin/python bench/pipeline_bench.py [--articles 2000] [--parse-pages 1000]

Prints figures and ratios; nothing outside 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from sampleportal.generator import Portal  # noqa: E402
from tasks.process import RawPage, parse_article_page  # noqa: E402


def portal_pages(n: int) -> list[tuple[bytes, str, str | None, dict | None]]:
    from tasks.config import load_site

    profiles = {s.name: s for s in (load_site(REPO / "sites/demo.yaml"), load_site(REPO / "sites/demo-guanzhu.yaml"))}
    portal = Portal(seed=3, n_articles=n)
    pages = []
    for truth in portal.truth_articles():
        path = truth["url"].split("://", 1)[1].split("/", 1)[1]
        status, headers, body = portal.response("/" + path, {})
        site = profiles[truth["site"]]
        pages.append((body, truth["url"], headers.get("Content-Type"), site.selectors))
    return pages


def bench_parse(pages, label: str) -> None:
    t0 = time.perf_counter()
    for body, *_ in pages:
        LexborHTMLParser(body).body.text()
    bare = len(pages) / (time.perf_counter() - t0)
    now = datetime.now(UTC)
    t0 = time.perf_counter()
    for body, url, ctype, selectors in pages:
        raw = RawPage(url, url, "bench", "article", 200, now, ctype, None, None, None, "", body)
        parse_article_page(raw, selectors, None)
    ours = len(pages) / (time.perf_counter() - t0)
    print(f"parse [{label}, {len(pages)} pages]: bare selectolax {bare:,.0f} pages/s; ours (decode + extract + "
          f"dedup signature) {ours:,.0f} pages/s; ratio {ours / bare:.2f}")


def bench_extract(n: int) -> None:
    """Statistics extraction on the article texts of the sample portal, against bare parsing of their pages."""
    from tasks.extract import extract_stats

    portal = Portal(seed=3, n_articles=n)
    texts = [(t["title"], t["body"], t["published"]) for t in portal.truth_articles()]
    pages = [portal.response("/" + t["url"].split("://", 1)[1].split("/", 1)[1], {})[2]
             for t in portal.truth_articles()]
    t0 = time.perf_counter()
    for body in pages:
        LexborHTMLParser(body).body.text()
    bare = len(pages) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    found = sum(len(extract_stats(title, body, published, "东莞市")) for title, body, published in texts)
    ours = len(texts) / (time.perf_counter() - t0)
    print(f"extract [{len(texts)} sample-portal articles, {found} statistics]: {ours:,.0f} articles/s on one core; "
          f"bare selectolax parse of the same pages {bare:,.0f} pages/s; ratio {ours / bare:.2f}")


def zh_gne_pages() -> list:
    folder = REPO.parent / "shared/bench/extraction/zh-gne/html"
    if not folder.is_dir():
        return []
    return [(gzip.decompress(p.read_bytes()), f"http://bench.invalid/{p.name[:-3]}", None, None)
            for p in sorted(folder.glob("*.html.gz"))]


def bench_prefect_overhead(n: int) -> None:
    from flows.demo import demo_site_files
    from flows.ingest import PREFECT_STEPS, ingest_site
    from sampleportal.server import start_portal
    from tasks.config import load_site
    from tasks.db import connect
    from tasks.site_run import run_site

    portal = Portal(seed=3, n_articles=n)
    server = start_portal(portal, host="127.0.0.1", port=0)
    with tempfile.TemporaryDirectory() as tmp:
        sites = demo_site_files(server.port, Path(tmp))
        ingest_site(sites[0], db=str(Path(tmp) / "warm.duckdb"), max_pages=1)  # server start is not overhead
        t0 = time.perf_counter()
        for site_file in sites:
            con = connect(Path(tmp) / "plain.duckdb")
            run_site(load_site(site_file), con, f"plain-{site_file}")
            con.close()
        plain = time.perf_counter() - t0
        t0 = time.perf_counter()
        for site_file in sites:
            ingest_site(site_file, db=str(Path(tmp) / "prefect.duckdb"), build_models=False)
        with_prefect = time.perf_counter() - t0
    server.stop()
    assert PREFECT_STEPS is not None
    print(f"pipeline [{n} articles, 2 sites]: functions called directly {plain:.2f} s; as Prefect flows "
          f"{with_prefect:.2f} s; ratio {with_prefect / plain:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000, help="sample portal size for the pipeline run")
    parser.add_argument("--parse-pages", type=int, default=1000, help="sample portal pages for the parse bench")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    bench_parse(portal_pages(args.parse_pages), "sample portal")
    gne = zh_gne_pages()
    if gne:
        bench_parse(gne, "zh-gne real pages, generic extractor")
    bench_extract(args.parse_pages)
    bench_prefect_overhead(args.articles)


if __name__ == "__main__":
    main()
