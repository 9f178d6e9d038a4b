"""One statement → its facts: the piece of a sentence ending in a figure, read from the figure backwards.

    [measure verb] [subject] [measure noun] [comparison] [分别/均] [change verb] figure [noun] [告破]
     共破获         刑事案件                   同比          分别        下降           12.5%
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from tasks.stats import statement_words as vocab  # patterns through their module: see statement_words
from tasks.stats.figure_facts import add_fact, counts_other_thing, prior_facts
from tasks.stats.list_items import list_items, listed_periods, pair_statements
from tasks.stats.numbers import Value
from tasks.stats.statement_types import Fact, Subject
from tasks.stats.statement_words import LEAD, MEASURE_OF, compare_kind
from tasks.stats.subject_phrases import after_other_verb, clean_subject, measure_in
from tasks.stats.subjects import noun_after, pending_subject, read_subject, remember_topic
from tasks.stats.zeros import read_flat

if TYPE_CHECKING:
    from tasks.stats.clauses import SentenceReader
    from tasks.stats.periods import TimeHit


class _Lead(NamedTuple):
    """What the words between a statement's subject and its first figure say."""

    fenbie: bool                 # 分别: the figures pair with the items of a list
    jun: bool                    # 均 / 全面: each item has the figure
    change: re.Match[str] | None
    change_dir: str | None       # the change verb (下降, 上升…), or None
    change_to: bool              # 增至 / 降到: the figure is the new level, not the difference
    lead_text: str               # the comparison words (同比, 较去年同期)
    base_hits: list[TimeHit]     # the bases of a comparison before the first figure
    compare: tuple               # (kind, words, base period): compare_kind's, or the sentence's in force


# 在…的基础上: the base of the change stated next; 由…增至: a count before, then the count now.
_BASED_ON = re.compile(r"在[^，,；;。]{0,24}?基础上")
_LEVEL_BEFORE = re.compile(r"[^，,；;。]{0,4}?(?:增|升|降|减|跌|涨|落|加|长)(?:至|到)[^，,；;。\d]{0,8}")
# 其中 / 包括 opens a breakdown of the figure before it.
_BREAKDOWN = re.compile(r"其中|包括")


def read_statement(reader: SentenceReader, a: int, b: int, vals: list[Value]) -> None:
    """The facts of the piece s[a:b] with its figures `vals`, added to reader.facts."""
    s = reader.s
    figures: list[Value] = []
    money: list[Value] = []
    if vals:  # (many pieces hold no figure, and need no lists)
        other_things = [v for v in vals if v.kind == "count" and counts_other_thing(reader, v, a, b)]
        figures = [v for v in vals if v.kind in ("count", "pct") and v not in other_things]
        money = [v for v in vals if v.kind == "money"] + other_things
    based = _BASED_ON.search(s, a, b)
    if figures and based and based.end() >= b - 1 and not any(
            h.kind == "base" and a <= h.start < b for h in reader.times):
        # 110刑事警情在连续三年下降20%的基础上，同比又下降了1.5%: the base's change is no statistic; its
        # subject is the next piece's
        pending_subject(reader, a, based.start())
        return
    if not figures:
        # a subject for the next piece, a sum of money, 持平, or a topic
        pending_subject(reader, a, b)
        if money:
            reader.statements.append((None, [], money[0]))
            prev = reader.carry.subject
            if prev is not None:  # 直接财物损失1.9万元，同比下降24%: the change is the money's
                reader.carry.subject = Subject(prev.raw, prev.cat, prev.measure, prev.measure_word, True)
        elif not read_flat(reader, a, b):
            remember_topic(reader, a, b)
        return
    first = figures[0]
    if _BREAKDOWN.search(s, max(0, a - 3), first.start) and reader.facts:
        reader.breakdown_measure = reader.facts[-1].measure
    pre, cut, region, lead = _before_first_figure(reader, a, b, figures)
    fenbie, jun, _, change_dir, _, _, base_hits, _ = lead
    prior_hit = None
    if base_hits and first.kind == "count":
        prior_hit, region = _prior_base(reader, a, first, pre, cut, region, base_hits[-1])
    # 由433宗增至511宗: a count a year before, then this period's
    rise_from = prior_hit is None and first.kind == "count" and len(figures) > 1 \
        and re.search(r"(?:由|从)$", pre) is not None and _LEVEL_BEFORE.fullmatch(s, first.end, figures[1].start)
    if rise_from:
        region = re.sub(r"(?:由|从)$", "", region)
    listed = (fenbie or jun or len(figures) > 1) and bool(vocab.LIST_SPLIT.search(clean_subject(region)))
    reader.pre_text = pre
    subject = read_subject(reader, region, a, figures, b) if not listed else None
    if subject is not None and subject.measure is None:
        later = vocab.MEASURE_RE.search(pre[cut:])  # 香港分别发生243宗…: a verb after 分别
        if later:
            subject.measure, subject.measure_word = MEASURE_OF[later.group()], later.group()
    if rise_from:
        _risen_from(reader, figures, subject, change_dir)
    elif prior_hit is not None:
        prior_facts(reader, subject, figures, prior_hit, base_hits, change_dir)
    else:
        _stated(reader, a, b, figures, region, subject, listed, lead)


