"""Lists in a statement: 刑事、治安类警情 (items sharing a head), 破案数、抓获人数 (measures of one crime),
10月、11月 (periods), and a 分别 that pairs the statements before it with its figures in order."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.stats import statement_words as vocab  # patterns through their module: see statement_words
from tasks.stats.categories import classify, is_suspects
from tasks.stats.numbers import Value, read_values
from tasks.stats.periods import Period, TimeHit
from tasks.stats.statement_types import Fact, Subject
from tasks.stats.statement_words import DOWN_SET, MEASURE_OF, SPECIFIC
from tasks.stats.subject_phrases import (
    after_other_verb,
    after_verbs,
    clean_subject,
    measure_in,
    neg_is_category,
    noun_measure,
    unquote,
)
from tasks.stats.subjects import set_subject, set_topic, topic_for
from tasks.stats.trie import trie_pattern

if TYPE_CHECKING:
    from tasks.stats.clauses import SentenceReader

# A measure verb that opens a list names the measure of all its items (侦办环境、森林资源类案件).
_LEAD_VERB = re.compile("(?:" + trie_pattern(MEASURE_OF) + ")(?=.)")
_HAS_HEAD = re.compile(r"警情|案件|犯罪|案|事故|人员|嫌疑人|数$|额$")


def list_items(reader: SentenceReader, region: str, subject: Subject | None) -> list[Subject | None]:
    """刑事、治安类警情 → [刑事类警情, 治安类警情]; 破案数、抓获人数 → two measures of one crime."""
    raw = clean_subject(after_other_verb(region))
    parts = [p for p in vocab.LIST_SPLIT.split(raw) if p.strip("“”\" ")]
    if len(parts) < 2:
        return [subject]
    # a verb before the first item applies to all: 侦办环境、森林资源类案件
    lead = _LEAD_VERB.match(parts[0])
    measure, mword = (vocab.MEASURE_OF.get(lead.group(), None), lead.group()) if lead else (None, "")
    if lead:
        parts[0] = parts[0][lead.end():]
    last = parts[-1]
    shared = _shared_head(parts)
    mm = re.search(r"(?:发案数|立案数|破案数|发案|立案|破案)$", last)
    owner = parts[0].partition("的")[0] if "的" in parts[0] else ""  # 犯罪嫌疑人的抓获数、刑拘数、逮捕数
    out: list[Subject | None] = []
    for p in parts:
        out.append(_item(reader, p, shared, mm, owner, measure, mword, out))
    good = [it for it in out if it and not it.blocked]
    if good:
        set_subject(reader, good[-1])
        last_cat = good[-1].cat
        if last_cat and (last_cat.code not in SPECIFIC or (last_cat.code == "other" and last_cat.word)):
            set_topic(reader, last_cat, good[-1].raw)
    return out


def _shared_head(parts: list[str]) -> str:
    """A head shared by the list (刑事、治安类警情 / 盗窃、诈骗、殴打他人四类高发警情 / 刑事案件、侵财案件破案数),
    taken off the last item (whose words before it are its own) when the head is the list's."""
    last = parts[-1]
    shared = ""
    hm = re.search(r"(?:[一二两三四五六七八九十\d]+类[\u4e00-\u9fff]{0,4}?)?(?:类)?(?:的)?(?:警情|案件|犯罪|罪案|案)$", last)
    if hm and hm.start() > 0:
        counted = re.match(r"[一二两三四五六七八九十\d]+类[\u4e00-\u9fff]{0,4}?(?=类?(?:警情|案件|犯罪|罪案|案)$)", hm.group())
        shared = hm.group()[counted.end():] if counted else hm.group()
        stem = last[:hm.start()]
        if stem.endswith("等"):
            parts[-1] = stem[:-1]  # 绑架、伤害、抢劫等案件: 等 closes the list, the head is shared
        elif "等" in stem:
            # 抢劫、抢夺、绑架等严重暴力犯罪: the words after 等 name the whole list, not its last item
            parts[-1] = stem.split("等", 1)[0] + ("" if counted else shared)
        else:
            parts[-1] = stem + ("" if counted else shared)
    return shared


