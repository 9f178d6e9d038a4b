"""Chinese number words for the sample portal's texts (一千二百零五, 两千多, 1.2万, 三成).

Written here instead of calling cn2an so the generator controls colloquial forms such as
两千 / 两万 that cn2an does not produce, and so page bytes never depend on a library version.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def _below_10k(n: int, liang: bool, leading: bool) -> str:
    out = ""
    pending_zero = False
    for div, unit in _UNITS:
        d = n // div % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        if d == 1 and unit == "十" and leading and not out:
            out += "十"  # 十二, not 一十二, at the very start of a number
        elif d == 2 and liang and not out and unit in ("千", "百"):
            out += "两" + unit
        else:
            out += _DIGITS[d] + unit
    return out


def cn_int(n: int, liang: bool = False) -> str:
    """0 ≤ n < 10^8 in Chinese numerals; `liang` uses 两 for a leading 2 before 千/百/万."""
    if not 0 <= n < 100_000_000:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "零"
    wan, rest = divmod(n, 10_000)
    out = ""
    if wan:
        out = "两" if (wan == 2 and liang) else _below_10k(wan, liang, True)
        out += "万"
    if rest:
        if wan and rest < 1000:
            out += "零"
        out += _below_10k(rest, liang and not wan, not wan)
    return out


def wan_text(value: int, decimals: int) -> str:
    """12000 -> '1.2万'; trailing zeros dropped as newspapers do (20000 -> '2万')."""
    s = f"{value / 10_000:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s + "万"
