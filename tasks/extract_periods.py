"""Time expressions → (start, end) dates: 2020年, 今年上半年, 1至11月, 1月9日—1月15日, 本月 …

Expressions without a year take the year in force (an earlier sentence, the title) or the publish
date's; a relative word (今年, 本周, 上月) is read against the title's period when the title names
one (a bulletin for 2021年10月 says 本月), else against the publish date. The helpers at the end
choose, among a sentence's time phrases and the ones in force, the period of one figure.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

Period = tuple[date, date]

_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_SEP = r"\s*(?:—|–|－|-|~|～|至|到)\s*"
def _detail_re(x: str) -> str:
    """The month/quarter part; `x` suffixes group names so the pattern can hold it twice."""
    return (
        rf"(?P<q{x}>第?[一二三四1-4]季度)|(?P<h{x}>上半年|下半年|前三季度)|前(?P<fm{x}>{_M})个月"
        rf"|(?P<m1{x}>{_M})(?:月(?:(?P<d1{x}>\d{{1,2}})日)?)?{_SEP}(?:(?P<y2{x}>\d{{4}})年)?"
        rf"(?:(?:(?P<m2{x}>{_M})月(?:(?P<d2{x}>\d{{1,2}})日)?)|(?P<d2b{x}>\d{{1,2}})日)"
        rf"|(?P<sm{x}>{_M})月(?P<sd{x}>\d{{1,2}})日|(?P<m{x}>{_M})月份?"
    )


_KEYS = ("q", "h", "fm", "m1", "d1", "y2", "m2", "d2", "d2b", "sm", "sd", "m")
# The lookahead lists every possible first character: `re` then skips other positions cheaply.
PERIOD_RE = re.compile(
    r"(?=[0-9今去前本上下第截年一二三四五六七八九十])"
    rf"(?P<upto>截至|截止到|截止)?"
    rf"(?:(?:(?P<y>(?:19|20)\d\d)年|(?<![较比与])(?P<ry>今年|去年|前年|本年|上年))(?:度|全年)?(?:{_detail_re('')})?(?P<since>以来)?"
    rf"|(?:{_detail_re('_x')})"
    rf"|(?<![较比与])(?P<rel>本周|上周|本月|上月|本季度|上季度|年初以来))"
)
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month(s: str) -> int:
    return _CN_MONTH[s] if s in _CN_MONTH else int(s)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def resolve(m: re.Match[str], year: int | None, anchor: Period | None, published: date | None) -> Period | None:
    """Dates of one PERIOD_RE match. `year` is the year in force, `anchor` the title's period."""
    try:
        return _resolve(m, year, anchor, published)
    except (ValueError, KeyError, OverflowError):
        return None  # 2月30日 and other impossible dates


def _resolve(m: re.Match[str], year: int | None, anchor: Period | None, published: date | None) -> Period | None:
    g = m.groupdict()
    for k in _KEYS:
        g[k] = g[k] or g[k + "_x"]
    base = anchor[1] if anchor else published
    if g["rel"]:
        return _relative(g["rel"], anchor, published)
    if g["y"]:
        y, guessed = int(g["y"]), False
    elif g["ry"]:
        ref = published or (anchor[1] if anchor else None)
        if ref is None:
            return None
        y, guessed = ref.year + {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}[g["ry"]], False
    elif year:
        y, guessed = year, False
    elif base:
        y, guessed = base.year, True
    else:
        return None
    p = _detail(g, y)
    if p is None:
        return None
    if guessed and published and p[1] > published and p[0].year == published.year:
        p = _detail(g, y - 1)  # 12月28日—1月3日 in a January bulletin: last year's December
        if p is None:
            return None
    if g["upto"]:
        p = (date(p[1].year, 1, 1), p[1])
    elif g["since"]:
        p = (p[0], published or p[1])
    return p


