"""Numbers as reports write them: 4104, 1.2万, 28万3622, 一千二百零五, 两千多, 近300, 12.5%, 5成, 两成半, 1倍.

`VALUE_RE` finds every figure of a sentence with its unit: a count (起/宗/件/名/人/个/例), a change
(% or 成 or 倍), an amount of money (万元, 亿元) and a 个百分点 (a change of a rate, never a fact).
cn2an is only ever given the captured numeral span: run over whole text it rewrites words such as
统一 and 十分 (LIBRARIES.md).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_MULTIPLIER = {"万": 10_000.0, "千": 1_000.0, "百": 100.0, "亿": 100_000_000.0}
_APPROX_PREFIX = ("近", "约", "逾", "超过", "超", "将近", "大约", "接近", "共约", "达近", "高达近", "多达近")
APPROX_PREFIX_RE = "|".join(sorted(_APPROX_PREFIX, key=len, reverse=True))
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_COMPARED = re.compile(r"同比|环比|按年|较|比")
_CHENG = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "半": 5}

_NUM = rf"(?:(?<![\d.])\d++(?:\.\d++)?|(?<![{CN_DIGITS}])[{CN_DIGITS}]++)"
_FIRST_CHARS = "".join(sorted({w[0] for w in _APPROX_PREFIX} | set(CN_DIGITS) | set("半减翻")))
VALUE_RE = re.compile(
    # the lookahead only makes the search skip fast over the text between figures
    rf"(?=[\d{_FIRST_CHARS}])(?P<pre>{APPROX_PREFIX_RE})?(?:"
    # 个百分点: the change of a rate or a share
    rf"(?P<pp>(?<![\d.])\d++(?:\.\d++)?个?百分点)"
    # money, and weights (of drugs seized): 600余万元, 1.18亿元, 8050.67万元, 966公斤 — amounts, never facts
    rf"|(?P<money>{_NUM}(?:多|余)?[万千亿]?(?:多|余)?(?:元|美元|港元|澳门元|台币|公斤|千克|吨|克(?![服隆])))"
    # a change in percent or tenths: 12.5%, 5成, 两成半, 超6成
    rf"|(?P<pct>(?<![\d.])\d++(?:\.\d++)?)\s*%"
    rf"|(?P<tenths>(?<![\d.])\d++(?:\.\d++)?|[一二两三四五六七八九]|半)成(?P<half>半)?(?![员本果为绩效立功交品年])"
    # a change written as a word: 减半 (-50), 翻一番 (+100)
    rf"|(?P<halved>减半)|(?P<doubled>翻了?一番|翻一倍|翻番)"
    # a change in times: 1倍, 2.5倍, 四倍多
    rf"|(?P<times>(?<![\d.])\d++(?:\.\d++)?|[一二两三四五六七八九十])倍"
    # a change whose % the writer left out: 同比提升13.9。 (checked for a comparison word in _read)
    r"|(?:(?<=[升降长少加跌涨落])|(?<=[升降长少加跌涨落]了))(?P<bare>\d++\.?\d*+)(?=[，,。；;）)]|$)"
    # a count: 4104起, 1.2万宗, 28万3622件, 两千多名, 2万余个
    rf"|(?P<num>{_NUM})(?:(?P<restmul>[万千])(?P<rest>\d{{1,4}})(?!\d))?(?P<mid>多|余)?(?P<mul>[万千亿])?(?P<post>多|余)?"
    r"(?P<unit>起|宗|件|名|人|个|例)(?![次员口民数身们群士家均才工手物心事头份诉项条道台辆间套])"
    r")(?P<tail>以上|左右|多)?"
)


class Value(NamedTuple):
    start: int
    end: int
    kind: str        # count | pct | money | pp
    value: float
    approx: bool
    unit: str        # 起/宗/件/名/人/个/例 for a count, % / 成 / 倍 for a change


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


def _number(num: str) -> float | None:
    if _DECIMAL.fullmatch(num):
        value = float(num)
    elif len(num) >= 2 or num == "十":
        # A lone 一/两 before a unit is the article "one" (一起 = together, 一名民警), not a count.
        value = chinese_int(num)
    else:
        return None
    return value if value is not None and math.isfinite(value) else None


def read_values(s: str) -> list[Value]:
    """Every figure of a sentence, in order."""
    out: list[Value] = []
    for m in VALUE_RE.finditer(s):
        v = _read(m)
        if v is not None:
            out.append(v)
    return out


def _read(m: re.Match[str]) -> Value | None:
    g = m.groupdict()
    approx = bool(g["pre"]) or g["tail"] in ("以上", "左右", "多")
    start = m.start()
    if g["pp"]:
        return Value(start, m.end(), "pp", 0.0, approx, "pp")
    if g["money"]:
        return Value(start, m.end(), "money", 0.0, approx, "元")
    if g["pct"] is not None:
        value = _number(g["pct"])
        return None if value is None else Value(start, m.end(), "pct", value, approx, "%")
    if g["tenths"] is not None:
        t = g["tenths"]
        value = float(t) * 10 if _DECIMAL.fullmatch(t) else float(_CHENG[t] * 10)
        if g["half"]:
            value += 5
        return Value(start, m.end(), "pct", value, approx, "成") if math.isfinite(value) else None
    if g["halved"]:
        return Value(start, m.end(), "pct", 50.0, approx, "减半")
    if g["doubled"]:
        return Value(start, m.end(), "pct", 100.0, approx, "翻番")
    if g["bare"] is not None:
        if not _COMPARED.search(m.string, max(0, start - 14), start):
            return None
        value = _number(g["bare"])
        return None if value is None else Value(start, m.end(), "pct", value, approx, "%")
    if g["times"] is not None:
        t = g["times"]
        value = float(t) if _DECIMAL.fullmatch(t) else float(_CHENG.get(t, 0))
        return Value(start, m.end(), "pct", value * 100, approx, "倍") if math.isfinite(value) and value else None
    if g["num"] is None:
        return None
    num = g["num"]
    if g["rest"]:  # 28万3622
        head = _number(num)
        if head is None:
            return None
        value = head * _MULTIPLIER[g["restmul"]] + float(g["rest"])
    else:
        value = _number(num)
        if value is None:
            return None
        if g["mul"]:
            value *= _MULTIPLIER[g["mul"]]
    if not math.isfinite(value):
        return None  # a 400-digit "number" is noise, and inf would break arithmetic downstream
    approx = approx or bool(g["mid"] or g["post"])
    return Value(start, m.end(), "count", round(value, 6), approx, g["unit"])
