"""A figure and its subject → facts: a count or a change, a prior figure of the other period of a
comparison (较上年同期1760起), and counts of things that are no statistic (29个村, 82人死亡)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.stats import statement_words as vocab  # patterns through their module: see statement_words
from tasks.stats.categories import classify, measure_hints
from tasks.stats.numbers import Value
from tasks.stats.periods import Period, TimeHit
from tasks.stats.statement_types import Fact, Subject
from tasks.stats.statement_words import DOWN_SET, PERSON_UNITS
from tasks.stats.subject_phrases import after_other_verb, clean_subject, measure_in

if TYPE_CHECKING:
    from tasks.stats.clauses import SentenceReader

_GENERIC_HEAD = ("案件", "案", "犯罪", "警情")


def add_fact(reader: SentenceReader, item: Subject | None, v: Value, vdir: str | None, change, compare: tuple,
             period: Period | None, piece: str) -> list[Fact]:
    """The fact figure `v` states about `item` (a count, or a change in direction `vdir` against `compare`),
    added to reader.facts; [] when it states none (no category, a blocked subject, people without a verb)."""
    if item is None or item.cat is None or item.blocked:
        return []
    cat = item.cat
    if v.kind == "count":
        measure = item.measure or default_measure(reader, item)
        if v.unit in PERSON_UNITS:
            # people count only when a verb says what happened to them (抓获, 刑拘, 查处, 治安拘留)
            measure = item.measure or (reader.breakdown_measure if reader.breakdown_measure in ("arrests", "other")
                                       else None)
            if item.measure_word in ("查处", "处罚", "处理", "查获违法"):
                measure = "other" if item.measure_word != "查获违法" else "arrests"
            if measure not in ("arrests", "other"):
                return []
            if measure == "arrests" and cat.code in ("police_calls", "valid_calls"):
                return []
        elif v.unit == "个" and not re.search(r"报警|接警|电话|警情|呼入", item.raw):
            return []
        elif item.persons and not re.search(r"案|警情|犯罪$|事故", item.raw) and v.unit in "起宗件":
            return []
        fact = Fact(v.start, v.end, item.raw, cat.code, cat.subcategory, measure, "count", float(v.value),
                    v.approx, period, cat_word=cat.word or item.raw, measure_word=item.measure_word)
        reader.facts.append(fact)
        return [fact]
    # a change
    if vdir is None:
        return []
    if v.unit == "倍" and vdir in DOWN_SET:
        return []
    kind, words, base = compare
    if kind == "nonadj":
        return []
    measure = item.measure or default_measure(reader, item)
    if item.persons and item.measure is None and not re.search(r"案|警情", item.raw):
        measure = "arrests" if re.search(r"嫌疑人|抓获|刑拘|逮捕|拘捕|被捕|作案成员", item.raw) else "other"
    value = -v.value if vdir in DOWN_SET else v.value
    if vdir == "减半":
        value = -50.0
    metric = vocab.METRIC_OF.get(kind, "")
    fact = Fact(v.start, v.end, item.raw, cat.code, cat.subcategory, measure, metric, value, v.approx, period,
                compare=words, cat_word=cat.word or item.raw, measure_word=item.measure_word,
                role="base" if kind == "base" else "main", base=base)
    reader.facts.append(fact)
    return [fact]


def default_measure(reader: SentenceReader, item: Subject) -> str:
    """The measure of a subject whose words name none: from its noun (警情 → reports), its category, or the
    total it breaks down."""
    raw = item.phrase or item.raw
    if "求助" in raw or "纠纷" in raw:
        return "other"
    if "警情" in raw or "报警" in raw or "接警" in raw:
        return "reports"
    if item.persons:
        return "arrests"
    hint = measure_hints().get(item.cat.code) if item.cat else None
    if hint:
        return hint
    parent = reader.breakdown_measure
    if parent and parent != "arrests":
        return parent  # 共发生刑事案件43起，其中盗窃案件32起: the breakdown keeps its total's measure
    if raw.endswith(_GENERIC_HEAD) or "案" in raw or "罪" in raw:
        return "cases_filed"
    return "reports"


_THING_NOUN = re.compile(r"(?:账号|账户|号码|银行卡|电话卡|手机卡|网址|网站|域名|设备|窝点|据点)$")
_PERSON_OK = re.compile(r"嫌疑人|犯罪|违法|逃犯|在逃|涉案|作案|成员|人员|被捕|拘|吸毒|贩毒|涉毒|涉赌|涉黄|涉诈|"
                        r"骨干|头目|金主|分子|人士|非法入境者|偷渡|卖淫|嫖娼")
_BOUND_WORD = re.compile(r"以[上下内](?![，,。；;、）)])[\u4e00-\u9fff]")


def counts_other_thing(reader: SentenceReader, v: Value, a: int, b: int) -> bool:
    """29个村 / 154个市级治安乱点 / 82人死亡 / 400余名成员 of one gang: a count of something that is no
    statistic (and, inside a subject, no figure at all)."""
    if v.kind != "count":
        return False
    if reader.one_case and v.unit in ("名", "人", "起", "宗", "件"):
        return True
    after = reader.s[v.end:b]
    if _BOUND_WORD.match(after) or (
            reader.s.endswith(("以上", "以下"), v.start, v.end)
            and re.match(r"(?!同比|环比|较(?!大)|比)[\u4e00-\u9fff]", after)):
        return True  # 一次死亡3人以上较大道路交通事故: part of a name, not a figure
    before = clean_subject(after_other_verb(measure_in(reader.m[a:v.start])[2]))
    if before and v.unit == "个" and _THING_NOUN.search(before):
        return True  # 涉案电话号码2136个: numbers, accounts, dens are no crimes
    if before and v.unit != "个":
        return False
    noun = re.match(r"[\u4e00-\u9fff“”\"]{1,12}", after)
    if noun is None:
        return False
    word = noun.group()
    if "的" in word:
        word = word.rsplit("的", 1)[1] or word  # 33起积压多年的命案积案
    if re.match(r"(?:以上|左右|之多|同比|环比|较|比|与|和|及|的|其中|分别|均|全部|都|已|并|是|为|次|多|余)", word):
        return False
    if vocab.MEASURE_RE.match(word) or vocab.CHANGE.match(word):
        return False
    stop = vocab.STOP_AFTER.search(word)
    head = word[:stop.start()] if stop else word
    return bool(head) and classify(head) is None and not _PERSON_OK.search(head)


def prior_facts(reader: SentenceReader, subject: Subject | None, figures: list[Value], hit: TimeHit,
                bases: list[TimeHit], vdir: str | None) -> None:
    """较2019年的80宗减少67% / 2022年和2019年同期分别有85宗和80宗: counts of the other period, and the
    change against it."""
    counts = [v for v in figures if v.kind == "count"]
    # 由前年的1019宗增至1077宗: the figure after 增至/降至 is this period's level
    level = [v for v in counts if re.search(r"(?:至|到)(?:今年[\u4e00-\u9fff]{0,4}的)?$", reader.s[max(0, v.start - 8):v.start])]
    counts = [v for v in counts if v not in level]
    for v in level:
        add_fact(reader, subject, v, None, None, ("", "", None), None, "")
    # 较上周的81起减少19起: a difference after the prior figure; this period's level is 81 − 19
    diffs = [v for v in counts[1:] if vocab.CHANGE.search(reader.m[max(0, v.start - 6):v.start])]
    counts = [v for v in counts if v not in diffs]
    if len(counts) == 1 and len(diffs) == 1 and not level:
        own = vocab.CHANGE.search(reader.m[max(0, diffs[0].start - 6):diffs[0].start])
        down = own.group("dir") in DOWN_SET
        current = counts[0].value - diffs[0].value if down else counts[0].value + diffs[0].value
        if current >= 0:
            add_fact(reader, subject, diffs[0]._replace(value=current, approx=counts[0].approx or diffs[0].approx),
                     None, None, ("", "", None), None, "")
    periods = [h.period for h in bases if h.period] if len(counts) > 1 else [hit.period]
    if len(periods) != len(counts):
        periods = [hit.period] * len(counts)
    for v, p in zip(counts, periods, strict=True):
        if p is None:
            continue
        for f in add_fact(reader, subject, v, None, None, ("", "", None), p, ""):
            f.role = "prior"
    reader.prior_periods = [p for p in periods if p is not None]
    prev_end = hit.end
    for v in figures:
        if v.kind == "pct" and hit.period is not None:
            own = vocab.CHANGE.search(reader.m[prev_end:v.start])
            add_fact(reader, subject, v, own.group("dir") if own else vdir, None, ("base", hit.text, hit.period), None, "")
        prev_end = v.end
