"""Expected statistics written compactly for the sentence tables of tests/stats: `R(...)` is one expected row,
`row_key(row)` the same fields of an extracted row, so the two compare as tuples."""

from __future__ import annotations

import calendar


def _period(p: str | None) -> tuple[str | None, str | None]:
    """'2020' → the year, '2021-10' → the month, 'a..b' → as written, None → no period."""
    if p is None:
        return None, None
    if ".." in p:
        a, b = p.split("..")
        return a, b
    if len(p) == 4:
        return f"{p}-01-01", f"{p}-12-31"
    y, m = map(int, p.split("-"))
    return f"{p}-01", f"{p}-{calendar.monthrange(y, m)[1]:02d}"


def R(j: str | None, p: str | None, cat: str, measure: str, metric: str, value: float,
      approx: bool = False, sub: str = "") -> tuple:
    """One expected row: jurisdiction, period (see _period), category, measure, metric, value."""
    return (j, *_period(p), cat, sub, measure, metric, float(value), approx)


def row_key(row: dict) -> tuple:
    return (row["jurisdiction"], row["period_start"], row["period_end"], row["category"],
            row["subcategory"], row["measure"], row["metric"], row["value"], row["approx"])
