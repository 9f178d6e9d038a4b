"""The subject of a statement as words: what is left of a phrase once fillers, verbs and quotes are gone,
the measure its verb names (共破获刑事案件 → cases_solved), and the category a list of crimes names together.
Pure functions of short phrases that recur across articles: cached."""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.stats import statement_words as vocab  # patterns through their module: see statement_words
from tasks.stats.categories import Category, classify
from tasks.stats.numbers import Value
from tasks.stats.statement_words import CALL_WORDS, MEASURE_OF, PERSON_UNITS
from tasks.stats.trie import trie_pattern

# Verbs that end a subject on its left (共破获|刑事案件) without naming a measure.
_OTHER_VERBS = ("打击", "严打", "整治", "重拳打击", "严厉打击", "聚焦", "紧盯", "针对", "围绕", "使得", "促使", "推动", "带动", "导致", "确保", "开展", "组织", "打掉", "捣毁", "铲除", "封堵", "删除", "拦截", "劝阻", "劝回", "解救", "返还", "止付",
                "冻结", "扣押", "收缴", "缴获", "挽回", "追缴", "出动", "投入", "检查", "盘查", "整改", "发布", "救助",
                "发放", "推出", "设立", "建立", "实现", "完成", "开立", "避免", "协助", "通过", "利用", "部署", "发起",
                "清查", "走访", "宣传", "培训", "举办", "召开", "保持", "达到", "超过",
                "指出", "表示", "透露", "披露", "公布", "通报")
_OTHER_VERB_RE = re.compile("(?:" + trie_pattern(_OTHER_VERBS) + ")")
_FILLER = re.compile(
    r"^(?:其中|此外|另外|同时|与此同时|并且|各类|各种|共计|累计|合计|总计|达到|则有|共有|一共|先后|相继|分别|期间|以来|"
    r"今年|去年|之中|当中|以及|全市|全省|全区|全县|全州|全镇|本港|本澳|辖区|全国|公安机关|警方|公安部|公安|民警|各级|我局|该局|"
    r"分局|市局|警队|据统计|统计显示|数据显示|据了解|据悉|据介绍|记者了解到|记者获悉|全年|"
    r"至|到|共(?![青享同])|计(?!算)|达(?![到成])|为|是|有(?![效关])|仅|就|还|也|又|亦|均|并|另|且|的|了|、|和|及|与|或|于)+")
_TAIL_FILLER = re.compile(
    r"(?:共|共计|累计|合计|总计|计|达|达到|高达|多达|为|是|有|则有|共有|仅|约|的|也|分别为|分别是|分别有|分别达|分别|"
    r"均为|都|全年|总数|总量为|数为|数量为|数量|总数为|数|量为|已经|已|在|曾|则|再次|再|又)+$")
_MASK_SPACE = re.compile(r"[□\s]+")


@lru_cache(maxsize=16384)
def clean_subject(text: str) -> str:
    """The words of a subject without fillers, masked times and places, or stray punctuation (其中各类… → …)."""
    text = _MASK_SPACE.sub("", text)
    text = _FILLER.sub("", text)
    text = _TAIL_FILLER.sub("", text)
    return text.strip("，,、：:“”\"（）()")


@lru_cache(maxsize=16384)
def measure_in(text: str) -> tuple[str | None, str, str]:
    """(measure, word, text without the leading verb) of a subject region: 共破获刑事案件 → cases_solved."""
    best = prev = None
    for m in vocab.MEASURE_RE.finditer(text):
        best, prev = m, best
    if best is None:
        return None, "", text
    word, start, end = best.group(), best.start(), best.end()
    if prev is not None and prev.end() == start:
        word, start = prev.group(), prev.start()  # 接听处置各类警情: of two verbs in a row the first names the series
    if word == "接报警" and text[end:end + 1] == "情":
        word, end = "接报", end - 1  # 接报警情: 接报 + 警情
    if word in CALL_WORDS and text[end:end + 2] == "求助":
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
            if word in CALL_WORDS and classify(clean_subject(head)) is None:
                return measure, word, text  # 110指挥中心共接报警275万余起: the calls are the series
            return measure, word, head  # 案件共开立54宗: a verb after its subject
        if word in CALL_WORDS and rest.startswith("量"):
            return measure, word, text  # 110报警中心报警量: the calls are the series
        if clean_subject(head) and re.search(r"[次件]", rest):
            return measure, word, head  # 刑案发生次数 / 刑案破获件数: the crime, then how often
        if clean_subject(head):
            verb, vword, noun = measure_in(head)
            if verb is not None and clean_subject(noun) and noun != head:
                return verb, vword, noun + text[start:]  # 共接到110有效报警: the verb, then the noun
            return measure, word, text
        if rest:
            return measure, word, word + rest  # 立案数: the measure noun alone (its crime comes from the text)
    return measure, word, rest


