"""The document frame: which period and which place each statistic of an article belongs to.

A reader of a bulletin needs the whole article: "今年上半年，" in a paragraph's first sentence governs the
sentences after it, a heading (【打击刑事犯罪】2021年) governs its section, the title and the
article's lead fix the period and the place of everything that does not say otherwise, and 全市, 本省
or 该县 point back to a place named before. The precedence is, for the period:

    sentence (a phrase before the figure) → paragraph lead → heading → title → the bulletin's own period

and for the place:

    sentence (a place or 全市-style reference before the figure) → paragraph lead → heading → title →
    the article's own place (its police unit or press office, else its dateline) → the site's region.

A time phrase inside a sentence governs only the rest of that sentence; one in the sentence's first
clause (after 据了解-style openers), or in a sentence without figures, is a lead and governs the rest
of the paragraph. Relative words resolve against the date the figures were told: the dateline
(中新网杭州3月2日电), the dated press conference or interview (记者8月18日从…了解到, 昨日…召开新闻发布会),
else the publish date.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from tasks.stats.clauses import Carry, Fact, Figures, SentenceReader, sentence_figures
from tasks.stats.periods import (
    Period,
    TimeContext,
    TimeHit,
    previous_span,
    previous_year,
    scan_times,
    shift_year,
    small_number,
)
from tasks.stats.places import Place, PlaceHit, find_places, lookup, resolve, resolve_reference
from tasks.stats.text import Line, sentences

_FILLER_CLAUSE = re.compile(
    r"^(?:据了解|据悉|据介绍|据统计|据初步统计|统计显示|数据显示|记者了解到|记者获悉|另据|同时|此外|另外|其中|与此同时|"
    r"总的来看|整体来看|从数据看|具体来看|昨日|昨天|今天|今日|近日|日前|目前|当天|上午|下午|"
    r"据[\u4e00-\u9fff]{0,16}(?:消息|通报|统计|介绍|数据)|"
    r"[\u4e00-\u9fff\d]{0,16}(?:介绍|表示|透露|指出|说|通报|了解到|获悉|发布消息|消息|显示|宣布|公布))$")
_CLAUSE = re.compile(r"[^，,；;：:]+")
_DATELINE = re.compile(r"(?P<m>1[0-2]|0?[1-9]|[一二三四五六七八九十]{1,2})月(?P<d>[12]\d|3[01]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
                       r"(?:电|讯|消息|报道|发布|专电|综合报道)")
_TOLD = re.compile(r"(?:记者|本报)(?:于)?(?P<m>1[0-2]|0?[1-9])月(?P<d>[12]\d|3[01]|0?[1-9])日(?:从|获悉|了解到|在)")
_EVENT = re.compile(r"(?P<m>1[0-2]|0?[1-9])月(?P<d>[12]\d|3[01]|0?[1-9])日(?![电讯])(?:上午|下午|晚上|晚)?[，,]?[^。；;]{0,40}?"
                    r"(?:召开|举行|举办|发布|通报|公布|获悉|了解到|表示|介绍|透露)")
_REL_TOLD = re.compile(r"(?P<w>昨日|昨天|今天|今日|前天|当天|日前)(?:上午|下午|晚上|晚)?[，,]?[^。；;]{0,30}?"
                       r"(?:召开|举行|发布|通报|公布|获悉|了解到|表示|介绍|透露)")
_INSTITUTION = re.compile(r"^(?:市|省|区|县|州)?(?:公安局|公安厅|公安分局|分局|公安|警方|警务处|警察局|派出所|政府|市委|"
                          r"政法委|人民政府|新闻办|公安机关|警察|治安|社会治安|保安局|保安司|各级公安机关|交警|消防|社会应急)")
_MEDIA = re.compile(r"^(?:在线|日报|晚报|晨报|商报|都市报|新闻网|网|电视台|广播|新闻|卫视|发布|头条|融媒|客户端|·|时报|"
                    r"手机报|青年报|法制报|法治报|信息港|经济|之声)")
_INCIDENTAL = re.compile(r"(?:在|赴|到|往|去|来自|至|与|和|及|、|从|同|对|向|比|较|像|如|帮助|协助|配合)$")
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:[多余])?[万千]?(?:[多余])?[起宗件名人个]|\d%|[一二两三四五六七八九十]成|零发案|零发生|未发生|没有发生")
_ORGANIZATION = re.compile(r"(?:(?!警|公安|破|打|抓|查|捣|的)[\u4e00-\u9fff]){0,6}?(?:有限公司|公司|集团|银行|酒店|宾馆|大学|学院|医院|中学|小学|商场|"
                           r"大厦|协会|商会|报社|电视台|律师事务所)")
_COMPARATIVE = re.compile(r"^[^，,。；;]{0,12}?(?:最高|最低|最大|最小|最多|最少|第一|前列|首位|之首|排名|前茅|领先|之最|"
                          r"前[一二三四五五六七八九十\d]|第[一二三四五六七八九十\d]|推广|表彰)")


def _incidental(sent: str, hit: PlaceHit) -> bool:
    """A place that is not what the sentence is about: 在湖南长沙, 中新社北京1月8日电, 浙江在线, 全国副省级城市最低,
    (记者苏泰安嘉义报导)."""
    return _incidental_at(sent, hit.start, hit.end)


_DATE_AFTER = re.compile(r"[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日")


@lru_cache(maxsize=8192)  # asked again for each figure of the sentence
def _incidental_at(sent: str, start: int, end: int) -> bool:
    if _INCIDENTAL.search(sent, max(0, start - 2), start):
        return True
    if _BYLINE.search(sent, max(0, start - 6), start) or _in_byline(sent, start):
        return True
    if _ORGANIZATION.match(sent, end):
        return True  # 广西裕达物业公司: a firm's name
    after = sent[end:end + 8]
    if _MEDIA.match(after) or _DATELINE_AFTER.match(after) or _DATE_AFTER.match(after):
        return True
    return bool(_COMPARATIVE.match(sent[end:]))


_BYLINE = re.compile(r"(?:记者|通讯员|编辑|摄影|作者|撰稿)[\u4e00-\u9fff]{0,2}$")


def _in_byline(sent: str, pos: int) -> bool:
    """Inside "(大纪元记者苏泰安嘉义报导)" or "（记者 王波）": a reporter's name may hold a place name."""
    opening = max(sent.rfind("(", 0, pos), sent.rfind("（", 0, pos))
    if opening < 0 or max(sent.rfind(")", 0, pos), sent.rfind("）", 0, pos)) > opening:
        return False
    return bool(re.search(r"记者|通讯员|报道|报导|摄", sent[opening:pos + 12]))


