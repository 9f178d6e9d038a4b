"""What a statistic counts: a subject phrase (刑事类警情, “两抢”案件, 盗窃电动车嫌疑人) → a SPEC category code.

`warehouse/seeds/categories.csv` lists each SPEC code with the words that name it; `subcategories.csv`
maps more specific phrases (盗窃电动车) to a code plus subcategory. A phrase is classified by the most
specific word it holds: a crime (入室盗窃 over 盗窃, 电信诈骗 over 诈骗) beats a class of police work
(刑事, 治安, 违法犯罪), which beats a bare head (警情, 犯罪嫌疑人). The class words name a series only on
their own: 刑事案件 is `criminal`, but 刑事恐吓案件, 重大刑事案件 and 涉耕地刑事案件 are narrower
series, so they are `other` with the phrase kept in `category_raw`. The `other` row of the CSV names
phrases that hold a code's word but are not that series (两抢一盗, 殴打他人).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import NamedTuple

from tasks.stats.trie import trie_pattern
from warehouse import SEEDS

# How specific a code is: a named crime or incident (3) beats a class of police work (2) beats a head word (1).
_CLASS_CODES = frozenset({"crime_disorder", "criminal", "public_order", "valid_calls"})
_HEAD_WORDS = frozenset({"警情", "接警", "报警", "嫌疑人", "犯罪嫌疑人", "涉案人员", "犯罪分子", "接处警"})
# Calls name the series of all calls (各类警情 is police_calls), never a crime taken from the text.
_CALL_WORDS = frozenset({"警情", "接警", "报警", "接处警"})
# Suspects named by a class (违法犯罪人员): their crime is the one the sentence names, else the class.
_CLASS_SUSPECTS = frozenset({"违法犯罪嫌疑人", "违法犯罪人员"})
# Words around a class word that do not narrow it: 各类刑事案件, 全般刑案, 110接报刑事警情 are all `criminal`.
_GENERIC = re.compile(
    r"各类|各种|各项|全部|所有|其他|其它|有关|相关|此类|该类|上述|现行|年内|共计|合计|累计|计|全般|整体|总体|主要|传统|一般|群众|全市|全省|全区|全县|辖区|本港|本澳|"
    r"110报警服务台|110报警中心|110指挥中心|指挥中心|报警服务台|110|接报|受理|处置|发现|全年|期内|当年|的|类|共|总")
# Head and measure nouns that end a subject phrase without narrowing it.
_HEADS = re.compile(
    r"警情|案件|案|犯罪|罪案|罪行|罪|个案|事故|事件|嫌疑人|人员|发案|立案|破案|破获|侦破|抓获|刑拘|逮捕|发生|接报|受理|"
    r"数字|数量|总量|总数|起数|件数|宗数|案数|次数|数|量|情况|调查|项目|专案")
# A subject phrase names something countable by the police only with one of these heads (or a code word).
_CRIME_HEAD = re.compile(r"警情|案件|案|犯罪|罪案|罪行|罪|事故|事件|嫌疑人|违法犯罪|人员|逃犯|火警|火灾|纠纷|求助|报警|"
                         r"电话|个案|活动|团伙成员|成员|警$")
# Topics that are not crime even with 案件 and 起: courts, market regulation, civil law.
_NOT_CRIME = re.compile(r"民事|合同|婚姻|继承|借款|借贷|商标|专利|广告|消费者|价格|计量|特种设备|产品质量|药品|药械|化妆品|"
                        r"无照|不正当竞争|保健|劳动|诉讼|审结|收案|结案|一审|二审|违章|交通违法|酒驾|醉驾|超速|违停|"
                        r"投诉|信访|咨询|隐患|问题|整改")
_SUSPECT_WORDS = ("犯罪嫌疑人", "嫌疑人", "涉案人员", "犯罪分子", "作案成员", "违法犯罪嫌疑人", "违法犯罪人员", "嫌犯")


class Category(NamedTuple):
    code: str
    subcategory: str
    word: str          # the code word found in the phrase ('' for `other` without one)
    generic: bool      # the phrase is only a head (案件, 犯罪嫌疑人): it takes the category in force


def _read(name: str) -> list[dict[str, str]]:
    with (SEEDS / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def phrase_table() -> dict[str, tuple[str, str]]:
    """word → (category code, subcategory)."""
    table: dict[str, tuple[str, str]] = {}
    for row in _read("categories.csv"):
        for syn in filter(None, (s.strip() for s in row["synonyms"].split("|"))):
            table.setdefault(syn, (row["code"], ""))
    for row in _read("subcategories.csv"):
        table[row["phrase"]] = (row["category"], row["subcategory"])
    return table


@lru_cache(maxsize=1)
def _matcher() -> re.Pattern[str]:
    first = "".join(sorted({p[0] for p in phrase_table()}))
    return re.compile(f"(?=[{re.escape(first)}])(?:" + trie_pattern(phrase_table()) + ")")


def category_codes() -> set[str]:
    return {row["code"] for row in _read("categories.csv")}


@lru_cache(maxsize=1)
def measure_hints() -> dict[str, str]:
    return {row["code"]: row["measure_hint"] for row in _read("categories.csv") if row["measure_hint"]}


def _tier(code: str, word: str) -> int:
    if word in _HEAD_WORDS:
        return 1
    if code in _CLASS_CODES:
        return 2
    return 3


def _words(phrase: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every code word in the phrase, longest at each position, no overlaps."""
    out = []
    pos, matcher = 0, _matcher()
    while (m := matcher.search(phrase, pos)) is not None:
        if m.end() == m.start():
            pos = m.start() + 1
            continue
        out.append((m.start(), m.end(), m.group()))
        pos = m.end()
    return out