def _detail(g: dict, y: int) -> Period | None:
    if g["q"]:
        q = _QUARTER[g["q"].lstrip("第")[0]]
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if g["h"]:
        return {"上半年": (date(y, 1, 1), date(y, 6, 30)), "下半年": (date(y, 7, 1), date(y, 12, 31)),
                "前三季度": (date(y, 1, 1), date(y, 9, 30))}[g["h"]]
    if g["fm"]:
        return date(y, 1, 1), _month_end(y, _month(g["fm"]))
    if g["m1"]:
        m1 = _month(g["m1"])
        y2 = int(g["y2"]) if g["y2"] else y
        m2 = _month(g["m2"]) if g["m2"] else m1
        d2 = g["d2"] or g["d2b"]
        if g["d1"]:
            start = date(y, m1, int(g["d1"]))
            end = date(y2, m2, int(d2)) if d2 else _month_end(y2, m2)
            if end < start and not g["y2"]:
                end = date(y + 1, m2, end.day)
            return start, end
        if d2:
            return None  # 1至15日 without a start day is not a period
        return date(y, m1, 1), _month_end(y2, m2)
    if g["sm"]:
        d = date(y, _month(g["sm"]), int(g["sd"]))
        return d, d
    if g["m"]:
        mm = _month(g["m"])
        return date(y, mm, 1), _month_end(y, mm)
    return date(y, 1, 1), date(y, 12, 31)


def _relative(word: str, anchor: Period | None, published: date | None) -> Period | None:
    if word == "年初以来":
        return (date(published.year, 1, 1), published) if published else None
    span = (anchor[1] - anchor[0]).days + 1 if anchor else 0
    if word in ("本周", "上周"):
        if anchor and span == 7:
            cur = anchor
        elif published:
            monday = published - timedelta(days=published.weekday())
            cur = (monday, monday + timedelta(days=6))
        else:
            return None
        return cur if word == "本周" else previous_span(cur)
    if word in ("本月", "上月"):
        if anchor and 28 <= span <= 31 and anchor[0].day == 1:
            cur = anchor
        elif published:
            cur = (published.replace(day=1), _month_end(published.year, published.month))
        else:
            return None
        return cur if word == "本月" else previous_span(cur)
    ref = anchor[1] if anchor else published
    if ref is None:
        return None
    q = (ref.month - 1) // 3 + 1
    cur = (date(ref.year, 3 * q - 2, 1), _month_end(ref.year, 3 * q))
    return cur if word == "本季度" else previous_span(cur)


def previous_year(p: Period) -> Period:
    def back(d: date) -> date:
        return d.replace(year=d.year - 1, day=min(d.day, calendar.monthrange(d.year - 1, d.month)[1]))
    return back(p[0]), back(p[1])


def previous_span(p: Period) -> Period:
    """The span just before: last week for a week, last month for a month, last quarter …"""
    s, e = p
    if s.day == 1 and e == _month_end(e.year, e.month):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        idx = s.year * 12 + s.month - 1 - months
        ps = date(idx // 12, idx % 12 + 1, 1)
        pe = s - timedelta(days=1)
        return ps, pe
    length = (e - s).days + 1
    return s - timedelta(days=length), s - timedelta(days=1)


@lru_cache(maxsize=4096)
def resolve_text(text: str, year: int | None, anchor: Period | None, published: date | None) -> Period | None:
    """Reports repeat the same few time phrases; resolving each once per context saves ~10%."""
    m = PERIOD_RE.fullmatch(text)
    return resolve(m, year, anchor, published) if m else None


@lru_cache(maxsize=4096)
def iso_dates(period: Period | None) -> tuple[str | None, str | None]:
    return (period[0].isoformat(), period[1].isoformat()) if period else (None, None)


def carried_period(periods: list[tuple], period: Period | None) -> Period | None:
    """The period in force after a sentence: its last time phrase outside 在…的基础上."""
    main = [p for _, p, in_base, _ in periods if not in_base]
    return main[-1] if main else period


def main_period(pos: int, periods: list, before: list, carried: Period | None,
                title: Period | None) -> Period | None:
    """Period of a figure: the sentence's last period before it; else the year after a
    在2019年…的基础上 (再次下降 is the next year's change); else the period in force; else one
    named later in the sentence (…是2020年“成绩单”的全部), never a 以来 span; else the title's."""
    main = [p for p, in_base in before if not in_base]
    if main:
        return main[-1]
    base = [p for p, in_base in before if in_base]
    if base and base[-1][0].month == 1 and base[-1][0].day == 1 and base[-1][1].month == 12:
        y = base[-1][0].year + 1
        return date(y, 1, 1), date(y, 12, 31)
    if carried:
        return carried
    later = [p for at, p, in_base, since in periods if at > pos and not in_base and not since]
    return later[0] if later else title
