"""The document frame: which period and which place each statistic of an article belongs to.

A reader of a bulletin needs the whole article: "今年上半年，" in a paragraph's first sentence governs the
sentences after it, a heading (【打击刑事犯罪】2021年) governs its section, the title and the
article's lead fix the period and the place of everything that does not say otherwise, and 全市, 本省
or 该县 point back to a place named before. `Frame.prepare` reads what the article's opening fixes
(tasks.stats.frame_opening); `Frame.read` reads its lines in order, each sentence's facts
(tasks.stats.clauses) located by the levels of the frame in force (tasks.stats.fact_location).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tasks.stats.clauses import Carry, Figures, SentenceReader, sentence_figures
from tasks.stats.fact_location import FrameLevel, Located, Source, locate
from tasks.stats.frame_opening import first_lead, own_place, report_date
from tasks.stats.periods import TimeContext
from tasks.stats.place_mentions import sentence_places
from tasks.stats.places import Place
from tasks.stats.sentence_leads import lead_place, time_leads
from tasks.stats.text import Line, sentences
from tasks.stats.time_phrases import scan_times

__all__ = ["Frame", "Located", "Source"]


@dataclass
class Frame:
    """An article's frame: its date, place and period, the levels in force, and the places named so far."""

    published: date | None
    region: Place | None
    lines: list[Line]
    ctx: TimeContext = field(init=False)
    subject: Place | None = None
    subject_words: str = ""
    title: FrameLevel = field(default_factory=FrameLevel)
    doc: FrameLevel = field(default_factory=FrameLevel)
    heading: FrameLevel = field(default_factory=FrameLevel)
    weekly: bool = False

    def __post_init__(self) -> None:
        self.ctx = TimeContext(self.published)
        self.recent: list[Place] = []
        self.para_named: list[Place] = []
        self.carry = Carry()
        self._split: list[list[str] | None] = [None] * len(self.lines)

    def line_sentences(self, k: int) -> list[str]:
        """The sentences of line k (prepare and read both walk the first lines)."""
        sents = self._split[k]
        if sents is None:
            sents = self._split[k] = [sent for _, sent in sentences(self.lines[k].text)]
        return sents

    # ---- the article's own date, place and period -------------------------------------------------------
    def prepare(self) -> None:
        """The article's report date, own place, and own period (the title's, else the body's first lead)."""
        head = self.lines[:4]
        self.ctx.report = report_date(head, self.published)
        self.subject, self.subject_words = own_place(self.lines, self.region)
        title = next((ln for ln in self.lines if ln.kind == "title"), None)
        if title is not None:
            ctx = TimeContext(self.published, report=self.ctx.report)
            spans = [h for h in scan_times(title.text, ctx) if h.kind == "span" and h.period]
            if spans:
                self.title.period, self.title.period_words = spans[0].period, spans[0].text
                if spans[0].holiday:
                    # 春节期间 in the headline, 从大年三十到正月十五 in the text: the text says which days it means
                    lead, words, _ = first_lead(self)
                    if lead is not None and lead[0] <= spans[0].period[1] and spans[0].period[0] <= lead[1]:
                        self.title.period, self.title.period_words = lead, words
        self.doc.period, self.doc.period_words = self.title.period, self.title.period_words
        absolute = True
        if self.doc.period is None:
            self.doc.period, self.doc.period_words, absolute = first_lead(self)
        self.ctx.anchor = self.doc.period if absolute else self.title.period
        body = "\n".join(ln.text for ln in self.lines[:6])
        self.weekly = bool(self.doc.period and (self.doc.period[1] - self.doc.period[0]).days <= 7
                           and re.search(r"(?:本|上|前|下|一|每|两)周|周报|週|较上周|与上周", body))
        if self.doc.period:
            self.ctx.year = self.doc.period[1].year

    # ---- reading --------------------------------------------------------------------------------------
    def read(self) -> list[Located]:
        """Every fact of the article, located, in reading order (call prepare first)."""
        # Past the last sentence that may state a fact nothing read can matter: the lines after it
        # (contacts, tips, the editor's name) are not read at all.
        figures: list[list[Figures] | None] = [None] * len(self.lines)
        last = -1
        for k in range(len(self.lines) - 1, -1, -1):
            figures[k] = [sentence_figures(sent) for sent in self.line_sentences(k)]
            if any(f.stating for f in figures[k]):
                last = k
                break
        out: list[Located] = []
        for k in range(last + 1):
            sents = self.line_sentences(k)
            out.extend(self._line(self.lines[k], sents, figures[k] or [sentence_figures(s) for s in sents]))
        return out

    def _line(self, ln: Line, sents: list[str], figures: list[Figures]) -> list[Located]:
        """The located facts of one line; its leads frame the rest of the paragraph (and, for a heading,
        its section)."""
        ctx = self.ctx
        ctx.until = None
        ctx.para_year = False
        self.para_named = []
        para = FrameLevel()
        if ln.kind == "title":
            ctx.current = self.title.period or self.doc.period
        else:
            ctx.current = self.heading.period or self.doc.period
        out: list[Located] = []
        # Past a paragraph's last sentence that may state a figure only its dates matter (they set the year
        # later paragraphs read) and the places it names (they resolve later short names); headings are
        # read whole, as they frame what follows.
        heading = ln.kind == "heading"
        live = max((i for i, f in enumerate(figures) if f.may), default=-1)
        last_fact = max((i for i, f in enumerate(figures) if f.stating), default=-1)
        for i, sent in enumerate(sents):
            hits = scan_times(sent, ctx)
            if i > live and not heading:
                self.carry.statements = []
                continue
            places = sentence_places(self, sent)
            if i > last_fact and not heading:
                self.carry.statements, self.carry.semi_topic = [], None  # as the reader leaves a sentence with no figure
                continue
            reader = SentenceReader(self.carry, self.weekly)
            facts = reader.read(sent, hits, [h for h, _ in places], figures[i])
            for f in facts:
                out.append(locate(self, f, sent, hits, places, para, ln))
            leads = time_leads(sent, hits)
            if leads:
                para.period, para.period_words = leads[-1].period, leads[-1].text
            opening_place = lead_place(sent, places, hits)
            if opening_place is not None:
                para.place, para.place_words = opening_place
            ctx.current = para.period or ctx.current
        if ln.kind == "heading":
            self.heading.period = para.period or self.heading.period
            self.heading.period_words = para.period_words or self.heading.period_words
            self.heading.place = para.place or self.heading.place
            self.heading.place_words = para.place_words or self.heading.place_words
        return out
