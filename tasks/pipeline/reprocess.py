"""Rebuild `articles` and the dedup index from archived raw pages, with no network.

Pages are replayed in the order they were first fetched, so clusters come out as the crawl made them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb

from tasks.pipeline.land import land_articles
from tasks.pipeline.page import parse_article_page
from tasks.profile import SiteProfile, SiteProfileError, load_site, parse_site
from tasks.records import RawPage, decompress
from tasks.settings import REPROCESS_BATCH_SIZE


def site_profiles(con: duckdb.DuckDBPyConnection, sites_dir: Path | None) -> dict[str, SiteProfile]:
    """Profiles by site name: the file in `sites_dir` when there is one, else the one the last run used."""
    import json

    profiles: dict[str, SiteProfile] = {}
    for name, profile in con.execute(
            "SELECT site, arg_max(profile, started_at) FROM runs WHERE profile IS NOT NULL GROUP BY site").fetchall():
        try:
            profiles[name] = parse_site(json.loads(profile), f"runs.profile[{name}]")
        except (SiteProfileError, ValueError):
            pass
    if sites_dir and sites_dir.is_dir():
        for path in sorted(sites_dir.glob("*.yaml")):
            try:
                site = load_site(path)
            except SiteProfileError:
                continue
            profiles[site.name] = site
    return profiles


def reprocess(con: duckdb.DuckDBPyConnection, site: str | None = None, sites_dir: Path | None = Path("sites")
              ) -> dict:
    """Re-parse the latest archived version of every article page, re-dedupe, re-land; one transaction."""
    profiles = site_profiles(con, sites_dir)
    where = "AND site = ?" if site else ""
    params = [site] if site else []
    con.execute("BEGIN TRANSACTION")
    try:
        if site:
            ids = "(SELECT article_id FROM articles WHERE site = ?)"
            for table in ("article_bands", "article_minhash", "crime_stat_mentions"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN {ids}", params)
            con.execute("DELETE FROM articles WHERE site = ?", params)
        else:
            for table in ("article_bands", "article_minhash", "crime_stat_mentions", "articles"):
                con.execute(f"DELETE FROM {table}")
        cursor = con.cursor()
        cursor.execute(f"""
            SELECT url, arg_max(final_url, fetched_at), arg_max(site, fetched_at), arg_max(status, fetched_at),
                   min(fetched_at) AS first_fetch, max(fetched_at), arg_max(content_type, fetched_at), arg_max(etag, fetched_at),
                   arg_max(last_modified, fetched_at), arg_max(sha1, fetched_at), arg_max(compression, fetched_at),
                   arg_max(html, fetched_at)
            FROM raw_pages WHERE page_kind = 'article' {where}
            GROUP BY url ORDER BY first_fetch, url""", params)
        pages = 0
        while rows := cursor.fetchmany(REPROCESS_BATCH_SIZE):
            articles = []
            for (url, final_url, site_name, status, first_fetch, last_fetch, ctype, etag, lm, sha1, codec,
                 blob) in rows:
                raw = RawPage(url, final_url, site_name, "article", status, last_fetch, ctype, None, etag, lm,
                              sha1, decompress(blob, codec))
                profile = profiles.get(site_name)
                _, article, _ = parse_article_page(raw, profile.selectors if profile else None,
                                                   profile.encoding if profile else None,
                                                   profile.region if profile else None)
                if article is not None:
                    article.first_seen_at = first_fetch
                    articles.append(article)
            pages += len(rows)
            land_articles(con, articles, datetime.now(UTC))
        cursor.close()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    n_articles, n_clusters = con.execute("SELECT count(*), count(DISTINCT cluster_id) FROM articles").fetchall()[0]
    return {"pages": pages, "articles": n_articles, "clusters": n_clusters}
