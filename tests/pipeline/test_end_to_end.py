"""The whole ingest pipeline as a Prefect flow over real HTTP against the sample portal (300 articles).

One pipeline run is shared by the module and only read; a test that writes (a re-run, a reprocess) works on
its own copy of the DB, and the Prefect artifacts are looked up by that run's ids, so every test passes alone
and in any order."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from flows.ingest import pipeline
from tests.portal_helpers import article_requests, site_files
from tests.scoring import char_f1, pairwise_precision_recall

pytestmark = pytest.mark.slow

BOILERPLATE_MARKERS = ("新闻推荐", "相关阅读", "猜你喜欢", "热点排行", "频道推荐", "推荐阅读", "版权所有", "分享到",
                       "责任编辑", "字号")
DATA_TABLES = ("raw_pages", "articles", "article_minhash", "article_bands")


@pytest.fixture(scope="module")
def crawled(module_portal, tmp_path_factory):
    server = module_portal(seed=11, n_articles=300)
    folder = tmp_path_factory.mktemp("e2e")
    db = folder / "e2e.duckdb"
    sites = site_files(server.port, folder)
    state = pipeline(sites, db=str(db), report_dir=str(folder / "reports"), return_state=True)
    state.result()  # raises what failed the run
    return {"portal": server.portal, "server": server, "db": db, "sites": sites,
            "flow_run_id": state.state_details.flow_run_id, "requests_first": len(server.request_log)}


@pytest.fixture
def db_copy(crawled, tmp_path):
    """The crawled DB copied for a test that writes to it."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(crawled["db"], copy)
    return copy


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _artifacts_of_the_run(flow_run_id, key: str) -> list:
    """The artifacts with `key` that this pipeline run or its ingest-site subflows created (other tests in the
    session run pipelines too, and they create artifacts with the same keys)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        ArtifactFilterKey,
        FlowRunFilter,
        FlowRunFilterParentFlowRunId,
    )

    with get_client(sync_client=True) as client:
        subflows = client.read_flow_runs(
            flow_run_filter=FlowRunFilter(parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[flow_run_id])))
        run_ids = [flow_run_id, *(run.id for run in subflows)]
        return client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=[key]), flow_run_id=ArtifactFilterFlowRunId(any_=run_ids)))


def test_every_article_lands_once(crawled):
    truth = {t["url"] for t in crawled["portal"].truth_articles()}
    landed = [u for (u,) in _rows(crawled["db"], "SELECT url FROM articles")]
    assert len(landed) == len(set(landed))
    assert set(landed) == truth


def test_fields_match_truth(crawled):
    truth = {t["url"]: t for t in crawled["portal"].truth_articles()}
    rows = _rows(crawled["db"], """SELECT url, title, strftime(timezone('Asia/Shanghai', published_at),
                 '%Y-%m-%dT%H:%M:%S+08:00'), body, source FROM articles""")
    assert len(rows) == len(truth)
    title_ok = sum(1 for url, title, *_ in rows if title == truth[url]["title"])
    time_ok = sum(1 for url, _, published, *_ in rows if published == truth[url]["published"])
    f1s = [char_f1(body, truth[url]["body"]) for url, _, _, body, _ in rows]
    n = len(rows)
    assert title_ok / n >= 0.99, f"title exact {title_ok}/{n}"
    assert time_ok / n >= 0.99, f"published exact {time_ok}/{n}"
    assert sum(f1s) / n >= 0.98, f"mean body char-F1 {sum(f1s) / n:.4f}"


def test_no_boilerplate_line_in_any_body(crawled):
    truth = {t["url"]: set(t["body"].split("\n")) for t in crawled["portal"].truth_articles()}
    bodies = _rows(crawled["db"], "SELECT url, body FROM articles")
    assert len(bodies) == len(truth)
    offending = []
    for url, body in bodies:
        for line in body.split("\n"):
            if line not in truth[url] and any(m in line for m in BOILERPLATE_MARKERS):
                offending.append((url, line))
    assert not offending, offending[:5]


def test_copies_share_clusters(crawled):
    truth = {t["url"]: t["story_id"] for t in crawled["portal"].truth_articles()}
    clusters = dict(_rows(crawled["db"], "SELECT url, cluster_id FROM articles"))
    assert len(clusters) == len(truth)
    precision, recall = pairwise_precision_recall(clusters, truth)
    assert precision >= 0.99 and recall >= 0.95, (precision, recall)


def test_rerun_on_unchanged_portal_fetches_no_article_and_changes_nothing(crawled, db_copy):
    server = crawled["server"]
    counts = {t: _rows(db_copy, f"SELECT count(*) FROM {t}")[0][0] for t in DATA_TABLES}
    before = len(server.request_log)
    articles_before = article_requests(server)
    second = pipeline(crawled["sites"], db=str(db_copy), report_dir=None)
    assert sum(r["new_articles"] + r["updated_articles"] for r in second) == 0
    assert all(r["article_pages_fetched"] == 0 for r in second)
    new_requests = server.request_log[before:]
    fetched_articles = [p for m, p, s in new_requests if s == 200 and p.endswith((".html", ".htm"))
                        and "/index" not in p and "/list_" not in p]
    assert fetched_articles == []
    assert article_requests(server) - articles_before == 0
    assert {t: _rows(db_copy, f"SELECT count(*) FROM {t}")[0][0] for t in DATA_TABLES} == counts
    assert len(new_requests) <= 0.05 * crawled["requests_first"]


def test_run_summary_artifact_recorded(crawled):
    run = crawled["flow_run_id"]
    summaries = _artifacts_of_the_run(run, "run-summary-demo-dongguan")
    assert summaries, "no run-summary artifact for demo-dongguan"
    assert all("new articles" in a.data for a in summaries)
    stats = _artifacts_of_the_run(run, "new-statistics")
    assert any(a.type == "table" and "jurisdiction" in str(a.data) for a in stats)  # the run landed some
    links = _artifacts_of_the_run(run, "trend-report")
    assert links and all("report.html" in str(a.data) for a in links)
    progress = _artifacts_of_the_run(run, "crawl-progress-demo-guanzhu")
    assert progress and all(a.type == "progress" and float(a.data) == 100.0 for a in progress)


def test_report_written_with_charts(crawled):
    folder = crawled["db"].parent / "reports"
    page = (folder / "report.html").read_text(encoding="utf-8")
    charts = sorted(folder.glob("trend-*.png"))
    assert charts and all(c.stat().st_size > 5000 for c in charts)
    assert all(c.name in page for c in charts)
    assert "东莞市" in page and (folder / "report.md").exists()


def test_reprocess_from_archive_gives_the_same_tables(db_copy, tmp_path):
    from flows.reprocess import reprocess_flow

    queries = {
        "articles": "SELECT * FROM articles ORDER BY article_id",
        "crime_stat_mentions": "SELECT * FROM crime_stat_mentions ORDER BY ALL",
        "fct_crime_stat": "SELECT * FROM fct_crime_stat ORDER BY ALL",
    }
    before = {name: _rows(db_copy, q) for name, q in queries.items()}
    assert before["articles"] and before["crime_stat_mentions"] and before["fct_crime_stat"]
    result = reprocess_flow(db=str(db_copy), sites_dir=str(tmp_path / "no-profiles-here"))
    assert result["articles"] == len(before["articles"])
    for name, query in queries.items():
        assert _rows(db_copy, query) == before[name], name
