"""One sentence → the statistics it states, before place and period are attached.

The sentence is read as a stream of tokens (category phrases, measure verbs, 同比/环比 leads,
change verbs, numbers with their unit, 分别, separators, words that disqualify a number) and a
small state machine pairs each number with the category, measure and comparison in force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.categories import CategoryHit, find_categories
from tasks.extract_numbers import APPROX_PREFIX_RE, CN_DIGITS, parse_amount, parse_percent, parse_tenths

_COUNT = (rf"(?P<cpre>{APPROX_PREFIX_RE})?(?P<cnum>\d+(?:\.\d+)?|[{CN_DIGITS}]+)(?P<cmid>多|余)?"
          r"(?P<cmul>[万千])?(?P<cpost>多|余)?(?P<unit>起|宗|件|名|人)"
          r"(?![次员口民数身们群士家均才工手物心事头份诉])")
_PCT = (rf"(?P<ppre>{APPROX_PREFIX_RE})?(?:(?P<pnum>\d+(?:\.\d+)?)\s*[%％]"
        r"|(?P<tnum>\d+(?:\.\d+)?|[一二两三四五六七八九]|半)成(?![员本果为绩效立功交品年]))")
# Leads name the comparison; 环比 and 较上周/上月 are period-on-period, the rest year-on-year.
_LEADS = ("与去年同期相比", "与上年同期相比", "较去年同期", "较上年同期", "比去年同期", "与去年同期",
          "与上年同期", "与去年相比", "与上周相比", "与上月相比", "较上一周", "较前一周", "较上季度",
          "同比", "环比", "较上周", "较上月", "较去年", "较上年", "较同期", "比上周", "比上月", "比去年",
          "与上周", "与上月")
_UP = ("上升", "增长", "增加", "上涨", "攀升", "升高", "提升", "提高", "升幅", "增幅", "增", "升", "涨")
_DOWN = ("下降", "减少", "降低", "回落", "下滑", "下跌", "降幅", "减", "降", "跌")
_VERB = (r"(?:再次|继续|进一步|再|又|大幅|明显)?(?P<vdir>" + "|".join(_UP + _DOWN) + r")"
         r"了?(?:幅度)?(?:为|达到|达)?(?P<vto>至|到)?")
_MEASURES = {
    "reports": ("接报", "共接", "受理", "报警", "发案", "接警", "发生", "警情"),
    "cases_filed": ("立案", "现行刑案", "现行"),
    "cases_solved": ("破获", "破案", "侦破", "告破"),
    "arrests": ("抓获", "刑拘", "刑事拘留", "抓捕", "拘留", "逮捕"),
}
# Numbers in a clause with these words are not crime counts or changes of one (SPEC: rankings,
# satisfaction, money, shares, rates, officers and volunteers, economy).
_NEG = ("排名", "排第", "位列", "名列", "满意", "安全感", "占比", "比重", "占", "率", "金额", "资金", "万元",
        "亿元", "损失", "警力", "义警", "辅警", "志愿者", "队员", "人次", "GDP", "生产总值",
        "收入", "投资")
_MEASURE_WORD = {w: m for m, ws in _MEASURES.items() for w in ws}

TOKEN_RE = re.compile("|".join((
    r"(?P<pp>\d+(?:\.\d+)?个百分点)",
    rf"(?P<pct>{_PCT})",
    rf"(?P<count>{_COUNT})",
    r"(?P<zero>零发案)",
    r"(?P<flat>持平)",
    "(?P<lead>" + "|".join(_LEADS) + ")",
    rf"(?P<verb>{_VERB})",
    r"(?P<fenbie>分别)",
    "(?P<measure>" + "|".join(sorted(_MEASURE_WORD, key=len, reverse=True)) + ")",
    r"(?P<sep>[，,；;：:])",
    "(?P<neg>" + "|".join(sorted(_NEG, key=len, reverse=True)) + ")",
)))
BASE_SPAN_RE = re.compile(r"在[^，,。；;]{0,40}?的基础上")
# Cheap test for a sentence that may hold a statistic at all.
CANDIDATE_RE = re.compile(rf"[\d{CN_DIGITS}半][多余]?[万千]?[多余]?(?:[起宗件名人%％]|成)|零发案|持平")


@dataclass(slots=True)
class Fact:
    pos: int
    cat: CategoryHit
    raw: str
    measure: str
    metric: str
    value: float
    approx: bool
    role: str = "main"      # main | base (在2019年…的基础上) | prior (较上周的81起)
    compare: str = ""       # yoy | pop, for role == "prior"


def sentence_facts(s: str, carry_measure: str | None) -> tuple[list[Fact], str | None]:
    """Facts of one sentence; `carry_measure` is the measure in force from earlier sentences."""
    cats = find_categories(s)
    tokens: list[tuple[int, int, str, object]] = [(h.start, h.end, "cat", h) for h in cats]
    tokens += [(m.start(), m.end(), m.lastgroup or "", m) for m in TOKEN_RE.finditer(s)]
    tokens.sort(key=lambda t: (t[0], t[2] != "cat"))
    bases = [(m.start(), m.end()) for m in BASE_SPAN_RE.finditer(s)] if "基础上" in s else []
    st = _State(carry_measure)
    for start, end, kind, obj in tokens:
        if kind == "cat":
            st.on_category(obj)  # type: ignore[arg-type]
        elif kind in ("count", "pct", "zero", "flat"):
            in_base = any(a <= start < b for a, b in bases)
            getattr(st, "on_" + kind)(s, start, end, obj, in_base)
        elif kind == "lead":
            st.lead, st.lead_sent, st.lead_end = _metric(obj.group()), _metric(obj.group()), end  # type: ignore[union-attr]
        elif kind == "verb":
            st.verb = (end, obj.group("vdir") in _DOWN, bool(obj.group("vto")))  # type: ignore[union-attr]
        elif kind == "fenbie":
            st.fenbie = list(st.cats) if len(st.cats) >= 2 else None
        elif kind == "measure":
            st.measure_seen = _MEASURE_WORD[obj.group()]  # type: ignore[union-attr]
        elif kind == "sep":
            st.neg = False
        elif kind == "neg":
            st.neg = True
    return st.facts, st.carry


def _metric(lead: str) -> str:
    return "pop_pct" if any(w in lead for w in ("环比", "周", "月", "季度")) else "yoy_pct"


class _State:
    def __init__(self, carry_measure: str | None) -> None:
        self.facts: list[Fact] = []
        self.cats: list[CategoryHit] = []       # categories since the last number
        self.cur: tuple[CategoryHit, str, str] | None = None  # (category, raw, measure) in force
        self.measure_seen: str | None = None    # measure verb since the last number
        self.carry = carry_measure
        self.lead: str | None = None            # comparison named since the last number
        self.lead_sent: str | None = None       # … anywhere earlier in the sentence
        self.lead_end = -1
        self.verb: tuple[int, bool, bool] | None = None  # (end, down, 降至)
        self.fenbie: list[CategoryHit] | None = None
        self.neg = False
        self.prior: tuple[float, str] | None = None  # 较上周的81起: (81, compare)

    def on_category(self, hit: CategoryHit) -> None:
        self.cats.append(hit)

    def _subject(self) -> tuple[CategoryHit, str, str] | None:
        """(category, raw, measure) for the number just read, consuming 分别 lists in order."""
        if self.fenbie:
            hit = self.fenbie.pop(0)
            shared = any(h.reports for h in self.fenbie + [hit]) or self.measure_seen == "reports"
            raw = re.sub(r"类?(警情|案件)$", "", hit.raw) if hit.raw not in ("警情",) else hit.raw
            measure = self.measure_seen or ("reports" if shared or hit.reports else None) or self.carry or "other"
            if not self.fenbie:
                self.fenbie = None
            return hit, raw or hit.raw, measure
        if self.cats:
            hit = self.cats[-1]
            if hit.suspects:
                measure = self.measure_seen or (self.cur[2] if self.cur else None) or "other"
            else:
                measure = self.measure_seen or ("reports" if hit.reports else None) or self.carry or "other"
            return hit, hit.raw, measure
        if self.cur:
            hit, raw, measure = self.cur
            if self.measure_seen and self.measure_seen != measure:
                measure = self.measure_seen
            return hit, raw, measure
        return None

    def _emit(self, pos: int, metric: str, value: float, approx: bool, role: str = "main",
              compare: str = "") -> None:
        subj = self._subject()
        if subj is None:
            return
        hit, raw, measure = subj
        self.facts.append(Fact(pos, hit, raw, measure, metric, value, approx, role, compare))
        self._after(hit, raw, measure)

    def _after(self, hit: CategoryHit, raw: str, measure: str) -> None:
        self.cur = (hit, raw, measure)
        self.carry = measure
        if not self.fenbie:
            self.cats = []
        self.measure_seen = None
        self.lead = None

    def on_count(self, s: str, start: int, end: int, m: re.Match[str], in_base: bool) -> None:
        if self.neg or (start > 0 and s[start - 1] in "第几数每"):
            return
        parsed = parse_amount(m.group("cnum"), m.group("cmid"), m.group("cmul"), m.group("cpost"), m.group("cpre"))
        if parsed is None:
            return
        value, approx = parsed
        verb = self.verb if self.verb and self.verb[0] == start else None
        if verb and not verb[2]:
            # 减少19起 is a difference; with 较上周的81起 before it, it gives this period's count.
            if self.prior and self.cur:
                prior_value, _ = self.prior
                hit, raw, measure = self.cur
                current = prior_value - value if verb[1] else prior_value + value
                self.facts.append(Fact(start, hit, raw, measure, "count", current, approx))
            self.prior = None
            return
        if self.lead and self.lead_end + 1 == start and s[self.lead_end] == "的":
            compare = "pop" if self.lead == "pop_pct" else "yoy"
            self.prior = (value, compare)
            before = len(self.facts)
            self._emit(start, "count", value, approx, role="prior", compare=compare)
            self.lead = self.lead_sent = "pop_pct" if compare == "pop" else "yoy_pct"
            if len(self.facts) == before:
                self.prior = None
            return
        if m.group("unit") in "名人":
            inherit = self.cur and (not self.cats or self.cats[-1].suspects)
            subj_measure = self.measure_seen or (self.cur[2] if inherit else None)
            if subj_measure != "arrests":
                return
        self._emit(start, "count", value, approx)

    def on_pct(self, s: str, start: int, end: int, m: re.Match[str], in_base: bool) -> None:
        if self.neg:
            return
        verb = self.verb if self.verb and self.verb[0] == start else None
        if verb is None and self.fenbie is not None and self.verb and s[start - 1] in "、和及与":
            verb = self.verb
        if verb is None or verb[2]:
            return
        value = parse_percent(m.group("pnum")) if m.group("pnum") else parse_tenths(m.group("tnum"))
        if value is None:
            return
        if in_base:
            metric, role = "yoy_pct", "base"
        else:
            metric, role = self.lead or self.lead_sent or "", "main"
            if not metric:
                return
        approx = bool(m.group("ppre"))
        self._emit(start, metric, -value if verb[1] else value, approx, role=role)

    def on_zero(self, s: str, start: int, end: int, m: re.Match[str], in_base: bool) -> None:
        targets = list(self.cats)
        for hit in targets:
            raw = re.sub(r"类?(警情|案件)$", "", hit.raw) if len(targets) > 1 else hit.raw
            self.facts.append(Fact(start, hit, raw or hit.raw, "reports", "count", 0.0, False))
        if targets:
            self._after(targets[-1], targets[-1].raw, "reports")

    def on_flat(self, s: str, start: int, end: int, m: re.Match[str], in_base: bool) -> None:
        if self.prior and self.cur:
            hit, raw, measure = self.cur
            self.facts.append(Fact(start, hit, raw, measure, "count", self.prior[0], False))
            self.prior = None
            return
        if self.lead:
            self._emit(start, self.lead, 0.0, False)
