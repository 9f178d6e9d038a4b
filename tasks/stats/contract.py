"""Guard between extraction and the warehouse: only mentions that satisfy the data contract land."""

from __future__ import annotations

import logging
import math
from functools import lru_cache

from tasks.stats.categories import category_codes
from warehouse import variables

log = logging.getLogger(__name__)

# The SPEC's lists live once, in warehouse/models/schema.yml (`vars`), which the warehouse's data tests read too.
_VARS = variables()
MEASURES = frozenset(_VARS["measures"])
METRICS = frozenset(_VARS["metrics"])
PERCENT_METRICS = frozenset(_VARS["percent_metrics"])
PERCENT_RANGE = (_VARS["percent_min"], _VARS["percent_max"])


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    return frozenset(category_codes())


def problem(m: dict) -> str | None:
    """Why a mention breaks the contract, or None."""
    value = m.get("value")
    if not isinstance(value, int | float) or math.isnan(value) or math.isinf(value):
        return "value is not a number"
    if m.get("category") not in _codes():
        return f"unknown category {m.get('category')!r}"
    if m.get("measure") not in MEASURES or m.get("metric") not in METRICS:
        return "unknown measure or metric"
    if m["metric"] == "count" and value < 0:
        return "negative count"
    if m["metric"] in PERCENT_METRICS and not PERCENT_RANGE[0] <= value <= PERCENT_RANGE[1]:
        return "percentage out of range"
    start, end = m.get("period_start"), m.get("period_end")
    if (start is None) != (end is None) or (start and end and start > end):
        return "bad period"
    return None


def valid_mentions(mentions: list[dict]) -> list[dict]:
    out = []
    for m in mentions:
        why = problem(m)
        if why:
            log.warning("statistic dropped (%s): %s", why, m.get("evidence"))
        else:
            out.append(m)
    return out
