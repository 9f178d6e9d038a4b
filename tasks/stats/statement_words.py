"""The words of statements: measure verbs, change verbs, comparisons, and words that make a figure no statistic.

Other modules call these patterns through the module (`vocab.CHANGE.search(...)`, as they do those of
time_patterns and place_mentions): Python 3.11 calls a method of a name bound by `from … import` through a
new bound-method object each time, while `module.NAME.method(...)` keeps the interpreter's cached lookup,
and these calls run for every statement.
"""

from __future__ import annotations

import re

from tasks.stats.periods import Period, TimeHit
from tasks.stats.trie import trie_pattern

# Measure verbs: what a count counts (接报 → reports, 立案 → cases_filed, 破获 → cases_solved, 抓获 → arrests).
_MEASURE_VERBS = {
    "reports": ("接报", "接报警", "接到", "接获", "接警", "受理", "发生", "发案", "报警", "接处", "接听", "录得警情",
                "接110报警", "接"),
    "cases_filed": ("立案", "开立", "录得", "侦办", "办理", "立", "现行刑案", "查处"),
    "cases_solved": ("破获", "侦破", "破案", "告破", "带破", "全破", "查破", "攻克", "破", "协助破获", "侦结"),
    "arrests": ("抓获", "抓捕", "刑拘", "刑事拘留", "逮捕", "拘捕", "被捕", "查获", "打击处理", "刑事打处", "捕获",
                "缉捕", "追回", "抓", "拘留", "缉拿", "查获"),
    "other": ("处警", "处置", "化解", "调处", "调解", "治安拘留", "行政拘留", "警告", "移送起诉", "治安处罚", "排查",
              "预警", "查处违法", "处罚"),
}
MEASURE_OF = {w: m for m, ws in _MEASURE_VERBS.items() for w in ws}
# The verbs of calls to the police: with 求助 or 量 after them they name the calls as a series.
CALL_WORDS = frozenset({"报警", "接报警", "接警", "接110报警", "接处警"})
MEASURE_RE = re.compile("(?:" + trie_pattern(MEASURE_OF) + ")")

# A change verb before a figure (同比下降, 上升了, 增至): its direction, and whether the figure is the new level.
_UP = ("上升", "增长", "增加", "上涨", "攀升", "升高", "提升", "提高", "回升", "增多", "增幅", "升幅", "涨幅", "比升",
       "增", "升", "涨", "多")
_DOWN = ("下降", "减少", "降低", "回落", "下滑", "下跌", "降幅", "减幅", "跌幅", "比降", "减", "降", "跌", "少",
         "减半")
CHANGE = re.compile(
    r"(?:再次|继续|进一步|再|又|大幅|明显|略有|略|稳步|持续|全面|双|同步|连续|也|还|则|依然|仍|较大|小幅|显著|"
    r"同比|环比|按年|分别|均|都)*"
    r"(?P<dir>" + trie_pattern(_UP + _DOWN) + r")了?(?:幅度)?(?:分别|均|都)?(?:为|达到|达|高达|约为|超过|接近|至|到)?"
    r"(?P<to>至|到)?(?:了)?$")
DOWN_SET = frozenset(_DOWN)

# Comparison words: what a change is measured against (同比, 较去年同期, 与上月相比).
LEAD = re.compile(
    r"同比|环比|按年|按月|按周|同期相比"
    r"|(?:较|比|与|和|同|跟|对比|相比)(?:去年|上年|前年|前一年|上一年|今年|(?:19|20)\d\d年|上周|前周|上一周|前一周|"
    r"上月|上个月|前一个月|上一个月|上季度|前一季度|疫情前|节前一周|节前|行动前[\u4e00-\u9fff\d]{0,6}|平时|往年|"
    r"[两三四五六七八九十\d]{1,2}年前|"
    r"2019年)(?:[\u4e00-\u9fff]{0,4}?同期)?(?:相比|比较|对比|相较|比)?")
_POP_WORDS = ("环比", "按月", "按周", "上周", "前周", "上一周", "前一周", "上月", "上个月", "前一个月", "上一个月",
              "上季度", "前一季度", "节前", "行动前", "平时")
_NONADJ = re.compile(r"疫情前|往年|[两三四五六七八九十\d]年前")


# The metric a comparison kind sets ('' until the frame decides a base's).
METRIC_OF = {"yoy": "yoy_pct", "pop": "pop_pct"}


def compare_kind(lead: str, bases: list[TimeHit]) -> tuple[str, str, Period | None]:
    """(kind, words, base period): kind is yoy, pop, base (decided by the frame) or ''."""
    if not lead:
        return "", "", None
    if lead in ("同比", "按年", "同期相比"):
        return "yoy", lead, None
    if any(w in lead for w in _POP_WORDS):
        return "pop", lead, None
    if _NONADJ.search(lead):
        return "nonadj", lead, None
    if re.search(r"(?:19|20)\d\d年", lead) or "前年" in lead:
        base = bases[-1].period if bases else None
        return "base", lead, base
    return "yoy", lead, None


# Words that make a figure in their statement no statistic (GUIDE: rates, shares, rankings, money,
# officers, casualties, averages, streaks, targets; non-crime topics).
NEG = re.compile(
    r"率|排名|排第|位列|名列|位居|居全|居第|占比|比重|占全|占总|占到|金额|资金|案损|损失|挽损|追赃|赃款|经费|"
    r"警力|民警|辅警|义警|志愿者|队员|人次|死亡|受伤|伤亡|亡人数|伤人数|人员伤亡|日均|月均|周均|平均|每天|每日|单日|"
    r"每周|每月|每十万|每万|万人|目标(?!案)|力争|要求|确保|须|控制在|GDP|生产总值|收入|投资|车流|客流|出入境|"
    r"车辆|指数|满意|安全感|知晓率|考核|案值|涉案财物|查获毒品|缴获毒品|公斤|千克|吨|"
    r"连续|天零|天无|个月零|最高|最低|第\d|历史|历年|以来最|创(?:历史|新)|名单|人次|架次|车次|辆次|"
    r"如果|假如|倘若|哪天")  # a hypothetical (如果哪天接处警超过10起) states nothing
# Counts of people, and the nouns that name people counted.
PERSON_UNITS = frozenset("名人")
MEASURE_NOUN = re.compile(r"(?:发案|立案|破案|抓获|刑拘|逮捕|破获|侦破)(?:数|量|总量|件数|起数)?|发案|立案|破案")
PERSON_NOUN = re.compile(r"(?:嫌疑人|人员|逃犯|分子|成员|骨干|头目|金主|人士|入境者|吸毒者|人数|抓获数|刑拘数|逮捕数)$")

# What joins the items of a list, and what ends the noun after a figure (30起命案|全部告破).
LIST_SPLIT = re.compile(r"、|和|及|与|以及|或")
STOP_AFTER = re.compile(r"全部|均|都|已|并|且|实现|，|,|。|；|;|、|告破|破获|侦破|被|得到|获得|作案|涉及|的")
# Broad series (calls, all criminal or public-order cases, other): a subject of one names no single crime
# that the suspects or measure nouns after it belong to.
SPECIFIC = frozenset({"police_calls", "valid_calls", "crime_disorder", "criminal", "public_order", "other"})
