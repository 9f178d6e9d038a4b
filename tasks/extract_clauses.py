"""One sentence → the statistics it states, before place and period are attached.

The sentence is read as a stream of tokens (category phrases, measure verbs, 同比/环比 leads,
change verbs, numbers with their unit, 分别, separators, words that disqualify a number) and a
small state machine pairs each number with the category, measure and comparison in force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.categories import CategoryHit, find_categories
from tasks.extract_numbers import parse_amount, parse_percent, parse_tenths
from tasks.extract_tokens import BASE_SPAN_RE, DOWN_WORDS, MEASURE_WORD, TOKEN_RE


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


Carry = tuple[CategoryHit, str, str] | None  # (category, raw, measure) in force after a sentence


def sentence_facts(s: str, carry: Carry, measure: str | None) -> tuple[list[Fact], Carry, str | None]:
    """Facts of one sentence. `carry` is the previous sentence's subject for a sentence that
    continues it (其中岛内1203起), `measure` the measure in force in the article (诈骗1405起 after
    共接…警情); both come back updated."""
    cats = find_categories(s)
    bases = [(m.start(), m.end()) for m in BASE_SPAN_RE.finditer(s)] if "基础上" in s else []
    st = _State(carry, measure)
    ci, n_cats = 0, len(cats)
    for obj in TOKEN_RE.finditer(s):
        start, end, kind = obj.start(), obj.end(), obj.lastgroup
        # Category hits come from their own scan; feed those that start at or before this token.
        while ci < n_cats and cats[ci].start <= start:
            st.cats.append(cats[ci])
            ci += 1
        if kind in ("count", "pct", "zero", "flat"):
            in_base = any(a <= start < b for a, b in bases)
            getattr(st, "on_" + kind)(s, start, end, obj, in_base)
        elif kind == "lead":
            st.lead = st.lead_sent = _metric(obj.group())
            st.lead_end = end
        elif kind == "verb":
            st.verb = (end, obj.group("vdir") in DOWN_WORDS, bool(obj.group("vto")))
        elif kind == "sign":
            st.verb = (end, obj.group() in DOWN_WORDS, False)
        elif kind == "fenbie":
            group = _listed(s, st.cats)
            st.fenbie = group if len(group) >= 2 else None
        elif kind == "measure":
            st.measure_seen = MEASURE_WORD[obj.group()]
        elif kind == "sep":
            st.neg = False
            if obj.group() in "；;":
                st.fenbie = None  # a list never runs past ；, even when it named more items than numbers
        elif kind == "neg":
            st.neg = True
    return st.facts, st.cur, st.carry


_LIST_GAP = re.compile(r"[、，,和及与“”\"]*|以及")
# In 盗窃、两抢警情分别… the head noun belongs to the whole list; category_raw is each item's word.
_SHARED_NOUN = re.compile(r"类?(?:警情|案件)$")


def _listed(s: str, cats: list[CategoryHit]) -> list[CategoryHit]:
    """The categories written as one list just before 分别/零发案 (盗窃、两抢警情), in order."""
    if not cats:
        return []
    group = [cats[-1]]
    for hit in reversed(cats[:-1]):
        if not _LIST_GAP.fullmatch(s, hit.end, group[0].start):
            break
        group.insert(0, hit)
    return group


def _metric(lead: str) -> str:
    return "pop_pct" if any(w in lead for w in ("环比", "周", "月", "季度")) else "yoy_pct"


class _State:
    def __init__(self, carry: Carry, measure: str | None) -> None:
        self.facts: list[Fact] = []
        self.cats: list[CategoryHit] = []       # categories since the last number
        self.cur: Carry = carry                 # (category, raw, measure) in force
        self.measure_seen: str | None = None    # measure verb since the last number
        self.carry = carry[2] if carry else measure
        self.lead: str | None = None            # comparison named since the last number
        self.lead_sent: str | None = None       # … anywhere earlier in the sentence
        self.lead_end = -1
        self.verb: tuple[int, bool, bool] | None = None  # (end, down, 降至)
        self.fenbie: list[CategoryHit] | None = None
        self.neg = False
        self.prior: tuple[float, str] | None = None  # 较上周的81起: (81, compare)

    def _subject(self) -> tuple[CategoryHit, str, str] | None:
        """(category, raw, measure) for the number just read, consuming 分别 lists in order."""
        if self.fenbie:
            hit = self.fenbie.pop(0)
            shared = any(h.reports for h in self.fenbie + [hit]) or self.measure_seen == "reports"
            raw = _SHARED_NOUN.sub("", hit.raw) if hit.raw != "警情" else hit.raw
            measure = self.measure_seen or ("reports" if shared or hit.reports else None) or self.carry or "other"
            if not self.fenbie:
                self.fenbie = None
            return hit, raw or hit.raw, measure
        if self.cats:
            hit = self.cats[-1]
            if hit.suspects:
                measure = self.measure_seen or (self.cur[2] if self.cur else None) or "other"
            else:
                carried = "reports" if self.carry == "arrests" else self.carry  # 盗窃同比下降 after 抓获…
                measure = self.measure_seen or ("reports" if hit.reports else None) or carried or "other"
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
        parsed = parse_amount(*m.group("cnum", "cmid", "cmul", "cpost", "cpre"))
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
        self.prior = None

    def on_pct(self, s: str, start: int, end: int, m: re.Match[str], in_base: bool) -> None:
        if self.neg:
            return
        verb = self.verb if self.verb and self.verb[0] == start else None
        if verb is None and self.fenbie is not None and self.verb and s[start - 1] in "、和及与":
            verb = self.verb
        if verb is None or verb[2]:
            return
        if self.fenbie is None and end < len(s) and s[end] in "、和及与":
            group = _listed(s, self.cats)  # 盗窃、诈骗警情同比下降10.5%和12.3% (分别 left out)
            self.fenbie = group if len(group) >= 2 else None
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
        self.prior = None  # 较去年同期的88起下降23.9%: the comparison is complete

    def on_zero(self, s: str, start: int, end: int, m: re.Match[str], in_base: bool) -> None:
        targets = _listed(s, self.cats)
        for hit in targets:
            raw = _SHARED_NOUN.sub("", hit.raw) if len(targets) > 1 else hit.raw
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
