"""The whole ingest pipeline as a Prefect flow over real HTTP against the sample portal (300 articles)."""

from __future__ import annotations

import duckdb
import pytest

from flows.ingest import pipeline
from sampleportal.generator import Portal
from sampleportal.server import start_portal
from tests.portal_helpers import article_requests, site_files
from tests.scoring import char_f1, pairwise_precision_recall

BOILERPLATE_MARKERS = ("新闻推荐", "相关阅读", "猜你喜欢", "热点排行", "频道推荐", "推荐阅读", "版权所有", "分享到",
                       "责任编辑", "字号")
DATA_TABLES = ("raw_pages", "articles", "article_minhash", "article_bands")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    portal = Portal(seed=11, n_articles=300)
    server = start_portal(portal, host="127.0.0.1", port=0)
    folder = tmp_path_factory.mktemp("e2e")
    db = folder / "e2e.duckdb"
    sites = site_files(server.port, folder)
    first = pipeline(sites, db=str(db), report_dir=str(folder / "reports"))
    requests_first = len(server.request_log)
    yield {"portal": portal, "server": server, "db": db, "sites": sites, "first": first,
           "requests_first": requests_first}
    server.stop()


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_article_lands_once(crawled):
    truth = {t["url"] for t in crawled["portal"].truth_articles()}
    landed = [u for (u,) in _rows(crawled["db"], "SELECT url FROM articles")]
    assert len(landed) == len(set(landed))
    assert set(landed) == truth


def test_fields_match_truth(crawled):
    truth = {t["url"]: t for t in crawled["portal"].truth_articles()}
    rows = _rows(crawled["db"], """SELECT url, title, strftime(timezone('Asia/Shanghai', published_at),
                 '%Y-%m-%dT%H:%M:%S+08:00'), body, source FROM articles""")
    title_ok = sum(1 for url, title, *_ in rows if title == truth[url]["title"])
    time_ok = sum(1 for url, _, published, *_ in rows if published == truth[url]["published"])
    f1s = [char_f1(body, truth[url]["body"]) for url, _, _, body, _ in rows]
    n = len(rows)
    assert title_ok / n >= 0.99, f"title exact {title_ok}/{n}"
    assert time_ok / n >= 0.99, f"published exact {time_ok}/{n}"
    assert sum(f1s) / n >= 0.98, f"mean body char-F1 {sum(f1s) / n:.4f}"


def test_no_boilerplate_line_in_any_body(crawled):
    truth = {t["url"]: set(t["body"].split("\n")) for t in crawled["portal"].truth_articles()}
    offending = []
    for url, body in _rows(crawled["db"], "SELECT url, body FROM articles"):
        for line in body.split("\n"):
            if line not in truth[url] and any(m in line for m in BOILERPLATE_MARKERS):
                offending.append((url, line))
    assert not offending, offending[:5]


def test_copies_share_clusters(crawled):
    truth = {t["url"]: t["story_id"] for t in crawled["portal"].truth_articles()}
    clusters = dict(_rows(crawled["db"], "SELECT url, cluster_id FROM articles"))
    precision, recall = pairwise_precision_recall(clusters, truth)
    assert precision >= 0.99 and recall >= 0.95, (precision, recall)


def test_rerun_on_unchanged_portal_fetches_no_article_and_changes_nothing(crawled):
    db, server = crawled["db"], crawled["server"]
    counts = {t: _rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in DATA_TABLES}
    before = len(server.request_log)
    articles_before = article_requests(server)
    second = pipeline(crawled["sites"], db=str(db), report_dir=None)
    assert sum(r["new_articles"] + r["updated_articles"] for r in second) == 0
    assert all(r["article_pages_fetched"] == 0 for r in second)
    new_requests = server.request_log[before:]
    fetched_articles = [p for m, p, s in new_requests if s == 200 and p.endswith((".html", ".htm"))
                        and "/index" not in p and "/list_" not in p]
    assert fetched_articles == []
    assert article_requests(server) - articles_before == 0
    assert {t: _rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in DATA_TABLES} == counts
    assert len(new_requests) <= 0.05 * crawled["requests_first"]


def test_run_summary_artifact_recorded(crawled):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["run-summary-demo-dongguan"])))
    assert artifacts, "no run-summary artifact for demo-dongguan"
    assert "new articles" in artifacts[0].data
    with get_client(sync_client=True) as client:
        stats = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["new-statistics"])))
        links = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["trend-report"])))
    assert any(a.type == "table" and "jurisdiction" in str(a.data) for a in stats)  # the first run landed some
    assert links and all("report.html" in str(a.data) for a in links)
    with get_client(sync_client=True) as client:
        progress = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["crawl-progress-demo-guanzhu"])))
    assert progress and all(a.type == "progress" and float(a.data) == 100.0 for a in progress)


def test_report_written_with_charts(crawled):
    folder = crawled["db"].parent / "reports"
    page = (folder / "report.html").read_text(encoding="utf-8")
    charts = sorted(folder.glob("trend-*.png"))
    assert charts and all(c.stat().st_size > 5000 for c in charts)
    assert all(c.name in page for c in charts)
    assert "东莞市" in page and (folder / "report.md").exists()


def test_reprocess_from_archive_gives_the_same_tables(crawled, tmp_path):
    import shutil

    from flows.reprocess import reprocess_flow

    copy = tmp_path / "copy.duckdb"
    shutil.copy(crawled["db"], copy)
    queries = {
        "articles": "SELECT * FROM articles ORDER BY article_id",
        "crime_stat_mentions": "SELECT * FROM crime_stat_mentions ORDER BY ALL",
        "fct_crime_stat": "SELECT * FROM fct_crime_stat ORDER BY ALL",
    }
    before = {name: _rows(copy, q) for name, q in queries.items()}
    assert before["crime_stat_mentions"] and before["fct_crime_stat"]
    result = reprocess_flow(db=str(copy), sites_dir=str(tmp_path / "no-profiles-here"))
    assert result["articles"] == len(before["articles"])
    for name, query in queries.items():
        assert _rows(copy, query) == before[name], name
