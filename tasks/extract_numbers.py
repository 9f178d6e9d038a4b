"""Numbers as reports write them: 4104, 1.2万, 一千二百零五, 两千多, 近300, 5成, 三成.

cn2an is only ever given the captured numeral span: run over whole text it rewrites words such as
统一 and 十分 (LIBRARIES.md), so the regexes in tasks.extract_clauses capture the span first.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import cn2an

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_MULTIPLIER = {"万": 10_000.0, "千": 1_000.0, "百": 100.0, "亿": 100_000_000.0}
_APPROX_PREFIX = ("近", "约", "逾", "超过", "超", "将近", "大约", "接近", "共约", "达近")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_CHENG = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "半": 5}


@lru_cache(maxsize=4096)
def chinese_int(span: str) -> float | None:
    """一千二百零五 → 1205.0; None for spans that are not a numeral on their own (万, 百)."""
    # Real counts are short (一千二百零五); a long run of numeral characters is not one.
    if not span or span[0] in "百千万亿" or len(span) > 16:
        return None
    try:
        value = float(cn2an.cn2an(span.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, IndexError, TypeError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def parse_amount(num: str, mid: str | None, mul: str | None, post: str | None,
                 prefix: str | None) -> tuple[float, bool] | None:
    """The value and approx flag of a captured count (num, 多/余, 万/千, 多/余, 近/约)."""
    if "," in num:
        num = num.replace(",", "")  # 1,205 (a thousands separator; the regex only allows ,ddd)
    if _DECIMAL.fullmatch(num):
        value = float(num)
    elif len(num) >= 2 or num == "十":
        # A lone 一/两 before a unit is the article "one" (一起 = together, 一名民警), not a count.
        value = chinese_int(num)
        if value is None:
            return None
    else:
        return None
    if mul:
        value *= _MULTIPLIER[mul]
    if not math.isfinite(value):
        return None  # a 400-digit "number" is noise, and inf would break arithmetic downstream
    approx = bool(mid or post or prefix)
    return round(value, 6), approx


def parse_percent(num: str) -> float | None:
    try:
        value = float(num)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_tenths(num: str) -> float | None:
    """下降5成 / 下降三成 → 50 / 30 (1成 = 10%)."""
    if _DECIMAL.fullmatch(num):
        value = float(num) * 10
        return value if math.isfinite(value) else None
    digit = _CHENG.get(num)
    return float(digit * 10) if digit is not None else None


def is_approx_prefix(text: str | None) -> bool:
    return bool(text) and text in _APPROX_PREFIX


CN_DIGITS = _CN_DIGITS
APPROX_PREFIX_RE = "|".join(sorted(_APPROX_PREFIX, key=len, reverse=True))