_DATELINE_AFTER = re.compile(r"[\d一二三四五六七八九十]{0,3}(?:月[\d一二三四五六七八九十]{1,3}日?)?日?(?:电|讯|报道|消息)")


_CC_TLD = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(hk|mo|tw)\b(?![.\w])", re.IGNORECASE)
_CC_PLACE = {"hk": "香港", "mo": "澳门", "tw": "台湾"}


@dataclass(slots=True)
class Source:
    """Where a fact's period or place came from: the words, and the level of the frame that gave them."""

    words: str
    level: str


@dataclass
class Located:
    fact: Fact
    period: Period | None
    place: Place | None
    evidence: str
    period_from: Source
    place_from: Source
    title: bool


@dataclass
class _Level:
    period: Period | None = None
    period_words: str = ""
    place: Place | None = None
    place_words: str = ""


@dataclass
class Frame:
    published: date | None
    region: Place | None
    lines: list[Line]
    ctx: TimeContext = field(init=False)
    subject: Place | None = None
    subject_words: str = ""
    title: _Level = field(default_factory=_Level)
    doc: _Level = field(default_factory=_Level)
    heading: _Level = field(default_factory=_Level)
    weekly: bool = False

    def __post_init__(self) -> None:
        self.ctx = TimeContext(self.published)
        self.recent: list[Place] = []
        self.para_named: list[Place] = []
        self.carry = Carry()
        self._split: list[list[str] | None] = [None] * len(self.lines)

    def _sentences(self, k: int) -> list[str]:
        """The sentences of line k (prepare and read both walk the first lines)."""
        sents = self._split[k]
        if sents is None:
            sents = self._split[k] = [sent for _, sent in sentences(self.lines[k].text)]
        return sents

    # ---- the article's own date, place and period -------------------------------------------------------
    def prepare(self) -> None:
        head = self.lines[:4]
        self.ctx.report = self._report_date(head)
        self.subject, self.subject_words = self._own_place()
        title = next((ln for ln in self.lines if ln.kind == "title"), None)
        if title is not None:
            ctx = TimeContext(self.published, report=self.ctx.report)
            spans = [h for h in scan_times(title.text, ctx) if h.kind == "span" and h.period]
            if spans:
                self.title.period, self.title.period_words = spans[0].period, spans[0].text
                if spans[0].holiday:
                    # 春节期间 in the headline, 从大年三十到正月十五 in the text: the text says which days it means
                    lead, words, _ = self._first_lead()
                    if lead is not None and lead[0] <= spans[0].period[1] and spans[0].period[0] <= lead[1]:
                        self.title.period, self.title.period_words = lead, words
        self.doc.period, self.doc.period_words = self.title.period, self.title.period_words
        absolute = True
        if self.doc.period is None:
            self.doc.period, self.doc.period_words, absolute = self._first_lead()
        self.ctx.anchor = self.doc.period if absolute else self.title.period
        body = "\n".join(ln.text for ln in self.lines[:6])
        self.weekly = bool(self.doc.period and (self.doc.period[1] - self.doc.period[0]).days <= 7
                           and re.search(r"(?:本|上|前|下|一|每|两)周|周报|週|较上周|与上周", body))
        if self.doc.period:
            self.ctx.year = self.doc.period[1].year

    def _report_date(self, head: list[Line]) -> date | None:
        pub = self.published
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

    def _own_place(self) -> tuple[Place | None, str]:
        """The article's place: the title's, else the lead's police unit or press office, else the dateline."""
        fallback: tuple[Place | None, str] = (None, "")
        for ln in self.lines[:4]:
            weak: tuple[Place | None, str] = (None, "")
            found: Place | None = None
            words = ""
            for hit, place in self._named(ln.text):
                after = ln.text[hit.end:hit.end + 8]
                if _MEDIA.match(after) or _DATELINE_AFTER.match(after) or re.match(r"[\d一二三四五六七八九十]{1,2}月", after):
                    if weak[0] is None:
                        weak = (place, hit.alias)
                    continue
                before = ln.text[max(0, hit.start - 4):hit.start]
                if (_INCIDENTAL.search(before) and not before.endswith("从")) or _ORGANIZATION.match(ln.text, hit.end):
                    continue
                if found is not None and _within(place, found):
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
        if self.region is not None:
            return self.region, "site region"
        # Nothing named and no site region: a web address in the text under Hong Kong's, Macau's or Taiwan's
        # country code (cyberdefender.hk) tells where the article's police are
        for ln in self.lines:
            tld = _CC_TLD.search(ln.text)
            if tld:
                return lookup(_CC_PLACE[tld.group(1)]), tld.group()
        return None, ""

    def _named(self, text: str) -> list[tuple[PlaceHit, Place]]:
        out = []
        context: Place | None = self.region
        for hit in find_places(text):
            if not hit.candidates:
                continue
            place = resolve(hit, context.city if context and context.city else None, context.province if context else None)
            if place is None:
                continue
            out.append((hit, place))
            context = place
        return out

    def _first_lead(self) -> tuple[Period | None, str, bool]:
        """The bulletin's own period: the first span the body names before its first figure
        (天津市公安局昨日发布今年8月份警情 …), and whether it was written in absolute terms."""
        ctx = TimeContext(self.published, report=self.ctx.report)
        for k, ln in enumerate(self.lines):
            if ln.kind != "paragraph":
                continue  # a heading restates the story; its lead is in the text
            for sent in self._sentences(k):
                hits = scan_times(sent, ctx)
                first_figure = _FIGURE.search(sent)
                stop = first_figure.start() if first_figure else len(sent)
                spans = [h for h in hits if h.kind == "span" and h.period and h.start < stop and not _future(sent, h)]
                if spans:
                    h = spans[0]
                    return h.period, h.text, not re.search(r"本周|上周|本月|上月|上一周|本季度|上季度", h.text)
                if first_figure:
                    return None, "", False
        return None, "", False

    def _leads(self, sent: str, hits: list[TimeHit]) -> list[TimeHit]:
        """The spans of a sentence that govern the sentences after it."""
        spans = [h for h in hits if h.kind == "span" and h.period and not h.listed and not _future(sent, h)]
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

    # ---- reading --------------------------------------------------------------------------------------
    def read(self) -> list[Located]:
        # Past the last sentence that may state a fact nothing read can matter: the lines after it
        # (contacts, tips, the editor's name) are not read at all.
        figures: list[list[Figures] | None] = [None] * len(self.lines)
        last = -1
        for k in range(len(self.lines) - 1, -1, -1):
            figures[k] = [sentence_figures(sent) for sent in self._sentences(k)]
            if any(f.stating for f in figures[k]):
                last = k
                break
        out: list[Located] = []
        for k in range(last + 1):
            out.extend(self._line(self.lines[k], self._sentences(k), figures[k]))
        return out

    def _line(self, ln: Line, sents: list[str], figures: list[Figures] | None = None) -> list[Located]:
        ctx = self.ctx
        ctx.until = None
        ctx.para_year = False
        self.para_named = []
        para = _Level()
        if ln.kind == "title":
            ctx.current = self.title.period or self.doc.period
        else:
            ctx.current = self.heading.period or self.doc.period
        out: list[Located] = []
        if figures is None:
            figures = [sentence_figures(sent) for sent in sents]
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
            places = self._places(sent)
            if i > last_fact and not heading:
                self.carry.statements, self.carry.semi_topic = [], None  # as the reader leaves a sentence with no figure
                continue
            reader = SentenceReader(self.carry, self.weekly)
            facts = reader.read(sent, hits, [h for h, _ in places], figures[i])
            for f in facts:
                out.append(self._locate(f, sent, hits, places, para, ln))
            leads = self._leads(sent, hits)
            if leads:
                para.period, para.period_words = leads[-1].period, leads[-1].text
            lead_place = self._lead_place(sent, places, hits)
            if lead_place is not None:
                para.place, para.place_words = lead_place
            ctx.current = para.period or ctx.current
        if ln.kind == "heading":
            self.heading.period = para.period or self.heading.period
            self.heading.period_words = para.period_words or self.heading.period_words
            self.heading.place = para.place or self.heading.place
            self.heading.place_words = para.place_words or self.heading.place_words
        return out

    def _places(self, sent: str) -> list[tuple[PlaceHit, Place | None]]:
        out = []
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sent)] if "“" in sent else []
        named_here: list[Place] = []
        prev_hit, prev_incidental = None, False
        for hit in find_places(sent):
            if _MEDIA.match(sent[hit.end:hit.end + 4]) or _DATELINE_AFTER.match(sent[hit.end:hit.end + 10]):
                continue  # 广州日报讯, 浙江在线, 本港讯: a newspaper's name or dateline, not the place of its story
            if any(a < hit.start and hit.end < b for a, b in quoted):
                continue  # “省级平安区”: an honour's name, not a place
            if hit.candidates:
                ctx_place = self.recent[-1] if self.recent else (self.subject or self.region)
                place = resolve(hit, ctx_place.city if ctx_place and ctx_place.city else None,
                                ctx_place.province if ctx_place else None)
                if place is None and self.subject is not None:
                    place = resolve(hit, self.subject.city or None, self.subject.province or None)
                chained = prev_hit is not None and prev_hit.end == hit.start and prev_incidental
                incidental = chained or _incidental(sent, hit)
                if place is not None and not incidental:
                    self.recent.append(place)
                    named_here.append(place)
                    if _opens_clause(sent, hit):
                        self.para_named.append(place)
                prev_hit, prev_incidental = hit, incidental
            else:
                # 下城区全年全区…: a reference points at the place its sentence named, else its paragraph's
                # (厚街镇情况类似。…全镇共接报…), else the article's own
                place = None
                for named in (named_here, self.para_named):
                    if named and place is None:
                        place = resolve_reference(hit.alias, None, named)
                if place is None:
                    place = resolve_reference(hit.alias, self.subject, self.recent)
            out.append((hit, place))
        return out

    def _lead_place(self, sent: str, places: list[tuple[PlaceHit, Place | None]],
                    hits: list[TimeHit]) -> tuple[Place, str] | None:
        """The place a sentence opens with (after 数据显示-style openers): it runs on through the paragraph."""
        for m in _CLAUSE.finditer(sent):
            if _FILLER_CLAUSE.match(m.group().strip()):
                continue
            within = [h for h in hits if m.start() <= h.start < m.end()]
            if within and _only_time(m.group(), within, m.start()):
                continue  # 今年以来，市公安局兴宾分局…: the place follows the time
            for hit, place in places:
                if place is not None and m.start() <= hit.start < m.end() and not _incidental(sent, hit):
                    return place, hit.alias
            return None
        return None

    def _locate(self, f: Fact, sent: str, hits: list[TimeHit], places: list[tuple[PlaceHit, Place | None]],
                para: _Level, ln: Line) -> Located:
        period, pfrom = self._period(f, sent, hits, para, ln)
        place, lfrom = self._place(f, sent, places, para, ln)
        return Located(f, period, place, _evidence(sent, f.pos), pfrom, lfrom, ln.kind == "title")

    def _period(self, f: Fact, sent: str, hits: list[TimeHit], para: _Level, ln: Line) -> tuple[Period | None, Source]:
        if f.role == "prior" and f.period is None:
            # 由433宗增至511宗 with no year named: the count of the same span a year before
            main = dataclasses.replace(f, role="main")
            period, source = self._period(main, sent, hits, para, ln)
            return (previous_year(period) if period else None), Source(f"{source.words} (a year before)", source.level)
        if f.period is not None:
            return f.period, Source(_words_at(hits, f.period) or "the figure's own period", "sentence")
        before = [h for h in hits if h.start < f.pos and h.kind in ("span", "scope") and h.period and not h.listed]
        if before:
            h = before[-1]
            return h.period, Source(h.text, "sentence")
        if para.period:
            return para.period, Source(para.period_words, "paragraph")
        if self.heading.period and ln.kind != "title":
            return self.heading.period, Source(self.heading.period_words, "heading")
        if self.title.period:
            return self.title.period, Source(self.title.period_words, "title")
        if self.doc.period:
            return self.doc.period, Source(self.doc.period_words, "bulletin")
        return None, Source("", "none")

    def _place(self, f: Fact, sent: str, places: list[tuple[PlaceHit, Place | None]], para: _Level,
               ln: Line) -> tuple[Place | None, Source]:
        clause_start = _clause_start(sent, f.pos)
        near = [(h, p) for h, p in places if h.start < f.pos and p is not None and h.start >= clause_start
                and not _incidental(sent, h)]
        if not near:
            # an earlier clause's place counts when it opens its clause (大岭山公安分局共接…), not as an adverb
            # inside one (…经验全市推广)
            near = [(h, p) for h, p in places if p is not None and h.start < f.pos and not _incidental(sent, h)
                    and _opens_clause(sent, h)]
        if near:
            h, p = near[-1]
            return p, Source(h.alias, "sentence")
        if para.place is not None:
            return para.place, Source(para.place_words, "paragraph")
        if self.heading.place is not None and ln.kind != "title" and not (
                self.subject is not None and _within(self.subject, self.heading.place)):
            # (a heading that names the article's city, 本文转自东莞公安, does not widen a town's report)
            return self.heading.place, Source(self.heading.place_words, "heading")
        if self.subject is not None:
            return self.subject, Source(self.subject_words, "article")
        if self.region is not None:
            return self.region, Source("site region", "region")
        return None, Source("", "none")


