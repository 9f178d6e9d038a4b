"""Public holidays as the periods a holiday bulletin covers: 春节 2019 → 2019-02-04..02-10.

A bulletin's "国庆长假" or "春节期间" means the official days off of that year, weekends joined to
them included (元旦 2024 ran 2023-12-30..2024-01-01). Those dates come from the maintained
`chinese-calendar` package (the State Council's notices, 2004 on); for years it does not cover, the
traditional dates are computed from the lunar calendar (`lunar_python`) and the usual lengths.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar
from lunar_python import Lunar, LunarYear

Period = tuple[date, date]

# The holiday names chinese-calendar uses, keyed by the words texts use.
_NAMES = {
    "春节": "Spring Festival", "国庆": "National Day", "十一": "National Day", "中秋": "Mid-autumn Festival",
    "元旦": "New Year's Day", "清明": "Tomb-sweeping Day", "五一": "Labour Day", "劳动节": "Labour Day",
    "端午": "Dragon Boat Festival", "三月三": "Double Third Festival",
}
_DAY = timedelta(days=1)


def _known_years() -> tuple[int, int]:
    days = chinese_calendar.holidays
    return min(days).year, max(days).year


@lru_cache(maxsize=512)
def holiday_period(word: str, year: int) -> Period | None:
    """The days off of one holiday in one year, or None for an unknown word or year out of range."""
    name = _NAMES.get(word)
    if name is None or not 1901 <= year <= 2099:
        return None
    first, last = _known_years()
    if first <= year <= last:
        days = sorted(d for d, n in chinese_calendar.holidays.items() if n == name and _holiday_year(d, name) == year)
        if days:
            start, end = days[0], days[-1]
            while chinese_calendar.is_holiday(start - _DAY):
                start -= _DAY
            while chinese_calendar.is_holiday(end + _DAY):
                end += _DAY
            return start, end
    return _traditional(name, year)


def _holiday_year(d: date, name: str) -> int:
    # The New Year holiday of 2024 starts on 2023-12-30: it belongs to the year of its 1 January.
    return d.year + 1 if name == "New Year's Day" and d.month == 12 else d.year


def _traditional(name: str, year: int) -> Period | None:
    if name == "Spring Festival":
        first = lunar_date(year, 1, 1)
        return (first - _DAY, first + timedelta(days=5)) if first else None
    if name in ("Mid-autumn Festival", "Dragon Boat Festival", "Double Third Festival"):
        month, day = {"Mid-autumn Festival": (8, 15), "Dragon Boat Festival": (5, 5), "Double Third Festival": (3, 3)}[name]
        d = lunar_date(year, month, day)
        if d and name == "Double Third Festival":
            return d, d + _DAY  # Guangxi's two days off (壮族三月三)
        return (d, d) if d else None
    fixed = {"National Day": ((10, 1), (10, 7)), "New Year's Day": ((1, 1), (1, 1)),
             "Labour Day": ((5, 1), (5, 7) if year < 2008 else (5, 3)), "Tomb-sweeping Day": ((4, 4), (4, 6))}
    (m1, d1), (m2, d2) = fixed[name]
    return date(year, m1, d1), date(year, m2, d2)


@lru_cache(maxsize=4096)
def lunar_date(year: int, month: int, day: int) -> date | None:
    """A lunar calendar day (正月十五 → year, 1, 15) as a solar date; day 30 of a short month is its last day,
    so 大年三十 (year - 1, 12, 30) is always the eve."""
    if not 1901 <= year <= 2099 or not 1 <= month <= 12 or not 1 <= day <= 30:
        return None
    try:
        day = min(day, LunarYear.fromYear(year).getMonth(month).getDayCount())
        solar = Lunar.fromYmd(year, month, day).getSolar()
    except Exception:  # noqa: BLE001 - the library raises bare Exceptions for dates it cannot convert
        return None
    return date(solar.getYear(), solar.getMonth(), solar.getDay())