# 均 as in 人均 or 日均 is an average, no 'each'.
_JUN = re.compile(r"(?<![平日人月周])均|全面")
_FENBIE_JUN = re.compile(r"分别|分別|(?<![平日人月周])均|全面")
# Comparison words, 分别/均, no change and doubling, in one scan (only the comparisons are kept).
_PRED = re.compile(
    "(?P<lead>" + LEAD.pattern + ")"
    r"|(?P<fenbie>分别|分別)"
    r"|(?P<jun>均|都|全面)"
    r"|(?P<flat>基本持平|持平|相同|相当)"
    r"|(?P<times>翻了?一番|翻一倍|翻番|减半)"
)


def _before_first_figure(reader: SentenceReader, a: int, b: int,
                         figures: list[Value]) -> tuple[str, int, str, _Lead]:
    """(the words before the first figure, where its comparison, 分别/均 and change words start, the subject's
    words before them, what those words say)."""
    s = reader.s
    first = figures[0]
    pre_end = first.start
    pre = reader.m[a:pre_end]
    leads = [pm for pm in _PRED.finditer(s[a:pre_end]) if pm.lastgroup == "lead"]
    fenbie = "分别" in pre or "分別" in pre
    jun = bool(_JUN.search(pre)) and not fenbie
    change = vocab.CHANGE.search(pre[-14:]) if pre else None
    change_dir = change.group("dir") if change else None
    if change is None and first.kind == "pct":
        sign = re.search(r"(?:同比|环比|按年|按月)([-−－+＋↑↓])$", pre)
        if sign:
            change_dir = "降" if sign.group(1) in "-−－↓" else "升"  # 同比-5.2%
    change_to = bool(change and (change.group("to") or pre.rstrip().endswith(("至", "到"))))
    cut = len(pre)
    if change:
        cut = min(cut, len(pre) - len(change.group()))
    if leads:
        cut = min(cut, leads[0].start())
    fb = _FENBIE_JUN.search(pre)
    if fb:
        cut = min(cut, fb.start())
    region = pre[:cut]
    if not clean_subject(after_other_verb(measure_in(region)[2])) and reader.pending is not None \
            and not (first.kind == "count" and noun_after(reader, figures[-1].end, b)):
        region = reader.pending + region  # 交通事故警情、火灾警情与去年同期相比，分别下降25.2%和46.4%
    reader.pending = None
    base_hits = [h for h in reader.times if h.kind == "base" and a <= h.start < pre_end]
    lead_text = leads[-1].group() if leads else ""
    compare = compare_kind(lead_text, base_hits)
    if compare[0]:
        reader.compare = compare
    elif reader.compare[0]:
        compare = reader.compare  # 与前一个月相比，抢劫…下降2.2%，但持枪抢劫案件上升了66.7%
    return pre, cut, region, _Lead(fenbie, jun, change, change_dir, change_to, lead_text, base_hits, compare)


def _prior_base(reader: SentenceReader, a: int, first: Value, pre: str, cut: int, region: str,
                h: TimeHit) -> tuple[TimeHit | None, str]:
    """(the base, when its count comes first, and the subject's words without it): 较上年同期1760起 /
    较去年同期的88起 / 由前年的1019宗 / 去年同期则有20宗."""
    gap = reader.s[h.end:first.start]
    if not re.fullmatch(r"(?:的|则有|有|为|是|共|分别有|分别为|达|则为|仅|共有|同期)?(?:的)?", gap):
        return None, region
    region = pre[:h.start - a] if h.start - a < cut else region
    return h, re.sub(r"(?:较|比|与|和|由|从|同)$", "", region.rstrip("□"))


