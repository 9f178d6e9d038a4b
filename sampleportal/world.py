"""The sample portal's imaginary crime world: one true figure per place, series, measure and period.

Every story that quotes a figure asks this world for it, so two reports on 大岭山 2020 never
disagree (the trend table's `conflict` stays meaningful), a percentage agrees with the counts of
both years, and the 2019 drop quoted in a 2020 report equals the one a 2019 report gave.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache

from .categories import COMPOSITION, CRIMES
from .places import PLACE_BY_JURISDICTION

_MEASURE_FACTOR = {"reports": 1.0, "cases_filed": 0.62, "cases_solved": 0.31, "arrests": 0.36}


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @cached_property
    def key(self) -> str:  # cached: hashed into the key of every figure
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def prev_year(self) -> Period:
        return Period(_minus_year(self.start), _minus_year(self.end))

    def prev_span(self) -> Period:
        """The period just before, of the same kind (week, month, quarter)."""
        if self.start.day == 1 and (self.end + timedelta(days=1)).day == 1:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            y, m = self.start.year, self.start.month - months
            while m < 1:
                m += 12
                y -= 1
            first = date(y, m, 1)
            return Period(first, self.start - timedelta(days=1))
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))


def _minus_year(d: date) -> date:
    if d.month == 2 and d.day == 29:
        return date(d.year - 1, 2, 28)
    return d.replace(year=d.year - 1)


def month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)


def year_period(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31))


def months_period(y: int, m1: int, m2: int) -> Period:
    return Period(date(y, m1, 1), month_end(y, m2))


@dataclass(frozen=True)
class Fig:
    """A count as a report prints it: `value` is what the text says (2000 for 两千多)."""

    value: int
    approx: bool
    style: str  # exact | duo (多) | yu (余) | jin (近) | yue (约…万) | wan1 | wan2 (1.2万 / 1.25万)
    exact: int


@dataclass(frozen=True)
class Pct:
    value: float   # signed and rounded as printed: 下降49.55% -> -49.55
    decimals: int

    @property
    def whole_tenths(self) -> bool:
        """Printable as 成 (下降5成) without changing the value."""
        return self.decimals == 0 and self.value != 0 and self.value % 10 == 0 and abs(self.value) <= 90


class World:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        # Per-instance caches: trend levels are recursive over years, so memoize them.
        self._level = lru_cache(maxsize=50_000)(self._level_uncached)
        self.exact = lru_cache(maxsize=50_000)(self._exact_uncached)  # type: ignore[method-assign]
        self._base = lru_cache(maxsize=50_000)(
            lambda jur, series, measure: 0.7 + 0.6 * self._u("rate", jur, series, measure))

    def _u(self, *parts: object) -> float:
        """A uniform in [0, 1) fixed by the key: cheaper than seeding a Random per figure."""
        key = "|".join(str(p) for p in (self.seed, *parts)).encode()
        return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") / 2**64

    def _level_uncached(self, jur: str, series: str, measure: str, year: int) -> float:
        if year <= 2012:
            return 1.0
        # Dongguan's reported crime fell most years after 2015; telecom fraud rose until 2021.
        mu = -0.09 if year > 2015 else -0.02
        if series == "telecom_fraud":
            mu = (0.14 if year <= 2021 else -0.22) if year > 2015 else 0.0
        u1, u2 = self._u("trend", jur, series, measure, year), self._u("trend2", jur, series, measure, year)
        gauss = math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)
        g = max(-0.6, min(0.45, mu + 0.14 * gauss))
        return self._level(jur, series, measure, year - 1) * math.exp(g)

    def _exact_uncached(self, jur: str, series: str, measure: str, period: Period) -> int:
        place = PLACE_BY_JURISDICTION[jur]
        if place.parts:
            return sum(self.exact(f"{jur}{p}", series, measure, period) for p in place.parts)
        total = sum(self.exact(jur, s, measure, period) for s in COMPOSITION.get(series, ()))
        crime = CRIMES[series]
        if crime.rate <= 0:
            return total
        base = self._base(jur, series, measure)
        mid = period.start + timedelta(days=period.days // 2)
        expected = (crime.rate * place.scale * _MEASURE_FACTOR[measure] * base * period.days
                    * self._level(jur, series, measure, mid.year))
        u = self._u("n", jur, series, measure, period.key)
        if expected < 30:
            return total + _poisson(u, expected)
        return total + max(0, round(expected * (0.9 + 0.2 * u)))

    def count(self, jur: str, series: str, measure: str, period: Period) -> Fig:
        v = self.exact(jur, series, measure, period)
        # Weekly bulletins and 厦门's 岛内/岛外 split print exact figures that must add up.
        if v == 0 or jur.startswith("厦门市") or period.days < 28:
            return Fig(v, False, "exact", v)
        # The style belongs to the figure, not the story, so every report prints the same value.
        r = self._u("style", jur, series, measure, period.key)
        k = 10 ** (len(str(v)) - 1)
        if v >= 10_000:
            if r < 0.3:
                return Fig(round(v, -3), False, "wan1", v)
            if r < 0.45:
                return Fig(round(v, -2), False, "wan2", v)
            if r < 0.55:
                return Fig(round(v, -3), True, "yue", v)
            if r < 0.62 and v % k:
                return Fig(v // k * k, True, "duo", v)
            return Fig(v, False, "exact", v)
        if v >= 20:
            if r < 0.06 and v % k:
                return Fig(v // k * k, True, "duo", v)
            step = 10 if v < 1000 else 100
            if r < 0.1 and v >= 100 and v % step:
                return Fig(v // step * step, True, "yu", v)
            up = (v // k + 1) * k
            if r < 0.13 and v >= 0.9 * up:
                return Fig(up, True, "jin", v)
        return Fig(v, False, "exact", v)

    def change(self, jur: str, series: str, measure: str, period: Period, prior: Period) -> Pct | None:
        now = self.exact(jur, series, measure, period)
        before = self.exact(jur, series, measure, prior)
        if before < 5 or now == 0:
            return None  # percentages of tiny bases are not printed by real bulletins either
        pct = (now - before) / before * 100
        d = (0, 1, 1, 2, 2)[int(self._u("dec", jur, series, measure, period.key, prior.key) * 5)]
        text = f"{pct:.{d}f}"
        value = float(text)
        return Pct(0.0 if value == 0 else value, d)


def _poisson(u: float, lam: float) -> int:
    """Inverse-CDF Poisson draw from one uniform (small means only)."""
    if lam <= 0:
        return 0
    k, p = 0, math.exp(-lam)
    cum = p
    while u > cum and k < 200:
        k += 1
        p *= lam / k
        cum += p
    return k