@lru_cache(maxsize=8192)
def classify(phrase: str) -> Category | None:
    """The category a subject phrase names, or None when it names nothing the police count."""
    phrase = phrase.strip("“”\"「」‘’'《》 ")
    if not phrase or _NOT_CRIME.search(phrase):
        return None
    if "等" in phrase:  # 入室盗窃、涉车盗窃等盗窃类案件: the head after 等 names the whole
        head = phrase.rsplit("等", 1)[1].strip("“”\"")
        if head and _CRIME_HEAD.search(head):
            phrase = head
    table = phrase_table()
    found = _words(phrase)
    if not found:
        if _CRIME_HEAD.search(phrase):
            return Category("other", "", "", _is_generic(phrase))
        return None
    start, end, word = max(found, key=lambda w: (_tier(*table[w[2]][:1], w[2]), w[1] - w[0], w[0]))
    code, sub = table[word]
    if code == "other":
        return Category("other", "", word, False)
    if _tier(code, word) < 3 and _narrowed(phrase, found):
        return Category("other", "", word, False)
    generic = (_tier(code, word) == 1 or word in _CLASS_SUSPECTS) and word not in _CALL_WORDS and _is_generic(phrase)
    return Category(code, sub, word, generic)


def _narrowed(phrase: str, found: list[tuple[int, int, str]]) -> bool:
    """A class word with other content around it (刑事恐吓案件, 重大刑事案件) names a narrower series."""
    rest = phrase
    for start, end, _ in sorted(found, key=lambda w: -w[0]):
        rest = rest[:start] + " " + rest[end:]
    rest = _GENERIC.sub(" ", rest)
    rest = _HEADS.sub(" ", rest)
    rest = re.sub(r"[\s、“”\"（）()\d]+", "", rest)
    return bool(rest)


def _is_generic(phrase: str) -> bool:
    """Only a head (案件, 犯罪嫌疑人, 涉案人员): the series is the one the text is talking about."""
    if phrase.startswith(("其他", "其它")):
        return False  # 其他案件: the rest, a series of its own
    rest = _GENERIC.sub("", phrase)
    for w in sorted(_SUSPECT_WORDS, key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = _HEADS.sub("", rest)
    return not re.sub(r"[\s“”\"]+", "", rest)


def is_suspects(phrase: str) -> bool:
    return phrase.endswith(_SUSPECT_WORDS) or "嫌疑人" in phrase
