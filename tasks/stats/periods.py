"""Periods and the time phrases that name them: the types the readers share, and date arithmetic.

A `Period` is a closed range of dates. A `TimeHit` is one time phrase of a sentence with its period and the
role it plays (tasks.stats.time_phrases reads them); a `TimeContext` is what relative and partial phrases
resolve against as a text is read.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

Period = tuple[date, date]

_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_DAY = timedelta(days=1)


def small_number(s: str) -> int:
    """A day, month or count of days as written: 15, 十五, 二十三, 三十, 四十, 一百二十."""
    if s.isdigit():
        return int(s)
    total, digit = 0, 0
    for c in s.replace("两", "二"):
        if c in "百十":
            total += (digit or 1) * (100 if c == "百" else 10)
            digit = 0
        else:
            digit = _CN_NUM.get(c, 0)
    return total + digit


def month_end(y: int, m: int) -> date:
    """The last day of month m of year y."""
    return date(y, m, calendar.monthrange(y, m)[1])


@dataclass(slots=True)
class TimeHit:
    """One time phrase of a sentence: where it is, its kind (see tasks.stats.time_phrases), its period."""

    start: int
    end: int
    text: str
    kind: str                  # span | day | scope | base | past
    period: Period | None
    since: bool = False        # a 以来 span, ended by the date the text gives for its figures
    until: bool = False        # a 截至 span
    holiday: bool = False
    listed: bool = False       # an item of a 分别 list (10月、11月…分别): the period of one figure only


@dataclass(slots=True)
class TimeContext:
    """What relative and partial phrases resolve against; updated as the text is read."""

    published: date | None
    report: date | None = None          # the date the figures were told (dateline, press conference)
    year: int | None = None             # the year in force
    anchor: Period | None = None        # the title's / bulletin's period (本月, 本周)
    current: Period | None = None       # the period in force (期间, 同期, 行动以来)
    until: date | None = None           # the last 截至 date of the paragraph
    campaign: date | None = None        # the start of the campaign in force (…开展以来)
    para_year: bool = False             # the paragraph named a year (截至目前 needs one)
    holidays: dict = field(default_factory=dict)  # (word, year) → the days off the text itself gave

    def end_date(self) -> date | None:
        return self.until or self.report or self.published

    def ref_year(self) -> int | None:
        if self.published:
            return self.published.year
        return self.anchor[1].year if self.anchor else None


def previous_year(p: Period) -> Period:
    """The same span a year before (29 February → 28 February)."""
    def back(d: date) -> date:
        return d.replace(year=d.year - 1, day=min(d.day, calendar.monthrange(d.year - 1, d.month)[1]))
    return back(p[0]), back(p[1])


def shift_year(p: Period, year: int) -> Period | None:
    """The same span in another year (2019年同期 of 2023-01..05 → 2019-01..05)."""
    delta = year - p[1].year
    try:
        s = p[0].replace(year=p[0].year + delta, day=min(p[0].day, calendar.monthrange(p[0].year + delta, p[0].month)[1]))
        e = p[1].replace(year=year, day=min(p[1].day, calendar.monthrange(year, p[1].month)[1]))
    except ValueError:
        return None
    return s, e


def previous_span(p: Period) -> Period:
    """The span just before: last week for a week, last month for a month, last quarter …"""
    s, e = p
    if s.day == 1 and e == month_end(e.year, e.month):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        idx = s.year * 12 + s.month - 1 - months
        return date(idx // 12, idx % 12 + 1, 1), s - _DAY
    length = (e - s).days + 1
    return s - timedelta(days=length), s - _DAY


@lru_cache(maxsize=4096)
def iso_dates(period: Period | None) -> tuple[str | None, str | None]:
    """(start, end) as ISO dates, or (None, None)."""
    return (period[0].isoformat(), period[1].isoformat()) if period else (None, None)
