"""The trend report: PNG charts per jurisdiction and category (counts and yoy) and an HTML + Markdown page."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import duckdb

MAX_CHARTS = 12
TOP_ROWS = 30


@dataclass
class ReportResult:
    html_path: Path
    markdown_path: Path
    charts: list[Path]


@lru_cache(maxsize=1)
def _font():
    """A CJK font shipped as a PyPI package: without one, Chinese labels render as empty boxes."""
    from matplotlib import font_manager

    try:
        from pylopdf_fonts_zh_cn import sans_path

        path = str(sans_path())
        font_manager.fontManager.addfont(path)
        return font_manager.FontProperties(fname=path)
    except (ImportError, OSError, RuntimeError):
        return None


def _series(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    # whole-year points only, so one chart never mixes a month with a year
    return con.execute("""
        SELECT jurisdiction, category, subcategory, measure,
               list(year(period_start) ORDER BY period_start) AS years,
               list("count" ORDER BY period_start) AS counts,
               list(yoy_pct ORDER BY period_start) AS yoys
        FROM fct_crime_trend
        WHERE month(period_start) = 1 AND day(period_start) = 1
          AND month(period_end) = 12 AND day(period_end) = 31 AND year(period_start) = year(period_end)
        GROUP BY ALL
        HAVING count(*) >= 2 AND count("count") >= 1
        ORDER BY count(*) DESC, jurisdiction, category, subcategory, measure
        LIMIT ?""", [MAX_CHARTS]).fetchall()


def _chart_name(index: int, category: str, subcategory: str, measure: str) -> str:
    # place names stay out of file names (the HTML shows them); codes are ASCII already
    codes = "-".join(p for p in (category, subcategory, measure) if p)
    return f"trend-{index:02d}-{re.sub(r'[^0-9A-Za-z_-]+', '_', codes)}.png"


def _chart(index: int, row: tuple, out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    jurisdiction, category, subcategory, measure, years, counts, yoys = row
    font = _font()
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=100)
    xs = [y for y, c in zip(years, counts, strict=True) if c is not None]
    ys = [c for c in counts if c is not None]
    ax.plot(xs, ys, marker="o", color="#1f5fa8", label="count")
    ax.set_ylabel("count")
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    yoy_points = [(y, v) for y, v in zip(years, yoys, strict=True) if v is not None]
    if yoy_points:
        ax2 = ax.twinx()
        ax2.bar([y for y, _ in yoy_points], [v for _, v in yoy_points], width=0.4, alpha=0.3,
                color=["#c0392b" if v > 0 else "#27ae60" for _, v in yoy_points], label="yoy %")
        ax2.axhline(0, color="#888", linewidth=0.6)
        ax2.set_ylabel("yoy %")
    label = f"{jurisdiction} · {category}{'/' + subcategory if subcategory else ''} · {measure}"
    ax.set_title(label, fontproperties=font)
    fig.tight_layout()
    path = out / _chart_name(index, category, subcategory, measure)
    fig.savefig(path)
    plt.close(fig)
    return path


def _top_rows(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple]]:
    cur = con.execute("""SELECT jurisdiction, category, subcategory, measure, period_start, period_end, "count",
                                yoy_pct, pop_pct, count_prev_year_derived, conflict, n_articles
                         FROM fct_crime_trend ORDER BY n_articles DESC, period_start DESC, jurisdiction, category
                         LIMIT ?""", [TOP_ROWS])
    return [d[0] for d in cur.description], cur.fetchall()


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_report(con: duckdb.DuckDBPyConnection, out_dir: str | Path) -> ReportResult:
    """Charts and pages in `out_dir` (created); the HTML embeds the PNGs by relative path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("trend-*.png"):  # charts of an earlier report must not linger
        old.unlink()
    charts = [_chart(i, row, out) for i, row in enumerate(_series(con), start=1)]
    columns, rows = _top_rows(con)
    n_stats, n_points, n_places = con.execute(
        "SELECT (SELECT count(*) FROM fct_crime_stat), count(*), count(DISTINCT jurisdiction) FROM fct_crime_trend"
    ).fetchall()[0]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    intro = f"{n_stats} distinct statistics, {n_points} trend points in {n_places} jurisdictions; written {stamp}."
    page = ["<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>crimetrend report</title>",
            "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:90%}"
            "td,th{border:1px solid #ccc;padding:2px 6px}img{margin:6px;border:1px solid #eee}</style></head><body>",
            "<h1>crimetrend: crime trends</h1>", f"<p>{html.escape(intro)}</p>", "<h2>Trends</h2>"]
    page += [f"<img src='{c.name}' alt='{c.stem}'>" for c in charts] or ["<p>No series with two or more years.</p>"]
    page += ["<h2>Most reported points</h2><table><tr>"] + [f"<th>{html.escape(c)}</th>" for c in columns] + ["</tr>"]
    for row in rows:
        page.append("<tr>" + "".join(f"<td>{html.escape(_fmt(v))}</td>" for v in row) + "</tr>")
    page.append("</table></body></html>")
    html_path = out / "report.html"
    html_path.write_text("\n".join(page), encoding="utf-8")
    md = ["# crimetrend: crime trends", "", intro, "", "## Trends", ""]
    md += [f"![{c.stem}]({c.name})" for c in charts]
    md += ["", "## Most reported points", "", "| " + " | ".join(columns) + " |",
           "|" + "---|" * len(columns)]
    md += ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in rows]
    markdown_path = out / "report.md"
    markdown_path.write_text("\n".join(md) + "\n", encoding="utf-8")
    return ReportResult(html_path, markdown_path, charts)
