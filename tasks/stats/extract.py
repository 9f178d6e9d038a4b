"""Crime statistics of one article → rows of `crime_stat_mentions` (without article_id).

The article is normalized and cut into title, headings and paragraphs (tasks.stats.text); each
sentence's figures are read with their category and measure (tasks.stats.clauses); the document
frame gives each its period and place (tasks.stats.frame); the comparison decides the metric. A
figure with neither a period nor a place that the text fixes is no statistic (GUIDE), a figure
stated twice is one fact, and an article that never speaks of police or crime yields nothing (court
and market-regulation reports count 案件 too). `explain_stats` returns the same rows with the words
that set each one's period, place, category and measure.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from functools import lru_cache

from tasks.stats.frame import Frame, Located
from tasks.stats.periods import iso_dates, previous_span, previous_year
from tasks.stats.places import Place, lookup
from tasks.stats.text import normalize, read_lines

log = logging.getLogger(__name__)

# An article about police work or crime says at least one of these.
_POLICE = re.compile(r"公安|警方|警察|警务|派出所|警情|刑事|治安|犯罪|罪案|罪行|110|民警|刑侦|禁毒|反诈|保安局|警署|警局|"
                     r"警队|案件|盗窃|诈骗|抢劫|命案")
_COURT = re.compile(r"法院|检察院|市场监督|市场监管|工商局|税务|海关|统计局|旅游局|文旅|交通运输")


def simplify(text: str) -> str:
    """Simplified characters with ASCII digits and %, as every pattern here expects."""
    return normalize(text)


def extract_stats(title: str, body: str, published: str | None, region: str | None = None) -> list[dict]:
    """Statistics of one article; never raises (a failure is logged and yields no rows)."""
    try:
        return extract_stats_strict(title, body, published, region)
    except Exception:  # noqa: BLE001 - one bad article must not stop a batch
        log.warning("extract_stats failed on %r", (title or "")[:60], exc_info=True)
        return []


def extract_stats_strict(title: str, body: str, published: str | None, region: str | None = None) -> list[dict]:
    """As extract_stats, letting exceptions through (for tests)."""
    return [row for row, _ in explain_stats(title, body, published, region)]


def explain_stats(title: str, body: str, published: str | None,
                  region: str | None = None) -> list[tuple[dict, dict]]:
    """(row, explanation) per statistic; the explanation names the words that set its period, place,
    category, measure and metric, and the level of the frame they came from."""
    lines = read_lines(title or "", body or "")
    if not lines:
        return []
    text = "\n".join(ln.text for ln in lines)
    if not _POLICE.search(text) or (_COURT.search(text[:300]) and not re.search(r"公安|警方|警察|警情", text)):
        return []
    frame = Frame(_parse_date(published), _region(region), lines)
    frame.prepare()
    located = [(loc, row) for loc in frame.read() if (row := _row(loc, frame.weekly)) is not None]
    return [(row, _explain(loc, row)) for loc, row in _dedupe(located)]


_STRENGTH = {"sentence": 4, "paragraph": 3, "heading": 2, "title": 1, "bulletin": 0}


def _own_period(loc: Located) -> bool:
    return loc.fact.role == "prior" or loc.fact.period is not None or loc.period_from.level == "sentence"


def _dedupe(located: list[tuple[Located, dict]]) -> list[tuple[Located, dict]]:
    """A figure stated twice is one fact: the body's wording wins over the headline's, and a figure
    restated with a weaker period (a lede that summarizes a later paragraph) keeps its best-dated
    statement. A headline figure that restates a body figure under another name (警情发生2709起 for
    有效警情2709起) is the same fact too."""
    body = [(loc, row) for loc, row in located if not loc.title]
    title = [(loc, row) for loc, row in located if loc.title]
    kept: list[tuple[Located, dict] | None] = []
    by_series: dict[tuple, list[int]] = {}
    for loc, row in body:
        series = (row["jurisdiction"], row["category"], row["subcategory"], row["metric"], row["value"])
        period = (row["period_start"], row["period_end"])
        same = by_series.setdefault(series, [])
        if any((kept[i][1]["period_start"], kept[i][1]["period_end"]) == period for i in same if kept[i]):
            continue
        # the same figure under another period is one fact restated (a lede that sums up a later paragraph),
        # unless both say which period they are (较上周的58起持平: a prior figure, 0 for two periods)
        loose = [i for i in same if kept[i] and row["value"] != 0 and not _own_period(loc)
                 and not _own_period(kept[i][0])]
        if loose:
            i = loose[0]
            if _STRENGTH.get(loc.period_from.level, 0) > _STRENGTH.get(kept[i][0].period_from.level, 0):
                kept[i] = (loc, row)
            continue
        same.append(len(kept))
        kept.append((loc, row))
    out = [k for k in kept if k]
    told = {(r["jurisdiction"], r["period_start"], r["period_end"], r["metric"], r["value"]) for _, r in out}
    told_loose = {(r["period_start"], r["period_end"], r["metric"], r["value"]) for _, r in out}
    told_loose |= {(r["category"], r["metric"], r["value"]) for _, r in out}
    seen_title = set()
    for loc, row in title:
        if row["metric"] != "count":
            # 持枪抢劫案升六成 over a body's 上升了66.7% (环比): a headline change rounds the body's figure for
            # its series; it compares as that figure does, and is about its place
            named = loc.place_from.level == "sentence"  # the headline names its place
            bare = not loc.fact.metric
            near = [r for _, r in out if r["metric"] != "count" and r["period_start"] == row["period_start"]
                    and (not named or r["jurisdiction"] == row["jurisdiction"]) and (bare or r["metric"] == row["metric"])
                    and r["period_end"] == row["period_end"] and r["value"] * row["value"] > 0
                    and abs(r["value"] - row["value"]) < 10]
            same = [r for r in near if r["category"] == row["category"]]
            # 治安警情同比下降超三成 over the body's 刑事治安警情同比下降34.8%: a headline shortens the series' name
            wider = [r for r in near if r["category"] == "crime_disorder" and row["category"] in ("criminal", "public_order")]
            if same:
                row = {**row, "metric": same[0]["metric"], "jurisdiction": same[0]["jurisdiction"]}
            elif len(wider) == 1:
                row = {**row, "metric": wider[0]["metric"], "category": "crime_disorder",
                       "jurisdiction": wider[0]["jurisdiction"]}
        key = (row["jurisdiction"], row["period_start"], row["period_end"], row["metric"], row["value"])
        loose = key[1:]
        if key in told or loose in told_loose or (row["category"], row["metric"], row["value"]) in told_loose \
                or key + (row["category"],) in seen_title:
            continue
        seen_title.add(key + (row["category"],))
        out.append((loc, row))
    return out


@lru_cache(maxsize=256)
def _region(region: str | None) -> Place | None:
    """A site profile's region (东莞市); a crawl passes the same few values for every article."""
    return lookup(normalize(region or "").strip())


