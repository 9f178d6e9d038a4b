"""Time phrases of a sentence → dated periods, and what role each plays.

A report names its periods in many ways: 2020年, 今年上半年, 1至11月, 首三季, 1月9日—1月15日, 春节期间,
从大年三十到正月十五, 截至10月底, 今年以来, 自6月25日行动开展以来, 本周, 上周. Each phrase found is a
`TimeHit` with a `kind`:

- ``span``: a period a statistic can belong to (a year, quarter, month, range of days, holiday);
- ``day``: a single day — an event or a press conference, never a statistic's period by itself;
- ``scope``: 期间 / 其间 / 期内 / 行动以来 — the period already in force;
- ``base``: the other side of a comparison (较2019年同期, 与去年相比, 在2019年…的基础上, 去年同期的) —
  the period of a prior figure, never the period of the sentence;
- ``past``: a multi-year span (2010年以来) that no statistic belongs to.

Phrases without a year take the year in force (an earlier phrase of the text) or the publish date's;
relative words (今年, 上周, 本月) resolve against the title's period when it names one, else against the
publish date; "since" and "until" phrases end at the date the text gives for its figures (截至…, the
dated press conference that told them), else at the publish date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from tasks.stats.holidays import holiday_period, lunar_date

Period = tuple[date, date]

_MON = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAYN = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_NUMW = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
_YEAR = r"(?:(?P<y>(?:19|20)\d\d)年度?|(?P<ry>今年|去年|前年|本年|上年|当年|同年))"


def _detail_re(x: str) -> str:
    """The month/quarter/holiday part of a point; `x` suffixes the group names so the pattern can hold it twice."""
    return (rf"[“\"]?(?P<hol{x}>春节|国庆|中秋|元旦|清明|劳动节|端午|新春|三月三|五一(?=[黄长小假期节国”\"])|十一(?=[黄长假”\"]))"
            rf"|(?P<q{x}>第?[一二三四1-4]季度|首季度?|前[两二三]季度?|首[两二三]季度?)"
            rf"|(?P<h{x}>上半年|下半年)|(?P<fm{x}>(?:前|首){_NUMW}个?月)|(?P<full{x}>全年|一年)"
            rf"|(?P<m{x}>{_MON})月份?(?:(?P<d{x}>{_DAYN})[日号]|(?P<part{x}>上旬|中旬|下旬|初|底|末))?")


_KEYS = ("hol", "q", "h", "fm", "full", "m", "d", "part")
# Every phrase starts with one of these characters: `re` skips other positions with one set test.
_FIRST = "0123456789今去前本上当同第首全一二三四五六七八九十春国中元清劳端新“\"大农正除期其行节近年"
_POINT = re.compile(
    rf"(?=[{_FIRST}])(?:(?P<rel>本周|上周|上一周|本月|上月|本季度|上季度|一周以来|一周来|近一周|年初以来)"
    rf"|(?P<lunar>(?:大年|农历)?(?:三十|除夕|正月(?:初[一二三四五六七八九十]|十五|十[一二三四六七八九]|二十)|元宵))"
    rf"|(?P<scope>期间|其间|期内|行动以来|节日里|同期)"
    rf"|(?P<upto>(?:截至|截止到|截止)目前|目前为止)"
    # 四十天来 / 在30天的行动中: a campaign's length in days
    rf"|(?P<dur>(?:\d{{1,3}}|[一二两三四五六七八九十百]{{1,4}})(?:个)?(?:天|日)(?=来|以来|时间内|内|里|的(?:行动|专项|集中|整治|战役)))"
    rf"|(?P<mr>{_MON}(?:月份?)?\s*(?:至|到|—|–|-|~|～)\s*{_MON}月份?(?:底|末)?)"
    rf"|{_YEAR}(?:{_detail_re('')})?|(?:{_detail_re('_x')}))"
)
_YEAR_TAIL = re.compile(r"年?度?")
_LISTED_BASE = re.compile(r"[和、与及]\s*((?:19|20)\d\d)年同期")
_CLAUSE_END = re.compile(r"[，,；;。：:]")
_SEP = re.compile(r"\s*(?:至|到|—|–|－|-|~|～)\s*")
_HOLIDAY_TAIL = re.compile(r"[”\"]?(?:节)?(?:小长假|长假|假期|黄金周|假日)")
_RANGE_END = re.compile(
    rf"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>{_MON})月份?(?:(?P<d>{_DAYN})[日号]|(?P<part>底|末|上旬|中旬|下旬))?"
    rf"|(?:(?P<y2>(?:19|20)\d\d)年|(?P<ye>年))(?:底|末)"
    rf"|(?P<d2>{_DAYN})[日号]"
    rf"|(?P<rel>昨晚|昨日|昨天|今日|今天|目前|现在|当晚)"
)
# A bare number before a month range: 1至11月, 9-11月 (the first month lacks its 月).
_MONTH_RANGE = re.compile(rf"(?P<m1>{_MON})(?:月份?)?\s*(?:至|到|—|–|-|~|～)\s*(?P<m2>{_MON})月份?(?P<part>底|末)?")
_UNTIL_BEFORE = re.compile(r"(?:截至|截止到|截止|截止至|至|到)\s*$")
_FROM_BEFORE = re.compile(r"(?:自|从|自从|于)\s*$")
_BASE_BEFORE = re.compile(r"(?:较|比|与|和|同|对比|相比|相较|比较|由|在|从)\s*$")
_SINCE_AFTER = re.compile(r"\s*(?:以来|来|起|开始)")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_DAY = timedelta(days=1)


def small_number(s: str) -> int:
    """A day, month or count of days as written: 15, 十五, 二十三, 三十, 四十, 一百二十."""
    if s.isdigit():
        return int(s)
    total, digit = 0, 0
    for c in s.replace("两", "二"):
        if c in "百十":
            total += (digit or 1) * (100 if c == "百" else 10)
            digit = 0
        else:
            digit = _CN_NUM.get(c, 0)
    return total + digit


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


@dataclass(slots=True)
class TimeHit:
    start: int
    end: int
    text: str
    kind: str                  # span | day | scope | base | past
    period: Period | None
    since: bool = False        # a 以来 span, ended by the date the text gives for its figures
    until: bool = False        # a 截至 span
    holiday: bool = False
    listed: bool = False       # an item of a 分别 list (10月、11月…分别): the period of one figure only


@dataclass(slots=True)
class TimeContext:
    """What relative and partial phrases resolve against; updated as the text is read."""

    published: date | None
    report: date | None = None          # the date the figures were told (dateline, press conference)
    year: int | None = None             # the year in force
    anchor: Period | None = None        # the title's / bulletin's period (本月, 本周)
    current: Period | None = None       # the period in force (期间, 同期, 行动以来)
    until: date | None = None           # the last 截至 date of the paragraph
    campaign: date | None = None        # the start of the campaign in force (…开展以来)
    para_year: bool = False             # the paragraph named a year (截至目前 needs one)
    holidays: dict = field(default_factory=dict)  # (word, year) → the days off the text itself gave

    def end_date(self) -> date | None:
        return self.until or self.report or self.published

    def ref_year(self) -> int | None:
        if self.published:
            return self.published.year
        return self.anchor[1].year if self.anchor else None


def previous_year(p: Period) -> Period:
    def back(d: date) -> date:
        return d.replace(year=d.year - 1, day=min(d.day, calendar.monthrange(d.year - 1, d.month)[1]))
    return back(p[0]), back(p[1])


def shift_year(p: Period, year: int) -> Period | None:
    """The same span in another year (2019年同期 of 2023-01..05 → 2019-01..05)."""
    delta = year - p[1].year
    try:
        s = p[0].replace(year=p[0].year + delta, day=min(p[0].day, calendar.monthrange(p[0].year + delta, p[0].month)[1]))
        e = p[1].replace(year=year, day=min(p[1].day, calendar.monthrange(year, p[1].month)[1]))
    except ValueError:
        return None
    return s, e


def previous_span(p: Period) -> Period:
    """The span just before: last week for a week, last month for a month, last quarter …"""
    s, e = p
    if s.day == 1 and e == month_end(e.year, e.month):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        idx = s.year * 12 + s.month - 1 - months
        return date(idx // 12, idx % 12 + 1, 1), s - _DAY
    length = (e - s).days + 1
    return s - timedelta(days=length), s - _DAY


@lru_cache(maxsize=4096)
def iso_dates(period: Period | None) -> tuple[str | None, str | None]:
    return (period[0].isoformat(), period[1].isoformat()) if period else (None, None)


def scan_times(s: str, ctx: TimeContext) -> list[TimeHit]:
    """Time phrases of one sentence, in reading order, resolved against `ctx` (which they update:
    a phrase with a year sets the year in force for the phrases after it)."""
    hits: list[TimeHit] = []
    pos = 0
    while (m := _POINT.search(s, pos)) is not None:
        if m.end() == m.start():
            pos = m.start() + 1
            continue
        # 同比2019年、2023年春节假期: a point listed after a base is a base too
        listed_base = bool(hits) and hits[-1].kind == "base" and s[hits[-1].end:m.start()] in ("、", "和", "及", "与")
        saved = (ctx.current, ctx.year, ctx.para_year)
        hit = _read(s, m, ctx)
        pos = max(m.end(), hit.end if hit else m.end())
        if hit is not None:
            if listed_base and hit.kind in ("span", "day"):
                ctx.current, ctx.year, ctx.para_year = saved
                hit.kind = "base"
            hits.append(hit)
    return hits


def _year_of(g: dict, ctx: TimeContext, base: bool) -> tuple[int | None, bool]:
    """(year, guessed) of a point: its own, the one in force, or the publish date's."""
    if g.get("y"):
        return int(g["y"]), False
    ry = g.get("ry")
    if ry:
        ref = ctx.ref_year()
        if ref is None:
            return None, False
        if ry in ("当年", "同年"):
            return (ctx.year or ref), False
        return ref + {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}[ry], False
    if ctx.year:
        return ctx.year, False
    ref = ctx.ref_year()
    return ref, True