def _only_time(clause: str, spans: list[TimeHit], offset: int) -> bool:
    rest = clause
    for h in sorted(spans, key=lambda h: -h.start):
        rest = rest[:h.start - offset] + rest[h.end - offset:]
    return not _TIME_GLUE.sub("", rest)


def _future(sent: str, hit: TimeHit) -> bool:
    """2021年，该分局将以…为重点: a plan for that period, not a report on it."""
    return bool(_PLAN_AFTER.match(sent, hit.end) or _PLAN_NEXT_CLAUSE.match(sent, hit.end))


def _opens_clause(sent: str, hit: PlaceHit) -> bool:
    return _opens_clause_at(sent, hit.start)


@lru_cache(maxsize=8192)
def _opens_clause_at(sent: str, pos: int) -> bool:
    start = _clause_start(sent, pos)
    lead = re.sub(r"\d{4}年|[今去前本上]年|全年|[一二三四五六七八九十\d]+月份?|据了解|据悉|数据显示|其中|此外|同时|另外|\s|"
                  r"^[市省县区州]?公安(?:局|厅)", "", sent[start:pos])  # 市公安局兴宾分局: the branch
    return len(lead) <= 2


def _clause_start(sent: str, pos: int) -> int:
    """Where the clause holding `pos` starts (after the last ，；： before it)."""
    last = -1
    for c in "，,；;：:":
        i = sent.rfind(c, 0, pos)
        if i > last:
            last = i
    return last + 1


