"""Publish times written the ways Chinese portals write them → ISO-8601 with a UTC offset.

htmldate and dateparser both misread 发布时间:2017年01月20日 (see LIBRARIES.md), so dates are matched
with explicit patterns: 2021-03-24 15:59, 2021年03月24日 15:59, 2021/3/24, 2021.03.24, 20210324 in
URLs, ISO strings from meta tags and JSON-LD. Naive page times are Beijing time (+08:00, no DST).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))

_SEP_YM = r"(?:\s*[-/.年]\s*|\s+)"
_SEP_MD = r"\s*[-/.月]\s*"
_TIME = r"(?:\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
# Year 1990–2039: older years in news pages are almost always historical references, not times.
_FULL_RE = re.compile(
    r"(?<!\d)((?:19[89]|20[0-3])\d)" + _SEP_YM + r"(\d{1,2})" + _SEP_MD + r"(\d{1,2})(?!\d)\s*日?" + _TIME
)
DATE_RE = _FULL_RE  # public name: callers that need match positions (generic_extract)
_ISO_OFFSET_RE = re.compile(r"(Z|[+-]\d{2}:?\d{2})\s*$")
# Year-less "09-30 22:46" / "09月30日 22:46" shown by some apps; the year must come from elsewhere.
_PARTIAL_RE = re.compile(r"(?<![\d-])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s+(\d{1,2})[:：](\d{2})(?!\d)")
_URL_RE = re.compile(r"(?<!\d)((?:199|20[0-3])\d)[-/_]?(\d{2})[-/_]?(\d{2})(?!\d)")


def _build(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime | None:
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=BEIJING)
    except ValueError:
        return None


def _fmt(dt: datetime) -> str:
    return dt.astimezone(BEIJING).isoformat(timespec="seconds")


def find_datetime(text: str | None) -> tuple[str, bool] | None:
    """First full date (with time if given) in ``text``: (ISO string, has_time), or None."""
    if not text:
        return None
    for m in _FULL_RE.finditer(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        has_time = m[4] is not None
        h, mi, s = (int(m[4]), int(m[5]), int(m[6] or 0)) if has_time else (0, 0, 0)
        if not (0 <= h < 24 and 0 <= mi < 60 and 0 <= s < 60):
            h = mi = s = 0
            has_time = False
        dt = _build(y, mo, d, h, mi, s)
        if dt is None:
            continue
        offset = _ISO_OFFSET_RE.search(text[m.end() : m.end() + 8]) if has_time else None
        if offset:
            raw = offset[1]
            if raw == "Z":
                dt = dt.replace(tzinfo=UTC)
            else:
                sign = 1 if raw[0] == "+" else -1
                hours, minutes = int(raw[1:3]), int(raw[-2:])
                dt = dt.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
        return _fmt(dt), has_time
    return None


def parse_datetime(text: str | None) -> str | None:
    """ISO-8601 string for the first date in ``text`` (naive → +08:00), or None."""
    found = find_datetime(text)
    return found[0] if found else None


def find_partial(text: str | None, year: int) -> str | None:
    """A year-less 'MM-DD HH:MM' in ``text`` completed with ``year``."""
    m = _PARTIAL_RE.search(text or "")
    if not m:
        return None
    dt = _build(year, int(m[1]), int(m[2]), int(m[3]), int(m[4]))
    return _fmt(dt) if dt else None


def date_from_url(url: str | None) -> str | None:
    """Date encoded in an article URL path (/2021-03/24/, /20210324/, /2021/0324/), or None."""
    if not url:
        return None
    m = _URL_RE.search(url)
    if not m:
        return None
    dt = _build(int(m[1]), int(m[2]), int(m[3]))
    return _fmt(dt) if dt else None