def _detail(g: dict, y: int) -> tuple[Period | None, str]:
    """(period, kind) of the month/quarter part of a point in year y."""
    if g.get("q"):
        q = g["q"]
        if q.startswith(("前", "首")) and q[1] in "两二三":
            n = 2 if q[1] in "两二" else 3
            return (date(y, 1, 1), month_end(y, 3 * n)), "span"
        digit = next((c for c in q if c in "一二三四1234"), "一")
        n = {"一": 1, "二": 2, "三": 3, "四": 4}.get(digit) or int(digit)
        return (date(y, 3 * n - 2, 1), month_end(y, 3 * n)), "span"
    if g.get("h"):
        return ((date(y, 1, 1), date(y, 6, 30)) if g["h"] == "上半年" else (date(y, 7, 1), date(y, 12, 31))), "span"
    if g.get("fm"):
        n = small_number(re.sub(r"[前首个月]", "", g["fm"]))
        if not 1 <= n <= 12:
            return None, "span"
        return (date(y, 1, 1), month_end(y, n)), "span"
    if g.get("m"):
        mo = small_number(g["m"])
        if not 1 <= mo <= 12:
            return None, "span"
        if g.get("d"):
            d = date(y, mo, small_number(g["d"]))
            return (d, d), "day"
        part = g.get("part")
        if part in ("底", "末"):
            e = month_end(y, mo)
            return (e, e), "day"
        if part == "初":
            d = date(y, mo, 1)
            return (d, d), "day"
        if part == "上旬":
            return (date(y, mo, 1), date(y, mo, 10)), "span"
        if part == "中旬":
            return (date(y, mo, 11), date(y, mo, 20)), "span"
        if part == "下旬":
            return (date(y, mo, 21), month_end(y, mo)), "span"
        return (date(y, mo, 1), month_end(y, mo)), "span"
    return (date(y, 1, 1), date(y, 12, 31)), "span"


