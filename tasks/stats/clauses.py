"""One sentence → the statistics it states, before the document frame gives them place and period.

A sentence is cut into statements — pieces ending in a figure ("共破获刑事案件134起", "同比下降24.9%",
"刑拘1706人") — at commas and semicolons, and at 、 where a figure is followed by a new subject. Each
statement is read from its figure backwards:

    [measure verb] [subject] [measure noun] [comparison] [分别/均] [change verb] figure [noun] [告破]
     共破获         刑事案件                   同比          分别        下降           12.5%

The subject names the category (tasks.stats.categories); a statement without one continues the subject in
force (其中抢劫案246起，下降48.43% → the second figure is 抢劫案's). A 分别 list pairs its items — categories,
measures (破案数、抓获人数), periods (2020年、2021年) or the statements before it — with its figures in
order. A prior figure (较上年同期1760起, 由前年的1019宗) belongs to the other period of the comparison; a
difference (减少58起) and a bound (降至2万起以下) are no facts; "未发生X、Y和Z" and "X零发案" are zeros.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from tasks.stats.categories import Category, classify, is_suspects, measure_hints
from tasks.stats.numbers import VALUE_RE, Value, read_values
from tasks.stats.periods import Period, TimeHit
from tasks.stats.places import PlaceHit
from tasks.stats.trie import trie_pattern

# ---- vocabulary -------------------------------------------------------------------------------------

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
# Verbs that end a subject on its left (共破获|刑事案件) without naming a measure.
_OTHER_VERBS = ("打击", "严打", "整治", "重拳打击", "严厉打击", "聚焦", "紧盯", "针对", "围绕", "使得", "促使", "推动", "带动", "导致", "确保", "开展", "组织", "打掉", "捣毁", "铲除", "封堵", "删除", "拦截", "劝阻", "劝回", "解救", "返还", "止付",
                "冻结", "扣押", "收缴", "缴获", "挽回", "追缴", "出动", "投入", "检查", "盘查", "整改", "发布", "救助",
                "发放", "推出", "设立", "建立", "实现", "完成", "开立", "避免", "协助", "通过", "利用", "部署", "发起",
                "清查", "走访", "宣传", "培训", "举办", "召开", "保持", "达到", "超过",
                "指出", "表示", "透露", "披露", "公布", "通报")
_FILLER = re.compile(
    r"^(?:其中|此外|另外|同时|与此同时|并且|各类|各种|共计|累计|合计|总计|达到|则有|共有|一共|先后|相继|分别|期间|以来|"
    r"今年|去年|之中|当中|以及|全市|全省|全区|全县|全州|全镇|本港|本澳|辖区|全国|公安机关|警方|公安部|公安|民警|各级|我局|该局|"
    r"分局|市局|警队|据统计|统计显示|数据显示|据了解|据悉|据介绍|记者了解到|记者获悉|全年|"
    r"至|到|共(?![青享同])|计(?!算)|达(?![到成])|为|是|有(?![效关])|仅|就|还|也|又|亦|均|并|另|且|的|了|、|和|及|与|或|于)+")
_TAIL_FILLER = re.compile(
    r"(?:共|共计|累计|合计|总计|计|达|达到|高达|多达|为|是|有|则有|共有|仅|约|的|也|分别为|分别是|分别有|分别达|分别|"
    r"均为|都|全年|总数|总量为|数为|数量为|数量|总数为|数|量为|已经|已|在|曾|则|再次|再|又)+$")
_UP = ("上升", "增长", "增加", "上涨", "攀升", "升高", "提升", "提高", "回升", "增多", "增幅", "升幅", "涨幅", "比升",
       "增", "升", "涨", "多")
_DOWN = ("下降", "减少", "降低", "回落", "下滑", "下跌", "降幅", "减幅", "跌幅", "比降", "减", "降", "跌", "少",
         "减半")
_FLAT_WORD = re.compile(r"(?<!保)(?:基本)?持平")
_CHANGE = re.compile(
    r"(?:再次|继续|进一步|再|又|大幅|明显|略有|略|稳步|持续|全面|双|同步|连续|也|还|则|依然|仍|较大|小幅|显著|"
    r"同比|环比|按年|分别|均|都)*"
    r"(?P<dir>" + trie_pattern(_UP + _DOWN) + r")了?(?:幅度)?(?:分别|均|都)?(?:为|达到|达|高达|约为|超过|接近|至|到)?"
    r"(?P<to>至|到)?(?:了)?$")
_DOWN_SET = frozenset(_DOWN)
_LEAD = re.compile(
    r"同比|环比|按年|按月|按周|同期相比"
    r"|(?:较|比|与|和|同|跟|对比|相比)(?:去年|上年|前年|前一年|上一年|今年|(?:19|20)\d\d年|上周|前周|上一周|前一周|"
    r"上月|上个月|前一个月|上一个月|上季度|前一季度|疫情前|节前一周|节前|行动前[\u4e00-\u9fff\d]{0,6}|平时|往年|"
    r"[两三四五六七八九十\d]{1,2}年前|"
    r"2019年)(?:[\u4e00-\u9fff]{0,4}?同期)?(?:相比|比较|对比|相较|比)?")
_POP_WORDS = ("环比", "按月", "按周", "上周", "前周", "上一周", "前一周", "上月", "上个月", "前一个月", "上一个月",
              "上季度", "前一季度", "节前", "行动前", "平时")
_NONADJ = re.compile(r"疫情前|往年|[两三四五六七八九十\d]年前")
# Words that make a figure in their statement no statistic (GUIDE: rates, shares, rankings, money,
# officers, casualties, averages, streaks, targets; non-crime topics).
_NEG = re.compile(
    r"率|排名|排第|位列|名列|位居|居全|居第|占比|比重|占全|占总|占到|金额|资金|案损|损失|挽损|追赃|赃款|经费|"
    r"警力|民警|辅警|义警|志愿者|队员|人次|死亡|受伤|伤亡|亡人数|伤人数|人员伤亡|日均|月均|周均|平均|每天|每日|单日|"
    r"每周|每月|每十万|每万|万人|目标(?!案)|力争|要求|确保|须|控制在|GDP|生产总值|收入|投资|车流|客流|出入境|"
    r"车辆|指数|满意|安全感|知晓率|考核|案值|涉案财物|查获毒品|缴获毒品|公斤|千克|吨|"
    r"连续|天零|天无|个月零|最高|最低|第\d|历史|历年|以来最|创(?:历史|新)|名单|人次|架次|车次|辆次|"
    r"如果|假如|倘若|哪天")  # a hypothetical (如果哪天接处警超过10起) states nothing
_PERSON_UNITS = frozenset("名人")
_MEASURE_NOUN = re.compile(r"(?:发案|立案|破案|抓获|刑拘|逮捕|破获|侦破)(?:数|量|总量|件数|起数)?|发案|立案|破案")
_TARGET = re.compile(r"(?:[须需]|力争|争取|目标是|目标为|目标|确保|要求|计划|预计)[^。；;]{0,20}?"
                     r"(?:下降|上升|减少|增长|控制在|压降|降低|提高)[^。；;]{0,8}?\d")
_ONE_CASE = re.compile(r"(?:打掉|摧毁|捣毁|抓获|破获|侦破)(?:了)?(?:一个|1个|该|此|一)[\u4e00-\u9fff]{0,8}(?:团伙|集团|窝点|组织)|"
                       r"(?:破获|侦破)(?:了)?(?:一起|1起)?[\u4e00-\u9fff]{0,6}系列[\u4e00-\u9fff]{0,10}案|"
                       r"(?:破获|侦破)(?:了)?[^，,。；;]{0,30}“[^”]{1,12}”(?!等)[\u4e00-\u9fff]{0,8}案(?![件\d])|"
                       r"(?:一起|该起|此起|该案|此案|专案组)[\u4e00-\u9fff]{0,10}(?:案件|案)?")
_PERSON_NOUN = re.compile(r"(?:嫌疑人|人员|逃犯|分子|成员|骨干|头目|金主|人士|入境者|吸毒者|人数|抓获数|刑拘数|逮捕数)$")
_PERSON_OK = re.compile(r"嫌疑人|犯罪|违法|逃犯|在逃|涉案|作案|成员|人员|被捕|拘|吸毒|贩毒|涉毒|涉赌|涉黄|涉诈|"
                        r"骨干|头目|金主|分子|人士|非法入境者|偷渡|卖淫|嫖娼")
_ZERO_BEFORE = re.compile(r"(?:未|没有|没|并没有|亦没有|亦没|也没有|无|未再)(?:发生过?|接报|接获|出现|录得|发|接到)?")
_ZERO_WORD = re.compile(r"[“\"]?零(?:发案|发生|命案|事故)[”\"]?|零发案|零发生")
_VAGUE = re.compile(r"^(?:重大|重特大|较大|大型|各类)?(?:问题|安全事故|事故|案事件|不稳定因素|事件|伤亡|人员伤亡|"
                    r"安全问题|影响|情况|隐患|意外|活动安全事故|治安灾害事故|灾害事故)$|问题$|安全事故$|伤亡$|隐患$|"
                    r"不稳定|大规模|群体性上访")
_ZERO_ITEM_OK = re.compile(r"案件|案|警情|犯罪|事故|案事件|事件|活动|罪案|劫案|命案|绑架|爆炸|投毒|劫持|杀人|抢劫|"
                           r"强奸|放火|火灾")
_LIST_SPLIT = re.compile(r"、|和|及|与|以及|或")
_STOP_AFTER = re.compile(r"全部|均|都|已|并|且|实现|，|,|。|；|;|、|告破|破获|侦破|被|得到|获得|作案|涉及|的")
_SOLVED_AFTER = re.compile(r"^[^，,。；;]{0,8}?(?:全部告破|全部破获|告破|全破|侦破|破获)")
_BOUND_AFTER = re.compile(r"\s*(?:起|宗|件)?(?:以下|以内|之内|左右以下)")  # used with match(s, pos): no ^
_GENERIC_HEAD = ("案件", "案", "犯罪", "警情")
_BREAKDOWN = re.compile(r"其中|包括")
_JUN = re.compile(r"(?<![平日人月周])均|全面")
_FENBIE_JUN = re.compile(r"分别|分別|(?<![平日人月周])均|全面")
_THING_NOUN = re.compile(r"(?:账号|账户|号码|银行卡|电话卡|手机卡|网址|网站|域名|设备|窝点|据点)$")
_BASED_ON = re.compile(r"在[^，,；;。]{0,24}?基础上")
_LEVEL_BEFORE = re.compile(r"[^，,；;。]{0,4}?(?:增|升|降|减|跌|涨|落|加|长)(?:至|到)[^，,；;。\d]{0,8}")
_SPECIFIC = frozenset({"police_calls", "valid_calls", "crime_disorder", "criminal", "public_order", "other"})

_PRED = re.compile(
    "(?P<lead>" + _LEAD.pattern + ")"
    r"|(?P<fenbie>分别|分別)"
    r"|(?P<jun>均|都|全面)"
    r"|(?P<flat>基本持平|持平|相同|相当)"
    r"|(?P<times>翻了?一番|翻一倍|翻番|减半)"
)
_SEP = re.compile(r"[，,；;：:（）()]")


@dataclass(slots=True)
class Fact:
    pos: int
    end: int
    raw: str
    code: str
    sub: str
    measure: str
    metric: str                  # count | yoy_pct | pop_pct | '' (a change whose comparison is not set yet)
    value: float
    approx: bool
    period: Period | None = None  # a period the sentence ties to this figure (a list item, a prior figure)
    role: str = "main"           # main | prior | base
    compare: str = ""            # the words that set the metric
    cat_word: str = ""
    measure_word: str = ""
    base: Period | None = None   # the other side of the comparison, when the text names it


@dataclass(slots=True)
class Subject:
    raw: str
    cat: Category | None
    measure: str | None
    measure_word: str = ""
    blocked: bool = False        # a rate, a sum of money, a death toll: its changes are no facts
    persons: bool = False
    phrase: str = ""             # the words classified, when they differ from raw (绑架 → 绑架案件)


@dataclass
class Carry:
    """What runs on from sentence to sentence: the subject in force and the measure verb in force."""

    subject: Subject | None = None
    topic: Category | None = None     # the last named crime (养老诈骗犯罪 …抓获犯罪嫌疑人 → fraud)
    topic_raw: str = ""
    topic_newer: bool = False         # the last crime named is the topic, not the last subject
    measure: str | None = None
    measure_word: str = ""
    facts: list = field(default_factory=list)
    statements: list = field(default_factory=list)   # the last sentence's, for a 分别 list that pairs with them
    semi_topic: Category | None = None   # the crime a sentence ending in ； named last: its suspects follow


_MASK_SPACE = re.compile(r"[□\s]+")
# Patterns used once per statement, compiled here rather than looked up in re's cache on every call.
_WORD_THEN_COMMA = re.compile(r"[\u4e00-\u9fff]{1,4}(?=、)")
_ON_A_BASE = re.compile(r"在[^，,；;。]{0,16}(?:的)?基础上$")
_SUBJECT_THEN_STATE = re.compile(r"[□\s]*([\u4e00-\u9fff“”\"]{2,16}?)(?:实现|保持|已|均|全部|继续|持续|呈|有所|大幅|明显|"
                                 r"略有|同比|下降|上升|同样|亦|也|录得|出现)")
_AMONG = re.compile(r"(?:当中|之中|中)的")
_PHRASE = re.compile(r"[\u4e00-\u9fff“”\"、]{2,40}")
_HAS_HEAD = re.compile(r"警情|案件|犯罪|案|事故|人员|嫌疑人|数$|额$")
_BOUND_WORD = re.compile(r"以[上下内](?![，,。；;、）)])[\u4e00-\u9fff]")


# The helpers below are pure functions of short phrases that recur across articles: cached.
@lru_cache(maxsize=16384)
def _clean_subject(text: str) -> str:
    text = _MASK_SPACE.sub("", text)
    text = _FILLER.sub("", text)
    text = _TAIL_FILLER.sub("", text)
    return text.strip("，,、：:“”\"（）()")


@lru_cache(maxsize=16384)
def _measure_in(text: str) -> tuple[str | None, str, str]:
    """(measure, word, text without the leading verb) of a subject region: 共破获刑事案件 → cases_solved."""
    best = prev = None
    for m in _MEASURE_RE.finditer(text):
        best, prev = m, best
    if best is None:
        return None, "", text
    word, start, end = best.group(), best.start(), best.end()
    if prev is not None and prev.end() == start:
        word, start = prev.group(), prev.start()  # 接听处置各类警情: of two verbs in a row the first names the series
    if word == "接报警" and text[end:end + 1] == "情":
        word, end = "接报", end - 1  # 接报警情: 接报 + 警情
    if word in _CALL_WORDS and text[end:end + 2] == "求助":
        return None, "", text  # 报警求助: the calls for help, a series (群众报警求助)
    measure = MEASURE_OF[word] if word in MEASURE_OF else MEASURE_OF[best.group()]
    if word == "查处" and ("人" in text[end:end + 3] or "违法人员" in text[end:]):
        measure = "other"
    rest = text[end:]
    # a measure word at the end names the subject's measure (命案发案, 刑事立案数, 110接警量): the phrase
    # keeps it, since its category may depend on it
    if re.fullmatch(r"[数量总件起次]*", _TAIL_FILLER.sub("", rest)):
        head = text[:start]
        if _TAIL_FILLER.search(head) and not rest:
            if word in _CALL_WORDS and classify(_clean_subject(head)) is None:
                return measure, word, text  # 110指挥中心共接报警275万余起: the calls are the series
            return measure, word, head  # 案件共开立54宗: a verb after its subject
        if word in _CALL_WORDS and rest.startswith("量"):
            return measure, word, text  # 110报警中心报警量: the calls are the series
        if _clean_subject(head) and re.search(r"[次件]", rest):
            return measure, word, head  # 刑案发生次数 / 刑案破获件数: the crime, then how often
        if _clean_subject(head):
            verb, vword, noun = _measure_in(head)
            if verb is not None and _clean_subject(noun) and noun != head:
                return verb, vword, noun + text[start:]  # 共接到110有效报警: the verb, then the noun
            return measure, word, text
        if rest:
            return measure, word, word + rest  # 立案数: the measure noun alone (its crime comes from the text)
    return measure, word, rest


_CALL_WORDS = frozenset({"报警", "接报警", "接警", "接110报警", "接处警"})
_MEASURE_RE = re.compile("(?:" + trie_pattern(MEASURE_OF) + ")")
_LEAD_VERB = re.compile("(?:" + trie_pattern(MEASURE_OF) + ")(?=.)")
_OTHER_VERB_RE = re.compile("(?:" + trie_pattern(_OTHER_VERBS) + ")")


# Every figure needs a digit, a numeral, 半 or 番; every zero or no-change statement one of 零/未/没/无/持平.
_MAY_STATE = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿半番未没无]|持平")


def may_state(s: str) -> bool:
    """False when the sentence can hold no statistic: a cheap test before reading it."""
    return _MAY_STATE.search(s) is not None


# What _ZERO_WORD, _ZERO_BEFORE or _FLAT_WORD finds, in one search.
_NO_FIGURE_FACT = re.compile(r"零(?:发案|发生|命案|事故)|[未没无]|(?<!保)持平")


class Figures(NamedTuple):
    may: bool              # may_state(s)
    values: list[Value]    # its figures
    stating: bool          # it may state a fact: it has a figure, or a zero or no-change word


def sentence_figures(s: str) -> Figures:
    """What SentenceReader.read needs to know first of a sentence, read once."""
    if not may_state(s):
        return Figures(False, [], False)  # (零, 未, 没, 无 and 持平 are all may_state's)
    values = read_values(s)
    return Figures(True, values, bool(values) or _NO_FIGURE_FACT.search(s) is not None)


def _joint_category(items: list[str]) -> Category | None:
    """抢劫、抢夺案件185起: bare crime names sharing one head and one figure count together. Their category is
    the one the joined words name (抢劫抢夺 → robbery_snatching), or theirs when they agree, else other."""
    names = [_clean_subject(it) for it in items[:-1]]
    if not all(re.fullmatch(r"[\u4e00-\u9fff“”\"]{1,6}", n) for n in names) or any(_MEASURE_RE.search(n) for n in names):
        return None
    head = re.search(r"(?:类)?(?:警情|案件|犯罪|案)$", _clean_subject(items[-1]))
    suffix = head.group() if head else ""
    cats = [classify(n + suffix if not n.endswith(suffix) else n) for n in names] + [classify(_clean_subject(items[-1]))]
    if any(c is None or c.generic for c in cats):
        return None
    whole = classify("".join(names) + _clean_subject(items[-1]))
    codes = {c.code for c in cats}
    if whole is not None and whole.code not in codes and whole.code != "other":
        return whole
    if len(codes) == 1:
        return cats[-1]
    return Category("other", "", "", False)


class SentenceReader:
    """Reads one sentence at a time; `carry` keeps the subject and measure in force between sentences."""

    def __init__(self, carry: Carry, weekly: bool = False) -> None:
        self.carry = carry
        self.weekly = weekly

    # ---- public ---------------------------------------------------------------------------------------
    def read(self, s: str, times: list[TimeHit], places: list[PlaceHit],
             figures: Figures | None = None) -> list[Fact]:
        """The facts of one sentence; `figures` is sentence_figures(s) when the caller already has it."""
        _, values, stating = figures if figures is not None else sentence_figures(s)
        if not stating:
            self.carry.statements = []
            self.carry.semi_topic = None
            return []
        masked = s
        for span in [*times, *places]:
            end = min(span.end, len(s))
            if end > span.start:
                masked = masked[:span.start] + "□" * (end - span.start) + masked[end:]
        self.s, self.m = s, masked
        self.times = times
        self.facts: list[Fact] = []
        self.compare: tuple = ("", "", None)
        self.pending: str | None = None
        # the last named crime of this sentence (or of the clause before a ；)
        self.local_topic: Category | None = self.carry.semi_topic
        self.prior_periods: list[Period] = []     # the periods of the prior counts just read
        # 其中 opens a breakdown of the figure before it, which keeps that figure's measure
        self.breakdown_measure: str | None = self.carry.measure if s.startswith(("其中", "包括")) else None
        # 打掉一个特大诈骗团伙，抓获400余名成员: the counts of one case, gang or operation are no statistics
        self.one_case = bool(_ONE_CASE.search(s))
        if _TARGET.search(s):
            return []  # 年内全市刑事发案率须同比下降18%: a target, not a statistic
        self.statements: list[tuple[Subject | None, list[Fact], Value | None]] = []
        self._zeros()
        for seg_start, seg_end in self._segments(values):
            vals = [v for v in values if seg_start <= v.start < seg_end]
            self._statement(seg_start, seg_end, vals)
        self.carry.statements = self.statements
        # 查破“黄赌毒”案件1544起；抓获涉案人员3200多人: the suspects of the crime the sentence was about
        # (its first subject, not the last item of a 其中 breakdown)
        first = next((st for st in self.statements if st[0] is not None), None)
        # (a list's statement, 刑事、治安、“两抢”警情分别…, names no one crime)
        head = first[0] if first is not None and len({f.code for f in first[1]}) <= 1 else None
        named = head is not None and head.cat is not None and not head.cat.generic and (
            head.cat.code not in _SPECIFIC or (head.cat.code == "other" and bool(head.cat.word)))
        self.carry.semi_topic = head.cat if named and s.rstrip().endswith(("；", ";")) else None
        return self.facts

    # ---- segmentation ---------------------------------------------------------------------------------
    def _segments(self, values: list[Value]) -> list[tuple[int, int]]:
        s = self.s
        cuts = {0, len(s)}
        for m in _SEP.finditer(s):
            cuts.add(m.start())
            cuts.add(m.end())
        for v in values:
            nxt = s[v.end:v.end + 1]
            if nxt in "、和及与并且" and v.end + 1 < len(s):
                rest = s[v.end + 1:]
                # 下降12.5%、30.1%: the list of figures goes on; 下降75%、119接警量…: a new statement
                if not VALUE_RE.match(s, v.end + 1) and not re.match(r"(?:19|20)\d\d年", rest):
                    cuts.add(v.end)
            else:
                # 82人死亡、449人受伤: a figure and its word, then the next statement
                word = _WORD_THEN_COMMA.match(s[v.end:])
                if word and v.kind == "count":
                    cuts.add(v.end + word.end() + 1)
        bounds = sorted(cuts)
        return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a and not _SEP.fullmatch(s[a:b])]

    # ---- statements -----------------------------------------------------------------------------------
    def _statement(self, a: int, b: int, vals: list[Value]) -> None:
        s, m = self.s, self.m
        other_things = [v for v in vals if v.kind == "count" and self._counts_other_thing(v, a, b)]
        figures = [v for v in vals if v.kind in ("count", "pct") and v not in other_things]
        money = [v for v in vals if v.kind == "money"] + other_things
        based = _BASED_ON.search(s, a, b)
        if figures and based and based.end() >= b - 1 and not any(
                h.kind == "base" and a <= h.start < b for h in self.times):
            # 110刑事警情在连续三年下降20%的基础上，同比又下降了1.5%: the base's change is no statistic; its
            # subject is the next piece's
            self._pending(a, based.start())
            return
        if not figures:
            self._pending(a, b)
            if money:
                self.statements.append((None, [], money[0]))
                prev = self.carry.subject
                if prev is not None:  # 直接财物损失1.9万元，同比下降24%: the change is the money's
                    self.carry.subject = Subject(prev.raw, prev.cat, prev.measure, prev.measure_word, True)
            elif self._flat(a, b):
                return
            else:
                self._remember(a, b)
            return
        first = figures[0]
        pre_end = first.start
        if _BREAKDOWN.search(s, max(0, a - 3), first.start) and self.facts:
            self.breakdown_measure = self.facts[-1].measure
        pre = m[a:pre_end]
        # the comparison, 分别/均, and the change verb before the first figure
        lead_m = None
        leads = [pm for pm in _PRED.finditer(s[a:pre_end]) if pm.lastgroup == "lead"]
        if leads:
            lead_m = leads[-1]
        fenbie = "分别" in pre or "分別" in pre
        jun = bool(_JUN.search(pre)) and not fenbie
        change = _CHANGE.search(pre[-14:]) if pre else None
        change_dir = change.group("dir") if change else None
        if change is None and first.kind == "pct":
            sign = re.search(r"(?:同比|环比|按年|按月)([-−－+＋↑↓])$", pre)
            if sign:
                change_dir = "降" if sign.group(1) in "-−－↓" else "升"  # 同比-5.2%
        change_to = bool(change and (change.group("to") or pre.rstrip().endswith(("至", "到"))))
        cut = len(pre)
        if change:
            cut = min(cut, len(pre) - len(change.group()))
        if leads:
            cut = min(cut, leads[0].start())
        fb = _FENBIE_JUN.search(pre)
        if fb:
            cut = min(cut, fb.start())
        region = pre[:cut]
        if not _clean_subject(self._after_other_verb(_measure_in(region)[2])) and self.pending is not None \
                and not (first.kind == "count" and self._noun_after(figures[-1].end, b)):
            region = self.pending + region  # 交通事故警情、火灾警情与去年同期相比，分别下降25.2%和46.4%
        self.pending = None
        base_hits = [h for h in self.times if h.kind == "base" and a <= h.start < pre_end]
        lead_text = lead_m.group() if lead_m else ""
        compare = self._compare(lead_text, base_hits)
        if compare[0]:
            self.compare = compare
        elif self.compare[0]:
            compare = self.compare  # 与前一个月相比，抢劫…下降2.2%，但持枪抢劫案件上升了66.7%
        # ---- a prior figure: 较上年同期1760起 / 较去年同期的88起 / 由前年的1019宗 / 去年同期则有20宗
        prior_hit = None
        if base_hits and first.kind == "count":
            h = base_hits[-1]
            gap = s[h.end:first.start]
            if re.fullmatch(r"(?:的|则有|有|为|是|共|分别有|分别为|达|则为|仅|共有|同期)?(?:的)?", gap):
                prior_hit = h
                region = pre[:h.start - a] if h.start - a < cut else region
                region = re.sub(r"(?:较|比|与|和|由|从|同)$", "", region.rstrip("□"))
        # 由433宗增至511宗: a count a year before, then this period's
        rise_from = prior_hit is None and first.kind == "count" and len(figures) > 1 \
            and re.search(r"(?:由|从)$", pre) is not None and _LEVEL_BEFORE.fullmatch(s, first.end, figures[1].start)
        if rise_from:
            region = re.sub(r"(?:由|从)$", "", region)
        listed = (fenbie or jun or len(figures) > 1) and bool(_LIST_SPLIT.search(_clean_subject(region)))
        self.pre_text = pre
        subject = self._subject(region, a, figures, b) if not listed else None
        if subject is not None and subject.measure is None:
            later = _MEASURE_RE.search(pre[cut:])  # 香港分别发生243宗…: a verb after 分别
            if later:
                subject.measure, subject.measure_word = MEASURE_OF[later.group()], later.group()
        # ---- the figures
        if rise_from:
            for f in self._emit(subject, first, None, None, ("", "", None), None, ""):
                f.role = "prior"
            self._emit(subject, figures[1], None, None, ("", "", None), None, "")
            for v in figures[2:]:
                if v.kind == "pct":
                    own = _CHANGE.search(m[figures[1].end:v.start])
                    self._emit(subject, v, own.group("dir") if own else change_dir, None, ("yoy", "", None), None, "")
            return
        if prior_hit is not None:
            self._prior(subject, figures, prior_hit, base_hits, change_dir)
            return
        built_on = [h for h in base_hits if s[max(0, h.start - 1):h.start] == "在" and h.period
                    and re.search(r"基础上", s[first.end:first.end + 12])]
        if built_on and first.kind == "pct":
            # 在2019年已经下降40.2%的基础上: a change of that year, stated as the base of this one
            self._emit(subject, first, change_dir, change, ("yoy", "同比", None), built_on[-1].period, s[a:b])
            return
        if first.kind == "count" and change and not change_to:
            # 减少23起 / 增加511宗: a difference, not a level
            self.statements.append((subject, [], first))
            return
        if first.kind == "count" and _BOUND_AFTER.match(s, first.end):
            return
        items = self._items(region, subject) if listed else [subject]
        period_items = self._period_items(a, pre_end) if len(figures) > 1 else []
        produced: list[Fact] = []
        if fenbie and not _clean_subject(region) and not period_items \
                and len(self.statements or self.carry.statements) >= 2 and all(f.kind == "pct" for f in figures):
            self._pair_statements(figures, change_dir, compare)
            return
        for i, v in enumerate(figures):
            item = items[i] if i < len(items) else (items[-1] if jun or len(items) == 1 else None)
            if len(items) > 1 and len(figures) > 1 and len(items) != len(figures) and not jun:
                item = items[i] if i < len(items) else None
            if jun and len(figures) == 1:
                for it in items:
                    produced += self._emit(it, v, change_dir, change, compare, None, s[a:b])
                continue
            period = period_items[i] if len(period_items) == len(figures) else None
            vdir = change_dir
            if v.unit == "减半":
                vdir = "减半"
            elif v.unit == "翻番":
                vdir = "增"
            if i > 0 and v.kind == "pct":
                own = _CHANGE.search(m[figures[i - 1].end:v.start])
                if own:
                    vdir = own.group("dir")
            vcompare = compare
            if v.kind == "pct" and fenbie and len(base_hits) == len(figures) > 1 and all(
                    h.kind == "base" for h in base_hits):
                # 同比2019年、2023年春节假期分别下降41.68%、14.49%: each change against its own base
                vcompare = ("base", base_hits[i].text, base_hits[i].period)
                period = None
            elif v.kind == "pct" and fenbie and not lead_text and len(self.prior_periods) == len(figures):
                # 2022年和2019年同期分别有85宗和80宗，分别下跌约两成半和两成: each change against its own base
                vcompare = ("base", "同期", self.prior_periods[i])
            produced += self._emit(item, v, vdir, change if v.kind == "pct" else None, vcompare, period, s[a:b])
        self.statements.append((items[-1] if items else subject, produced, first))

    def _pending(self, a: int, b: int) -> None:
        """A piece without figures that names the subject of the next one (…与去年同期相比，分别下降…;
        命案现案实现全破，发案同比降幅达23.9%)."""
        text = self.m[a:b]
        lead = _LEAD.search(self.s[a:b])
        if lead:
            kind = self._compare(lead.group(), [h for h in self.times if h.kind == "base" and a <= h.start < b])
            if kind[0]:
                self.compare = kind
        region = text[:lead.start()] if lead else text
        # 刑事治安警情、刑事立案数在连续多年下降基础上，同比再分别下降…: the base clause is no part of the subject
        region = _ON_A_BASE.sub("", region.rstrip())
        raw = _clean_subject(self._after_other_verb(_measure_in(region)[2]))
        parts = [p for p in _LIST_SPLIT.split(raw) if p]
        named = [p for p in parts if classify(p) is not None or _MEASURE_NOUN.search(p)]
        if raw and len(raw) <= 40 and named and (len(named) == len(parts) or len(parts) > 1):
            self.pending = region
            return
        self.pending = None
        head = _SUBJECT_THEN_STATE.match(text)
        if head:
            cat = classify(_clean_subject(head.group(1)))
            if cat is not None and not cat.generic:
                self._set_subject(Subject(_clean_subject(head.group(1)), cat, None, ""))

    def _compare(self, lead: str, bases: list[TimeHit]) -> tuple[str, str, Period | None]:
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

    # ---- subjects -------------------------------------------------------------------------------------
    def _subject(self, region: str, a: int, figures: list[Value], b: int) -> Subject | None:
        joint: Category | None = None
        if "等" not in region:
            # 实现命案现案全破、刑事案件同比下降6.56%: one figure belongs to the last item before it
            items = region.split("、")
            if len(items) > 1 and _clean_subject(items[-1]):
                joint = _joint_category(items)
                region = region.replace("、", "") if joint else items[-1]
        measure, mword, rest = _measure_in(region)
        if measure is None and a > 0 and (self.s[a - 1] in "、和及与" or self.s[a] in "、和及与") and self.statements:
            prev_subject = self.statements[-1][0]
            if prev_subject is not None and prev_subject.measure:
                measure, mword = prev_subject.measure, prev_subject.measure_word  # 抓获…796人、逃犯76人
        if measure is None and figures[0].unit in _PERSON_UNITS:
            post = re.match(r"[^，,；;。]{0,10}?(被捕|被拘|被刑拘|被抓获|被警方拘捕|拘捕|落网)", self.s[figures[0].end:])
            if post:
                measure, mword = "arrests", post.group(1)
        rest = self._after_other_verb(rest)
        raw = _clean_subject(rest)
        if "中的" in raw:
            raw = _AMONG.split(raw)[-1]  # 侵犯财产罪当中的盗窃罪: the series is the last one
        if not raw and figures[0].kind == "count":
            raw = self._noun_after(figures[-1].end, b)
            if raw and measure is None:
                solved = _SOLVED_AFTER.match(self.s[figures[-1].end:])
                if solved:
                    measure, mword = "cases_solved", solved.group()[-2:]
        if measure is None and figures[0].kind == "count":
            solved = _SOLVED_AFTER.match(self.s[figures[-1].end:b + 12])
            if solved:
                measure, mword = "cases_solved", solved.group()[-2:]
        whole = getattr(self, "pre_text", region)
        blocked = _negated(whole.replace("□", ""), figures[0]) and not _neg_is_category(whole)
        if not raw and mword in ("处警", "出警") and figures[0].kind == "count":
            # 处警1663起: the dispatches are a series of their own, whatever was counted before
            sub = Subject(mword, Category("other", "", mword, False), measure, mword, blocked)
            self.carry.measure, self.carry.measure_word = measure, mword
            return sub
        if not raw:
            return self._inherit(measure, mword, blocked, figures, b)
        cat = joint or classify(raw)
        if cat is not None and cat.code in ("police_calls", "valid_calls") and mword in ("处置", "处警", "出警"):
            cat = Category("other", "", mword, False)  # 指派民警到场处置警情: the dispatches, a series of their own
        if cat is not None and cat.generic:
            topic = self._topic_for(raw)
            if topic is not None:
                cat = topic
        sub = Subject(raw, cat, measure, mword, blocked or cat is None)
        sub.persons = is_suspects(raw) or bool(_PERSON_NOUN.search(raw))
        if cat is not None and not blocked:
            self._set_subject(sub)
            if cat.code not in _SPECIFIC or (cat.code == "other" and cat.word):
                self._set_topic(cat, raw)
        elif blocked and self.carry.subject is not None:
            prev = self.carry.subject  # 死亡80人，同比增加39人，上升95.12%: the changes are the deaths'
            self.carry.subject = Subject(prev.raw, prev.cat, prev.measure, prev.measure_word, True)
        if measure:
            self.carry.measure, self.carry.measure_word = measure, mword
        return sub

    @staticmethod
    @lru_cache(maxsize=16384)
    def _after_other_verb(region: str) -> str:
        last = None
        for m in _OTHER_VERB_RE.finditer(region):
            last = m
        return region[last.end():] if last else region

    def _noun_after(self, pos: int, b: int) -> str:
        """30起命案全部告破 / 发生6宗银行劫案 / 侦破33起积压多年的命案积案: the noun after the figure."""
        tail = self.s[pos:]
        stop = _STOP_AFTER.search(tail)
        noun = tail[:stop.start()] if stop else tail
        if stop and stop.group() == "的":
            rest = tail[stop.end():]
            stop2 = _STOP_AFTER.search(rest)
            noun = rest[:stop2.start()] if stop2 else rest
        noun = noun.strip("“”\"")
        return noun if noun and classify(noun) is not None and len(noun) <= 20 else ""

    def _inherit(self, measure: str | None, mword: str, blocked: bool, figures: list[Value], b: int) -> Subject | None:
        prev = self.carry.subject
        if self.carry.topic_newer and self.carry.topic is not None and figures[0].kind == "count" \
                and (measure or re.match(r"[，,；;。）)]|$", self.s[figures[0].end:figures[0].end + 1])):
            # 网购骗案防不胜防…警方录得逾7000宗: the crime named since the last subject is the one counted
            prev = Subject(self.carry.topic_raw, self.carry.topic, None, "", False)
        if prev is None and mword == "立案":
            # 全市立案1832起 with no crime named before: 立案 alone is the criminal cases filed
            sub = Subject("立案", classify("刑事案件"), measure, mword, blocked)
            if not blocked:
                self._set_subject(sub)
            return sub
        if prev is None:
            return None
        if measure is None:
            return Subject(prev.raw, prev.cat, prev.measure, prev.measure_word, prev.blocked or blocked, prev.persons)
        cat = prev.cat
        raw = prev.raw
        if measure == "arrests" and figures[0].unit in _PERSON_UNITS:
            return Subject(raw, cat, measure, mword, prev.blocked or blocked, True)
        return Subject(raw, cat, measure, mword, prev.blocked or blocked, prev.persons)

    def _set_subject(self, sub: Subject) -> None:
        self.carry.subject = sub
        self.carry.topic_newer = False
        if sub.cat is not None and sub.cat.code not in _SPECIFIC:
            self.local_topic = sub.cat

    def _set_topic(self, cat: Category, raw: str) -> None:
        self.carry.topic, self.carry.topic_raw = cat, raw
        self.carry.topic_newer = True
        if cat.code not in _SPECIFIC or (cat.code == "other" and cat.word):
            self.local_topic = cat

    def _topic_for(self, raw: str) -> Category | None:
        if _MEASURE_NOUN.fullmatch(raw):
            # 立案数 / 破案数: the measure of the crime last named, a subject or a topic
            if self.carry.topic_newer or self.carry.subject is None or self.carry.subject.cat is None:
                return self.carry.topic
            return self.carry.subject.cat
        if raw.startswith(("各类", "各种")) and not raw.endswith("案件"):
            return None
        if is_suspects(raw) or raw.endswith(("人员", "分子", "成员")):
            # 破获电信网络诈骗案件2.22万起，抓获嫌疑人3.24万人: suspects of the crime just named in the sentence
            return self.local_topic
        return self.carry.topic

    def _remember(self, a: int, b: int) -> None:
        """A piece without figures may still name the crime the next figures are about (打击养老诈骗犯罪)."""
        text = self.m[a:b]
        for m in _PHRASE.finditer(text):
            phrase = _after_verbs(m.group()).strip("、")
            if "、" in phrase and "等" not in phrase:
                continue  # a list of several crimes names no one topic
            cat = classify(phrase)
            if cat is not None and not cat.generic and (cat.code not in _SPECIFIC or cat.code == "other"):
                self._set_topic(cat, phrase)

    def _items(self, region: str, subject: Subject | None) -> list[Subject | None]:
        """刑事、治安类警情 → [刑事类警情, 治安类警情]; 破案数、抓获人数 → two measures of one crime."""
        raw = _clean_subject(self._after_other_verb(region))
        parts = [p for p in _LIST_SPLIT.split(raw) if p.strip("“”\" ")]
        if len(parts) < 2:
            return [subject]
        # a verb before the first item applies to all: 侦办环境、森林资源类案件
        lead = _LEAD_VERB.match(parts[0])
        measure, mword = (MEASURE_OF.get(lead.group(), None), lead.group()) if lead else (None, "")
        if lead:
            parts[0] = parts[0][lead.end():]
        # a head shared by the list: 刑事、治安类警情 / 盗窃、诈骗、殴打他人四类高发警情 / 刑事案件、侵财案件破案数
        last = parts[-1]
        shared = ""
        hm = re.search(r"(?:[一二两三四五六七八九十\d]+类[\u4e00-\u9fff]{0,4}?)?(?:类)?(?:的)?(?:警情|案件|犯罪|罪案|案)$", last)
        if hm and hm.start() > 0:
            counted = re.match(r"[一二两三四五六七八九十\d]+类[\u4e00-\u9fff]{0,4}?(?=类?(?:警情|案件|犯罪|罪案|案)$)", hm.group())
            shared = hm.group()[counted.end():] if counted else hm.group()
            stem = last[:hm.start()]
            if stem.endswith("等"):
                parts[-1] = stem[:-1]  # 绑架、伤害、抢劫等案件: 等 closes the list, the head is shared
            elif "等" in stem:
                # 抢劫、抢夺、绑架等严重暴力犯罪: the words after 等 name the whole list, not its last item
                parts[-1] = stem.split("等", 1)[0] + ("" if counted else shared)
            else:
                parts[-1] = stem + ("" if counted else shared)
        mm = re.search(r"(?:发案数|立案数|破案数|发案|立案|破案)$", last)
        owner = parts[0].partition("的")[0] if "的" in parts[0] else ""  # 犯罪嫌疑人的抓获数、刑拘数、逮捕数
        out: list[Subject | None] = []
        for p in parts:
            phrase = _unquote(p)
            shown = phrase  # category_raw: the item as written (盗窃), or with the head it needs (刑事类警情)
            if shared and not _HAS_HEAD.search(phrase):
                phrase = phrase + shared.lstrip("的")
                alone = classify(shown)
                if alone is None or alone.code in _SPECIFIC:
                    shown = phrase
            elif mm and not phrase.endswith((mm.group(), "警情")) and not _MEASURE_RE.search(phrase):
                c = classify(phrase)
                if c is not None and not c.generic:
                    phrase = phrase + mm.group()
            pmeasure, pword, _ = _measure_in(phrase)
            if pmeasure is None:
                pmeasure, pword = _noun_measure(phrase)
            if owner and not phrase.startswith(owner):
                cat = self._topic_for(owner) or classify(owner)
                phrase = shown = owner + "的" + phrase
            else:
                cat = classify(_clean_subject(_after_verbs(phrase)) or phrase)
            blocked = bool(_NEG.search(phrase)) and not _neg_is_category(phrase)
            if cat is not None and cat.generic:
                if is_suspects(owner or phrase):
                    topic = self.local_topic  # suspects are those of the crime just named in the sentence
                else:
                    topic = self.carry.topic or (self.carry.subject.cat if self.carry.subject else None)
                if topic is not None:
                    cat = topic
            if cat is None and (pmeasure or phrase.endswith("数")) and not blocked:
                # 电信网络诈骗破案数、抓获人数: a measure noun counts the crime the list (or the text) is about
                named = [it for it in out if it is not None and not it.blocked and it.cat is not None]
                prev = named[-1] if named else self.carry.subject
                cat = prev.cat if prev and not prev.blocked else None
            item = Subject(shown if shown != phrase and not shown.endswith("数") else phrase, cat,
                           pmeasure or measure, pword or mword, blocked or cat is None, phrase=phrase)
            item.persons = is_suspects(phrase) or bool(_PERSON_NOUN.search(phrase)) or "人数" in phrase
            out.append(item)
        good = [it for it in out if it and not it.blocked]
        if good:
            self._set_subject(good[-1])
            last_cat = good[-1].cat
            if last_cat and (last_cat.code not in _SPECIFIC or (last_cat.code == "other" and last_cat.word)):
                self._set_topic(last_cat, good[-1].raw)
        return out

    def _period_items(self, a: int, b: int) -> list[Period]:
        """10月、11月立案数 / 2020年、2021年、2022年全年，香港分别发生…: periods listed before 分别, in this
        piece or, with no figure between, earlier in the sentence. They are this list's, not the sentence's."""
        spans = [h for h in self.times if h.start < b and h.kind in ("span", "base") and h.period]
        run: list[TimeHit] = []
        for h in reversed(spans):
            if run and not re.fullmatch(r"[、和及与\s]*", self.s[h.end:run[0].start]):
                break
            run.insert(0, h)
        if len(run) < 2 or (run[-1].end < a and read_values(self.s[run[-1].end:a])):
            return []
        for h in run:
            h.listed = True
        return [h.period for h in run]

    # ---- emitting -------------------------------------------------------------------------------------
    def _emit(self, item: Subject | None, v: Value, vdir: str | None, change, compare: tuple,
              period: Period | None, piece: str) -> list[Fact]:
        if item is None or item.cat is None or item.blocked:
            return []
        cat = item.cat
        if v.kind == "count":
            measure = item.measure or self._default_measure(item)
            if v.unit in _PERSON_UNITS:
                # people count only when a verb says what happened to them (抓获, 刑拘, 查处, 治安拘留)
                measure = item.measure or (self.breakdown_measure if self.breakdown_measure in ("arrests", "other")
                                           else None)
                if item.measure_word in ("查处", "处罚", "处理", "查获违法"):
                    measure = "other" if item.measure_word != "查获违法" else "arrests"
                if measure not in ("arrests", "other"):
                    return []
                if measure == "arrests" and cat.code in ("police_calls", "valid_calls"):
                    return []
            elif v.unit == "个" and not re.search(r"报警|接警|电话|警情|呼入", item.raw):
                return []
            elif item.persons and not re.search(r"案|警情|犯罪$|事故", item.raw) and v.unit in "起宗件":
                return []
            fact = Fact(v.start, v.end, item.raw, cat.code, cat.subcategory, measure, "count", float(v.value),
                        v.approx, period, cat_word=cat.word or item.raw, measure_word=item.measure_word)
            self.facts.append(fact)
            return [fact]
        # a change
        if vdir is None:
            return []
        if v.unit == "倍" and vdir in _DOWN_SET:
            return []
        kind, words, base = compare
        if kind == "nonadj":
            return []
        measure = item.measure or self._default_measure(item)
        if item.persons and item.measure is None and not re.search(r"案|警情", item.raw):
            measure = "arrests" if re.search(r"嫌疑人|抓获|刑拘|逮捕|拘捕|被捕|作案成员", item.raw) else "other"
        value = -v.value if vdir in _DOWN_SET else v.value
        if vdir == "减半":
            value = -50.0
        metric = {"yoy": "yoy_pct", "pop": "pop_pct"}.get(kind, "")
        fact = Fact(v.start, v.end, item.raw, cat.code, cat.subcategory, measure, metric, value, v.approx, period,
                    compare=words, cat_word=cat.word or item.raw, measure_word=item.measure_word,
                    role="base" if kind == "base" else "main", base=base)
        self.facts.append(fact)
        return [fact]

    def _counts_other_thing(self, v: Value, a: int, b: int) -> bool:
        """29个村 / 154个市级治安乱点 / 82人死亡 / 400余名成员 of one gang: a count of something that is no
        statistic (and, inside a subject, no figure at all)."""
        if v.kind != "count":
            return False
        if self.one_case and v.unit in ("名", "人", "起", "宗", "件"):
            return True
        after = self.s[v.end:b]
        if _BOUND_WORD.match(after) or (
                self.s.endswith(("以上", "以下"), v.start, v.end)
                and re.match(r"(?!同比|环比|较(?!大)|比)[\u4e00-\u9fff]", after)):
            return True  # 一次死亡3人以上较大道路交通事故: part of a name, not a figure
        before = _clean_subject(self._after_other_verb(_measure_in(self.m[a:v.start])[2]))
        if before and v.unit == "个" and _THING_NOUN.search(before):
            return True  # 涉案电话号码2136个: numbers, accounts, dens are no crimes
        if before and v.unit != "个":
            return False
        noun = re.match(r"[\u4e00-\u9fff“”\"]{1,12}", after)
        if noun is None:
            return False
        word = noun.group()
        if "的" in word:
            word = word.rsplit("的", 1)[1] or word  # 33起积压多年的命案积案
        if re.match(r"(?:以上|左右|之多|同比|环比|较|比|与|和|及|的|其中|分别|均|全部|都|已|并|是|为|次|多|余)", word):
            return False
        if _MEASURE_RE.match(word) or _CHANGE.match(word):
            return False
        stop = _STOP_AFTER.search(word)
        head = word[:stop.start()] if stop else word
        return bool(head) and classify(head) is None and not _PERSON_OK.search(head)

    def _default_measure(self, item: Subject) -> str:
        raw = item.phrase or item.raw
        if "求助" in raw or "纠纷" in raw:
            return "other"
        if "警情" in raw or "报警" in raw or "接警" in raw:
            return "reports"
        if item.persons:
            return "arrests"
        hint = measure_hints().get(item.cat.code) if item.cat else None
        if hint:
            return hint
        parent = self.breakdown_measure
        if parent and parent != "arrests":
            return parent  # 共发生刑事案件43起，其中盗窃案件32起: the breakdown keeps its total's measure
        if raw.endswith(_GENERIC_HEAD) or "案" in raw or "罪" in raw:
            return "cases_filed"
        return "reports"

    def _prior(self, subject: Subject | None, figures: list[Value], hit: TimeHit, bases: list[TimeHit],
               vdir: str | None) -> None:
        """较2019年的80宗减少67% / 2022年和2019年同期分别有85宗和80宗: counts of the other period, and the
        change against it."""
        counts = [v for v in figures if v.kind == "count"]
        # 由前年的1019宗增至1077宗: the figure after 增至/降至 is this period's level
        level = [v for v in counts if re.search(r"(?:至|到)(?:今年[\u4e00-\u9fff]{0,4}的)?$", self.s[max(0, v.start - 8):v.start])]
        counts = [v for v in counts if v not in level]
        for v in level:
            self._emit(subject, v, None, None, ("", "", None), None, "")
        # 较上周的81起减少19起: a difference after the prior figure; this period's level is 81 − 19
        diffs = [v for v in counts[1:] if _CHANGE.search(self.m[max(0, v.start - 6):v.start])]
        counts = [v for v in counts if v not in diffs]
        if len(counts) == 1 and len(diffs) == 1 and not level:
            own = _CHANGE.search(self.m[max(0, diffs[0].start - 6):diffs[0].start])
            down = own.group("dir") in _DOWN_SET
            current = counts[0].value - diffs[0].value if down else counts[0].value + diffs[0].value
            if current >= 0:
                self._emit(subject, diffs[0]._replace(value=current, approx=counts[0].approx or diffs[0].approx),
                           None, None, ("", "", None), None, "")
        periods = [h.period for h in bases if h.period] if len(counts) > 1 else [hit.period]
        if len(periods) != len(counts):
            periods = [hit.period] * len(counts)
        for v, p in zip(counts, periods, strict=True):
            if p is None:
                continue
            for f in self._emit(subject, v, None, None, ("", "", None), p, ""):
                f.role = "prior"
        self.prior_periods = [p for p in periods if p is not None]
        prev_end = hit.end
        for v in figures:
            if v.kind == "pct" and hit.period is not None:
                own = _CHANGE.search(self.m[prev_end:v.start])
                self._emit(subject, v, own.group("dir") if own else vdir, None, ("base", hit.text, hit.period), None, "")
            prev_end = v.end

    def _pair_statements(self, figures: list[Value], vdir: str | None, compare: tuple) -> None:
        """…破获案件2.22万起，抓获嫌疑人3.24万人，返还资金1.18亿元，同比分别上升39.6%、45.3%、146.7%."""
        pool = self.statements or self.carry.statements
        stmts = pool[-len(figures):] if len(pool) >= len(figures) else []
        if len(stmts) != len(figures):
            return
        for (subject, produced, _), v in zip(stmts, figures, strict=True):
            if not produced or subject is None:
                continue
            src = produced[0]
            if vdir is None:
                continue
            value = -v.value if vdir in _DOWN_SET else v.value
            kind, words, base = compare
            if kind == "nonadj":
                continue
            metric = {"yoy": "yoy_pct", "pop": "pop_pct"}.get(kind, "")
            self.facts.append(Fact(v.start, v.end, src.raw, src.code, src.sub, src.measure, metric, value, v.approx,
                                   src.period, compare=words, cat_word=src.cat_word, measure_word=src.measure_word))

    # ---- zeros and 持平 -------------------------------------------------------------------------------
    def _zeros(self) -> None:
        s = self.s
        for m in _ZERO_WORD.finditer(s):
            # X零发案 / X实现“零发生”: the subject before
            start = max(s.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
            region = self.m[start:m.start()]
            if re.search(r"\d+天|天|日|连续|累计|月", region + s[m.end():m.end() + 2]):
                continue
            region = re.sub(r"(?:实现了?|保持|达到|都是|均|为|出现了?|了)+$", "", region)
            measure, mword, rest = _measure_in(region)
            rest = self._after_other_verb(rest)
            raw = _clean_subject(rest)
            # 命案、绑架等警情实现零发案: the items before 等, each with the list's head
            raw = re.sub(r"等(?:严重|重大)?[\u4e00-\u9fff]{0,6}(?:警情|案件|犯罪)$", "", raw)
            for phrase in [p for p in _LIST_SPLIT.split(raw) if p]:
                self._zero_fact(phrase, m.start(), m.group())
        for m in _ZERO_BEFORE.finditer(s):
            if m.group() in ("无", "未", "没") and not re.match(r"[重特大较恶严一]", s[m.end():m.end() + 1]) \
                    and not m.group().endswith(("发生", "发生过", "接报")):
                continue
            if s[m.start() - 1:m.start()] in ("是", "从", "并") and m.group() == "无":
                continue
            clause_start = max(s.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
            if re.search(r"连续|\d+天|[一二三四五六七八九十]+天|\d+年|个月", s[clause_start:m.start()]):
                continue  # 连续11年9个月无重大道路交通事故: a streak
            stop = re.search(r"[，,；;。：:]|(?:的|等)(?:严重|重大)?[\u4e00-\u9fff]{0,6}(?:警情|案件|犯罪)(?=[，,；;。]|$)", s[m.end():])
            region = s[m.end():m.end() + stop.start()] if stop else s[m.end():]
            if stop and stop.group().startswith(("的", "等")) and not _SEP.match(stop.group()):
                pass
            items = self._zero_items(region)
            for phrase in items:
                self._zero_fact(phrase, m.start(), m.group())

    def _zero_items(self, region: str) -> list[str]:
        """重大刑事、治安案件和较大以上交通事故 → 重大刑事案件, 重大治安案件, 较大以上交通事故."""
        region = region.strip("“”\"")
        parts = [p.strip("“”\" ") for p in _LIST_SPLIT.split(region) if p.strip("“”\" ")]
        out = []
        for i, p in enumerate(parts):
            if not _ZERO_ITEM_OK.search(p):
                # 重、特大火灾事故 / 刑事、治安案件: take the head of the next item
                nxt = next((q for q in parts[i + 1:] if _ZERO_ITEM_OK.search(q)), "")
                hm = re.search(r"(?:类)?(?:刑事|治安)?(?:案件|警情|事故|犯罪)$", nxt)
                if hm and len(p) <= 6:
                    head = hm.group()
                    stem = re.sub(r"^(?:重大|重特大|较大|特大|严重)", "", nxt[:hm.start()])
                    p = p + (stem if len(p) <= 2 else "") + head if not p.endswith(head) else p
                else:
                    if len(p) <= 4 and nxt:
                        p = p + "类" if False else p
                    continue
            out.append(p)
        return out

    def _zero_fact(self, phrase: str, pos: int, word: str) -> None:
        phrase = phrase.strip("“”\"")
        if not phrase or _VAGUE.search(phrase) or len(phrase) > 24:
            return
        if re.search(r"伤亡|死亡|问题|隐患|不稳定|事件$", phrase) and not re.search(r"暴恐|群体性|极端", phrase):
            return
        cat = classify(phrase)
        if cat is None or cat.generic:
            return
        if cat.code == "other" and not _ZERO_ITEM_OK.search(phrase):
            return
        self.facts.append(Fact(pos, pos + len(word), phrase, cat.code, cat.subcategory, "reports", "count", 0.0,
                               False, cat_word=cat.word or phrase, measure_word=word))

    def _flat(self, a: int, b: int) -> bool:
        """与去年同期持平 / 同比持平 / 环、同比均持平 / 基本持平: a change of 0."""
        s = self.s[a:b]
        fm = _FLAT_WORD.search(s)
        if not fm:
            return False
        approx = fm.group() == "基本持平"
        subject = self.carry.subject
        pre = self.m[a:a + fm.start()]
        region_cut = len(pre)
        lead_m = _LEAD.search(self.s[a:a + fm.start()])
        if lead_m:
            region_cut = lead_m.start()
        raw = _clean_subject(self._after_other_verb(_measure_in(pre[:region_cut])[2]))
        if raw and classify(raw) is not None:
            subject = self._subject(pre[:region_cut], a, [Value(a, a, "pct", 0, False, "%")], b)
        if subject is None or subject.cat is None or subject.blocked:
            return True
        kinds = []
        if re.search(r"环、同比|环比、同比|同比、环比|同、环比", s):
            kinds = [("pop", "环比"), ("yoy", "同比")]
        elif lead_m:
            kind, words, base = self._compare(lead_m.group(), [h for h in self.times if h.kind == "base"])
            if kind == "nonadj":
                return True
            kinds = [(kind, words)]
        else:
            kinds = [("", "")]
        for kind, words in kinds:
            metric = {"yoy": "yoy_pct", "pop": "pop_pct"}.get(kind, "")
            measure = subject.measure or self._default_measure(subject)
            self.facts.append(Fact(a + fm.start(), a + fm.end(), subject.raw, subject.cat.code, subject.cat.subcategory,
                                   measure, metric, 0.0, approx, compare=words, cat_word=subject.cat.word or subject.raw,
                                   measure_word=subject.measure_word))
        return True


def _unquote(text: str) -> str:
    """Strip quotes that close nothing: “两抢”警情 keeps its pair, 盗窃“两车” too, a stray ” goes."""
    text = text.strip(" ")
    while text[:1] in "“\"" and text.count("“") > text.count("”"):
        text = text[1:]
    while text[-1:] in "”\"" and text.count("”") > text.count("“"):
        text = text[:-1]
    return text


def _after_verbs(phrase: str) -> str:
    last = None
    for m in _MEASURE_RE.finditer(phrase):
        last = m
    for m in _OTHER_VERB_RE.finditer(phrase):
        if last is None or m.end() > last.end():
            last = m
    return phrase[last.end():] if last else phrase


def _noun_measure(phrase: str) -> tuple[str | None, str]:
    """破案数 / 抓获人数 / 刑拘数 / 发案数: a measure named by a noun."""
    for word, measure in (("破案", "cases_solved"), ("破获", "cases_solved"), ("立案", "cases_filed"),
                          ("发案", "reports"), ("抓获", "arrests"), ("刑拘", "arrests"), ("逮捕", "arrests"),
                          ("作案成员", "arrests"), ("嫌疑人", "arrests")):
        if word in phrase:
            return measure, word
    return None, ""


# Officers are what a count of people (名/人) may be; a count of cases (110指派民警到场处置警情1004535起) is not.
_OFFICERS = re.compile(r"警力|民警|辅警|义警|志愿者|队员")


def _negated(region: str, first: Value) -> bool:
    """A word in the subject makes its figures no statistic (_NEG)."""
    hits = [m.group() for m in _NEG.finditer(region)]
    if first.kind == "count" and first.unit not in _PERSON_UNITS:
        hits = [h for h in hits if not _OFFICERS.fullmatch(h)]
    return bool(hits)


def _neg_is_category(region: str) -> bool:
    """亡人事故, 吸毒人员 and 网络平台投资诈骗 hold a 'negative' word but are series of their own: every such
    word lies inside the crime the phrase names."""
    if re.search(r"亡人事故|死亡事故|死亡3人|死亡三人|吸毒人员", region):
        return True
    text = region.replace("□", "")
    cat = classify(_clean_subject(SentenceReader._after_other_verb(_measure_in(text)[2])))
    if cat is None or not cat.word or cat.code == "other":
        return False
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(cat.word), text)]
    return all(any(a <= n.start() and n.end() <= b for a, b in spans) for n in _NEG.finditer(text))
