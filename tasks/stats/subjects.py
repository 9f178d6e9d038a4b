"""The subject of a statement in its sentence: named, inherited from the subject in force, or the crime
the text last named (其中抢劫案246起，下降48.43% → the second figure is 抢劫案's)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.stats import statement_words as vocab  # patterns through their module: see statement_words
from tasks.stats.categories import Category, classify, is_suspects
from tasks.stats.numbers import Value
from tasks.stats.statement_types import Subject
from tasks.stats.statement_words import PERSON_UNITS, SPECIFIC, compare_kind
from tasks.stats.subject_phrases import (
    after_other_verb,
    after_verbs,
    clean_subject,
    joint_category,
    measure_in,
    neg_is_category,
    negated,
)

if TYPE_CHECKING:
    from tasks.stats.clauses import SentenceReader

_SOLVED_AFTER = re.compile(r"^[^，,。；;]{0,8}?(?:全部告破|全部破获|告破|全破|侦破|破获)")
_AMONG = re.compile(r"(?:当中|之中|中)的")


def read_subject(reader: SentenceReader, region: str, a: int, figures: list[Value], b: int) -> Subject | None:
    """The subject of s[a:b]: named in `region` (the words before its figures) or after them, else inherited."""
    joint: Category | None = None
    if "等" not in region:
        # 实现命案现案全破、刑事案件同比下降6.56%: one figure belongs to the last item before it
        items = region.split("、")
        if len(items) > 1 and clean_subject(items[-1]):
            joint = joint_category(items)
            region = region.replace("、", "") if joint else items[-1]
    measure, mword, rest = measure_in(region)
    if measure is None and a > 0 and (reader.s[a - 1] in "、和及与" or reader.s[a] in "、和及与") and reader.statements:
        prev_subject = reader.statements[-1][0]
        if prev_subject is not None and prev_subject.measure:
            measure, mword = prev_subject.measure, prev_subject.measure_word  # 抓获…796人、逃犯76人
    if measure is None and figures[0].unit in PERSON_UNITS:
        post = re.match(r"[^，,；;。]{0,10}?(被捕|被拘|被刑拘|被抓获|被警方拘捕|拘捕|落网)", reader.s[figures[0].end:])
        if post:
            measure, mword = "arrests", post.group(1)
    rest = after_other_verb(rest)
    raw = clean_subject(rest)
    if "中的" in raw:
        raw = _AMONG.split(raw)[-1]  # 侵犯财产罪当中的盗窃罪: the series is the last one
    if not raw and figures[0].kind == "count":
        raw = noun_after(reader, figures[-1].end, b)
        if raw and measure is None:
            solved = _SOLVED_AFTER.match(reader.s[figures[-1].end:])
            if solved:
                measure, mword = "cases_solved", solved.group()[-2:]
    if measure is None and figures[0].kind == "count":
        solved = _SOLVED_AFTER.match(reader.s[figures[-1].end:b + 12])
        if solved:
            measure, mword = "cases_solved", solved.group()[-2:]
    whole = getattr(reader, "pre_text", region)  # (set by read_statement; a 持平 piece read first has none)
    blocked = negated(whole.replace("□", ""), figures[0]) and not neg_is_category(whole)
    if not raw and mword in ("处警", "出警") and figures[0].kind == "count":
        # 处警1663起: the dispatches are a series of their own, whatever was counted before
        sub = Subject(mword, Category("other", "", mword, False), measure, mword, blocked)
        reader.carry.measure, reader.carry.measure_word = measure, mword
        return sub
    if not raw:
        return _inherit(reader, measure, mword, blocked, figures, b)
    cat = joint or classify(raw)
    if cat is not None and cat.code in ("police_calls", "valid_calls") and mword in ("处置", "处警", "出警"):
        cat = Category("other", "", mword, False)  # 指派民警到场处置警情: the dispatches, a series of their own
    if cat is not None and cat.generic:
        topic = topic_for(reader, raw)
        if topic is not None:
            cat = topic
    sub = Subject(raw, cat, measure, mword, blocked or cat is None)
    sub.persons = is_suspects(raw) or bool(vocab.PERSON_NOUN.search(raw))
    if cat is not None and not blocked:
        set_subject(reader, sub)
        if cat.code not in SPECIFIC or (cat.code == "other" and cat.word):
            set_topic(reader, cat, raw)
    elif blocked and reader.carry.subject is not None:
        prev = reader.carry.subject  # 死亡80人，同比增加39人，上升95.12%: the changes are the deaths'
        reader.carry.subject = Subject(prev.raw, prev.cat, prev.measure, prev.measure_word, True)
    if measure:
        reader.carry.measure, reader.carry.measure_word = measure, mword
    return sub


def noun_after(reader: SentenceReader, pos: int, b: int) -> str:
    """30起命案全部告破 / 发生6宗银行劫案 / 侦破33起积压多年的命案积案: the noun after the figure."""
    tail = reader.s[pos:]
    stop = vocab.STOP_AFTER.search(tail)
    noun = tail[:stop.start()] if stop else tail
    if stop and stop.group() == "的":
        rest = tail[stop.end():]
        stop2 = vocab.STOP_AFTER.search(rest)
        noun = rest[:stop2.start()] if stop2 else rest
    noun = noun.strip("“”\"")
    return noun if noun and classify(noun) is not None and len(noun) <= 20 else ""


def _inherit(reader: SentenceReader, measure: str | None, mword: str, blocked: bool, figures: list[Value],
             b: int) -> Subject | None:
    """No subject named: the subject in force, or the crime named since (the topic), with this piece's measure."""
    prev = reader.carry.subject
    if reader.carry.topic_newer and reader.carry.topic is not None and figures[0].kind == "count" \
            and (measure or re.match(r"[，,；;。）)]|$", reader.s[figures[0].end:figures[0].end + 1])):
        # 网购骗案防不胜防…警方录得逾7000宗: the crime named since the last subject is the one counted
        prev = Subject(reader.carry.topic_raw, reader.carry.topic, None, "", False)
    if prev is None and mword == "立案":
        # 全市立案1832起 with no crime named before: 立案 alone is the criminal cases filed
        sub = Subject("立案", classify("刑事案件"), measure, mword, blocked)
        if not blocked:
            set_subject(reader, sub)
        return sub
    if prev is None:
        return None
    if measure is None:
        return Subject(prev.raw, prev.cat, prev.measure, prev.measure_word, prev.blocked or blocked, prev.persons)
    cat = prev.cat
    raw = prev.raw
    if measure == "arrests" and figures[0].unit in PERSON_UNITS:
        return Subject(raw, cat, measure, mword, prev.blocked or blocked, True)
    return Subject(raw, cat, measure, mword, prev.blocked or blocked, prev.persons)