def _read(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    try:
        return _read_point(s, m, ctx)
    except (ValueError, OverflowError, KeyError):
        return None  # 2月30日 and other impossible dates


def _read_point(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    g = m.groupdict()
    for k in _KEYS:
        g[k] = g[k] or g[k + "_x"]
    start, end = m.start(), m.end()
    if g["scope"]:
        word = g["scope"]
        if word == "同期":
            return TimeHit(start, end, word, "base", previous_year(ctx.current) if ctx.current else None)
        period = ctx.current
        if word == "行动以来" and ctx.campaign:
            period = (ctx.campaign, ctx.end_date() or ctx.campaign)
        return TimeHit(start, end, word, "scope", period)
    if g["rel"]:
        return _relative(s, m, ctx)
    if g["dur"]:
        return _duration(s, m, ctx)
    if g["upto"]:
        stop = ctx.end_date()
        if stop is None:
            return None
        if ctx.current and ctx.current[0] <= stop:
            return TimeHit(start, end, g["upto"], "span", (ctx.current[0], stop), until=True)
        if ctx.para_year and ctx.year == stop.year:
            return TimeHit(start, end, g["upto"], "span", (date(stop.year, 1, 1), stop), until=True)
        return None
    if g["lunar"]:
        return _lunar(s, m, ctx)
    # A month range written 1至11月 / 9-11月: try it before reading "1" as nothing.
    mr = _MONTH_RANGE.match(s, start) if g["mr"] else None
    if mr is None and (g["y"] or g["ry"]):
        detail_start = m.start("q") if g["q"] else None
        yend = m.end("y") if g["y"] else m.end("ry")
        after_year = _YEAR_TAIL.match(s, yend)
        mr2 = _MONTH_RANGE.match(s, after_year.end())
        if mr2 and not detail_start:
            mr = mr2
    year, guessed = _year_of(g, ctx, False)
    if year is None or not 1900 <= year <= 2100:
        return None
    if mr is not None and (mr.end() > end or not g["m"]):
        m1, m2 = small_number(mr.group("m1")), small_number(mr.group("m2"))
        if 1 <= m1 < m2 <= 12:
            period = (date(year, m1, 1), month_end(year, m2))
            return _finish(s, start, mr.end(), period, "span", ctx, guessed, g)
    if g["hol"]:
        word = g["hol"].strip("“”\"")
        word = {"新春": "春节"}.get(word, word)
        if g["y"] or g["ry"]:
            period = holiday_period(word, year)
        else:
            period = _nearest_holiday(word, year, ctx)
        if period is None:
            return None
        days = re.match(r"[”\"]?(?:的|节)?(\d{1,2}|[两三四五六七八九十])[天日](?:假期|长假|小长假)", s[end:end + 8])
        # 元旦假期 / 国庆长假 / 春节黄金周: the words for the days off belong to the holiday's name
        tail = _HOLIDAY_TAIL.match(s, end)
        if tail and not days:
            end = tail.end()
        if days and word == "三月三":
            # a regional holiday whose days off the calendar package does not list: the text says how many
            n = small_number(days.group(1).replace("两", "二"))
            period = (period[0], period[0] + timedelta(days=n - 1))
            ctx.holidays[(word, period[0].year)] = period
        elif (word, period[0].year) in ctx.holidays:
            period = ctx.holidays[(word, period[0].year)]  # named again: the days the text gave before
        hit = _finish(s, start, end, period, "span", ctx, False, g)
        if hit is not None:
            hit.holiday = True
        return hit
    if not any(g[k] for k in ("q", "h", "fm", "full", "m")) and not (g["y"] or g["ry"]):
        return None
    if g["full"] and not (g["y"] or g["ry"]):
        # 全年 / 一年 alone: the year in force (过去一年 is handled by the caller's context)
        if g["full"] == "一年" and not s[max(0, start - 2):start].endswith(("过去", "近")):
            return None
    period, kind = _detail(g, year)
    if period is None:
        return None
    if guessed and ctx.published and period[1] > ctx.published and period[0].year == ctx.published.year:
        # 12月28日—1月3日 in a January bulletin: last year's December
        period, kind = _detail(g, year - 1)
        if period is None:
            return None
    return _finish(s, start, end, period, kind, ctx, guessed, g)


def _nearest_holiday(word: str, year: int, ctx: TimeContext) -> Period | None:
    """A holiday named without its year: the last one that began by the time the figures were told
    (元旦 in a 2024-01-04 report is 2023-12-30..2024-01-01, even after a "2023年12月31日" caption)."""
    told = ctx.report or ctx.published
    if told is None:
        return holiday_period(word, year)
    options = [p for y in (year + 1, year, year - 1) if (p := holiday_period(word, y)) is not None]
    before = [p for p in options if p[0] <= told]
    if not before:
        return holiday_period(word, year)
    best = max(before)
    return best if (told - best[0]).days <= 400 else holiday_period(word, year)


def _finish(s: str, start: int, end: int, period: Period, kind: str, ctx: TimeContext, guessed: bool,
            g: dict) -> TimeHit | None:
    """Ranges (X至Y), until (截至X), since (X以来, 自X…以来, 从X起) and bases (较X, 与X相比) around a point."""
    before = s[max(0, start - 6):start]
    # ---- ranges: a point followed by 至/到/— and an end point
    sep = _SEP.match(s, end)
    if sep and kind in ("day", "span"):
        em = _RANGE_END.match(s, sep.end())
        if em and em.end() > sep.end():
            stop = _range_end(em, period, ctx)
            if stop is not None and stop >= period[0]:
                period, kind, end = (period[0], stop), "span", em.end()
                guessed = False
    text = s[start:end]
    # ---- bases: 较2019年同期 / 与2019年相比 / 比去年 / 在2019年…的基础上 / 由前年的
    if _BASE_BEFORE.search(before) and not _FROM_BEFORE.search(before[-1:]):
        if s.startswith("同期", end):
            end += 2
        base = period
        if g.get("ry") in ("去年", "上年", "前年") and ctx.current and kind == "span" and not g.get("q") \
                and not g.get("h") and not g.get("m") and not g.get("fm"):
            # 较去年 / 由去年的: the same span a year (or two) back, not the whole year
            # (去年 and 前年 count back from the date of the text: in a 2018 report on 2017, 前年 is 2016)
            back = {"去年": 1, "上年": 1, "前年": 2}[g["ry"]]
            ref = ctx.ref_year() or ctx.current[1].year
            target = ref - back if g["ry"] != "上年" else ctx.current[1].year - 1
            base = shift_year(ctx.current, min(target, ctx.current[1].year - 1))
        elif s.startswith("同期", end - 2) and ctx.current and kind == "span":
            base = shift_year(ctx.current, period[1].year)
        return TimeHit(start, end, s[start:end], "base", base)
    listed = _LISTED_BASE.match(s[end:])
    if listed and g.get("y") and not g.get("m") and not g.get("q") and not g.get("h") and not g.get("fm"):
        base = shift_year(ctx.current, period[1].year) if ctx.current else None
        return TimeHit(start, end, text, "base", base)
    if s.startswith("同期", end):
        # 2019年同期 / 去年同期: the span in force, in that year
        base = shift_year(ctx.current, period[1].year) if ctx.current else None
        return TimeHit(start, end + 2, s[start:end + 2], "base", base)
    hit = _until_since(s, start, end, text, period, kind, ctx, g)
    if hit.kind in ("span", "day"):
        if hit.kind == "span" and not g.get("hol") and (not guessed or ctx.year is None):
            ctx.year = hit.period[1].year
        if g.get("y") or g.get("ry"):
            ctx.year = hit.period[1].year if hit.kind == "span" else hit.period[0].year
            ctx.para_year = True
    if hit.kind == "span" and not hit.until and not hit.since:
        ctx.current = hit.period
    return hit


def _until_since(s: str, start: int, end: int, text: str, period: Period, kind: str, ctx: TimeContext,
                 g: dict) -> TimeHit:
    before = s[max(0, start - 6):start]
    # ---- until: 截至10月底 / 截至5月14日 / 截至2021年11月
    if _UNTIL_BEFORE.search(before) and s[max(0, start - 1):start] not in ("-", "—"):
        stop = period[1]
        ctx.until = stop
        begin = date(stop.year, 1, 1)
        if ctx.current and ctx.current[0] <= stop <= ctx.current[1] + timedelta(days=1):
            begin = ctx.current[0]
        elif ctx.campaign and ctx.campaign <= stop:
            begin = ctx.campaign
        return TimeHit(start, end, text, "span", (begin, stop), until=True)
    # ---- since: 今年以来 / 自6月25日…开展以来 / 从5月20日起
    clause_end = _CLAUSE_END.search(s[end:])
    clause = s[end:end + clause_end.start()] if clause_end else s[end:]
    since_here = _SINCE_AFTER.match(s, end)
    if since_here and g.get("full") == "一年":
        since_here = None  # 去年一年来: that year
    since_later = _FROM_BEFORE.search(before) or (kind == "day" and re.search(r"(?:开展|启动|部署|实施|开始|打响)\S{0,4}以来", clause))
    if since_here or (since_later and re.search(r"以来|起", clause)):
        begin = period[0]
        if since_here:
            end = since_here.end()
        stop = ctx.end_date()
        if kind == "span" and period[1] < (ctx.report or ctx.published or period[1]) and period[0].year < (ctx.ref_year() or 0) \
                and not g.get("m"):
            return TimeHit(start, end, s[start:end], "past", None)
        if stop is None or stop < begin:
            return TimeHit(start, end, s[start:end], "span", period)
        if since_here and re.search(r"(?:还未|尚未|未|没有|仍未)[\u4e00-\u9fff]{0,6}的", clause):
            return TimeHit(start, end, s[start:end], "past", None)  # 今年以来还未侦破的案件: a modifier
        ctx.campaign = begin
        return TimeHit(start, end, s[start:end], "span", (begin, stop), since=True)
    return TimeHit(start, end, text, kind, period)


def _range_end(em: re.Match[str], first: Period, ctx: TimeContext) -> date | None:
    g = em.groupdict()
    if g["rel"]:
        ref = ctx.report or ctx.published
        if ref is None:
            return None
        return ref - _DAY if g["rel"] in ("昨晚", "昨日", "昨天") else ref
    if g["ye"] or g["y2"]:
        return date(int(g["y2"]) if g["y2"] else first[0].year, 12, 31)
    y = int(g["y"]) if g["y"] else first[0].year
    g["d"] = g["d"] or g["d2"]
    mo = small_number(g["m"]) if g["m"] else first[0].month
    if g["part"] in ("底", "末") or (g["m"] and not g["d"] and not g["part"]):
        return month_end(y, mo)
    if g["part"] == "上旬":
        return date(y, mo, 10)
    if g["part"] == "中旬":
        return date(y, mo, 20)
    if g["part"] == "下旬":
        return month_end(y, mo)
    if g["d"]:
        d = date(y, mo, small_number(g["d"]))
        if d < first[0] and not g["y"] and not g["m"]:
            return None
        if d < first[0] and not g["y"]:
            d = d.replace(year=y + 1)
        return d
    return None


def _duration(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    """N天来: the N days from the campaign's start when one is in force, else the N days to the text's date."""
    digits = re.match(r"\d+|[一二两三四五六七八九十百]+", m.group("dur")).group()
    n = small_number(digits)
    if not n or n > 400:
        return None
    end = m.end() + (2 if s.startswith("以来", m.end()) else 1 if s.startswith("来", m.end()) else 0)
    if ctx.campaign is not None:
        period = (ctx.campaign, ctx.campaign + timedelta(days=n - 1))
    else:
        stop = ctx.end_date()
        if stop is None:
            return None
        period = (stop - timedelta(days=n - 1), stop)
    ctx.current = period
    return TimeHit(m.start(), end, s[m.start():end], "span", period)


def _relative(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    word = m.group("rel")
    start, end = m.start(), m.end()
    if word == "年初以来":
        ref = ctx.end_date()
        if ref is None:
            return None
        return TimeHit(start, end, word, "span", (date(ref.year, 1, 1), ref), since=True)
    if word in ("一周以来", "一周来", "近一周"):
        ref = ctx.report or ctx.published
        if ref is None:
            return None
        return TimeHit(start, end, word, "span", (ref - timedelta(days=6), ref))
    anchor = ctx.anchor
    span = (anchor[1] - anchor[0]).days + 1 if anchor else 0
    if word in ("本周", "上周", "上一周"):
        if anchor and span == 7:
            cur = anchor
        elif ctx.published:
            monday = ctx.published - timedelta(days=ctx.published.weekday())
            cur = (monday, monday + timedelta(days=6))
        else:
            return None
        period = cur if word == "本周" else previous_span(cur)
        if word != "本周" and _BASE_BEFORE.search(s[max(0, start - 2):start]):
            return TimeHit(start, end, word, "base", period)
        return TimeHit(start, end, word, "span", period)
    if word in ("本月", "上月"):
        if anchor and 28 <= span <= 31 and anchor[0].day == 1:
            cur = anchor
        elif ctx.published:
            cur = (ctx.published.replace(day=1), month_end(ctx.published.year, ctx.published.month))
        else:
            return None
        period = cur if word == "本月" else previous_span(cur)
        kind = "base" if word == "上月" and _BASE_BEFORE.search(s[max(0, start - 2):start]) else "span"
        return TimeHit(start, end, word, kind, period)
    ref = anchor[1] if anchor else ctx.published
    if ref is None:
        return None
    q = (ref.month - 1) // 3 + 1
    cur = (date(ref.year, 3 * q - 2, 1), month_end(ref.year, 3 * q))
    return TimeHit(start, end, word, "span", cur if word == "本季度" else previous_span(cur))


_LUNAR_DAY = re.compile(r"(?:大年|农历)?(三十|除夕|元宵|正月(初[一二三四五六七八九十]|十五|十[一二三四六七八九]|二十))")


def _lunar_point(text: str, year: int) -> date | None:
    lm = _LUNAR_DAY.fullmatch(text.strip())
    if lm is None:
        return None
    word = lm.group(1)
    if word in ("三十", "除夕"):
        return lunar_date(year - 1, 12, 30)
    if word == "元宵":
        return lunar_date(year, 1, 15)
    day = lm.group(2)
    return lunar_date(year, 1, small_number(day[1:] if day.startswith("初") else day))


def _lunar(s: str, m: re.Match[str], ctx: TimeContext) -> TimeHit | None:
    """从大年三十到正月十五: a span of lunar days around the Spring Festival of the year in force."""
    year = ctx.year or ctx.ref_year()
    if year is None:
        return None
    first = _lunar_point(m.group("lunar"), year)
    sep = _SEP.match(s, m.end())
    if first is None or sep is None:
        return None
    em = _LUNAR_DAY.match(s, sep.end())
    if em is None:
        return None
    last = _lunar_point(em.group(), year)
    if last is None or last < first:
        return None
    return TimeHit(m.start(), em.end(), s[m.start():em.end()], "span", (first, last), holiday=True)
