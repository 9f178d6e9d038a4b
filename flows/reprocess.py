"""Prefect flow: re-parse and re-dedupe everything from the raw archive (no network)."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.ingest import build_task
from tasks.pipeline.reprocess import reprocess
from tasks.store.db import DEFAULT_DB, connect

reprocess_task = task(reprocess, name="reparse-dedupe-land", cache_policy=NO_CACHE)


@flow(name="reprocess")
def reprocess_flow(db: str = DEFAULT_DB, site: str | None = None, sites_dir: str = "sites") -> dict:
    """Rebuild articles and clusters from `raw_pages` with the current parser and site profiles."""
    logger = get_run_logger()
    con = connect(db, on_wait=logger.warning)
    try:
        result = reprocess_task(con, site=site, sites_dir=Path(sites_dir))
        build_task(con)
    finally:
        con.close()
    logger.info(f"reprocessed {result['pages']} pages: {result['articles']} articles, {result['clusters']} clusters")
    return result
