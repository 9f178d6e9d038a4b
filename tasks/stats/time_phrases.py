"""Time phrases of a sentence → dated periods, and what role each plays.

A report names its periods in many ways: 2020年, 今年上半年, 1至11月, 首三季, 1月9日—1月15日, 春节期间,
从大年三十到正月十五, 截至10月底, 今年以来, 自6月25日行动开展以来, 本周, 上周. Each phrase found is a
`TimeHit` with a `kind`:

- ``span``: a period a statistic can belong to (a year, quarter, month, range of days, holiday);
- ``day``: a single day — an event or a press conference, never a statistic's period by itself;
- ``scope``: 期间 / 其间 / 期内 / 行动以来 — the period already in force;
- ``base``: the other side of a comparison (较2019年同期, 与去年相比, 在2019年…的基础上, 去年同期的) —
  the period of a prior figure, never the period of the sentence;
- ``past``: a multi-year span (2010年以来) that no statistic belongs to.

Phrases without a year take the year in force (an earlier phrase of the text) or the publish date's;
relative words (今年, 上周, 本月) resolve against the title's period when it names one, else against the
publish date; "since" and "until" phrases end at the date the text gives for its figures (截至…, the
dated press conference that told them), else at the publish date.
"""

from __future__ import annotations

import re
from datetime import date

from tasks.stats import time_patterns as patterns  # patterns through their module: see statement_words
from tasks.stats.periods import Period, TimeContext, TimeHit, month_end, previous_year, small_number
from tasks.stats.relative_times import duration_point, holiday_point, lunar_span, relative_point
from tasks.stats.time_patterns import KEY_PAIRS
from tasks.stats.time_ranges import finish_point

_YEAR_TAIL = re.compile(r"年?度?")


def scan_times(s: str, ctx: TimeContext) -> list[TimeHit]:
    """Time phrases of one sentence, in reading order, resolved against `ctx` (which they update:
    a phrase with a year sets the year in force for the phrases after it)."""
    hits: list[TimeHit] = []
    pos = 0
    search = patterns.POINT.search
    while (m := search(s, pos)) is not None:
        if m.end() == m.start():
            pos = m.start() + 1
            continue
        # 同比2019年、2023年春节假期: a point listed after a base is a base too
        listed_base = bool(hits) and hits[-1].kind == "base" and s[hits[-1].end:m.start()] in ("、", "和", "及", "与")
        saved = (ctx.current, ctx.year, ctx.para_year)
        hit = _read(s, m, ctx)
        pos = max(m.end(), hit.end if hit else m.end())
        if hit is not None:
            if listed_base and hit.kind in ("span", "day"):
                ctx.current, ctx.year, ctx.para_year = saved
                hit.kind = "base"
            hits.append(hit)
    return hits


