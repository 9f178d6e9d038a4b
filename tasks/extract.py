"""Crime statistics of one article → rows of `crime_stat_mentions` (without article_id).

Text is folded to simplified characters first; paragraphs that hold no number-with-unit are
skipped without further work. Each statistic takes its place and period from its own sentence
(before the figure), else from earlier sentences of the paragraph, else from the previous
statistic of the article, else from later in its sentence (…是2020年“成绩单”的全部), else from the
title, else the site's region (place) or nothing (period). Title figures that only restate a body
figure are dropped; a statistic stated twice is kept once (tasks.extract_dedupe).
"""

from __future__ import annotations

import logging
import re
from datetime import date
from functools import lru_cache

import opencc

from tasks.extract_clauses import Carry, Fact, sentence_facts
from tasks.extract_dedupe import dedupe, merge_title_rows
from tasks.extract_periods import (
    PERIOD_RE,
    Period,
    carried_period,
    iso_dates,
    main_period,
    previous_span,
    previous_year,
    resolve,
    resolve_text,
)
from tasks.extract_tokens import BASE_SPAN_RE, CANDIDATE_RE
from tasks.places import Place, find_places, lookup
from tasks.places import resolve as resolve_place

log = logging.getLogger(__name__)

_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
# str.translate walks a CJK text char by char through a dict (~30 µs for 1,500 chars); most
# pages have no full-width digits, so look for one first.
_HAS_FULLWIDTH = re.compile("[０-９％．]")
_SENTENCE_END = re.compile(r"[^。！？!?■\n]+[。！？!?]?")
# Every time phrase holds one of these; most sentences have none and skip PERIOD_RE entirely.
_MAY_HAVE_PERIOD = re.compile("[年月周季]")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplify(text: str) -> str:
    """Simplified characters with ASCII digits and %, as every pattern here expects."""
    if not text:
        return ""
    text = _t2s().convert(text)
    return text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text


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
    ctx = _Context(_parse_date(published), _region(region))
    ctx.read_title(title)
    rows: list[dict] = []
    for para in body.split("\n"):
        if CANDIDATE_RE.search(para):
            rows.extend(ctx.read_paragraph(para))
    title_rows = ctx.read_paragraph(title) if CANDIDATE_RE.search(title) else []
    return merge_title_rows(dedupe(rows), dedupe(title_rows))


@lru_cache(maxsize=256)
def _region(region: str | None) -> Place | None:
    """A site profile's region (东莞市); a crawl passes the same few values for every article."""
    return lookup(simplify(region or "").strip())


def _parse_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        d = date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None
    # Relative periods step back from this date; outside this range they overflow `date`.
    return d if 1900 <= d.year <= 2100 else None


class _Context:
    def __init__(self, published: date | None, region: Place | None) -> None:
        self.published = published
        self.region = region
        self.title_period: Period | None = None
        self.title_place: Place | None = None
        # A report's figures run on across paragraphs: a paragraph without its own period or place
        # continues the last statistic's (an anecdote's date in between is not a statistic's).
        self.last_period: Period | None = None
        self.last_place: Place | None = None
        self.last_measure: str | None = None

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
        period = self.last_period  # the title's period is the last resort, see _row
        year = period[1].year if period else (self.title_period[1].year if self.title_period else None)
        place: Place | None = self.last_place
        carry: Carry = None
        # Sentences without figures since the last one with: their periods and places are only
        # read once a figure needs them (most paragraphs end in sentences that never do).
        pending: list[str] = []
        for sm in _SENTENCE_END.finditer(para):
            sent = sm.group().strip()
            facts: list[Fact] = []
            if sent and CANDIDATE_RE.search(sent):
                # Only a 其中 sentence continues the previous one's subject (其中岛内1203起); a bare
                # number elsewhere (整改问题56件) must not inherit it.
                subject = carry if sent.startswith("其中") else None
                facts, carry, self.last_measure = sentence_facts(sent, subject, self.last_measure)
            if not facts:
                pending.append(sent)
                continue
            for earlier in pending:
                earlier_periods, year = self._periods(earlier, year)
                period = carried_period(earlier_periods, period)
            for earlier in reversed(pending):
                found = self._places(earlier, place)
                if found:
                    place = found[-1][1]
                    break
            pending = []
            periods, year = self._periods(sent, year)
            places = self._places(sent, place)
            for f in facts:
                rows.append(self._row(f, sent, periods, period, places, place))
            period = carried_period(periods, period)
            if places:
                place = places[-1][1]
        return rows

    def _periods(self, sent: str, year: int | None) -> tuple[list[tuple], int | None]:
        """(position, period, inside 在…的基础上, is a 以来 span) of each time phrase, and the year
        in force after the sentence."""
        if not sent or not _MAY_HAVE_PERIOD.search(sent):
            return [], year
        out = []
        bases = [(b.start(), b.end()) for b in BASE_SPAN_RE.finditer(sent)] if "基础上" in sent else []
        for m in PERIOD_RE.finditer(sent):
            p = resolve_text(m.group(), year, self.title_period, self.published)
            if p:
                in_base = any(a <= m.start() < b for a, b in bases)
                out.append((m.start(), p, in_base, bool(m.group("since"))))
                year = p[1].year if not bases else year
        return out, year

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
        before = [(p, in_base) for pos, p, in_base, _ in periods if pos < f.pos] if periods else []
        if f.role == "base":
            period = before[-1][0] if before else None
        else:
            period = main_period(f.pos, periods, before, para_period, self.title_period)
            if period and f.role == "prior":
                period = previous_span(period) if f.compare == "pop" else previous_year(period)
        near = [p for pos, p in places if pos < f.pos]
        if near:
            place: Place | None = near[-1]
        else:
            later = [p for pos, p in places if pos > f.pos]
            place = para_place or (later[0] if later else None) or self.title_place or self.region
        if f.role == "main":
            # 岛内/岛外 scope one sentence; the next paragraph is about the whole city again.
            self.last_period = period
            self.last_place = lookup(place.city) if place and place.level == "subarea" else place
        start, end = iso_dates(period)
        return {
            "jurisdiction": place.name if place else None,
            "period_start": start,
            "period_end": end,
            "category": f.cat.code,
            "subcategory": f.cat.subcategory,
            "category_raw": f.raw,
            "measure": f.measure,
            "metric": f.metric,
            "value": float(f.value),
            "approx": bool(f.approx),
            "evidence": _evidence(sent, f.pos),
        }


_PIECE_END = re.compile(r"[；;。！？!?]")


def _evidence(sent: str, pos: int) -> str:
    """The piece of the sentence that states the figure: the sample portal's truth (and readers)
    split evidence on 。！？ and ；, so a long 其中…；…；… sentence gives one piece per figure."""
    start = max(sent.rfind("；", 0, pos), sent.rfind(";", 0, pos)) + 1
    m = _PIECE_END.search(sent, pos)
    return sent[start:m.start() if m else len(sent)].strip()