@lru_cache(maxsize=16384)
def after_other_verb(region: str) -> str:
    """The words after the last verb that ends a subject without naming a measure (严厉打击|电信诈骗犯罪)."""
    last = None
    for m in _OTHER_VERB_RE.finditer(region):
        last = m
    return region[last.end():] if last else region


def after_verbs(phrase: str) -> str:
    """The words after the last verb of either kind, measure verb or other."""
    last = None
    for m in vocab.MEASURE_RE.finditer(phrase):
        last = m
    for m in _OTHER_VERB_RE.finditer(phrase):
        if last is None or m.end() > last.end():
            last = m
    return phrase[last.end():] if last else phrase


def noun_measure(phrase: str) -> tuple[str | None, str]:
    """破案数 / 抓获人数 / 刑拘数 / 发案数: a measure named by a noun."""
    for word, measure in (("破案", "cases_solved"), ("破获", "cases_solved"), ("立案", "cases_filed"),
                          ("发案", "reports"), ("抓获", "arrests"), ("刑拘", "arrests"), ("逮捕", "arrests"),
                          ("作案成员", "arrests"), ("嫌疑人", "arrests")):
        if word in phrase:
            return measure, word
    return None, ""


def unquote(text: str) -> str:
    """Strip quotes that close nothing: “两抢”警情 keeps its pair, 盗窃“两车” too, a stray ” goes."""
    text = text.strip(" ")
    while text[:1] in "“\"" and text.count("“") > text.count("”"):
        text = text[1:]
    while text[-1:] in "”\"" and text.count("”") > text.count("“"):
        text = text[:-1]
    return text


def joint_category(items: list[str]) -> Category | None:
    """抢劫、抢夺案件185起: bare crime names sharing one head and one figure count together. Their category is
    the one the joined words name (抢劫抢夺 → robbery_snatching), or theirs when they agree, else other."""
    names = [clean_subject(it) for it in items[:-1]]
    if not all(re.fullmatch(r"[\u4e00-\u9fff“”\"]{1,6}", n) for n in names) or any(vocab.MEASURE_RE.search(n) for n in names):
        return None
    head = re.search(r"(?:类)?(?:警情|案件|犯罪|案)$", clean_subject(items[-1]))
    suffix = head.group() if head else ""
    cats = [classify(n + suffix if not n.endswith(suffix) else n) for n in names] + [classify(clean_subject(items[-1]))]
    if any(c is None or c.generic for c in cats):
        return None
    whole = classify("".join(names) + clean_subject(items[-1]))
    codes = {c.code for c in cats}
    if whole is not None and whole.code not in codes and whole.code != "other":
        return whole
    if len(codes) == 1:
        return cats[-1]
    return Category("other", "", "", False)


# Officers are what a count of people (名/人) may be; a count of cases (110指派民警到场处置警情1004535起) is not.
_OFFICERS = re.compile(r"警力|民警|辅警|义警|志愿者|队员")


def negated(region: str, first: Value) -> bool:
    """A word in the subject makes its figures no statistic (NEG)."""
    hits = [m.group() for m in vocab.NEG.finditer(region)]
    if first.kind == "count" and first.unit not in PERSON_UNITS:
        hits = [h for h in hits if not _OFFICERS.fullmatch(h)]
    return bool(hits)


def neg_is_category(region: str) -> bool:
    """亡人事故, 吸毒人员 and 网络平台投资诈骗 hold a 'negative' word but are series of their own: every such
    word lies inside the crime the phrase names."""
    if re.search(r"亡人事故|死亡事故|死亡3人|死亡三人|吸毒人员", region):
        return True
    text = region.replace("□", "")
    cat = classify(clean_subject(after_other_verb(measure_in(text)[2])))
    if cat is None or not cat.word or cat.code == "other":
        return False
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(cat.word), text)]
    return all(any(a <= n.start() and n.end() <= b for a, b in spans) for n in vocab.NEG.finditer(text))
