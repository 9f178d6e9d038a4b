"""Traditional → simplified Chinese with OpenCC, one converter per process for every stage that folds
scripts (dedup signatures, the statistics reader). It imports nothing from tasks/, so any stage may use it."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():  # loading OpenCC's dictionaries takes a while: only when a text is first folded
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _converter().convert(text)