def _risen_from(reader: SentenceReader, figures: list[Value], subject: Subject | None, change_dir: str | None) -> None:
    """由433宗增至511宗: the count before (a prior), the count now, and the changes after them."""
    for f in add_fact(reader, subject, figures[0], None, None, ("", "", None), None, ""):
        f.role = "prior"
    add_fact(reader, subject, figures[1], None, None, ("", "", None), None, "")
    for v in figures[2:]:
        if v.kind == "pct":
            own = vocab.CHANGE.search(reader.m[figures[1].end:v.start])
            add_fact(reader, subject, v, own.group("dir") if own else change_dir, None, ("yoy", "", None), None, "")


_BOUND_AFTER = re.compile(r"\s*(?:起|宗|件)?(?:以下|以内|之内|左右以下)")  # used with match(s, pos): no ^


def _stated(reader: SentenceReader, a: int, b: int, figures: list[Value], region: str, subject: Subject | None,
            listed: bool, lead: _Lead) -> None:
    """The figures of a statement that states its own period's levels or changes."""
    fenbie, jun, change, change_dir, change_to, lead_text, base_hits, compare = lead
    s, first = reader.s, figures[0]
    built_on = [h for h in base_hits if s[max(0, h.start - 1):h.start] == "在" and h.period
                and re.search(r"基础上", s[first.end:first.end + 12])]
    if built_on and first.kind == "pct":
        # 在2019年已经下降40.2%的基础上: a change of that year, stated as the base of this one
        add_fact(reader, subject, first, change_dir, change, ("yoy", "同比", None), built_on[-1].period, s[a:b])
        return
    if first.kind == "count" and change and not change_to:
        # 减少23起 / 增加511宗: a difference, not a level
        reader.statements.append((subject, [], first))
        return
    if first.kind == "count" and _BOUND_AFTER.match(s, first.end):
        return
    items = list_items(reader, region, subject) if listed else [subject]
    periods = listed_periods(reader, a, first.start) if len(figures) > 1 else []
    if fenbie and not clean_subject(region) and not periods \
            and len(reader.statements or reader.carry.statements) >= 2 and all(f.kind == "pct" for f in figures):
        pair_statements(reader, figures, change_dir, compare)
        return
    # each figure with its item (a list pairs them in order), its period, change and comparison
    text = s[a:b]
    produced: list[Fact] = []
    for i, v in enumerate(figures):
        item = items[i] if i < len(items) else (items[-1] if jun or len(items) == 1 else None)
        if len(items) > 1 and len(figures) > 1 and len(items) != len(figures) and not jun:
            item = items[i] if i < len(items) else None
        if jun and len(figures) == 1:
            for it in items:
                produced += add_fact(reader, it, v, change_dir, change, compare, None, text)
            continue
        period = periods[i] if len(periods) == len(figures) else None
        vdir = change_dir
        if v.unit == "减半":
            vdir = "减半"
        elif v.unit == "翻番":
            vdir = "增"
        if i > 0 and v.kind == "pct":
            own = vocab.CHANGE.search(reader.m[figures[i - 1].end:v.start])
            if own:
                vdir = own.group("dir")
        vcompare = compare
        if v.kind == "pct" and fenbie and len(base_hits) == len(figures) > 1 and all(
                h.kind == "base" for h in base_hits):
            # 同比2019年、2023年春节假期分别下降41.68%、14.49%: each change against its own base
            vcompare = ("base", base_hits[i].text, base_hits[i].period)
            period = None
        elif v.kind == "pct" and fenbie and not lead_text and len(reader.prior_periods) == len(figures):
            # 2022年和2019年同期分别有85宗和80宗，分别下跌约两成半和两成: each change against its own base
            vcompare = ("base", "同期", reader.prior_periods[i])
        produced += add_fact(reader, item, v, vdir, change if v.kind == "pct" else None, vcompare, period, text)
    reader.statements.append((items[-1] if items else subject, produced, first))
