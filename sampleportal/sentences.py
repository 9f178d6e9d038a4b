"""Statistics sentences: Chinese text and the exact truth rows it states, built together.

A `Piece` is a clause or sentence without its final delimiter plus its rows; stories join pieces
into units. Every number written here is either a truth row or a deliberate negative (ranking,
satisfaction, money, share, officers, 个百分点), never an accident.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from .categories import CRIMES
from .model import Row
from .numerals import cn_int, wan_text
from .places import XIAMEN_PARTS, Place
from .world import Fig, Pct, Period, World

Piece = tuple[str, list[Row]]

_NEEDS_NOUN = {"criminal", "public_order", "property", "violent", "valid_calls", "police_calls",
               "crime_disorder", "robbery_snatching"}
_REPORT_VERBS = ("共接", "共接报", "接报", "共接报")
_CASE_VERBS = {"cases_filed": ("共立案", "立案", "立案侦办"), "cases_solved": ("共破获", "破获", "侦破")}
_ARREST_VERBS = ("共抓获", "抓获", "刑拘")


class StatWriter:
    """Writes figures for one place and period as seen from one publish date."""

    def __init__(self, rng: random.Random, world: World, place: Place, period: Period, pub: date,
                 relative_ok: bool, title_period: bool = False) -> None:
        self.rng = rng
        self.world = world
        self.place = place
        self.period = period
        self.pub = pub
        self.relative_ok = relative_ok
        self.title_period = title_period  # the title names the period, so 本月/本周 resolve

    # ---- words -------------------------------------------------------------------------------
    def when(self, period: Period | None = None, allow_bare: bool = True) -> str:
        """The period as a report writes it; relative forms only where the publish date fixes them."""
        p = period or self.period
        rng, y, pub = self.rng, p.start.year, self.pub
        rel = self.relative_ok and p.end < pub
        s, e = p.start, p.end
        forms: list[str]
        if s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31 and s.year == e.year:
            forms = [f"{y}年", f"{y}年全年", f"{y}年度"]
            if rel and pub.year == y + 1:
                forms += ["去年", "去年全年"]
        elif s.day == 1 and p.days >= 28 and s.year == e.year and _is_month_end(e):
            forms = self._month_span_forms(s, e, rel and pub.year == y, allow_bare)
        elif p.days == 7:
            same_year = s.year == pub.year and e.year == pub.year
            if s.month == e.month:
                forms = [f"{s.month}月{s.day}日—{e.month}月{e.day}日", f"{s.month}月{s.day}日至{e.day}日"]
            else:
                forms = [f"{s.month}月{s.day}日—{e.month}月{e.day}日", f"{s.month}月{s.day}日至{e.month}月{e.day}日"]
            if not same_year:
                forms = [f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"]
            elif self.title_period and allow_bare:
                forms += ["本周"]
        else:
            forms = [f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"]
        return rng.choice(forms)

    def _month_span_forms(self, s: date, e: date, this_year: bool, bare: bool) -> list[str]:
        y, m1, m2 = s.year, s.month, e.month
        if m1 == m2:
            forms = [f"{y}年{m1}月", f"{y}年{m1}月份"]
            if self.title_period and bare:
                forms += ["本月", "本月", f"{m1}月份"]
            return forms
        names = {(1, 3): "第一季度", (4, 6): "第二季度", (7, 9): "第三季度", (10, 12): "第四季度",
                 (1, 6): "上半年", (7, 12): "下半年", (1, 9): "前三季度"}
        if (m1, m2) in names:
            n = names[(m1, m2)]
            forms = [f"{y}年{n}"]
            if this_year:
                forms += [f"今年{n}"] + ([n] if bare else [])
            return forms
        forms = [f"{y}年{m1}月至{m2}月", f"{y}年{m1}-{m2}月"]
        if this_year:
            forms += [f"今年{m1}至{m2}月"] + ([f"{m1}至{m2}月", f"{m1}-{m2}月"] if bare else [])
        return forms

    def subject(self, first: bool) -> str:
        p, rng = self.place, self.rng
        if p.jurisdiction == "东莞市":
            return rng.choice(("东莞全市", "东莞市", "东莞市公安机关")) if first else rng.choice(("全市", "全市", ""))
        if p.jurisdiction == "厦门市":
            return rng.choice(("厦门全市", "厦门市")) if first else rng.choice(("全市", ""))
        if p.city != "东莞市":
            return p.police[0] if first else rng.choice((p.full, p.whole, p.police[-1], ""))
        if first:
            return rng.choice((p.police[0], p.short, p.full, p.police[-1]))
        return rng.choice((p.whole, "辖区", p.police[-1], "", ""))

    def phrase(self, series: str, measure: str) -> tuple[str, str]:
        """(text, category_raw) naming the series; for arrests the raw phrase is the crime."""
        c, rng = CRIMES[series], self.rng
        w = rng.choice(c.words)
        if measure == "reports":
            if c.noun and (c.category in _NEEDS_NOUN or rng.random() < 0.6):
                return w + c.noun, w + c.noun
            return w, w
        if measure.startswith("cases"):
            return w + c.case_noun, w + c.case_noun
        if c.category == "crime_disorder":
            return "违法犯罪嫌疑人", "违法犯罪嫌疑人"
        if c.category == "criminal":
            raw = rng.choice(("犯罪嫌疑人", "刑事犯罪嫌疑人"))
            return raw, raw
        return w + "犯罪嫌疑人", w

    def unit_word(self, measure: str) -> str:
        if measure == "arrests":
            return self.rng.choice("名名人")
        if measure == "reports":
            return self.rng.choice("起起起宗")
        return self.rng.choice("宗宗起件")

    def number(self, fig: Fig, unit: str) -> str:
        v, rng = int(fig.value), self.rng
        if fig.style == "exact":
            if 10 < v < 100_000 and rng.random() < 0.15:
                return cn_int(v) + unit
            return f"{v}{unit}"
        if fig.style == "duo":
            if v >= 100_000:
                return cn_int(v // 10_000) + "多万" + unit
            if v >= 10_000:
                return (cn_int(v, liang=True) + "多" if rng.random() < 0.6 else f"{v // 10_000}万多") + unit
            if v >= 100 and rng.random() < 0.6:
                return cn_int(v, liang=True) + "多" + unit
            return f"{v}多{unit}"
        if fig.style == "yu":
            return f"{v}余{unit}"
        if fig.style == "jin":
            return "近" + (cn_int(v, liang=True) if rng.random() < 0.3 else str(v)) + unit
        if fig.style == "yue":
            return "约" + wan_text(v, 1) + unit
        return wan_text(v, 2 if fig.style == "wan2" else 1) + unit

    def change(self, pct: Pct, kind: str, again: bool = False) -> str:
        rng = self.rng
        if kind == "yoy":
            lead = rng.choice(("同比", "同比", "较去年同期"))
        elif self.period.days == 7:
            lead = rng.choice(("环比", "较上周"))
        elif self.period.days <= 31:
            lead = rng.choice(("环比", "较上月"))
        else:
            lead = "环比"
        if pct.value == 0:
            return "与去年同期持平" if lead == "较去年同期" else lead + "持平"
        down = pct.value < 0
        verb = rng.choice(("下降", "下降", "减少", "下降了")) if down else rng.choice(("上升", "增长", "上升了"))
        if again:
            verb = ("再次" if rng.random() < 0.6 else "继续") + verb.rstrip("了")
        if pct.whole_tenths and rng.random() < 0.5:
            k = int(abs(pct.value) // 10)
            return f"{lead}{verb}{rng.choice((str(k), cn_int(k)))}成"
        return f"{lead}{verb}{abs(pct.value):.{pct.decimals}f}%"

    # ---- rows --------------------------------------------------------------------------------
    def _row(self, series: str, raw: str, measure: str, metric: str, value: float, approx: bool,
             place: Place | None, period: Period | None) -> Row:
        c = CRIMES[series]
        return Row((place or self.place).jurisdiction, period or self.period, c.category, c.subcategory,
                   raw, measure, metric, float(value), approx)

    def fig(self, series: str, measure: str, place: Place | None = None,
            period: Period | None = None) -> Fig:
        return self.world.count((place or self.place).jurisdiction, series, measure, period or self.period)

    def pct(self, series: str, measure: str, kind: str, place: Place | None = None,
            period: Period | None = None) -> Pct | None:
        p = period or self.period
        prior = p.prev_year() if kind == "yoy" else p.prev_span()
        return self.world.change((place or self.place).jurisdiction, series, measure, p, prior)

    # ---- clauses -----------------------------------------------------------------------------
    def count_clause(self, series: str, measure: str, *, verb: bool = True, place: Place | None = None,
                     period: Period | None = None, phrase: tuple[str, str] | None = None) -> Piece:
        """共接违法犯罪类警情4104起 / 诈骗1405起 / 破获刑事案件213宗 / 抓获盗窃犯罪嫌疑人56名."""
        rng = self.rng
        text, raw = phrase or self.phrase(series, measure)
        fig = self.fig(series, measure, place, period)
        row = self._row(series, raw, measure, "count", fig.value, fig.approx, place, period)
        if fig.value == 0 and measure == "reports":
            return f"{text}{rng.choice(('零发案', '实现零发案'))}", [row]
        num = self.number(fig, self.unit_word(measure))
        if measure == "reports":
            if verb:
                return f"{rng.choice(_REPORT_VERBS)}{text}{num}", [row]
            if rng.random() < 0.25 and not text.endswith("警情"):
                return f"{text}发案{num}", [row]
            return f"{text}{num}", [row]
        if measure == "arrests":
            return f"{rng.choice(_ARREST_VERBS)}{text}{num}", [row]
        return f"{rng.choice(_CASE_VERBS[measure])}{text}{num}", [row]

    def change_clause(self, series: str, measure: str, kind: str, raw: str, *, again: bool = False,
                      place: Place | None = None, period: Period | None = None) -> Piece | None:
        pct = self.pct(series, measure, kind, place, period)
        if pct is None:
            return None
        metric = "yoy_pct" if kind == "yoy" else "pop_pct"
        return self.change(pct, kind, again), [self._row(series, raw, measure, metric, pct.value, False,
                                                         place, period)]

    def base_change_clause(self, series: str, measure: str, raw: str) -> Piece | None:
        """在2019年已经下降40.2%的基础上，同比再次下降49.55% (only for years that both fell)."""
        p = self.period
        if p.days < 365:
            return None
        now = self.pct(series, measure, "yoy")
        before = self.pct(series, measure, "yoy", period=p.prev_year())
        if now is None or before is None or now.value >= 0 or before.value >= 0:
            return None
        rows = [self._row(series, raw, measure, "yoy_pct", before.value, False, None, p.prev_year()),
                self._row(series, raw, measure, "yoy_pct", now.value, False, None, None)]
        word = self.rng.choice(("已经下降", "已下降", "大幅下降"))
        text = (f"在{p.start.year - 1}年{word}{abs(before.value):.{before.decimals}f}%的基础上，"
                f"{self.change(now, 'yoy', again=True)}")
        return text, rows

    def count_and_change(self, series: str, measure: str, *, verb: bool = True, kinds: tuple[str, ...] = ("yoy",),
                         place: Place | None = None) -> Piece:
        rng = self.rng
        ph = self.phrase(series, measure)
        text, rows = self.count_clause(series, measure, verb=verb, place=place, phrase=ph)
        if rows[0].value == 0:
            return text, rows
        for kind in kinds:
            ch = self.change_clause(series, measure, kind, ph[1], place=place)
            if ch:
                text += rng.choice(("，", "，", "，")) + ch[0]
                rows += ch[1]
        return text, rows

    def change_only(self, series: str, measure: str, kind: str = "yoy") -> Piece | None:
        """盗窃警情同比下降57%"""
        text, raw = self.phrase(series, measure)
        ch = self.change_clause(series, measure, kind, raw)
        if ch is None:
            return None
        return f"{text}{ch[0]}", ch[1]

    def list_changes(self, series_list: list[str], measure: str, kind: str = "yoy") -> Piece | None:
        """绑架、伤害、抢劫等警情同比分别下降36.6%、5.5%、21.2% (one direction only)."""
        items = []
        for s in series_list:
            pct = self.pct(s, measure, kind)
            if pct is None or pct.value == 0:
                continue
            items.append((s, pct))
        down = [it for it in items if it[1].value < 0]
        up = [it for it in items if it[1].value > 0]
        falling = len(down) >= len(up)
        group = (down if falling else up)[:4]
        if len(group) < 2:
            return None
        rng = self.rng
        words = [rng.choice(CRIMES[s].words) for s, _ in group]
        nums = [f"{abs(p.value):.{p.decimals}f}%" for _, p in group]
        noun = "警情" if measure == "reports" else "案件"
        lead = "同比" if kind == "yoy" else "环比"
        verb = rng.choice(("下降", "下降", "减少")) if falling else rng.choice(("上升", "增长"))
        if len(group) == 2 and rng.random() < 0.5:
            joined = f"{nums[0]}和{nums[1]}"
        else:
            joined = "、".join(nums)
        etc = "等" if len(group) > 2 and rng.random() < 0.6 else ""
        metric = "yoy_pct" if kind == "yoy" else "pop_pct"
        rows = [self._row(s, w, measure, metric, p.value, False, None, None) for (s, p), w in zip(group, words, strict=True)]
        return f"{'、'.join(words)}{etc}{noun}{lead}分别{verb}{joined}", rows

    def list_counts(self, series_list: list[str], measure: str = "reports") -> Piece | None:
        """盗窃电动车、盗窃摩托车警情分别为125起、46起"""
        rng = self.rng
        chosen = [s for s in series_list if self.fig(s, measure).value > 0][:4]
        if len(chosen) < 2:
            return None
        words = [rng.choice(CRIMES[s].words) for s in chosen]
        unit_w = self.unit_word(measure)
        figs = [self.fig(s, measure) for s in chosen]
        # One numeral style per list: 55起、11起 or 五十五起、十一起, never mixed.
        chinese = rng.random() < 0.15 and all(f.style == "exact" and 10 < f.value < 100_000 for f in figs)
        nums = [cn_int(int(f.value)) + unit_w if chinese else
                (f"{int(f.value)}{unit_w}" if f.style == "exact" else self.number(f, unit_w)) for f in figs]
        rows = [self._row(s, w, measure, "count", f.value, f.approx, None, None)
                for s, w, f in zip(chosen, words, figs, strict=True)]
        noun = "警情" if measure == "reports" else "案件"
        return f"{'、'.join(words)}{noun}分别为{'、'.join(nums)}", rows

    def zero_clause(self, series_list: list[str]) -> Piece | None:
        """命案、绑架零发案 — only for series whose count really is zero."""
        zero = [s for s in series_list if self.world.exact(self.place.jurisdiction, s, "reports", self.period) == 0]
        if not zero:
            return None
        words = [self.rng.choice(CRIMES[s].words) for s in zero[:3]]
        rows = [self._row(s, w, "reports", "count", 0, False, None, None) for s, w in zip(zero, words, strict=False)]
        joined = "、".join(words)
        if len(words) > 1:
            return self.rng.choice((f"{joined}等警情实现零发案", f"{joined}均零发案")), rows
        return f"{joined}{self.rng.choice(('实现零发案', '零发案'))}", rows

    def week_compare(self, series: str) -> Piece | None:
        """共接报违法犯罪警情62起，较上周的81起减少19起 (this week and last week both true)."""
        prev = self.period.prev_span()
        now_v = self.world.exact(self.place.jurisdiction, series, "reports", self.period)
        prev_v = self.world.exact(self.place.jurisdiction, series, "reports", prev)
        if prev_v == 0:
            return None
        text, raw = self.phrase(series, "reports")
        u = self.rng.choice("起宗")
        rows = [self._row(series, raw, "reports", "count", now_v, False, None, None),
                self._row(series, raw, "reports", "count", prev_v, False, None, prev)]
        diff = now_v - prev_v
        cmp = (f"减少{-diff}{u}" if diff < 0 else f"增加{diff}{u}") if diff else "持平"
        if self.rng.random() < 0.35:
            # The week's own figure left implicit: a reader derives 81 − 19 = 62.
            return f"{text}较上周的{prev_v}{u}{cmp}", rows
        return f"共接报{text}{now_v}{u}，较上周的{prev_v}{u}{cmp}", rows

    def last_year_compare(self, series: str, measure: str) -> Piece | None:
        """立案刑事案件1205宗，较去年同期的1398宗下降13.8%"""
        prior = self.period.prev_year()
        now = self.fig(series, measure)
        before = self.fig(series, measure, period=prior)
        pct = self.pct(series, measure, "yoy")
        if now.style != "exact" or before.style != "exact" or pct is None or pct.value == 0 or now.value == 0:
            return None
        text, raw = self.phrase(series, measure)
        u = self.unit_word(measure)
        verb = {"reports": "共接报", "cases_filed": "立案", "cases_solved": "破获", "arrests": "抓获"}[measure]
        word = "下降" if pct.value < 0 else "上升"
        rows = [self._row(series, raw, measure, "count", now.value, False, None, None),
                self._row(series, raw, measure, "count", before.value, False, None, prior),
                self._row(series, raw, measure, "yoy_pct", pct.value, False, None, None)]
        return (f"{verb}{text}{int(now.value)}{u}，较去年同期的{int(before.value)}{u}"
                f"{word}{abs(pct.value):.{pct.decimals}f}%"), rows

    def parts_clause(self, series: str, raw: str) -> list[Piece]:
        """其中岛内1203起，同比下降8.2%；岛外… — one piece per part (厦门市岛内, 厦门市岛外)."""
        pieces: list[Piece] = []
        for i, name in enumerate(self.place.parts):
            part = XIAMEN_PARTS[name]
            fig = self.fig(series, "reports", place=part)
            t = f"{'其中' if i == 0 else ''}{name}{self.number(fig, '起')}"
            rows = [self._row(series, raw, "reports", "count", fig.value, fig.approx, part, None)]
            ch = self.change_clause(series, "reports", "yoy", raw, place=part)
            if ch:
                t += "，" + ch[0]
                rows += ch[1]
            pieces.append((t, rows))
        return pieces


def _is_month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


# ---- negatives: numbers that are not statistics (no truth rows) -------------------------------------

def neg_rank(rng: random.Random) -> str:
    return rng.choice(("防范效能全市排名第{n}", "打击效能排名全市第{n}", "降幅位列全市第{n}",
                       "综合考评排名全市第{n}")).format(n=rng.randint(1, 6))


def neg_satisfaction(rng: random.Random) -> str:
    v = rng.choice((f"{rng.uniform(96, 99.99):.2f}", f"{rng.uniform(92, 99.9):.1f}"))
    return rng.choice(("群众满意率达{v}%", "分局(含交警)满意率达{v}%", "群众安全感达{v}%",
                       "群众对公安工作的满意度达{v}%")).format(v=v)


def neg_money(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(("涉案金额达{v}亿元", "涉案资金{v}亿元")).format(v=f"{rng.uniform(1.1, 9.9):.1f}")
    return rng.choice(("涉案金额{v}万元", "为群众挽回经济损失{v}万元", "冻结涉案资金{v}万元",
                       "追缴赃款{v}万元")).format(v=rng.randint(12, 3000))


def neg_share(rng: random.Random, what: str) -> str:
    return f"占{what}总数的{rng.randint(12, 48)}%"


def neg_resources(rng: random.Random) -> str:
    return rng.choice((
        "累计出动警力{n}人次", "发动“东莞义警”{n}名参与巡防", "设置临时巡逻点{s}个", "走访企业{s}家",
        "开展反诈宣传活动{s}场", "发放宣传资料{k}万份", "组织义警{n}名参与街面巡逻", "出动巡逻车辆{s}台次",
    )).format(n=rng.randint(120, 3000), s=rng.randint(8, 160), k=rng.randint(1, 9))


def neg_points(rng: random.Random) -> str:
    return rng.choice(("刑事案件破案率同比提高{v}个百分点", "侵财类警情占比同比下降{v}个百分点",
                       "电信诈骗警情占刑事警情的比重下降{v}个百分点", "现场处置率同比提升{v}个百分点",
                       )).format(v=f"{rng.uniform(0.5, 9.5):.1f}")


def neg_rate(rng: random.Random) -> str:
    return rng.choice(("刑事案件破案率达{p}%", "命案破案率保持{h}%", "视频监控覆盖率达{p}%",
                       "110平均到场时间缩短至{m}分钟")).format(
        p=f"{rng.uniform(40, 98):.1f}", h=100, m=rng.randint(3, 9))


def neg_innovations(rng: random.Random, police: str, year: int) -> str:
    return f"{police}在{year}年共有{rng.randint(2, 9)}项工作经验被全市推广"
