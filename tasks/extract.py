"""Crime statistics of one article → rows of `crime_stat_mentions` (without article_id).

Text is folded to simplified characters first; paragraphs that hold no number-with-unit are
skipped without further work. Each statistic takes its place and period from its own sentence,
else from earlier sentences of the same paragraph, else from the title, else from the site's
region (place) or nothing (period). Title figures that only restate a body figure are dropped.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from functools import lru_cache

import opencc

from tasks.extract_clauses import BASE_SPAN_RE, CANDIDATE_RE, Fact, sentence_facts
from tasks.extract_periods import PERIOD_RE, Period, previous_span, previous_year, resolve
from tasks.places import Place, find_places, lookup
from tasks.places import resolve as resolve_place

log = logging.getLogger(__name__)

_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_SENTENCE_END = re.compile(r"[^。！？!?■\n]+[。！？!?]?")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplify(text: str) -> str:
    return _t2s().convert(text).translate(_FULLWIDTH) if text else ""


def extract_stats(title: str, body: str, published: str | None, region: str | None = None) -> list[dict]:
    """Statistics of one article; never raises (a failure is logged and yields no rows)."""
    try:
        return extract_stats_strict(title, body, published, region)
    except Exception:  # noqa: BLE001 - one bad article must not stop a batch
        log.warning("extract_stats failed on %r", (title or "")[:60], exc_info=True)
        return []


def extract_stats_strict(title: str, body: str, published: str | None, region: str | None = None) -> list[dict]:
    """As extract_stats, letting exceptions through (for tests)."""
    title, body = simplify(title or ""), simplify(body or "")
    ctx = _Context(_parse_date(published), lookup(simplify(region or "").strip()))
    ctx.read_title(title)
    rows: list[dict] = []
    for para in body.split("\n"):
        if CANDIDATE_RE.search(para):
            rows.extend(ctx.read_paragraph(para))
    title_rows = ctx.read_paragraph(title) if CANDIDATE_RE.search(title) else []
    rows = _dedupe(rows)
    rows += [r for r in _dedupe(title_rows) if not any(_restates(r, b) for b in rows)]
    return rows


def _parse_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


class _Context:
    def __init__(self, published: date | None, region: Place | None) -> None:
        self.published = published
        self.region = region
        self.title_period: Period | None = None
        self.title_place: Place | None = None

    def _city(self, place: Place | None) -> str | None:
        place = place or self.title_place or self.region
        return (place.city or None) if place else None

    def _province(self) -> str | None:
        place = self.title_place or self.region
        return place.province if place else None

    def read_title(self, title: str) -> None:
        m = PERIOD_RE.search(title)
        if m:
            self.title_period = resolve(m, None, None, self.published)
        for hit in find_places(title):
            place = resolve_place(hit, self._city(None), self._province())
            if place:
                self.title_place = place  # the last one: 东莞市 大岭山公安分局 → the town

    def read_paragraph(self, para: str) -> list[dict]:
        rows: list[dict] = []
        period = self.title_period
        year = period[0].year if period else None
        place: Place | None = None
        measure: str | None = None
        for sm in _SENTENCE_END.finditer(para):
            sent = sm.group().strip()
            if not sent:
                continue
            periods = []
            bases = [(b.start(), b.end()) for b in BASE_SPAN_RE.finditer(sent)] if "基础上" in sent else []
            for m in PERIOD_RE.finditer(sent):
                p = resolve(m, year, self.title_period, self.published)
                if p:
                    periods.append((m.start(), p, any(a <= m.start() < b for a, b in bases)))
                    year = p[1].year if not bases else year
            facts: list[Fact] = []
            if CANDIDATE_RE.search(sent):
                facts, measure = sentence_facts(sent, measure)
            places = self._places(sent, place) if facts or place is None else []
            for f in facts:
                rows.append(self._row(f, sent, periods, period, places, place))
            main = [p for _, p, in_base in periods if not in_base]
            if main:
                period = main[-1]
            if places:
                place = places[-1][1]
        return rows

    def _places(self, sent: str, before: Place | None) -> list[tuple[int, Place]]:
        out: list[tuple[int, Place]] = []
        for hit in find_places(sent):
            prev = out[-1][1] if out else before
            place = resolve_place(hit, self._city(prev), self._province())
            if place:
                out.append((hit.start, place))
        return out

    def _row(self, f: Fact, sent: str, periods: list, para_period: Period | None,
             places: list[tuple[int, Place]], para_place: Place | None) -> dict:
        before = [(p, in_base) for pos, p, in_base in periods if pos < f.pos]
        if f.role == "base":
            period = before[-1][0] if before else None
        else:
            main = [p for p, in_base in before if not in_base]
            period = main[-1] if main else para_period
            if period and f.role == "prior":
                period = previous_span(period) if f.compare == "pop" else previous_year(period)
        near = [p for pos, p in places if pos < f.pos]
        place = near[-1] if near else (para_place or self.title_place or self.region)
        return {
            "jurisdiction": place.name if place else None,
            "period_start": period[0].isoformat() if period else None,
            "period_end": period[1].isoformat() if period else None,
            "category": f.cat.code,
            "subcategory": f.cat.subcategory,
            "category_raw": f.raw,
            "measure": f.measure,
            "metric": f.metric,
            "value": float(f.value),
            "approx": bool(f.approx),
            "evidence": sent,
        }


_SERIES = ("jurisdiction", "category", "subcategory", "measure", "metric", "value")


def _dedupe(rows: list[dict]) -> list[dict]:
    """One row per statistic: repeats collapse, and an undated copy of a dated one goes."""
    seen: set[tuple] = set()
    dated = {tuple(r[k] for k in _SERIES) for r in rows if r["period_start"]}
    out = []
    for r in rows:
        key = tuple(r[k] for k in _SERIES) + (r["period_start"], r["period_end"])
        if key in seen or (not r["period_start"] and key[:-2] in dated):
            continue
        seen.add(key)
        out.append(r)
    return out


def _restates(t: dict, b: dict) -> bool:
    """A headline figure (再降5成) that rounds a body figure of the same series (-49.55%)."""
    if (t["category"], t["subcategory"], t["metric"]) != (b["category"], b["subcategory"], b["metric"]):
        return False
    if t["period_start"] and t["period_start"] != b["period_start"]:
        return False
    v, w = t["value"], b["value"]
    if t["metric"] == "count":
        tol = abs(v) * 0.1 if t["approx"] else 0.0
    elif v == int(v):
        tol = 5.0 if v % 10 == 0 and v else 0.5
    else:
        tol = 0.05
    return abs(v - w) <= tol
