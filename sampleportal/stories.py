"""Story writers: one function per kind of story, each returning a `Story` (title, paragraphs, rows).

Kinds with statistics: annual reviews (like the seed page), weekly and monthly police bulletins,
quarter/half-year reports and crackdown campaigns. Kinds without: community policing, traffic advice,
anti-fraud tips, town economy news (with GDP growth as a trap) and safety drills.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from . import sentences as S
from . import texts as T
from .categories import MINOR_PARTS, PROPERTY_PARTS, THEFT_PARTS, VEHICLE_PARTS, VIOLENT_PARTS
from .model import Para, Story, Unit, subhead, unit
from .places import DONGGUAN, DONGGUAN_TOWNS, OTHER_DISTRICTS, XIAMEN, Place
from .world import Period, World, month_end, months_period, year_period

STAT_KINDS = ("annual_review", "weekly_bulletin", "monthly_bulletin", "period_report", "campaign")
PLAIN_KINDS = ("community", "traffic", "antifraud", "economy", "safety_drill")
KINDS = STAT_KINDS + PLAIN_KINDS

# Where a kind's original usually appears: police bulletins on the government site (B).
ORIGINAL_ON_B = {"annual_review": 0.4, "weekly_bulletin": 0.85, "monthly_bulletin": 0.85,
                 "period_report": 0.45, "campaign": 0.3, "community": 0.35, "traffic": 0.4,
                 "antifraud": 0.6, "economy": 0.1, "safety_drill": 0.3}

TYPOS = (("防范", "防犯"), ("账户", "帐户"), ("巡逻", "巡罗"), ("部署", "布署"), ("群众", "郡众"),
         ("监控", "监空"), ("宣传", "宣专"), ("隐患", "隐换"))


def valid_kinds(has_stats: bool, d: date) -> list[str]:
    """Kinds whose period makes sense for a story published on `d`."""
    if not has_stats:
        return list(PLAIN_KINDS)
    kinds = ["weekly_bulletin", "monthly_bulletin", "campaign", "weekly_bulletin"]
    if d.month <= 4:
        kinds += ["annual_review"] * 3
    if d.month >= 3:
        kinds += ["period_report", "period_report"]
    return kinds


@dataclass
class Ctx:
    rng: random.Random
    world: World
    place: Place
    pub: datetime
    relative_ok: bool
    gbk_name: bool
    _decks: dict[str, list[str]] = field(default_factory=dict)

    def draw(self, name: str, pool: tuple[str, ...]) -> str:
        """Without replacement within a story, so one article never repeats a work phrase."""
        deck = self._decks.get(name)
        if not deck:
            deck = self._decks[name] = self.rng.sample(pool, len(pool))
        return deck.pop()

    def action(self) -> str:
        return self.draw("action", T.ACTIONS)

    def purpose(self) -> str:
        return self.draw("purpose", T.PURPOSES)

    @property
    def police(self) -> str:
        return self.place.police[0]

    @property
    def town(self) -> str:
        return self.place.short if self.place.city == "东莞市" else self.place.full

    def name(self) -> str:
        # At most one GBK-only name per story keeps them rare but present.
        if self.gbk_name:
            self.gbk_name = False
            return T.person(self.rng, gbk_only=True)
        return T.person(self.rng)

    def filler(self) -> Unit:
        police = self.rng.choice(self.place.police)
        if self.rng.random() < 0.3:
            text = T.filler_pair(self.rng, police, self.town, self.action(), self.action(), self.purpose())
        else:
            text = T.filler(self.rng, police, self.town, self.action(), self.purpose())
        return unit(text, editable=True)

    def fillers(self, k: int) -> list[Unit]:
        return [self.filler() for _ in range(k)]


def _pick_place(rng: random.Random, kind: str) -> Place:
    r = rng.random()
    if kind == "monthly_bulletin":
        return XIAMEN if r < 0.5 else (DONGGUAN if r < 0.8 else rng.choice(DONGGUAN_TOWNS))
    if kind == "weekly_bulletin":
        return DONGGUAN if r < 0.4 else rng.choice(DONGGUAN_TOWNS)
    if kind == "period_report":
        return rng.choice(OTHER_DISTRICTS) if r < 0.25 else (DONGGUAN if r < 0.4 else rng.choice(DONGGUAN_TOWNS))
    if kind == "annual_review":
        return rng.choice(OTHER_DISTRICTS) if r < 0.05 else (DONGGUAN if r < 0.15 else rng.choice(DONGGUAN_TOWNS))
    if kind in ("campaign", "community", "traffic", "antifraud"):
        return DONGGUAN if r < 0.2 else rng.choice(DONGGUAN_TOWNS)
    return rng.choice(DONGGUAN_TOWNS)


def write_story(index: int, kind: str, pub: datetime, on_b: bool, seed: int, world: World) -> Story:
    rng = random.Random(f"{seed}:story:{index}")
    place = _pick_place(rng, kind)
    ctx = Ctx(rng, world, place, pub, relative_ok=pub.day <= 25, gbk_name=rng.random() < 0.2)
    title, paras, section = _WRITERS[kind](ctx)
    if on_b:
        source = place.police[0] if rng.random() < 0.6 else ("东莞公安" if place.city == "东莞市" else place.police[0])
        author = rng.choice((None, T.person(rng), rng.choice(T.AUTHORS_B)))
    else:
        source = rng.choice(T.SOURCES_A)
        author = None
    caption = None
    if rng.random() < 0.35:
        caption = rng.choice(("■{p}供图", "■民警在{loc}开展巡逻 {p}供图", "■活动现场 {p}供图")).format(
            p=place.police[0], loc=T.location(rng, ctx.town))
    paras, typo = _maybe_typo(rng, paras)
    spare = (T.filler(rng, place.police[-1], ctx.town, ctx.action(), ctx.purpose()),
             T.filler(rng, place.police[0], ctx.town, ctx.action(), ctx.purpose()))
    return Story(index, kind, title, tuple(paras), source, author, section, caption, typo, spare)


def _maybe_typo(rng: random.Random, paras: list[Para]) -> tuple[list[Para], tuple[int, int, str] | None]:
    if rng.random() > 0.3:
        return paras, None
    spots = [(pi, ui, right, wrong) for pi, p in enumerate(paras) for ui, u in enumerate(p.units)
             if u.editable for right, wrong in TYPOS if right in u.text]
    if not spots:
        return paras, None
    pi, ui, right, wrong = rng.choice(spots)
    old = paras[pi].units[ui]
    bad = Unit(old.text.replace(right, wrong, 1), old.rows, True)
    units = list(paras[pi].units)
    units[ui] = bad
    paras = list(paras)
    paras[pi] = Para(tuple(units), paras[pi].subhead)
    return paras, (pi, ui, old.text)


# ---- shared paragraphs --------------------------------------------------------------------------

def _when_text(ctx: Ctx, d: date, with_year: bool) -> str:
    tod = ctx.rng.choice(T.TIMES_OF_DAY)
    return f"{d.year}年{d.month}月{d.day}日{tod}" if with_year else f"{d.month}月{d.day}日{tod}"


def anecdote(ctx: Ctx, within: Period | None = None, choices: tuple[int, ...] | None = None) -> Para:
    rng = ctx.rng
    if within is not None:
        d = within.start + timedelta(days=rng.randrange(within.days))
        when = _when_text(ctx, d, with_year=within.start.year != ctx.pub.year or rng.random() < 0.5)
    else:
        when = rng.choice(("近日", "日前", "前不久", "不久前"))
        if when in ("近日", "日前") and rng.random() < 0.3:
            when += rng.choice(T.TIMES_OF_DAY)
    name = ctx.name()
    slots = {
        "when": when, "loc": T.location(rng, ctx.town), "loc2": T.location(rng, ctx.town),
        "role": rng.choice(T.ROLES), "name": name, "victim": rng.choice(T.VICTIMS),
        "impostor": rng.choice(T.IMPOSTORS), "friend": rng.choice(T.NET_FRIENDS), "cause": rng.choice(T.DISPUTE_CAUSES),
        "mediator": rng.choice(T.MEDIATORS), "mediation": rng.choice(T.MEDIATION),
        "mediation_end": rng.choice(T.MEDIATION_END), "police": rng.choice(ctx.place.police),
    }
    story = T.ANECDOTES[rng.choice(choices)] if choices else rng.choice(T.ANECDOTES)
    return Para(tuple(unit(s.format(**slots)) for s in story))


def context_para(ctx: Ctx) -> Para:
    """Local colour: what the place is like, one concrete measure, a quote — unique per story."""
    rng, place = ctx.rng, ctx.place
    units = []
    if place.city == "东莞市" and place.jurisdiction != "东莞市":
        units.append(unit(T.town_intro(rng, place.full), editable=True))
    units.append(unit(T.concrete(rng, rng.choice(place.police), T.location(rng, ctx.town)), editable=True))
    who = rng.choice((f"{rng.choice(T.ROLES)}{ctx.name()}", f"{ctx.police}相关负责人", f"{ctx.police}负责人"))
    units.append(unit(T.quote(rng, who), editable=True))
    return Para(tuple(units))


def work_para(ctx: Ctx, k: int) -> Para:
    return Para(tuple(ctx.fillers(k)))


def plan_para(ctx: Ctx, year: int) -> Para:
    rng = ctx.rng
    first = rng.choice(T.PLAN_OPENERS).format(year=year, police=ctx.police, focus=rng.choice(T.PLAN_FOCUS),
                                              action=ctx.action(), purpose=ctx.purpose(), town=ctx.town)
    return Para((unit(first), *ctx.fillers(rng.randint(1, 2))))


def closing_para(ctx: Ctx) -> Para:
    rng = ctx.rng
    s = rng.choice(T.CLOSINGS).format(police=rng.choice(ctx.place.police), town=ctx.town,
                                      action=ctx.action(), purpose=ctx.purpose())
    return Para((unit(s, editable=True),))


def tips_para(ctx: Ctx, pool: tuple[str, ...], k: int, fraud: bool = True) -> Para:
    rng = ctx.rng
    tips = rng.sample(pool, k)
    if fraud:
        # Composed tips keep two bulletins from sharing the same list of pool sentences.
        for _ in range(rng.randint(1, 2)):
            tips.insert(rng.randint(0, len(tips)), T.fraud_tip(rng))
    return Para(tuple(unit(t, editable=True) for t in tips))


def _join(pieces: list[S.Piece | None], last: str = "。", sep: str = "；") -> list[Unit]:
    """Pieces become units ending in ；, the last in 。 (the seed page's rhythm)."""
    real = [p for p in pieces if p]
    return [unit(t + (last if i == len(real) - 1 else sep), rows) for i, (t, rows) in enumerate(real)]


def _opener(rng: random.Random, police: str) -> str:
    return rng.choice(("数据显示，", "据统计，", f"记者从{police}获悉，", "", "通报显示，", "统计数据显示，"))


# ---- kinds with statistics ----------------------------------------------------------------------

def annual_review(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    y = ctx.pub.year - 1
    sw = S.StatWriter(rng, ctx.world, place, year_period(y), ctx.pub.date(), ctx.relative_ok)
    main = rng.choice(("crime_disorder", "crime_disorder", "criminal", "police_calls"))
    ph = sw.phrase(main, "reports")
    paras: list[Para] = []

    # Lead: the year's headline figure with the earlier year's drop, then a ranking (not a stat).
    base = sw.base_change_clause(main, "reports", ph[1])
    lead_ch = base or sw.change_clause(main, "reports", "yoy", ph[1])
    if lead_ch and rng.random() < 0.7:
        year_word = sw.when() if rng.random() < 0.6 else ""
        lead = f"{year_word}{ph[0]}{lead_ch[0]}，{S.neg_rank(rng)}"
        paras.append(Para((unit(lead + "；", lead_ch[1]),
                           unit(f"案件数大幅下降，破案数稳步提升，{S.neg_rank(rng)}……这些亮眼的数据还不是"
                                f"{ctx.police}{y}年“成绩单”的全部。"))))
    else:
        paras.append(Para((unit(f"{y}年，{ctx.police}{ctx.action()}，{ctx.purpose()}。"),
                           *ctx.fillers(1))))
    if rng.random() < 0.6:
        paras.append(subhead(rng.choice(T.SUBHEADS)))
    paras.append(anecdote(ctx, year_period(y)))
    paras.append(context_para(ctx))
    if rng.random() < 0.4:
        paras.append(anecdote(ctx, year_period(y)))
    work = list(ctx.fillers(rng.randint(2, 3)))
    work.insert(rng.randint(0, len(work)), unit(S.neg_innovations(rng, ctx.police, y) + "。"))
    paras.append(Para(tuple(work)))

    # The statistics paragraph proper.
    first, rows = sw.count_clause(main, "reports", phrase=ph)
    text = f"{_opener(rng, ctx.police)}{sw.when()}{sw.subject(True)}{first}"
    ch = base if (base and rng.random() < 0.7) else sw.change_clause(main, "reports", "yoy", ph[1])
    if ch:
        text += "，" + ch[0]
        rows = rows + ch[1]
    if rng.random() < 0.5:
        text += "，" + S.neg_rank(rng)
    pieces: list[S.Piece | None] = [(text, rows)]
    pool: list[Callable[[], S.Piece | None]] = [
        lambda: sw.count_and_change("fraud", "reports", verb=False),
        lambda: sw.count_and_change("telecom_fraud", "reports", verb=False),
        lambda: sw.list_changes(rng.sample(list(VIOLENT_PARTS), 3), "reports"),
        lambda: sw.list_counts(rng.sample(list(THEFT_PARTS) + list(VEHICLE_PARTS[2:]), 3)),
        lambda: sw.zero_clause(["homicide", "kidnapping"]),
        lambda: sw.count_and_change("vehicle_theft/electric_bike", "reports", verb=False),
    ]
    # Theft and 两抢 either one by one (the seed's rhythm) or as one 分别 list, never both.
    if rng.random() < 0.5:
        pool += [lambda: sw.change_only("theft", "reports"), lambda: sw.change_only("robbery_snatching", "reports")]
    else:
        pool.append(lambda: sw.list_changes(["theft", "robbery_snatching"], "reports"))
    rng.shuffle(pool)
    for make in pool[: rng.randint(2, 4)]:
        pieces.append(make())
    units = _join(pieces)
    if len(units) > 1 and units[1].text.startswith(("盗窃", "两抢", "诈骗")):
        units[1] = unit("其中" + units[1].text, units[1].rows)
    units.append(unit(f"群众获得感、安全感稳步提升，阳光热线投诉、12345转办投诉、接处警环节投诉实现三下降，"
                      f"{S.neg_satisfaction(rng)}。"))
    paras.append(Para(tuple(units)))

    if rng.random() < 0.6:
        c1 = sw.count_and_change("criminal", "cases_filed", verb=True)
        c2 = sw.count_clause("criminal", "cases_solved")
        c3 = sw.count_clause(rng.choice(("criminal", "crime_disorder")), "arrests")
        paras.append(Para(tuple(_join([(f"{sw.when()}，{sw.subject(False)}{c1[0]}", c1[1]), c2, c3]))
                          + (unit(S.neg_points(rng) + "。"),)))
    if rng.random() < 0.6:
        paras.append(subhead(rng.choice(T.SUBHEADS)))
    paras.append(plan_para(ctx, y + 1))
    paras.append(closing_para(ctx))

    yoy = sw.pct(main, "reports", "yoy")
    short = place.police[-1] if place.city == "东莞市" else place.police[0]
    titles = [f"{short}交出{y}年平安“成绩单”", f"{ctx.police}召开{y + 1}年公安工作会议",
              f"{place.short}全力建设更高水平的平安{place.short}"]
    if yoy and yoy.value <= -10:
        n = round(-yoy.value / 10)
        again = "再降" if base else "下降"
        titles += [f"{short}{rng.randint(3, 8)}项创新经验全市推广 {ph[0]}同比{again}{n}成",
                   f"平安{place.short}建设成效明显 {y}年{ph[0]}同比{again}{n}成"]
    if yoy and yoy.value != 0:
        titles.append(f"{y}年{place.short}{ph[0]}同比{'下降' if yoy.value < 0 else '上升'}{abs(round(yoy.value))}%")
    return rng.choice(titles), paras, "今日东莞"


def weekly_bulletin(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    end = ctx.pub.date() - timedelta(days=rng.randint(1, 3))
    period = Period(end - timedelta(days=6), end)
    sw = S.StatWriter(rng, ctx.world, place, period, ctx.pub.date(), ctx.relative_ok, title_period=True)
    s, e = period.start, period.end
    dates = f"{s.month}月{s.day}日—{e.month}月{e.day}日" if s.year == e.year == ctx.pub.year else \
        f"{s.year}年{s.month}月{s.day}日—{e.year}年{e.month}月{e.day}日"
    name = place.full if place.city == "东莞市" and place is not DONGGUAN else "东莞市"
    title = rng.choice((f"{name}治安警情通报（{dates}）", f"{ctx.police}一周警情通报（{dates}）",
                        f"{place.short}警方发布一周治安警情（{dates}）"))
    paras: list[Para] = [Para((unit(rng.choice((
        "为进一步提高广大群众的安全防范意识，现将{w}{whole}治安警情通报如下。",
        "根据110接报警情数据统计，现将{w}{whole}治安形势通报如下。",
        "为及时向社会公开治安信息，引导群众做好防范，现将{w}警情情况通报如下。",
    )).format(w=sw.when(allow_bare=False), whole=place.whole if place is not DONGGUAN else "全市")),))]
    paras.append(subhead("一、警情总体情况"))
    wc = sw.week_compare("crime_disorder")
    lead = wc or sw.count_and_change("crime_disorder", "reports")
    text, rows = lead
    pop = sw.change_clause("crime_disorder", "reports", "pop", rows[0].category_raw)
    if pop and rng.random() < 0.6:
        text += "，" + (pop[0].replace("较上周", "环比", 1) if wc else pop[0])  # 较上周 is already said
        rows = rows + pop[1]
    first = f"{sw.when()}，{sw.subject(True)}{text}"
    units = _join([(first, rows), sw.list_counts(["criminal", "public_order"])], sep="。")
    units.append(unit(rng.choice(("总体来看，辖区治安形势平稳可控。", "从警情分布看，城中村和工业区周边仍是发案重点区域。",
                                   "从发案时段看，夜间和凌晨仍是侵财类警情的高发时段。"))))
    paras.append(Para(tuple(units)))
    paras.append(subhead("二、主要警情类型"))
    kind = rng.choice(("yoy", "pop"))
    listed = rng.sample(list(PROPERTY_PARTS), 3)
    single = rng.choice([s for s in ("telecom_fraud", "vehicle_theft/electric_bike", "burglary",
                                     "vehicle_theft/two_wheelers", "burglary/home_and_factory") if s not in listed])
    pieces = [sw.list_changes(listed, "reports", kind),
              sw.count_and_change(single, "reports", verb=False, kinds=("pop",)),
              sw.zero_clause(["homicide", "kidnapping", "arson"])]
    units = _join(pieces)
    if units:
        paras.append(Para(tuple(units)))
    paras.append(subhead("三、工作措施"))
    paras.append(Para((*ctx.fillers(rng.randint(2, 3)),
                       unit(T.concrete(rng, rng.choice(place.police), T.location(rng, ctx.town)), editable=True))))
    paras.append(subhead("四、防范提示"))
    paras.append(tips_para(ctx, T.TIPS, rng.randint(2, 3)))
    paras.append(Para((unit(rng.choice(("如遇紧急情况，请及时拨打110报警。", "如发现可疑情况，请立即拨打110报警。",
                                         "广大群众如发现违法犯罪线索，可拨打110或到附近派出所报警。"))),)))
    return title, paras, "警情通报"


def monthly_bulletin(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    y, m = ctx.pub.year, ctx.pub.month - 1
    if m == 0:
        y, m = y - 1, 12
    period = Period(date(y, m, 1), month_end(y, m))
    sw = S.StatWriter(rng, ctx.world, place, period, ctx.pub.date(), ctx.relative_ok, title_period=True)
    city = place.full if place.city == "东莞市" and place is not DONGGUAN else place.jurisdiction
    title = rng.choice((f"{city}社会治安警情通报（{y}年{m}月）", f"{city}{y}年{m}月社会治安形势通报"))
    main = rng.choice(("crime_disorder", "crime_disorder", "criminal"))
    ph = sw.phrase(main, "reports")
    first, rows = sw.count_clause(main, "reports", phrase=ph)
    text = f"{sw.when()}，{sw.subject(True)}{first}"
    for kind in ("yoy", "pop"):
        ch = sw.change_clause(main, "reports", kind, ph[1])
        if ch:
            text += "，" + ch[0]
            rows = rows + ch[1]
    # Each part (岛内, 岛外) is its own ；-sentence, so its evidence names the part.
    units = _join([(text, rows)]) + _join(list(sw.parts_clause(main, ph[1])))
    paras = [Para(tuple(units))]
    counted = [p for p in (*PROPERTY_PARTS, "burglary", "assault", *MINOR_PARTS) if p != "telecom_fraud"]
    cat = _join([sw.list_counts(rng.sample(counted, 4)),
                 sw.list_changes(rng.sample(list(THEFT_PARTS), 3), "reports"),
                 sw.count_and_change("telecom_fraud", "reports", verb=False)])
    if cat:
        cat[0] = unit("从警情类别看，" + cat[0].text, cat[0].rows)
        paras.append(Para(tuple(cat)))
    paras.append(work_para(ctx, rng.randint(2, 3)))
    paras.append(context_para(ctx))
    paras.append(subhead(rng.choice(("防范提示", "温馨提示", "警方提醒"))))
    paras.append(tips_para(ctx, T.TIPS, rng.randint(2, 3)))
    return title, paras, "警情通报"


def _report_period(ctx: Ctx) -> Period:
    """Quarter, half-year, first three quarters or 1至N月, whichever the publish month follows."""
    y, m = ctx.pub.year, ctx.pub.month
    if m in (4, 5):
        return months_period(y, 1, 3)
    if m in (7, 8):
        return months_period(y, 1, 6)
    if m in (10, 11):
        return months_period(y, 1, 9)
    if m >= 3:
        return months_period(y, 1, m - 1)
    return year_period(y - 1)


def period_report(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    period = _report_period(ctx)
    sw = S.StatWriter(rng, ctx.world, place, period, ctx.pub.date(), ctx.relative_ok)
    meet = ctx.pub.date() - timedelta(days=rng.randint(1, 10))
    label = sw.when()
    paras = [Para((unit(f"{meet.month}月{meet.day}日，{ctx.police}召开治安形势分析会，通报{label}辖区治安形势，"
                        f"并对下阶段工作进行部署。"), *ctx.fillers(1)))]
    filed = sw.last_year_compare("criminal", "cases_filed") if rng.random() < 0.4 else None
    filed = filed or sw.count_and_change("criminal", "cases_filed")
    solved = sw.count_and_change("criminal", "cases_solved")
    arrests = sw.count_clause(rng.choice(("criminal", "crime_disorder")), "arrests")
    paras.append(Para(tuple(_join([(f"{sw.when()}，{sw.subject(True)}{filed[0]}", filed[1]), solved, arrests]))
                      + (unit(f"{S.neg_points(rng)}，{S.neg_rate(rng)}。"),)))
    tf = sw.count_and_change("telecom_fraud", rng.choice(("reports", "cases_filed")), verb=False)
    if rng.random() < 0.5 and tf[1][0].value:
        tf = (f"{tf[0]}，{S.neg_share(rng, '刑事案件')}", tf[1])  # a share of a total is not a statistic
    br = _join([sw.list_changes(rng.sample(list(THEFT_PARTS) + ["robbery_snatching", "fraud"], 4), "reports"),
                tf,
                sw.list_counts(rng.sample(list(VEHICLE_PARTS), rng.randint(2, 3)))])
    if br:
        br.append(unit(f"打击电信网络诈骗工作中，{S.neg_money(rng)}。") if rng.random() < 0.4 else
                  unit(f"{S.neg_resources(rng)}，{ctx.purpose()}。"))
        paras.append(Para(tuple(br)))
    paras.append(anecdote(ctx, period))
    paras.append(context_para(ctx))
    paras.append(work_para(ctx, rng.randint(2, 4)))
    paras.append(closing_para(ctx))
    pct = sw.pct("criminal", "cases_filed", "yoy")
    short = place.short if place.city == "东莞市" else place.city + place.full
    titles = [f"{ctx.police}召开治安形势分析会", f"{short}公安打击犯罪成效显著"]
    if pct and pct.value:
        titles.append(f"{label}{short}刑事案件立案数同比{'下降' if pct.value < 0 else '上升'}"
                      f"{abs(pct.value):.{pct.decimals}f}%")
    return rng.choice(titles), paras, "今日东莞"


# series -> (headline action, tips, anecdotes that fit the crackdown)
_CAMPAIGNS = {
    "vehicle_theft/electric_bike": ("严打盗窃电动车犯罪", T.TIPS[7:9], (1, 8)),
    "telecom_fraud": ("重拳打击电信网络诈骗", T.TIPS[:6], (2, 10)),
    "robbery_snatching": ("严打街面“两抢”犯罪", T.TIPS[9:12], (9, 4)),
    "theft": ("开展打击盗窃专项行动", T.TIPS[7:12], (4, 11, 1)),
}


def campaign(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    series = rng.choice(list(_CAMPAIGNS))
    action, tips, stories = _CAMPAIGNS[series]
    period = _report_period(ctx) if ctx.pub.month >= 4 else year_period(ctx.pub.year - 1)
    sw = S.StatWriter(rng, ctx.world, place, period, ctx.pub.date(), ctx.relative_ok)
    paras = [anecdote(ctx, choices=stories)]
    solved = sw.count_clause(series, "cases_solved")
    arrests = sw.count_clause(series, "arrests")
    head = f"记者从{ctx.police}获悉，{sw.when()}，{sw.subject(True)}{solved[0]}，{arrests[0]}"
    rows = solved[1] + arrests[1]
    if rng.random() < 0.5:
        head += "，" + S.neg_money(rng)
    units = _join([(head, rows), sw.change_only(series, "reports")])
    paras.append(Para(tuple(units)))
    paras.append(Para((unit(f"行动期间，{S.neg_resources(rng)}，{ctx.purpose()}。"), *ctx.fillers(2))))
    paras.append(context_para(ctx))
    tip_units = [unit(t, editable=True) for t in rng.sample(tips, min(len(tips), rng.randint(2, 3)))]
    if series == "telecom_fraud":
        tip_units.append(unit(T.fraud_tip(rng), editable=True))
    paras.append(Para(tuple(tip_units)))
    paras.append(closing_para(ctx))
    titles = [f"{place.short}警方{action}", f"{ctx.police}{action} 守护群众平安"]
    if solved[1][0].value and not solved[1][0].approx:
        titles.append(f"{place.short}警方{action} {sw.when()}破获案件{int(solved[1][0].value)}宗")
    return rng.choice(titles), paras, "今日东莞"


# ---- kinds without statistics -------------------------------------------------------------------

def community(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    event = rng.choice(("“东莞义警”授旗仪式", "“警营开放日”活动", "平安社区创建推进会", "警企恳谈会",
                        "反诈宣传进社区活动"))
    paras = [Para((unit(f"{rng.choice(('近日', '日前', '本周'))}，{ctx.police}在{T.location(rng, ctx.town)}举办{event}，"
                        f"{ctx.purpose()}。"),
                   unit(f"活动现场，{S.neg_resources(rng)}，吸引了不少居民驻足。")))]
    paras.append(anecdote(ctx))
    paras.append(context_para(ctx))
    paras.append(work_para(ctx, rng.randint(3, 4)))
    paras.append(anecdote(ctx))
    paras.append(work_para(ctx, rng.randint(2, 3)))
    paras.append(closing_para(ctx))
    title = rng.choice((f"{place.short}举办{event}", f"{ctx.police}{event}走进群众身边",
                        f"群防群治力量再壮大 {place.short}举办{event}"))
    return title, paras, "今日东莞"


def traffic(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    # The holiday must be the next one after the publish date, or the advice reads oddly.
    holiday = rng.choice({1: ("春节",), 2: ("春节", "元宵"), 3: ("清明",), 4: ("清明", "五一"), 5: ("端午",),
                          6: ("端午",), 7: ("暑期",), 8: ("暑期",), 9: ("中秋", "国庆"), 10: ("国庆", "重阳"),
                          11: ("元旦",), 12: ("元旦",)}[ctx.pub.month])
    paras = [Para((unit(f"{holiday}假期将至，预计辖区道路交通流量将明显增加。"),
                   unit(f"{place.short}交警提醒广大驾驶人和出行群众，提前规划出行路线，自觉遵守交通法规。")))]
    paras.append(Para((unit(f"假期期间，交警部门将{ctx.action()}，{S.neg_resources(rng)}，"
                            f"全力保障道路安全畅通。"), *ctx.fillers(1))))
    paras.append(subhead("出行提示"))
    paras.append(tips_para(ctx, T.TRAFFIC_TIPS, rng.randint(3, 4), fraud=False))
    paras.append(anecdote(ctx, choices=(6, 3, 5)))
    paras.append(context_para(ctx))
    paras.append(work_para(ctx, rng.randint(2, 3)))
    paras.append(closing_para(ctx))
    title = rng.choice((f"{holiday}出行提示：{place.short}交警提醒注意交通安全", f"{holiday}假期将至 这份出行提示请收好",
                        f"{place.short}交警发布{holiday}假期出行提示"))
    return title, paras, "今日东莞"


def antifraud(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    paras = [anecdote(ctx, choices=(2, 10))]
    paras.append(Para((unit(f"{rng.choice(T.CONNECTORS)}{ctx.police}提醒，诈骗手法不断翻新，但万变不离其宗。"),
                       *ctx.fillers(1))))
    paras.append(context_para(ctx))
    paras.append(anecdote(ctx, choices=(2, 10)))
    paras.append(subhead(rng.choice(("警方提醒", "防骗要点", "划重点"))))
    paras.append(tips_para(ctx, T.TIPS, rng.randint(2, 4)))
    paras.append(Para((unit(rng.choice(("接到96110预警劝阻专线来电时，请务必及时接听。",
                                         "如接到96110来电，说明您或家人可能正在遭遇诈骗。"))),
                       unit("如遇可疑情况，请第一时间拨打110报警。"))))
    title = rng.choice((f"{ctx.police}提醒：这些骗局要当心", f"守好“钱袋子” {place.short}警方教你识破骗局",
                        f"{place.short}民警紧急劝阻 一场骗局被及时识破"))
    return title, paras, "防范提示"


def economy(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    topic = rng.choice(T.ECON_TOPICS)
    m = ctx.pub.month
    span = f"{ctx.pub.year - 1}年" if m <= 2 else f"{ctx.pub.year}年1-{m - 1}月"
    y = ctx.pub.year - (m <= 2)
    gdp = f"{rng.uniform(80, 900) * (12 if m <= 2 else m - 1) / 12:.1f}"
    g1 = f"{rng.uniform(2, 11):.1f}"
    g2 = f"{rng.uniform(2, 14):.1f}"
    paras = [Para((unit(f"{span}，{place.full}实现地区生产总值{gdp}亿元，同比增长{g1}%；"),
                   unit(f"规模以上工业增加值同比增长{g2}%，{topic}成为拉动增长的重要力量。")))]
    paras.append(Para((unit(f"记者从{place.full}相关部门了解到，当地将继续围绕{topic}做文章，优化营商环境。"),
                       unit(f"与此同时，{ctx.police}{ctx.action()}，为企业发展营造安全稳定的环境。"))))
    paras.append(context_para(ctx))
    paras.append(work_para(ctx, rng.randint(2, 3)))
    paras.append(anecdote(ctx))
    paras.append(closing_para(ctx))
    title = rng.choice((f"{place.full}{topic}发展势头良好", f"{y}年{place.full}经济运行稳中向好",
                        f"{place.short}：以{topic}为抓手推动高质量发展"))
    return title, paras, "今日东莞"


def safety_drill(ctx: Ctx) -> tuple[str, list[Para], str]:
    rng, place = ctx.rng, ctx.place
    what = rng.choice(("消防应急疏散演练", "校园防欺凌安全讲座", "防汛应急演练", "反恐防暴应急演练", "企业安全生产培训"))
    loc = T.location(rng, ctx.town)
    paras = [Para((unit(f"{rng.choice(('近日', '日前'))}，{ctx.police}联合相关部门在{loc}开展{what}。"),
                   unit(f"活动中，{S.neg_resources(rng)}，参与人员在专业人员指导下完成了各项科目。")))]
    paras.append(work_para(ctx, rng.randint(2, 3)))
    paras.append(anecdote(ctx))
    paras.append(context_para(ctx))
    paras.append(tips_para(ctx, T.TIPS + T.TRAFFIC_TIPS, rng.randint(2, 3)))
    paras.append(closing_para(ctx))
    title = rng.choice((f"{place.short}开展{what}", f"{ctx.police}走进{loc}开展{what}"))
    return title, paras, "今日东莞"


_WRITERS: dict[str, Callable[[Ctx], tuple[str, list[Para], str]]] = {
    "annual_review": annual_review, "weekly_bulletin": weekly_bulletin, "monthly_bulletin": monthly_bulletin,
    "period_report": period_report, "campaign": campaign, "community": community, "traffic": traffic,
    "antifraud": antifraud, "economy": economy, "safety_drill": safety_drill,
}