def _item(reader: SentenceReader, p: str, shared: str, mm: re.Match[str] | None, owner: str,
          measure: str | None, mword: str, before: list[Subject | None]) -> Subject:
    """One item of a list as a subject: with the list's shared head or measure noun, its owner (犯罪嫌疑人的),
    and the list's lead verb (`measure`, `mword`) when it names no measure of its own; `before` holds the
    items already read."""
    phrase = unquote(p)
    shown = phrase  # category_raw: the item as written (盗窃), or with the head it needs (刑事类警情)
    if shared and not _HAS_HEAD.search(phrase):
        phrase = phrase + shared.lstrip("的")
        alone = classify(shown)
        if alone is None or alone.code in SPECIFIC:
            shown = phrase
    elif mm and not phrase.endswith((mm.group(), "警情")) and not vocab.MEASURE_RE.search(phrase):
        c = classify(phrase)
        if c is not None and not c.generic:
            phrase = phrase + mm.group()
    pmeasure, pword, _ = measure_in(phrase)
    if pmeasure is None:
        pmeasure, pword = noun_measure(phrase)
    if owner and not phrase.startswith(owner):
        cat = topic_for(reader, owner) or classify(owner)
        phrase = shown = owner + "的" + phrase
    else:
        cat = classify(clean_subject(after_verbs(phrase)) or phrase)
    blocked = bool(vocab.NEG.search(phrase)) and not neg_is_category(phrase)
    if cat is not None and cat.generic:
        if is_suspects(owner or phrase):
            topic = reader.local_topic  # suspects are those of the crime just named in the sentence
        else:
            topic = reader.carry.topic or (reader.carry.subject.cat if reader.carry.subject else None)
        if topic is not None:
            cat = topic
    if cat is None and (pmeasure or phrase.endswith("数")) and not blocked:
        # 电信网络诈骗破案数、抓获人数: a measure noun counts the crime the list (or the text) is about
        named = [it for it in before if it is not None and not it.blocked and it.cat is not None]
        prev = named[-1] if named else reader.carry.subject
        cat = prev.cat if prev and not prev.blocked else None
    item = Subject(shown if shown != phrase and not shown.endswith("数") else phrase, cat,
                   pmeasure or measure, pword or mword, blocked or cat is None, phrase=phrase)
    item.persons = is_suspects(phrase) or bool(vocab.PERSON_NOUN.search(phrase)) or "人数" in phrase
    return item


def listed_periods(reader: SentenceReader, a: int, b: int) -> list[Period]:
    """10月、11月立案数 / 2020年、2021年、2022年全年，香港分别发生…: periods listed before 分别, in this
    piece or, with no figure between, earlier in the sentence. They are this list's, not the sentence's."""
    spans = [h for h in reader.times if h.start < b and h.kind in ("span", "base") and h.period]
    run: list[TimeHit] = []
    for h in reversed(spans):
        if run and not re.fullmatch(r"[、和及与\s]*", reader.s[h.end:run[0].start]):
            break
        run.insert(0, h)
    if len(run) < 2 or (run[-1].end < a and read_values(reader.s[run[-1].end:a])):
        return []
    for h in run:
        h.listed = True
    return [h.period for h in run]


def pair_statements(reader: SentenceReader, figures: list[Value], vdir: str | None, compare: tuple) -> None:
    """…破获案件2.22万起，抓获嫌疑人3.24万人，返还资金1.18亿元，同比分别上升39.6%、45.3%、146.7%."""
    pool = reader.statements or reader.carry.statements
    stmts = pool[-len(figures):] if len(pool) >= len(figures) else []
    if len(stmts) != len(figures):
        return
    for (subject, produced, _), v in zip(stmts, figures, strict=True):
        if not produced or subject is None:
            continue
        src = produced[0]
        if vdir is None:
            continue
        value = -v.value if vdir in DOWN_SET else v.value
        kind, words, base = compare
        if kind == "nonadj":
            continue
        metric = vocab.METRIC_OF.get(kind, "")
        reader.facts.append(Fact(v.start, v.end, src.raw, src.code, src.sub, src.measure, metric, value, v.approx,
                                 src.period, compare=words, cat_word=src.cat_word, measure_word=src.measure_word))