def _within(inner: Place, outer: Place) -> bool:
    return inner.name != outer.name and (inner.city == outer.name or inner.province == outer.name
                                         or inner.name.startswith(outer.name))


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


def _words_at(hits: list[TimeHit], period: Period) -> str:
    for h in hits:
        if h.period == period:
            return h.text
    return ""


_TIME_GLUE = re.compile(r"[截至止自从到了以来的\s]")
_PLAN_AFTER = re.compile(r"[^，,。；;]{0,24}?(?:将|计划|拟|力争|争取|预计|打算)")
_PLAN_NEXT_CLAUSE = re.compile(r"[，,][^，,。；;]{0,16}?(?:将|计划|拟|力争|争取)")
_QUOTED = re.compile(r"“[^”]{1,30}”")
_PIECE_END = re.compile(r"[；;。！？!?]")


def _evidence(sent: str, pos: int) -> str:
    """The sentence that states the figure, up to 。；; (GUIDE: the clause holding the figure, verbatim)."""
    start = max(sent.rfind("；", 0, pos), sent.rfind(";", 0, pos)) + 1
    m = _PIECE_END.search(sent, pos)
    return sent[start:m.start() if m else len(sent)].strip()


__all__ = ["Frame", "Located", "Source", "previous_span", "previous_year", "shift_year"]
