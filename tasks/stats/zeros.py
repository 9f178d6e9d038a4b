"""Facts without a figure: zeros (未发生X、Y和Z, X零发案) and no change (持平)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.stats import statement_words as vocab  # patterns through their module: see statement_words
from tasks.stats.categories import classify
from tasks.stats.figure_facts import default_measure
from tasks.stats.numbers import Value
from tasks.stats.statement_types import Fact
from tasks.stats.statement_words import compare_kind
from tasks.stats.subject_phrases import after_other_verb, clean_subject, measure_in
from tasks.stats.subjects import read_subject

if TYPE_CHECKING:
    from tasks.stats.clauses import SentenceReader

_ZERO_BEFORE = re.compile(r"(?:未|没有|没|并没有|亦没有|亦没|也没有|无|未再)(?:发生过?|接报|接获|出现|录得|发|接到)?")
_ZERO_WORD = re.compile(r"[“\"]?零(?:发案|发生|命案|事故)[”\"]?|零发案|零发生")
_VAGUE = re.compile(r"^(?:重大|重特大|较大|大型|各类)?(?:问题|安全事故|事故|案事件|不稳定因素|事件|伤亡|人员伤亡|"
                    r"安全问题|影响|情况|隐患|意外|活动安全事故|治安灾害事故|灾害事故)$|问题$|安全事故$|伤亡$|隐患$|"
                    r"不稳定|大规模|群体性上访")
_ZERO_ITEM_OK = re.compile(r"案件|案|警情|犯罪|事故|案事件|事件|活动|罪案|劫案|命案|绑架|爆炸|投毒|劫持|杀人|抢劫|"
                           r"强奸|放火|火灾")


def read_zeros(reader: SentenceReader) -> None:
    """The zeros of the sentence, added to reader.facts: X零发案 / X实现“零发生” (the subject before) and
    未发生X、Y和Z (the items after)."""
    s = reader.s
    for m in _ZERO_WORD.finditer(s):
        # X零发案 / X实现“零发生”: the subject before
        start = max(s.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
        region = reader.m[start:m.start()]
        if re.search(r"\d+天|天|日|连续|累计|月", region + s[m.end():m.end() + 2]):
            continue
        region = re.sub(r"(?:实现了?|保持|达到|都是|均|为|出现了?|了)+$", "", region)
        measure, mword, rest = measure_in(region)
        rest = after_other_verb(rest)
        raw = clean_subject(rest)
        # 命案、绑架等警情实现零发案: the items before 等, each with the list's head
        raw = re.sub(r"等(?:严重|重大)?[\u4e00-\u9fff]{0,6}(?:警情|案件|犯罪)$", "", raw)
        for phrase in [p for p in vocab.LIST_SPLIT.split(raw) if p]:
            _zero_fact(reader, phrase, m.start(), m.group())
    for m in _ZERO_BEFORE.finditer(s):
        if m.group() in ("无", "未", "没") and not re.match(r"[重特大较恶严一]", s[m.end():m.end() + 1]) \
                and not m.group().endswith(("发生", "发生过", "接报")):
            continue
        if s[m.start() - 1:m.start()] in ("是", "从", "并") and m.group() == "无":
            continue
        clause_start = max(s.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
        if re.search(r"连续|\d+天|[一二三四五六七八九十]+天|\d+年|个月", s[clause_start:m.start()]):
            continue  # 连续11年9个月无重大道路交通事故: a streak
        stop = re.search(r"[，,；;。：:]|(?:的|等)(?:严重|重大)?[\u4e00-\u9fff]{0,6}(?:警情|案件|犯罪)(?=[，,；;。]|$)", s[m.end():])
        region = s[m.end():m.end() + stop.start()] if stop else s[m.end():]
        items = _zero_items(region)
        for phrase in items:
            _zero_fact(reader, phrase, m.start(), m.group())


def _zero_items(region: str) -> list[str]:
    """重大刑事、治安案件和较大以上交通事故 → 重大刑事案件, 重大治安案件, 较大以上交通事故."""
    region = region.strip("“”\"")
    parts = [p.strip("“”\" ") for p in vocab.LIST_SPLIT.split(region) if p.strip("“”\" ")]
    out = []
    for i, p in enumerate(parts):
        if not _ZERO_ITEM_OK.search(p):
            # 重、特大火灾事故 / 刑事、治安案件: take the head of the next item
            nxt = next((q for q in parts[i + 1:] if _ZERO_ITEM_OK.search(q)), "")
            hm = re.search(r"(?:类)?(?:刑事|治安)?(?:案件|警情|事故|犯罪)$", nxt)
            if hm and len(p) <= 6:
                head = hm.group()
                stem = re.sub(r"^(?:重大|重特大|较大|特大|严重)", "", nxt[:hm.start()])
                p = p + (stem if len(p) <= 2 else "") + head if not p.endswith(head) else p
            else:
                continue
        out.append(p)
    return out


def _zero_fact(reader: SentenceReader, phrase: str, pos: int, word: str) -> None:
    """A zero count of the crime `phrase` names, unless it names no crime (事故, 问题, 伤亡)."""
    phrase = phrase.strip("“”\"")
    if not phrase or _VAGUE.search(phrase) or len(phrase) > 24:
        return
    if re.search(r"伤亡|死亡|问题|隐患|不稳定|事件$", phrase) and not re.search(r"暴恐|群体性|极端", phrase):
        return
    cat = classify(phrase)
    if cat is None or cat.generic:
        return
    if cat.code == "other" and not _ZERO_ITEM_OK.search(phrase):
        return
    reader.facts.append(Fact(pos, pos + len(word), phrase, cat.code, cat.subcategory, "reports", "count", 0.0,
                             False, cat_word=cat.word or phrase, measure_word=word))


_FLAT_WORD = re.compile(r"(?<!保)(?:基本)?持平")


def read_flat(reader: SentenceReader, a: int, b: int) -> bool:
    """与去年同期持平 / 同比持平 / 环、同比均持平 / 基本持平: a change of 0."""
    s = reader.s[a:b]
    fm = _FLAT_WORD.search(s)
    if not fm:
        return False
    approx = fm.group() == "基本持平"
    subject = reader.carry.subject
    pre = reader.m[a:a + fm.start()]
    region_cut = len(pre)
    lead_m = vocab.LEAD.search(reader.s[a:a + fm.start()])
    if lead_m:
        region_cut = lead_m.start()
    raw = clean_subject(after_other_verb(measure_in(pre[:region_cut])[2]))
    if raw and classify(raw) is not None:
        subject = read_subject(reader, pre[:region_cut], a, [Value(a, a, "pct", 0, False, "%")], b)
    if subject is None or subject.cat is None or subject.blocked:
        return True
    kinds = []
    if re.search(r"环、同比|环比、同比|同比、环比|同、环比", s):
        kinds = [("pop", "环比"), ("yoy", "同比")]
    elif lead_m:
        kind, words, base = compare_kind(lead_m.group(), [h for h in reader.times if h.kind == "base"])
        if kind == "nonadj":
            return True
        kinds = [(kind, words)]
    else:
        kinds = [("", "")]
    for kind, words in kinds:
        metric = vocab.METRIC_OF.get(kind, "")
        measure = subject.measure or default_measure(reader, subject)
        reader.facts.append(Fact(a + fm.start(), a + fm.end(), subject.raw, subject.cat.code, subject.cat.subcategory,
                                 measure, metric, 0.0, approx, compare=words, cat_word=subject.cat.word or subject.raw,
                                 measure_word=subject.measure_word))
    return True
