"""Collapse repeated statistics within one article, and headline figures that restate the body.

A story often states a figure twice (a photo caption and the text, the lede and the data
paragraph); the SPEC wants one row per statistic. A headline (违法犯罪警情同比再降5成) usually
rounds a body figure (-49.55%) and must not become a second fact.
"""

from __future__ import annotations


def dedupe(rows: list[dict]) -> list[dict]:
    """One row per statistic: repeats collapse, and an undated copy of a dated one goes."""
    keyed = [((r["jurisdiction"], r["category"], r["subcategory"], r["measure"], r["metric"], r["value"]),
              r["period_start"], r["period_end"], r) for r in rows]
    dated = {series for series, start, _, _ in keyed if start}
    seen: set[tuple] = set()
    out = []
    for series, start, end, r in keyed:
        key = (series, start, end)
        if key in seen or (start is None and series in dated):
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


def merge_title_rows(body: list[dict], title: list[dict]) -> list[dict]:
    """Body rows plus the title's rows that do not restate one of them."""
    return body + [t for t in title if not any(_restates(t, b) for b in body)]
