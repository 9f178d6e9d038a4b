"""One sentence → the statistics it states, before the document frame gives them place and period.

A sentence is cut into statements — pieces ending in a figure ("共破获刑事案件134起", "同比下降24.9%",
"刑拘1706人") — at commas and semicolons, and at 、 where a figure is followed by a new subject. Each
statement is read from its figure backwards:

    [measure verb] [subject] [measure noun] [comparison] [分别/均] [change verb] figure [noun] [告破]
     共破获         刑事案件                   同比          分别        下降           12.5%

The subject names the category (tasks.stats.categories); a statement without one continues the subject in
force (其中抢劫案246起，下降48.43% → the second figure is 抢劫案's). A 分别 list pairs its items — categories,
measures (破案数、抓获人数), periods (2020年、2021年) or the statements before it — with its figures in
order. A prior figure (较上年同期1760起, 由前年的1019宗) belongs to the other period of the comparison; a
difference (减少58起) and a bound (降至2万起以下) are no facts; "未发生X、Y和Z" and "X零发案" are zeros.

This module cuts the sentence and keeps what runs on between sentences; the jobs of reading are modules of
their own: one statement (tasks.stats.statements), its subject (subjects, subject_phrases), lists
(list_items), figures → facts (figure_facts), zeros and 持平 (zeros); their words are in statement_words.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tasks.stats.categories import Category
from tasks.stats.numbers import VALUE_RE, Value, read_values
from tasks.stats.periods import Period, TimeHit
from tasks.stats.places import PlaceHit
from tasks.stats.statement_types import Carry, Fact, Subject
from tasks.stats.statement_words import SPECIFIC
from tasks.stats.statements import read_statement
from tasks.stats.zeros import read_zeros

__all__ = ["Carry", "Fact", "Figures", "SentenceReader", "Subject", "may_state", "sentence_figures"]

# Every figure needs a digit, a numeral, 半 or 番; every zero or no-change statement one of 零/未/没/无/持平.
_MAY_STATE = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿半番未没无]|持平")


def may_state(s: str) -> bool:
    """False when the sentence can hold no statistic: a cheap test before reading it."""
    return _MAY_STATE.search(s) is not None


# What tasks.stats.zeros' _ZERO_WORD, _ZERO_BEFORE or _FLAT_WORD find, in one search.
_NO_FIGURE_FACT = re.compile(r"零(?:发案|发生|命案|事故)|[未没无]|(?<!保)持平")


class Figures(NamedTuple):
    """What a sentence holds of figures, read once for the frame and the reader."""

    may: bool              # may_state(s)
    values: list[Value]    # its figures
    stating: bool          # it may state a fact: it has a figure, or a zero or no-change word


def sentence_figures(s: str) -> Figures:
    """What SentenceReader.read needs to know first of a sentence, read once."""
    if not may_state(s):
        return Figures(False, [], False)  # (零, 未, 没, 无 and 持平 are all may_state's)
    values = read_values(s)
    return Figures(True, values, bool(values) or _NO_FIGURE_FACT.search(s) is not None)


_TARGET = re.compile(r"(?:[须需]|力争|争取|目标是|目标为|目标|确保|要求|计划|预计)[^。；;]{0,20}?"
                     r"(?:下降|上升|减少|增长|控制在|压降|降低|提高)[^。；;]{0,8}?\d")
_ONE_CASE = re.compile(r"(?:打掉|摧毁|捣毁|抓获|破获|侦破)(?:了)?(?:一个|1个|该|此|一)[\u4e00-\u9fff]{0,8}(?:团伙|集团|窝点|组织)|"
                       r"(?:破获|侦破)(?:了)?(?:一起|1起)?[\u4e00-\u9fff]{0,6}系列[\u4e00-\u9fff]{0,10}案|"
                       r"(?:破获|侦破)(?:了)?[^，,。；;]{0,30}“[^”]{1,12}”(?!等)[\u4e00-\u9fff]{0,8}案(?![件\d])|"
                       r"(?:一起|该起|此起|该案|此案|专案组)[\u4e00-\u9fff]{0,10}(?:案件|案)?")
# The marks that cut a sentence into pieces, each a statement or a subject.
_PIECE_SEP = re.compile(r"[，,；;：:（）()]")
# Patterns used once per statement, compiled here rather than looked up in re's cache on every call.
_WORD_THEN_COMMA = re.compile(r"[\u4e00-\u9fff]{1,4}(?=、)")


class SentenceReader:
    """Reads one sentence at a time; `carry` keeps the subject and measure in force between sentences.

    `read` sets up the sentence's state — `s`, `m` (s with its times and places masked), `times`, `facts`,
    `statements` and what runs on from piece to piece — which the reading functions take as `reader`.
    """

    def __init__(self, carry: Carry, weekly: bool = False) -> None:
        self.carry = carry
        self.weekly = weekly

    # ---- public ---------------------------------------------------------------------------------------
    def read(self, s: str, times: list[TimeHit], places: list[PlaceHit],
             figures: Figures | None = None) -> list[Fact]:
        """The facts of one sentence; `figures` is sentence_figures(s) when the caller already has it."""
        _, values, stating = figures if figures is not None else sentence_figures(s)
        if not stating:
            self.carry.statements = []
            self.carry.semi_topic = None
            return []
        masked = s
        for span in [*times, *places]:
            end = min(span.end, len(s))
            if end > span.start:
                masked = masked[:span.start] + "□" * (end - span.start) + masked[end:]
        self.s, self.m = s, masked
        self.times = times
        self.facts: list[Fact] = []
        self.compare: tuple = ("", "", None)
        self.pending: str | None = None
        # the last named crime of this sentence (or of the clause before a ；)
        self.local_topic: Category | None = self.carry.semi_topic
        self.prior_periods: list[Period] = []     # the periods of the prior counts just read
        # 其中 opens a breakdown of the figure before it, which keeps that figure's measure
        self.breakdown_measure: str | None = self.carry.measure if s.startswith(("其中", "包括")) else None
        # 打掉一个特大诈骗团伙，抓获400余名成员: the counts of one case, gang or operation are no statistics
        self.one_case = bool(_ONE_CASE.search(s))
        if _TARGET.search(s):
            return []  # 年内全市刑事发案率须同比下降18%: a target, not a statistic
        self.statements: list[tuple[Subject | None, list[Fact], Value | None]] = []
        read_zeros(self)
        for seg_start, seg_end in self._segments(values):
            vals = [v for v in values if seg_start <= v.start < seg_end]
            read_statement(self, seg_start, seg_end, vals)
        self.carry.statements = self.statements
        # 查破“黄赌毒”案件1544起；抓获涉案人员3200多人: the suspects of the crime the sentence was about
        # (its first subject, not the last item of a 其中 breakdown)
        first = next((st for st in self.statements if st[0] is not None), None)
        # (a list's statement, 刑事、治安、“两抢”警情分别…, names no one crime)
        head = first[0] if first is not None and len({f.code for f in first[1]}) <= 1 else None
        named = head is not None and head.cat is not None and not head.cat.generic and (
            head.cat.code not in SPECIFIC or (head.cat.code == "other" and bool(head.cat.word)))
        self.carry.semi_topic = head.cat if named and s.rstrip().endswith(("；", ";")) else None
        return self.facts

    # ---- segmentation ---------------------------------------------------------------------------------
    def _segments(self, values: list[Value]) -> list[tuple[int, int]]:
        """The (start, end) of each piece: cut at punctuation, and at 、 where a figure ends a statement."""
        s = self.s
        cuts = {0, len(s)}
        for m in _PIECE_SEP.finditer(s):
            cuts.add(m.start())
            cuts.add(m.end())
        for v in values:
            nxt = s[v.end:v.end + 1]
            if nxt in "、和及与并且" and v.end + 1 < len(s):
                rest = s[v.end + 1:]
                # 下降12.5%、30.1%: the list of figures goes on; 下降75%、119接警量…: a new statement
                if not VALUE_RE.match(s, v.end + 1) and not re.match(r"(?:19|20)\d\d年", rest):
                    cuts.add(v.end)
            else:
                # 82人死亡、449人受伤: a figure and its word, then the next statement
                word = _WORD_THEN_COMMA.match(s[v.end:])
                if word and v.kind == "count":
                    cuts.add(v.end + word.end() + 1)
        bounds = sorted(cuts)
        return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a and not _PIECE_SEP.fullmatch(s[a:b])]