def _parse_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        d = date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None
    # Relative periods step back from this date; outside this range they overflow `date`.
    return d if 1900 <= d.year <= 2100 else None


def _metric(loc: Located, weekly: bool) -> str | None:
    """count, yoy_pct or pop_pct; None when a change compares with a period that is not the one before."""
    f = loc.fact
    if f.metric == "count":
        return "count"
    if f.role == "base" and f.base is not None and loc.period is not None:
        length, base_length = (loc.period[1] - loc.period[0]).days, (f.base[1] - f.base[0]).days
        if f.base == previous_year(loc.period) or f.base[1].year == loc.period[1].year - 1 \
                and (base_length >= 300 or abs(base_length - length) <= 3):
            return "yoy_pct"  # last year's same span, or its same holiday (春节 moves)
        if f.base == previous_span(loc.period):
            return "pop_pct"
        return None
    if f.metric:
        return f.metric
    if loc.period is not None and (loc.period[1] - loc.period[0]).days <= 7 and weekly:
        return "pop_pct"
    return "yoy_pct"


def _row(loc: Located, weekly: bool) -> dict | None:
    f = loc.fact
    if loc.period is None or loc.place is None:
        return None
    metric = _metric(loc, weekly)
    if metric is None:
        return None
    start, end = iso_dates(loc.period)
    return {
        "jurisdiction": loc.place.name,
        "period_start": start,
        "period_end": end,
        "category": f.code,
        "subcategory": f.sub,
        "category_raw": f.raw,
        "measure": f.measure,
        "metric": metric,
        "value": float(f.value),
        "approx": bool(f.approx),
        "evidence": loc.evidence,
    }


def _explain(loc: Located, row: dict) -> dict:
    f = loc.fact
    return {
        "period": {"words": loc.period_from.words, "from": loc.period_from.level},
        "place": {"words": loc.place_from.words, "from": loc.place_from.level},
        "category": {"words": f.cat_word or f.raw},
        "measure": {"words": f.measure_word or "(the category's usual measure)"},
        "metric": {"words": f.compare or ("(a count)" if row["metric"] == "count" else "(no comparison word)")},
    }
