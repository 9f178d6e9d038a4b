"""The leads of a sentence: the span and the place in its opening clauses that govern the sentences after it.

A time phrase inside a sentence governs only the rest of that sentence; one in the sentence's first clause
(after 据了解-style openers), or in a sentence without figures, is a lead and governs the rest of the
paragraph. So does a place the sentence opens with.
"""

from __future__ import annotations

import re

from tasks.stats.periods import TimeHit
from tasks.stats.place_mentions import incidental
from tasks.stats.places import Place, PlaceHit

_FILLER_CLAUSE = re.compile(
    r"^(?:据了解|据悉|据介绍|据统计|据初步统计|统计显示|数据显示|记者了解到|记者获悉|另据|同时|此外|另外|其中|与此同时|"
    r"总的来看|整体来看|从数据看|具体来看|昨日|昨天|今天|今日|近日|日前|目前|当天|上午|下午|"
    r"据[\u4e00-\u9fff]{0,16}(?:消息|通报|统计|介绍|数据)|"
    r"[\u4e00-\u9fff\d]{0,16}(?:介绍|表示|透露|指出|说|通报|了解到|获悉|发布消息|消息|显示|宣布|公布))$")
_CLAUSE = re.compile(r"[^，,；;：:]+")


def time_leads(sent: str, hits: list[TimeHit]) -> list[TimeHit]:
    """The spans of a sentence that govern the sentences after it."""
    spans = [h for h in hits if h.kind == "span" and h.period and not h.listed and not is_plan(sent, h)]
    if not spans:
        return []
    # the opening clauses: openers (据了解, 1月22日…通报), clauses that are only time phrases (今年以来，
    # 截至8月中旬，), and the first clause that says something
    lead_end = 0
    for m in _CLAUSE.finditer(sent):
        clause = m.group().strip()
        lead_end = m.end()
        if _FILLER_CLAUSE.match(clause) or re.fullmatch(
                r"[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日.*?(?:通报|发布|召开|获悉|消息|讯)?", clause):
            continue
        if all(h.start >= m.end() or h.end <= m.start() for h in spans) or \
                _only_time(clause, [h for h in spans if m.start() <= h.start < m.end()], m.start()):
            if any(m.start() <= h.start < m.end() for h in spans):
                continue
        break
    return [h for h in spans if h.start < lead_end][-1:]


def lead_place(sent: str, places: list[tuple[PlaceHit, Place | None]],
               hits: list[TimeHit]) -> tuple[Place, str] | None:
    """The place a sentence opens with (after 数据显示-style openers): it runs on through the paragraph."""
    for m in _CLAUSE.finditer(sent):
        if _FILLER_CLAUSE.match(m.group().strip()):
            continue
        within = [h for h in hits if m.start() <= h.start < m.end()]
        if within and _only_time(m.group(), within, m.start()):
            continue  # 今年以来，市公安局兴宾分局…: the place follows the time
        for hit, place in places:
            if place is not None and m.start() <= hit.start < m.end() and not incidental(sent, hit):
                return place, hit.alias
        return None
    return None


_TIME_GLUE = re.compile(r"[截至止自从到了以来的\s]")


def _only_time(clause: str, spans: list[TimeHit], offset: int) -> bool:
    """The clause (at `offset` in its sentence) says nothing but its time phrases (今年以来, 截至8月中旬)."""
    rest = clause
    for h in sorted(spans, key=lambda h: -h.start):
        rest = rest[:h.start - offset] + rest[h.end - offset:]
    return not _TIME_GLUE.sub("", rest)


_PLAN_AFTER = re.compile(r"[^，,。；;]{0,24}?(?:将|计划|拟|力争|争取|预计|打算)")
_PLAN_NEXT_CLAUSE = re.compile(r"[，,][^，,。；;]{0,16}?(?:将|计划|拟|力争|争取)")


def is_plan(sent: str, hit: TimeHit) -> bool:
    """2021年，该分局将以…为重点: a plan for that period, not a report on it."""
    return bool(_PLAN_AFTER.match(sent, hit.end) or _PLAN_NEXT_CLAUSE.match(sent, hit.end))
