"""What the words around a time point make of it: a range (X至Y), an until (截至X), a since (X以来,
自X…以来, 从X起) or the base of a comparison (较X, 与X相比)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tasks.stats import time_patterns as patterns  # patterns through their module: see statement_words
from tasks.stats.periods import Period, TimeContext, TimeHit, month_end, shift_year, small_number

# 2022年和2019年同期: a year listed before the base it shares.
_LISTED_BASE = re.compile(r"[和、与及]\s*((?:19|20)\d\d)年同期")
# 自6月25日 / 从5月20日: a point that starts a since (…以来, …起), never a base.
_FROM_BEFORE = re.compile(r"(?:自|从|自从|于)\s*$")
_DAY = timedelta(days=1)


def finish_point(s: str, start: int, end: int, period: Period, kind: str, ctx: TimeContext, guessed: bool,
                 g: dict) -> TimeHit | None:
    """Ranges (X至Y), until (截至X), since (X以来, 自X…以来, 从X起) and bases (较X, 与X相比) around a point."""
    before = s[max(0, start - 6):start]
    # ---- ranges: a point followed by 至/到/— and an end point
    sep = patterns.SEP.match(s, end)
    if sep and kind in ("day", "span"):
        em = patterns.RANGE_END.match(s, sep.end())
        if em and em.end() > sep.end():
            stop = _range_end(em, period, ctx)
            if stop is not None and stop >= period[0]:
                period, kind, end = (period[0], stop), "span", em.end()
                guessed = False
    text = s[start:end]
    # ---- bases: 较2019年同期 / 与2019年相比 / 比去年 / 在2019年…的基础上 / 由前年的
    if patterns.BASE_BEFORE.search(before) and not _FROM_BEFORE.search(before[-1:]):
        if s.startswith("同期", end):
            end += 2
        base = period
        if g.get("ry") in ("去年", "上年", "前年") and ctx.current and kind == "span" and not g.get("q") \
                and not g.get("h") and not g.get("m") and not g.get("fm"):
            # 较去年 / 由去年的: the same span a year (or two) back, not the whole year
            # (去年 and 前年 count back from the date of the text: in a 2018 report on 2017, 前年 is 2016)
            back = {"去年": 1, "上年": 1, "前年": 2}[g["ry"]]
            ref = ctx.ref_year() or ctx.current[1].year
            target = ref - back if g["ry"] != "上年" else ctx.current[1].year - 1
            base = shift_year(ctx.current, min(target, ctx.current[1].year - 1))
        elif s.startswith("同期", end - 2) and ctx.current and kind == "span":
            base = shift_year(ctx.current, period[1].year)
        return TimeHit(start, end, s[start:end], "base", base)
    listed = _LISTED_BASE.match(s[end:])
    if listed and g.get("y") and not g.get("m") and not g.get("q") and not g.get("h") and not g.get("fm"):
        base = shift_year(ctx.current, period[1].year) if ctx.current else None
        return TimeHit(start, end, text, "base", base)
    if s.startswith("同期", end):
        # 2019年同期 / 去年同期: the span in force, in that year
        base = shift_year(ctx.current, period[1].year) if ctx.current else None
        return TimeHit(start, end + 2, s[start:end + 2], "base", base)
    hit = _until_since(s, start, end, text, period, kind, ctx, g)
    if hit.kind in ("span", "day"):
        if hit.kind == "span" and not g.get("hol") and (not guessed or ctx.year is None):
            ctx.year = hit.period[1].year
        if g.get("y") or g.get("ry"):
            ctx.year = hit.period[1].year if hit.kind == "span" else hit.period[0].year
            ctx.para_year = True
    if hit.kind == "span" and not hit.until and not hit.since:
        ctx.current = hit.period
    return hit


_UNTIL_BEFORE = re.compile(r"(?:截至|截止到|截止|截止至|至|到)\s*$")
_SINCE_AFTER = re.compile(r"\s*(?:以来|来|起|开始)")
_CLAUSE_END = re.compile(r"[，,；;。：:]")


def _until_since(s: str, start: int, end: int, text: str, period: Period, kind: str, ctx: TimeContext,
                 g: dict) -> TimeHit:
    """截至X: from the start of the period in force to X; X以来 / 自X…以来 / 从X起: from X to the date the
    text gives for its figures; else the point as it is."""
    before = s[max(0, start - 6):start]
    # ---- until: 截至10月底 / 截至5月14日 / 截至2021年11月
    if _UNTIL_BEFORE.search(before) and s[max(0, start - 1):start] not in ("-", "—"):
        stop = period[1]
        ctx.until = stop
        begin = date(stop.year, 1, 1)
        if ctx.current and ctx.current[0] <= stop <= ctx.current[1] + timedelta(days=1):
            begin = ctx.current[0]
        elif ctx.campaign and ctx.campaign <= stop:
            begin = ctx.campaign
        return TimeHit(start, end, text, "span", (begin, stop), until=True)
    # ---- since: 今年以来 / 自6月25日…开展以来 / 从5月20日起
    clause_end = _CLAUSE_END.search(s[end:])
    clause = s[end:end + clause_end.start()] if clause_end else s[end:]
    since_here = _SINCE_AFTER.match(s, end)
    if since_here and g.get("full") == "一年":
        since_here = None  # 去年一年来: that year
    since_later = _FROM_BEFORE.search(before) or (kind == "day" and re.search(r"(?:开展|启动|部署|实施|开始|打响)\S{0,4}以来", clause))
    if since_here or (since_later and re.search(r"以来|起", clause)):
        begin = period[0]
        if since_here:
            end = since_here.end()
        stop = ctx.end_date()
        if kind == "span" and period[1] < (ctx.report or ctx.published or period[1]) and period[0].year < (ctx.ref_year() or 0) \
                and not g.get("m"):
            return TimeHit(start, end, s[start:end], "past", None)
        if stop is None or stop < begin:
            return TimeHit(start, end, s[start:end], "span", period)
        if since_here and re.search(r"(?:还未|尚未|未|没有|仍未)[\u4e00-\u9fff]{0,6}的", clause):
            return TimeHit(start, end, s[start:end], "past", None)  # 今年以来还未侦破的案件: a modifier
        ctx.campaign = begin
        return TimeHit(start, end, s[start:end], "span", (begin, stop), since=True)
    return TimeHit(start, end, text, kind, period)


def _range_end(em: re.Match[str], first: Period, ctx: TimeContext) -> date | None:
    """The last day of a range's end point (底, 下旬, a day, 昨日); None when it cannot end the range."""
    g = em.groupdict()
    if g["rel"]:
        ref = ctx.report or ctx.published
        if ref is None:
            return None
        return ref - _DAY if g["rel"] in ("昨晚", "昨日", "昨天") else ref
    if g["ye"] or g["y2"]:
        return date(int(g["y2"]) if g["y2"] else first[0].year, 12, 31)
    y = int(g["y"]) if g["y"] else first[0].year
    g["d"] = g["d"] or g["d2"]
    mo = small_number(g["m"]) if g["m"] else first[0].month
    if g["part"] in ("底", "末") or (g["m"] and not g["d"] and not g["part"]):
        return month_end(y, mo)
    if g["part"] == "上旬":
        return date(y, mo, 10)
    if g["part"] == "中旬":
        return date(y, mo, 20)
    if g["part"] == "下旬":
        return month_end(y, mo)
    if g["d"]:
        d = date(y, mo, small_number(g["d"]))
        if d < first[0] and not g["y"] and not g["m"]:
            return None
        if d < first[0] and not g["y"]:
            d = d.replace(year=y + 1)
        return d
    return None
