"""The places a sentence names, and which of them it is about.

A place name may be incidental — a reporter's byline (记者苏泰安嘉义报导), a newspaper (浙江在线, 广州日报讯),
a firm (广西裕达物业公司), a place the police went to (赴湖南长沙), a ranking (全国副省级城市最低) — or it
may be the place of the figures after it. A short name resolves against the place named last; 全市, 本省
or 该县 point back to the place the sentence, the paragraph or the article named.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tasks.stats.places import Place, PlaceHit, find_places, resolve, resolve_reference

if TYPE_CHECKING:
    from tasks.stats.frame import Frame

# A newspaper's name or a dateline after a place name (浙江在线, 广州日报讯, 北京1月8日电).
MEDIA = re.compile(r"^(?:在线|日报|晚报|晨报|商报|都市报|新闻网|网|电视台|广播|新闻|卫视|发布|头条|融媒|客户端|·|时报|"
                   r"手机报|青年报|法制报|法治报|信息港|经济|之声)")
DATELINE_AFTER = re.compile(r"[\d一二三四五六七八九十]{0,3}(?:月[\d一二三四五六七八九十]{1,3}日?)?日?(?:电|讯|报道|消息)")
# Words before a place, and after it, that make it incidental.
INCIDENTAL_BEFORE = re.compile(r"(?:在|赴|到|往|去|来自|至|与|和|及|、|从|同|对|向|比|较|像|如|帮助|协助|配合)$")
ORGANIZATION = re.compile(r"(?:(?!警|公安|破|打|抓|查|捣|的)[\u4e00-\u9fff]){0,6}?(?:有限公司|公司|集团|银行|酒店|宾馆|大学|学院|医院|中学|小学|商场|"
                          r"大厦|协会|商会|报社|电视台|律师事务所)")
_COMPARATIVE = re.compile(r"^[^，,。；;]{0,12}?(?:最高|最低|最大|最小|最多|最少|第一|前列|首位|之首|排名|前茅|领先|之最|"
                          r"前[一二三四五五六七八九十\d]|第[一二三四五六七八九十\d]|推广|表彰)")


def incidental(sent: str, hit: PlaceHit) -> bool:
    """A place that is not what the sentence is about: 在湖南长沙, 中新社北京1月8日电, 浙江在线, 全国副省级城市最低,
    (记者苏泰安嘉义报导)."""
    return _incidental_at(sent, hit.start, hit.end)


_DATE_AFTER = re.compile(r"[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日")


@lru_cache(maxsize=8192)  # asked again for each figure of the sentence
def _incidental_at(sent: str, start: int, end: int) -> bool:
    if INCIDENTAL_BEFORE.search(sent, max(0, start - 2), start):
        return True
    if _BYLINE.search(sent, max(0, start - 6), start) or _in_byline(sent, start):
        return True
    if ORGANIZATION.match(sent, end):
        return True  # 广西裕达物业公司: a firm's name
    after = sent[end:end + 8]
    if MEDIA.match(after) or DATELINE_AFTER.match(after) or _DATE_AFTER.match(after):
        return True
    return bool(_COMPARATIVE.match(sent[end:]))


_BYLINE = re.compile(r"(?:记者|通讯员|编辑|摄影|作者|撰稿)[\u4e00-\u9fff]{0,2}$")


def _in_byline(sent: str, pos: int) -> bool:
    """Inside "(大纪元记者苏泰安嘉义报导)" or "（记者 王波）": a reporter's name may hold a place name."""
    opening = max(sent.rfind("(", 0, pos), sent.rfind("（", 0, pos))
    if opening < 0 or max(sent.rfind(")", 0, pos), sent.rfind("）", 0, pos)) > opening:
        return False
    return bool(re.search(r"记者|通讯员|报道|报导|摄", sent[opening:pos + 12]))


def opens_clause(sent: str, hit: PlaceHit) -> bool:
    """The place opens its clause (after time words and openers): it is the clause's subject."""
    return _opens_clause_at(sent, hit.start)


@lru_cache(maxsize=8192)
def _opens_clause_at(sent: str, pos: int) -> bool:
    start = clause_start(sent, pos)
    lead = re.sub(r"\d{4}年|[今去前本上]年|全年|[一二三四五六七八九十\d]+月份?|据了解|据悉|数据显示|其中|此外|同时|另外|\s|"
                  r"^[市省县区州]?公安(?:局|厅)", "", sent[start:pos])  # 市公安局兴宾分局: the branch
    return len(lead) <= 2


def clause_start(sent: str, pos: int) -> int:
    """Where the clause holding `pos` starts (after the last ，；： before it)."""
    last = -1
    for c in "，,；;：:":
        i = sent.rfind(c, 0, pos)
        if i > last:
            last = i
    return last + 1


def within(inner: Place, outer: Place) -> bool:
    """`inner` lies inside `outer` (长沙市 in 湖南省)."""
    return inner.name != outer.name and (inner.city == outer.name or inner.province == outer.name
                                         or inner.name.startswith(outer.name))


_QUOTED = re.compile(r"“[^”]{1,30}”")


def sentence_places(frame: Frame, sent: str) -> list[tuple[PlaceHit, Place | None]]:
    """Each place hit of the sentence with the place it names or points to (None: incidental or unknown);
    the places it names run on in `frame.recent` and, when they open a clause, in `frame.para_named`."""
    out = []
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sent)] if "“" in sent else []
    named_here: list[Place] = []
    prev_hit, prev_incidental = None, False
    for hit in find_places(sent):
        if MEDIA.match(sent[hit.end:hit.end + 4]) or DATELINE_AFTER.match(sent[hit.end:hit.end + 10]):
            continue  # 广州日报讯, 浙江在线, 本港讯: a newspaper's name or dateline, not the place of its story
        if any(a < hit.start and hit.end < b for a, b in quoted):
            continue  # “省级平安区”: an honour's name, not a place
        if hit.candidates:
            ctx_place = frame.recent[-1] if frame.recent else (frame.subject or frame.region)
            place = resolve(hit, ctx_place.city if ctx_place and ctx_place.city else None,
                            ctx_place.province if ctx_place else None)
            if place is None and frame.subject is not None:
                place = resolve(hit, frame.subject.city or None, frame.subject.province or None)
            chained = prev_hit is not None and prev_hit.end == hit.start and prev_incidental
            aside = chained or incidental(sent, hit)
            if place is not None and not aside:
                frame.recent.append(place)
                named_here.append(place)
                if opens_clause(sent, hit):
                    frame.para_named.append(place)
            prev_hit, prev_incidental = hit, aside
        else:
            # 下城区全年全区…: a reference points at the place its sentence named, else its paragraph's
            # (厚街镇情况类似。…全镇共接报…), else the article's own
            place = None
            for named in (named_here, frame.para_named):
                if named and place is None:
                    place = resolve_reference(hit.alias, None, named)
            if place is None:
                place = resolve_reference(hit.alias, frame.subject, frame.recent)
        out.append((hit, place))
    return out
