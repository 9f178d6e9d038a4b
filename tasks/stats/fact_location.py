"""A fact's period and place: from the nearest level of the document frame that names one.

The precedence is, for the period:

    sentence (a phrase before the figure) → paragraph lead → heading → title → the bulletin's own period

and for the place:

    sentence (a place or 全市-style reference before the figure) → paragraph lead → heading → title →
    the article's own place (its police unit or press office, else its dateline) → the site's region.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tasks.stats.periods import Period, TimeHit, previous_year
from tasks.stats.place_mentions import clause_start, incidental, opens_clause, within
from tasks.stats.places import Place, PlaceHit
from tasks.stats.statement_types import Fact
from tasks.stats.text import Line

if TYPE_CHECKING:
    from tasks.stats.frame import Frame

@dataclass(slots=True)
class Source:
    """Where a fact's period or place came from: the words, and the level of the frame that gave them."""

    words: str
    level: str


@dataclass
class Located:
    """A fact with the period and place the frame gives it, and where each came from."""

    fact: Fact
    period: Period | None
    place: Place | None
    evidence: str
    period_from: Source
    place_from: Source
    title: bool


@dataclass
class FrameLevel:
    """What one level of the frame (title, bulletin, heading, paragraph) fixes: a period, a place, their words."""

    period: Period | None = None
    period_words: str = ""
    place: Place | None = None
    place_words: str = ""


def locate(frame: Frame, f: Fact, sent: str, hits: list[TimeHit], places: list[tuple[PlaceHit, Place | None]],
           para: FrameLevel, ln: Line) -> Located:
    """The fact with its period, place and evidence; `para` is what the paragraph's leads fix so far."""
    period, pfrom = period_of(frame, f, sent, hits, para, ln)
    place, lfrom = place_of(frame, f, sent, places, para, ln)
    return Located(f, period, place, _evidence(sent, f.pos), pfrom, lfrom, ln.kind == "title")


def period_of(frame: Frame, f: Fact, sent: str, hits: list[TimeHit], para: FrameLevel,
              ln: Line) -> tuple[Period | None, Source]:
    """The fact's period: its own, the sentence's before it, else the nearest level of the frame's."""
    if f.role == "prior" and f.period is None:
        # 由433宗增至511宗 with no year named: the count of the same span a year before
        main = dataclasses.replace(f, role="main")
        period, source = period_of(frame, main, sent, hits, para, ln)
        return (previous_year(period) if period else None), Source(f"{source.words} (a year before)", source.level)
    if f.period is not None:
        return f.period, Source(_words_at(hits, f.period) or "the figure's own period", "sentence")
    before = [h for h in hits if h.start < f.pos and h.kind in ("span", "scope") and h.period and not h.listed]
    if before:
        h = before[-1]
        return h.period, Source(h.text, "sentence")
    if para.period:
        return para.period, Source(para.period_words, "paragraph")
    if frame.heading.period and ln.kind != "title":
        return frame.heading.period, Source(frame.heading.period_words, "heading")
    if frame.title.period:
        return frame.title.period, Source(frame.title.period_words, "title")
    if frame.doc.period:
        return frame.doc.period, Source(frame.doc.period_words, "bulletin")
    return None, Source("", "none")


def place_of(frame: Frame, f: Fact, sent: str, places: list[tuple[PlaceHit, Place | None]], para: FrameLevel,
             ln: Line) -> tuple[Place | None, Source]:
    """The fact's place: one its clause (or an earlier clause it opens) names, else the nearest level's."""
    start = clause_start(sent, f.pos)
    near = [(h, p) for h, p in places if h.start < f.pos and p is not None and h.start >= start
            and not incidental(sent, h)]
    if not near:
        # an earlier clause's place counts when it opens its clause (大岭山公安分局共接…), not as an adverb
        # inside one (…经验全市推广)
        near = [(h, p) for h, p in places if p is not None and h.start < f.pos and not incidental(sent, h)
                and opens_clause(sent, h)]
    if near:
        h, p = near[-1]
        return p, Source(h.alias, "sentence")
    if para.place is not None:
        return para.place, Source(para.place_words, "paragraph")
    if frame.heading.place is not None and ln.kind != "title" and not (
            frame.subject is not None and within(frame.subject, frame.heading.place)):
        # (a heading that names the article's city, 本文转自东莞公安, does not widen a town's report)
        return frame.heading.place, Source(frame.heading.place_words, "heading")
    if frame.subject is not None:
        return frame.subject, Source(frame.subject_words, "article")
    if frame.region is not None:
        return frame.region, Source("site region", "region")
    return None, Source("", "none")


def _words_at(hits: list[TimeHit], period: Period) -> str:
    for h in hits:
        if h.period == period:
            return h.text
    return ""


_PIECE_END = re.compile(r"[；;。！？!?]")


def _evidence(sent: str, pos: int) -> str:
    """The sentence that states the figure, up to 。；; (GUIDE: the clause holding the figure, verbatim)."""
    start = max(sent.rfind("；", 0, pos), sent.rfind(";", 0, pos)) + 1
    m = _PIECE_END.search(sent, pos)
    return sent[start:m.start() if m else len(sent)].strip()
