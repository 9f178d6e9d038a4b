"""Prefect flows: `ingest_site` (one site profile) and `pipeline` (several). They only orchestrate."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.progress import report
from flows.settings import without_heartbeats
from tasks.pipeline.site_run import SiteRunsFailed, Steps, fetch_batch, land_parsed, parse_batch, run_site
from tasks.pipeline.summary import SiteRunSummary, summary_figures
from tasks.profile import load_site
from tasks.settings import (
    BACKFILL_MAX_PAGES,
    DEFAULT_BATCH_SIZE,
    FETCH_TASK_RETRIES,
    FETCH_TASK_RETRY_DELAY_SECONDS,
    NEW_STATISTICS_SHOWN,
    SUMMARY_FAILURES_KEPT,
)
from tasks.store.build import build, is_current
from tasks.store.db import DEFAULT_DB, connect

# Network steps retry as a whole only on unexpected errors: page-level retries live in the fetcher.
fetch_batch_task = task(fetch_batch, name="fetch-batch", cache_policy=NO_CACHE, retries=FETCH_TASK_RETRIES,
                        retry_delay_seconds=FETCH_TASK_RETRY_DELAY_SECONDS)
parse_batch_task = task(parse_batch, name="parse-batch", cache_policy=NO_CACHE)
land_task = task(land_parsed, name="land-batch", cache_policy=NO_CACHE)
build_task = task(build, name="build-warehouse", cache_policy=NO_CACHE)
# Prefect walks every task argument looking for futures to wait on; a batch holds hundreds of pages and
# their statistics (a few hundred thousand objects), and the walk cost more than parsing them. quote()
# passes the batch through untouched: batches never hold futures.
PREFECT_STEPS = Steps(
    # the next batch is fetched while this one is parsed and landed, on the flow's task runner
    submit_fetch=lambda crawl, size: fetch_batch_task.submit(quote(crawl), size),
    parse_batch=lambda site, batch: parse_batch_task(site, quote(batch)),
    land=lambda con, site, run_id, parsed: land_task(quote(con), site, run_id, quote(parsed)),
)


def _run_name() -> str:
    params = flow_run.parameters or {}
    site = Path(str(params.get("site_file", "site"))).stem
    return f"{site}-{flow_run.scheduled_start_time:%Y%m%d-%H%M%S}"


def summary_markdown(s: SiteRunSummary) -> str:
    """The run-summary artifact: the summary's figures as a table, the seconds per step, the first failures."""
    lines = [f"# crimetrend run: {s.site}", "", "| figure | value |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in summary_figures(s)]
    lines += ["", "| step | seconds |", "|---|---:|"] + [f"| {k} | {v} |" for k, v in s.seconds.items()]
    if s.failures:
        lines += ["", f"**Partly failed: {s.failed} URLs failed or were skipped** (the rest landed); "
                  "the failed-urls table artifact has them all, the first are:", "",
                  "| url | stage | reason |", "|---|---|---|"]
        lines += [f"| {f['url']} | {f['stage']} | {f['reason']} |" for f in s.failures[:20]]
    return "\n".join(lines)


@flow(name="ingest-site", flow_run_name=_run_name, log_prints=False)
def ingest_site(site_file: str, db: str = DEFAULT_DB, max_pages: int | None = None, since: date | None = None,
                batch_size: int = DEFAULT_BATCH_SIZE, build_models: bool = True) -> dict:
    """Crawl one site profile into the DuckDB file: fetch → parse → dedupe → land, in batches."""
    logger = get_run_logger()
    site = load_site(site_file)
    page_budget = max_pages or site.listing.max_pages
    progress_id = create_progress_artifact(0.0, key=f"crawl-progress-{site.name}",
                                           description=f"listing pages walked of at most {page_budget}")

    def on_batch(summary: SiteRunSummary) -> None:
        report(summary)
        # the listing walk bounds the crawl; articles are fetched as their listing page is read
        update_progress_artifact(progress_id, min(99.0, 100.0 * summary.listing_pages / max(1, page_budget)))

    con = connect(db, on_wait=logger.warning)
    try:
        run_id = str(flow_run.id or uuid.uuid4())
        summary = run_site(site, con, run_id, max_pages=max_pages, since=since, batch_size=batch_size,
                           steps=PREFECT_STEPS, progress=on_batch)
        if build_models:
            build_task(con)
    finally:
        con.close()
    update_progress_artifact(progress_id, 100.0)
    logger.info(summary.line())
    create_markdown_artifact(summary_markdown(summary), key=f"run-summary-{site.name}",
                             description=f"crimetrend run summary for {site.name}")
    if summary.failures:
        create_table_artifact(summary.failures, key=f"failed-urls-{site.name}",
                              description=f"{summary.failed} URLs failed or were skipped "
                                          f"(first {SUMMARY_FAILURES_KEPT})")
    return summary.as_dict()


NEW_STATS_SQL = """
    SELECT a.site, m.jurisdiction, CAST(m.period_start AS VARCHAR) AS period_start,
           CAST(m.period_end AS VARCHAR) AS period_end, m.category, m.subcategory, m.measure, m.metric, m.value,
           m.evidence, a.url
    FROM crime_stat_mentions m JOIN articles a USING (article_id)
    WHERE a.updated_at >= ? ORDER BY a.site, m.jurisdiction, m.period_start, m.category LIMIT ?"""


def _publish_outputs(db: str, since: datetime, report_dir: str | None) -> str | None:
    """Table artifact of the statistics this run landed, and the trend report with a link to it."""
    from tasks.store.report import write_report

    con = connect(db, on_wait=get_run_logger().warning)
    try:
        cur = con.execute(NEW_STATS_SQL, [since, NEW_STATISTICS_SHOWN])
        columns = [d[0] for d in cur.description]
        rows = [dict(zip(columns, r, strict=True)) for r in cur.fetchall()]
        create_table_artifact(rows, key="new-statistics",
                              description=f"{len(rows)} statistics landed by this run (first {NEW_STATISTICS_SHOWN:,})")
        if report_dir is None:
            return None
        result = write_report(con, report_dir)
    finally:
        con.close()
    link = result.html_path.resolve().as_uri()
    create_link_artifact(link, link_text="crime trend report", key="trend-report",
                         description=f"{len(result.charts)} charts")
    return str(result.html_path)


report_task = task(_publish_outputs, name="publish-statistics-and-report", cache_policy=NO_CACHE)


@flow(name="pipeline", log_prints=False)
def pipeline(site_files: list[str], db: str = DEFAULT_DB, max_pages: int | None = None,
             since: date | None = None, report_dir: str | None = "reports") -> list[dict]:
    """Every site in turn, then the SQL build and the report; a site that fails does not stop the others,
    and the run fails at the end naming it."""
    logger = get_run_logger()
    started = datetime.now(UTC)
    results, errors = [], []
    # Subflows run in this flow's process, whose own heartbeat already tells the server it is alive.
    with without_heartbeats():
        for site_file in site_files:
            try:
                results.append(ingest_site(site_file, db=db, max_pages=max_pages, since=since, build_models=False))
            except Exception as exc:  # one bad site must not stop the good ones
                logger.error(f"{site_file}: {exc}")
                errors.append(f"{site_file}: {exc}")
    if results and warehouse_is_current(db):
        # Nothing landed since the last good build (a scheduled run on an unchanged portal): the
        # tables and the report would come out the same, so neither is redone.
        logger.info("no new or changed articles: the warehouse and the report are up to date")
    elif results:
        build_warehouse(db)
        report_task(db, started, report_dir)
    if errors:
        raise SiteRunsFailed("; ".join(errors))
    return results


def warehouse_is_current(db: str) -> bool:
    con = connect(db, on_wait=get_run_logger().warning)
    try:
        return is_current(con)
    finally:
        con.close()


@flow(name="backfill", flow_run_name="backfill-{site_file}-since-{since}")
def backfill(site_file: str, since: date, max_pages: int = BACKFILL_MAX_PAGES, db: str = DEFAULT_DB,
             report_dir: str | None = "reports") -> dict:
    """One site walked back to `since`: every listing page until the articles are older (no early stop)."""
    started = datetime.now(UTC)
    with without_heartbeats():
        result = ingest_site(site_file, db=db, max_pages=max_pages, since=since, build_models=False)
    build_warehouse(db)
    report_task(db, started, report_dir)
    return result


@flow(name="build-warehouse")
def build_warehouse(db: str = DEFAULT_DB, select: str | None = None) -> dict:
    """Run the SQL models (those `select` names: MODEL or MODEL+) and data tests; a failing data test fails
    the run, naming the test."""
    logger = get_run_logger()
    con = connect(db, on_wait=logger.warning)
    try:
        result = build_task(con, select=select)
    finally:
        con.close()
    logger.info(f"built {len(result.models)} models, {len(result.tests)} data tests passed")
    return {"models": result.models, "tests": result.tests}