def _read(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    try:
        return _read_point(s, m, ctx)
    except (ValueError, OverflowError, KeyError):
        return None  # 2月30日 and other impossible dates


def _read_point(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    """The hit a match of POINT makes: a scope, a relative word, a duration, 截至目前, lunar days or a dated point."""
    g = m.groupdict()
    for k, k_x in KEY_PAIRS:
        g[k] = g[k] or g[k_x]
    if g["scope"]:
        return _scope(m, g["scope"], ctx)
    if g["rel"]:
        return relative_point(s, m, ctx)
    if g["dur"]:
        return duration_point(s, m, ctx)
    if g["upto"]:
        return _up_to_now(m, g["upto"], ctx)
    if g["lunar"]:
        return lunar_span(s, m, ctx)
    # a point with a year, month, quarter or holiday (2020年, 今年上半年, 1至11月, 春节)
    start, end = m.start(), m.end()
    # A month range written 1至11月 / 9-11月: try it before reading "1" as nothing.
    mr = patterns.MONTH_RANGE.match(s, start) if g["mr"] else None
    if mr is None and (g["y"] or g["ry"]):
        detail_start = m.start("q") if g["q"] else None
        yend = m.end("y") if g["y"] else m.end("ry")
        after_year = _YEAR_TAIL.match(s, yend)
        mr2 = patterns.MONTH_RANGE.match(s, after_year.end())
        if mr2 and not detail_start:
            mr = mr2
    year, guessed = _year_of(g, ctx, False)
    if year is None or not 1900 <= year <= 2100:
        return None
    if mr is not None and (mr.end() > end or not g["m"]):
        m1, m2 = small_number(mr.group("m1")), small_number(mr.group("m2"))
        if 1 <= m1 < m2 <= 12:
            period = (date(year, m1, 1), month_end(year, m2))
            return finish_point(s, start, mr.end(), period, "span", ctx, guessed, g)
    if g["hol"]:
        return holiday_point(s, start, end, g, year, ctx)
    if not any(g[k] for k in ("q", "h", "fm", "full", "m")) and not (g["y"] or g["ry"]):
        return None
    if g["full"] and not (g["y"] or g["ry"]):
        # 全年 / 一年 alone: the year in force (过去一年 is handled by the caller's context)
        if g["full"] == "一年" and not s[max(0, start - 2):start].endswith(("过去", "近")):
            return None
    period, kind = _detail(g, year)
    if period is None:
        return None
    if guessed and ctx.published and period[1] > ctx.published and period[0].year == ctx.published.year:
        # 12月28日—1月3日 in a January bulletin: last year's December
        period, kind = _detail(g, year - 1)
        if period is None:
            return None
    return finish_point(s, start, end, period, kind, ctx, guessed, g)


def _scope(m: re.Match[str], word: str, ctx: TimeContext) -> TimeHit:
    """期间 / 行动以来: the period in force; 同期: the same span a year before."""
    start, end = m.start(), m.end()
    if word == "同期":
        return TimeHit(start, end, word, "base", previous_year(ctx.current) if ctx.current else None)
    period = ctx.current
    if word == "行动以来" and ctx.campaign:
        period = (ctx.campaign, ctx.end_date() or ctx.campaign)
    return TimeHit(start, end, word, "scope", period)


def _up_to_now(m: re.Match[str], word: str, ctx: TimeContext) -> TimeHit | None:
    """截至目前: from the start of the period in force (or of the year the paragraph named) to the text's date."""
    start, end = m.start(), m.end()
    stop = ctx.end_date()
    if stop is None:
        return None
    if ctx.current and ctx.current[0] <= stop:
        return TimeHit(start, end, word, "span", (ctx.current[0], stop), until=True)
    if ctx.para_year and ctx.year == stop.year:
        return TimeHit(start, end, word, "span", (date(stop.year, 1, 1), stop), until=True)
    return None


def _year_of(g: dict, ctx: TimeContext, base: bool) -> tuple[int | None, bool]:
    """(year, guessed) of a point: its own, the one in force, or the publish date's."""
    if g.get("y"):
        return int(g["y"]), False
    ry = g.get("ry")
    if ry:
        ref = ctx.ref_year()
        if ref is None:
            return None, False
        if ry in ("当年", "同年"):
            return (ctx.year or ref), False
        return ref + {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}[ry], False
    if ctx.year:
        return ctx.year, False
    ref = ctx.ref_year()
    return ref, True


def _detail(g: dict, y: int) -> tuple[Period | None, str]:
    """(period, kind) of the month/quarter part of a point in year y."""
    if g.get("q"):
        q = g["q"]
        if q.startswith(("前", "首")) and q[1] in "两二三":
            n = 2 if q[1] in "两二" else 3
            return (date(y, 1, 1), month_end(y, 3 * n)), "span"
        digit = next((c for c in q if c in "一二三四1234"), "一")
        n = {"一": 1, "二": 2, "三": 3, "四": 4}.get(digit) or int(digit)
        return (date(y, 3 * n - 2, 1), month_end(y, 3 * n)), "span"
    if g.get("h"):
        return ((date(y, 1, 1), date(y, 6, 30)) if g["h"] == "上半年" else (date(y, 7, 1), date(y, 12, 31))), "span"
    if g.get("fm"):
        n = small_number(re.sub(r"[前首个月]", "", g["fm"]))
        if not 1 <= n <= 12:
            return None, "span"
        return (date(y, 1, 1), month_end(y, n)), "span"
    if g.get("m"):
        mo = small_number(g["m"])
        if not 1 <= mo <= 12:
            return None, "span"
        if g.get("d"):
            d = date(y, mo, small_number(g["d"]))
            return (d, d), "day"
        part = g.get("part")
        if part in ("底", "末"):
            e = month_end(y, mo)
            return (e, e), "day"
        if part == "初":
            d = date(y, mo, 1)
            return (d, d), "day"
        if part == "上旬":
            return (date(y, mo, 1), date(y, mo, 10)), "span"
        if part == "中旬":
            return (date(y, mo, 11), date(y, mo, 20)), "span"
        if part == "下旬":
            return (date(y, mo, 21), month_end(y, mo)), "span"
        return (date(y, mo, 1), month_end(y, mo)), "span"
    return (date(y, 1, 1), date(y, 12, 31)), "span"
