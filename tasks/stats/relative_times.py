"""Time phrases that name no date of their own: relative words (本周, 上月, 本季度), campaign lengths
(四十天来), holidays (春节, 国庆长假) and lunar days (从大年三十到正月十五)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tasks.stats import time_patterns as patterns  # patterns through their module: see statement_words
from tasks.stats.holidays import holiday_period, lunar_date
from tasks.stats.periods import Period, TimeContext, TimeHit, month_end, previous_span, small_number
from tasks.stats.time_ranges import finish_point

_HOLIDAY_TAIL = re.compile(r"[”\"]?(?:节)?(?:小长假|长假|假期|黄金周|假日)")


def holiday_point(s: str, start: int, end: int, g: dict, year: int, ctx: TimeContext) -> TimeHit | None:
    """春节 / 2023年国庆长假 / 三月三的3天假期: the days off of a holiday, from the calendar or the text."""
    word = g["hol"].strip("“”\"")
    word = {"新春": "春节"}.get(word, word)
    if g["y"] or g["ry"]:
        period = holiday_period(word, year)
    else:
        period = _nearest_holiday(word, year, ctx)
    if period is None:
        return None
    days = re.match(r"[”\"]?(?:的|节)?(\d{1,2}|[两三四五六七八九十])[天日](?:假期|长假|小长假)", s[end:end + 8])
    # 元旦假期 / 国庆长假 / 春节黄金周: the words for the days off belong to the holiday's name
    tail = _HOLIDAY_TAIL.match(s, end)
    if tail and not days:
        end = tail.end()
    if days and word == "三月三":
        # a regional holiday whose days off the calendar package does not list: the text says how many
        n = small_number(days.group(1).replace("两", "二"))
        period = (period[0], period[0] + timedelta(days=n - 1))
        ctx.holidays[(word, period[0].year)] = period
    elif (word, period[0].year) in ctx.holidays:
        period = ctx.holidays[(word, period[0].year)]  # named again: the days the text gave before
    hit = finish_point(s, start, end, period, "span", ctx, False, g)
    if hit is not None:
        hit.holiday = True
    return hit


def _nearest_holiday(word: str, year: int, ctx: TimeContext) -> Period | None:
    """A holiday named without its year: the last one that began by the time the figures were told
    (元旦 in a 2024-01-04 report is 2023-12-30..2024-01-01, even after a "2023年12月31日" caption)."""
    told = ctx.report or ctx.published
    if told is None:
        return holiday_period(word, year)
    options = [p for y in (year + 1, year, year - 1) if (p := holiday_period(word, y)) is not None]
    before = [p for p in options if p[0] <= told]
    if not before:
        return holiday_period(word, year)
    best = max(before)
    return best if (told - best[0]).days <= 400 else holiday_period(word, year)


def duration_point(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    """N天来: the N days from the campaign's start when one is in force, else the N days to the text's date."""
    digits = re.match(r"\d+|[一二两三四五六七八九十百]+", m.group("dur")).group()
    n = small_number(digits)
    if not n or n > 400:
        return None
    end = m.end() + (2 if s.startswith("以来", m.end()) else 1 if s.startswith("来", m.end()) else 0)
    if ctx.campaign is not None:
        period = (ctx.campaign, ctx.campaign + timedelta(days=n - 1))
    else:
        stop = ctx.end_date()
        if stop is None:
            return None
        period = (stop - timedelta(days=n - 1), stop)
    ctx.current = period
    return TimeHit(m.start(), end, s[m.start():end], "span", period)


def relative_point(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    """年初以来 / 一周来 / 本周, 上周 / 本月, 上月 / 本季度, 上季度: against the title's period or the text's date."""
    word = m.group("rel")
    start, end = m.start(), m.end()
    if word == "年初以来":
        ref = ctx.end_date()
        if ref is None:
            return None
        return TimeHit(start, end, word, "span", (date(ref.year, 1, 1), ref), since=True)
    if word in ("一周以来", "一周来", "近一周"):
        ref = ctx.report or ctx.published
        if ref is None:
            return None
        return TimeHit(start, end, word, "span", (ref - timedelta(days=6), ref))
    anchor = ctx.anchor
    span = (anchor[1] - anchor[0]).days + 1 if anchor else 0
    if word in ("本周", "上周", "上一周"):
        if anchor and span == 7:
            cur = anchor
        elif ctx.published:
            monday = ctx.published - timedelta(days=ctx.published.weekday())
            cur = (monday, monday + timedelta(days=6))
        else:
            return None
        period = cur if word == "本周" else previous_span(cur)
        if word != "本周" and patterns.BASE_BEFORE.search(s[max(0, start - 2):start]):
            return TimeHit(start, end, word, "base", period)
        return TimeHit(start, end, word, "span", period)
    if word in ("本月", "上月"):
        if anchor and 28 <= span <= 31 and anchor[0].day == 1:
            cur = anchor
        elif ctx.published:
            cur = (ctx.published.replace(day=1), month_end(ctx.published.year, ctx.published.month))
        else:
            return None
        period = cur if word == "本月" else previous_span(cur)
        kind = "base" if word == "上月" and patterns.BASE_BEFORE.search(s[max(0, start - 2):start]) else "span"
        return TimeHit(start, end, word, kind, period)
    ref = anchor[1] if anchor else ctx.published
    if ref is None:
        return None
    q = (ref.month - 1) // 3 + 1
    cur = (date(ref.year, 3 * q - 2, 1), month_end(ref.year, 3 * q))
    return TimeHit(start, end, word, "span", cur if word == "本季度" else previous_span(cur))


_LUNAR_DAY = re.compile(r"(?:大年|农历)?(三十|除夕|元宵|正月(初[一二三四五六七八九十]|十五|十[一二三四六七八九]|二十))")


def _lunar_point(text: str, year: int) -> date | None:
    lm = _LUNAR_DAY.fullmatch(text.strip())
    if lm is None:
        return None
    word = lm.group(1)
    if word in ("三十", "除夕"):
        return lunar_date(year - 1, 12, 30)
    if word == "元宵":
        return lunar_date(year, 1, 15)
    day = lm.group(2)
    return lunar_date(year, 1, small_number(day[1:] if day.startswith("初") else day))


def lunar_span(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    """从大年三十到正月十五: a span of lunar days around the Spring Festival of the year in force."""
    year = ctx.year or ctx.ref_year()
    if year is None:
        return None
    first = _lunar_point(m.group("lunar"), year)
    sep = patterns.SEP.match(s, m.end())
    if first is None or sep is None:
        return None
    em = _LUNAR_DAY.match(s, sep.end())
    if em is None:
        return None
    last = _lunar_point(em.group(), year)
    if last is None or last < first:
        return None
    return TimeHit(m.start(), em.end(), s[m.start():em.end()], "span", (first, last), holiday=True)