def set_subject(reader: SentenceReader, sub: Subject) -> None:
    """`sub` is the subject in force from here on."""
    reader.carry.subject = sub
    reader.carry.topic_newer = False
    if sub.cat is not None and sub.cat.code not in SPECIFIC:
        reader.local_topic = sub.cat


def set_topic(reader: SentenceReader, cat: Category, raw: str) -> None:
    """`cat` is the crime last named: figures without a subject of their own may be about it."""
    reader.carry.topic, reader.carry.topic_raw = cat, raw
    reader.carry.topic_newer = True
    if cat.code not in SPECIFIC or (cat.code == "other" and cat.word):
        reader.local_topic = cat


def topic_for(reader: SentenceReader, raw: str) -> Category | None:
    """The crime a generic subject (立案数, 犯罪嫌疑人, 案件) stands for: the one named last, in the text or the sentence."""
    if vocab.MEASURE_NOUN.fullmatch(raw):
        # 立案数 / 破案数: the measure of the crime last named, a subject or a topic
        if reader.carry.topic_newer or reader.carry.subject is None or reader.carry.subject.cat is None:
            return reader.carry.topic
        return reader.carry.subject.cat
    if raw.startswith(("各类", "各种")) and not raw.endswith("案件"):
        return None
    if is_suspects(raw) or raw.endswith(("人员", "分子", "成员")):
        # 破获电信网络诈骗案件2.22万起，抓获嫌疑人3.24万人: suspects of the crime just named in the sentence
        return reader.local_topic
    return reader.carry.topic


_ON_A_BASE = re.compile(r"在[^，,；;。]{0,16}(?:的)?基础上$")
_SUBJECT_THEN_STATE = re.compile(r"[□\s]*([\u4e00-\u9fff“”\"]{2,16}?)(?:实现|保持|已|均|全部|继续|持续|呈|有所|大幅|明显|"
                                 r"略有|同比|下降|上升|同样|亦|也|录得|出现)")


def pending_subject(reader: SentenceReader, a: int, b: int) -> None:
    """A piece without figures that names the subject of the next one (…与去年同期相比，分别下降…;
    命案现案实现全破，发案同比降幅达23.9%)."""
    text = reader.m[a:b]
    lead = vocab.LEAD.search(reader.s[a:b])
    if lead:
        kind = compare_kind(lead.group(), [h for h in reader.times if h.kind == "base" and a <= h.start < b])
        if kind[0]:
            reader.compare = kind
    region = text[:lead.start()] if lead else text
    # 刑事治安警情、刑事立案数在连续多年下降基础上，同比再分别下降…: the base clause is no part of the subject
    region = _ON_A_BASE.sub("", region.rstrip())
    raw = clean_subject(after_other_verb(measure_in(region)[2]))
    parts = [p for p in vocab.LIST_SPLIT.split(raw) if p]
    named = [p for p in parts if classify(p) is not None or vocab.MEASURE_NOUN.search(p)]
    if raw and len(raw) <= 40 and named and (len(named) == len(parts) or len(parts) > 1):
        reader.pending = region
        return
    reader.pending = None
    head = _SUBJECT_THEN_STATE.match(text)
    if head:
        cat = classify(clean_subject(head.group(1)))
        if cat is not None and not cat.generic:
            set_subject(reader, Subject(clean_subject(head.group(1)), cat, None, ""))


_PHRASE = re.compile(r"[\u4e00-\u9fff“”\"、]{2,40}")


def remember_topic(reader: SentenceReader, a: int, b: int) -> None:
    """A piece without figures may still name the crime the next figures are about (打击养老诈骗犯罪)."""
    text = reader.m[a:b]
    for m in _PHRASE.finditer(text):
        phrase = after_verbs(m.group()).strip("、")
        if "、" in phrase and "等" not in phrase:
            continue  # a list of several crimes names no one topic
        cat = classify(phrase)
        if cat is not None and not cat.generic and (cat.code not in SPECIFIC or cat.code == "other"):
            set_topic(reader, cat, phrase)
