"""Plain data shared by the story writer, the page renderer and the truth writer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .world import Period

# The sentence delimiters the truth's `evidence` is split on (SPEC: 。！？; and newline).
SENTENCE_END = "。！？；;!?"
_SPLIT = re.compile(r"[。！？；;!?\n]")


def split_sentences(text: str) -> list[str]:
    """Evidence-sized pieces of a body: split on 。！？; and newlines, delimiters dropped."""
    return [s.strip() for s in _SPLIT.split(text) if s.strip()]


@dataclass(frozen=True)
class Row:
    """One statistic: the columns of crime_stat_mentions (evidence filled in by `unit`)."""

    jurisdiction: str
    period: Period
    category: str
    subcategory: str
    category_raw: str
    measure: str
    metric: str
    value: float
    approx: bool
    evidence: str = ""

    def key(self) -> tuple:
        return (self.jurisdiction, self.period, self.category, self.subcategory, self.measure, self.metric)

    def as_dict(self) -> dict:
        return {
            "jurisdiction": self.jurisdiction,
            "period_start": self.period.start.isoformat(),
            "period_end": self.period.end.isoformat(),
            "category": self.category,
            "subcategory": self.subcategory,
            "category_raw": self.category_raw,
            "measure": self.measure,
            "metric": self.metric,
            "value": float(self.value),
            "approx": self.approx,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Unit:
    """One sentence of a body, ending with its delimiter; `rows` are the figures it states."""

    text: str
    rows: tuple[Row, ...] = ()
    editable: bool = False  # plain filler: a lightly edited re-post may drop or reword it


def unit(text: str, rows: list[Row] | tuple[Row, ...] = (), editable: bool = False) -> Unit:
    if not text or text[-1] not in SENTENCE_END or any(c in SENTENCE_END for c in text[:-1]):
        raise ValueError(f"a unit is exactly one sentence: {text!r}")
    evidence = text[:-1].strip()
    return Unit(text, tuple(replace(r, evidence=evidence) for r in rows), editable)


@dataclass(frozen=True)
class Para:
    units: tuple[Unit, ...]
    subhead: bool = False  # a short bold line between sections; no delimiter of its own

    @property
    def text(self) -> str:
        return "".join(u.text for u in self.units)


def subhead(text: str) -> Para:
    return Para((Unit(text),), subhead=True)


@dataclass(frozen=True)
class Story:
    index: int                 # story_id
    kind: str
    title: str
    paras: tuple[Para, ...]
    source: str
    author: str | None
    section: str               # listing section the story sits in (今日东莞, 警情通报 …)
    caption: str | None = None  # image caption on portal A (not body)
    typo: tuple[int, int, str] | None = None  # (para, unit, corrected text) fixed by an edit
    spare: tuple[str, ...] = field(default=())  # filler an edited re-post may add

    @property
    def rows(self) -> list[Row]:
        return [r for p in self.paras for u in p.units for r in u.rows]
