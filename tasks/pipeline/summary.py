"""What one site's run did, in figures: the record a run fills in batch by batch, and its one wording."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class SiteRunSummary:
    site: str
    run_id: str
    requests: int = 0
    listing_pages: int = 0
    article_pages_fetched: int = 0
    not_modified: int = 0
    skipped_known: int = 0
    failed: int = 0
    new_articles: int = 0
    updated_articles: int = 0
    unchanged_articles: int = 0
    new_clusters: int = 0
    new_mentions: int = 0
    articles_total: int = 0
    clusters_total: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    failures: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        return summary_line(self)


# (field, what it counts) in the order a summary tells them; the last two are counted when the run ends.
SUMMARY_FIGURES = (
    ("requests", "HTTP requests"),
    ("listing_pages", "listing pages fetched"),
    ("article_pages_fetched", "article pages fetched"),
    ("not_modified", "not modified (304)"),
    ("skipped_known", "known articles skipped"),
    ("failed", "failed or skipped URLs"),
    ("new_articles", "new articles"),
    ("updated_articles", "updated articles"),
    ("new_clusters", "new clusters"),
    ("new_mentions", "statistics landed"),
    ("articles_total", "articles in the DB"),
    ("clusters_total", "clusters in the DB"),
)
_DB_TOTALS = ("articles_total", "clusters_total")


def summary_figures(summary: SiteRunSummary | Mapping[str, Any], *, totals: bool = True) -> list[tuple[str, int]]:
    """(what it counts, value) for each of SUMMARY_FIGURES; totals=False leaves out the DB totals, which
    a run still going has not counted yet. A summary as a dict (SiteRunSummary.as_dict, what the flows
    return) is read the same way."""
    value = summary.__getitem__ if isinstance(summary, Mapping) else summary.__getattribute__
    return [(label, value(name)) for name, label in SUMMARY_FIGURES if totals or name not in _DB_TOTALS]


def summary_line(summary: SiteRunSummary | Mapping[str, Any], *, totals: bool = True) -> str:
    """The run in one line, as the command line, the demo, the progress bar and the flow's log show it:
    'demo-dongguan: 40 HTTP requests, 2 listing pages, 38 article pages fetched, …'."""
    site = summary["site"] if isinstance(summary, Mapping) else summary.site
    figures = ", ".join(f"{value} {label}" for label, value in summary_figures(summary, totals=totals))
    return f"{site}: {figures}"
