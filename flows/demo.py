"""`crimetrend demo`: the sample portal on loopback, the whole pipeline against it, a summary."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

DEMO_SITES = ("sites/demo.yaml", "sites/demo-guanzhu.yaml")
DEMO_PORT = 8765


def demo_site_files(port: int, folder: Path) -> list[str]:
    """The demo profiles, pointed at `port` when it is not the one they name."""
    repo = Path(__file__).resolve().parent.parent
    files = []
    for rel in DEMO_SITES:
        path = repo / rel
        if port != DEMO_PORT:
            text = path.read_text(encoding="utf-8").replace(f"127.0.0.1:{DEMO_PORT}", f"127.0.0.1:{port}")
            path = folder / path.name
            path.write_text(text, encoding="utf-8")
        files.append(str(path))
    return files


def run_demo(db: Path, port: int, n_articles: int, echo: Callable[[str], None] = print) -> list[dict]:
    from flows.ingest import pipeline
    from flows.tables import print_table
    from sampleportal.generator import Portal
    from sampleportal.server import start_portal
    from tasks.pipeline.summary import summary_line
    from tasks.store.db import connect

    portal = Portal(seed=7, n_articles=n_articles)
    server = start_portal(portal, host="127.0.0.1", port=port)
    echo(f"sample portal: {n_articles} articles at {server.base_url}/dongguan/ and {server.base_url}/news/")
    try:
        from flows.progress import progress_bar
        from flows.settings import without_heartbeats

        with tempfile.TemporaryDirectory() as tmp, progress_bar(), without_heartbeats():
            results = pipeline(demo_site_files(server.port, Path(tmp)), db=str(db))
    finally:
        server.stop()
    for r in results:
        echo(summary_line(r))
    echo(f"database: {db}")
    con = connect(db, read_only=True)
    try:
        rel = con.sql("""SELECT site, count(*) AS articles, count(DISTINCT cluster_id) AS clusters,
                                min(published_at)::DATE AS first, max(published_at)::DATE AS last
                         FROM articles GROUP BY site ORDER BY site""")
        print_table(rel.columns, rel.fetchall(), title="articles by site")
        rel = con.sql("""SELECT jurisdiction, category, subcategory, measure, period_start, period_end, "count",
                                yoy_pct, pop_pct, count_prev_year_derived, conflict, n_articles
                         FROM fct_crime_trend ORDER BY n_articles DESC, period_start DESC, jurisdiction, category
                         LIMIT 15""")
        print_table(rel.columns, rel.fetchall(), title="fct_crime_trend: most reported points")
    finally:
        con.close()
    echo(f"trend report: {Path('reports/report.html').resolve()}")
    return results
