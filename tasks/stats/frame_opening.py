"""What an article's opening fixes: the date its figures were told, its own place, and its own period.

Relative words resolve against the date the figures were told: the dateline (中新网杭州3月2日电), the dated
press conference or interview (记者8月18日从…了解到, 昨日…召开新闻发布会), else the publish date. The
article's own place is the title's, else its lead's police unit or press office, else its dateline; its own
period is the title's, else the first span the body names before its first figure.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tasks.stats import place_mentions as mentions  # patterns through their module: see statement_words
from tasks.stats.periods import Period, TimeContext, small_number
from tasks.stats.place_mentions import within
from tasks.stats.places import Place, PlaceHit, find_places, lookup, resolve
from tasks.stats.sentence_leads import is_plan
from tasks.stats.text import Line
from tasks.stats.time_phrases import scan_times

if TYPE_CHECKING:
    from tasks.stats.frame import Frame

_DATELINE = re.compile(r"(?P<m>1[0-2]|0?[1-9]|[一二三四五六七八九十]{1,2})月(?P<d>[12]\d|3[01]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
                       r"(?:电|讯|消息|报道|发布|专电|综合报道)")
_TOLD = re.compile(r"(?:记者|本报)(?:于)?(?P<m>1[0-2]|0?[1-9])月(?P<d>[12]\d|3[01]|0?[1-9])日(?:从|获悉|了解到|在)")
_EVENT = re.compile(r"(?P<m>1[0-2]|0?[1-9])月(?P<d>[12]\d|3[01]|0?[1-9])日(?![电讯])(?:上午|下午|晚上|晚)?[，,]?[^。；;]{0,40}?"
                    r"(?:召开|举行|举办|发布|通报|公布|获悉|了解到|表示|介绍|透露)")
_REL_TOLD = re.compile(r"(?P<w>昨日|昨天|今天|今日|前天|当天|日前)(?:上午|下午|晚上|晚)?[，,]?[^。；;]{0,30}?"
                       r"(?:召开|举行|发布|通报|公布|获悉|了解到|表示|介绍|透露)")


def report_date(head: list[Line], published: date | None) -> date | None:
    """The date the figures were told: a dated event or interview in the lead, else the dateline."""
    pub = published
    dateline = None
    for ln in head:
        m = "月" in ln.text and (_DATELINE.search(ln.text) or _TOLD.search(ln.text))
        if m:
            dateline = _dated(pub, small_number(m.group("m")), small_number(m.group("d")))
            break
    report = None
    for ln in head:
        if ln.kind == "title":
            continue
        m = "月" in ln.text and (_TOLD.search(ln.text) or _EVENT.search(ln.text))
        if m:
            report = _dated(dateline or pub, small_number(m.group("m")), small_number(m.group("d")))
            break
        r = _REL_TOLD.search(ln.text)
        if r and (dateline or pub):
            ref = dateline or pub
            back = {"昨日": 1, "昨天": 1, "前天": 2}.get(r.group("w"), 0)
            report = ref - timedelta(days=back)
            break
    return report or dateline


def _dated(ref: date | None, month: int, day: int) -> date | None:
    if ref is None or not 1 <= month <= 12:
        return None
    try:
        d = date(ref.year, month, day)
    except ValueError:
        return None
    if d > ref + timedelta(days=2):
        try:
            d = d.replace(year=d.year - 1)
        except ValueError:
            return None
    return d


_INSTITUTION = re.compile(r"^(?:市|省|区|县|州)?(?:公安局|公安厅|公安分局|分局|公安|警方|警务处|警察局|派出所|政府|市委|"
                          r"政法委|人民政府|新闻办|公安机关|警察|治安|社会治安|保安局|保安司|各级公安机关|交警|消防|社会应急)")
_CC_TLD = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(hk|mo|tw)\b(?![.\w])", re.IGNORECASE)
_CC_PLACE = {"hk": "香港", "mo": "澳门", "tw": "台湾"}


def own_place(lines: list[Line], region: Place | None) -> tuple[Place | None, str]:
    """The article's place: the title's, else the lead's police unit or press office, else the dateline."""
    fallback: tuple[Place | None, str] = (None, "")
    for ln in lines[:4]:
        weak: tuple[Place | None, str] = (None, "")
        found: Place | None = None
        words = ""
        for hit, place in named_places(ln.text, region):
            after = ln.text[hit.end:hit.end + 8]
            if mentions.MEDIA.match(after) or mentions.DATELINE_AFTER.match(after) or re.match(r"[\d一二三四五六七八九十]{1,2}月", after):
                if weak[0] is None:
                    weak = (place, hit.alias)
                continue
            before = ln.text[max(0, hit.start - 4):hit.start]
            if (mentions.INCIDENTAL_BEFORE.search(before) and not before.endswith("从")) or mentions.ORGANIZATION.match(ln.text, hit.end):
                continue
            if found is not None and within(place, found):
                found, words = place, words + hit.alias  # 湖南省长沙市公安局 → 长沙市
                continue
            if found is not None:
                break
            if ln.kind == "title" or _INSTITUTION.match(after) or hit.start == 0 or ln.text[hit.start - 1] in "，,。 ":
                found, words = place, hit.alias
            elif weak[0] is None:
                weak = (place, hit.alias)
        if found is not None:
            return found, words
        if "公安部" in ln.text[:60] and not re.search(r"在公安部|公安部(?:组织|部署|统一部署)", ln.text[:80]):
            return lookup("全国"), "公安部"
        if "内政部" in ln.text[:80] or "警政署" in ln.text[:80]:
            return lookup("台湾"), "内政部"  # Taiwan's ministry; the mainland has none of that name
        if weak[0] is not None and (len(ln.text) > 30 or re.search(r"讯|电|记者", ln.text)):
            return weak  # the dateline or the paper of the article's lead
        if fallback[0] is None:
            fallback = weak
    if fallback[0] is not None:
        return fallback
    if region is not None:
        return region, "site region"
    # Nothing named and no site region: a web address in the text under Hong Kong's, Macau's or Taiwan's
    # country code (cyberdefender.hk) tells where the article's police are
    for ln in lines:
        tld = _CC_TLD.search(ln.text)
        if tld:
            return lookup(_CC_PLACE[tld.group(1)]), tld.group()
    return None, ""


def named_places(text: str, region: Place | None) -> list[tuple[PlaceHit, Place]]:
    """The places a line names, each short name resolved against the one before (or the site's region)."""
    out = []
    context: Place | None = region
    for hit in find_places(text):
        if not hit.candidates:
            continue
        place = resolve(hit, context.city if context and context.city else None, context.province if context else None)
        if place is None:
            continue
        out.append((hit, place))
        context = place
    return out


_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:[多余])?[万千]?(?:[多余])?[起宗件名人个]|\d%|[一二两三四五六七八九十]成|零发案|零发生|未发生|没有发生")


def first_lead(frame: Frame) -> tuple[Period | None, str, bool]:
    """The bulletin's own period: the first span the body names before its first figure
    (天津市公安局昨日发布今年8月份警情 …), and whether it was written in absolute terms."""
    ctx = TimeContext(frame.published, report=frame.ctx.report)
    for k, ln in enumerate(frame.lines):
        if ln.kind != "paragraph":
            continue  # a heading restates the story; its lead is in the text
        for sent in frame.line_sentences(k):
            hits = scan_times(sent, ctx)
            first_figure = _FIGURE.search(sent)
            stop = first_figure.start() if first_figure else len(sent)
            spans = [h for h in hits if h.kind == "span" and h.period and h.start < stop and not is_plan(sent, h)]
            if spans:
                h = spans[0]
                return h.period, h.text, not re.search(r"本周|上周|本月|上月|上一周|本季度|上季度", h.text)
            if first_figure:
                return None, "", False
    return None, "", False
