"""Crime category phrases from the reference CSVs, as one matcher over sentence text.

`warehouse/seeds/categories.csv` lists each SPEC code with its synonyms; `subcategories.csv`
maps more specific phrases (盗窃电动车) to a code plus subcategory. A match is the phrase plus an
optional head noun (警情, 案件, 犯罪嫌疑人 …) so `category_raw` keeps what the sentence wrote.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from tasks.extract_trie import trie_pattern

SEEDS = Path(__file__).resolve().parent.parent / "warehouse" / "seeds"

# Head nouns that may follow a crime word; 犯罪嫌疑人 marks a count of suspects (arrests), whose
# category_raw is the crime word alone (抓获盗窃犯罪嫌疑人56名 → 盗窃).
_SUSPECT_NOUNS = ("犯罪嫌疑人", "嫌疑人", "违法犯罪人员", "犯罪人员")
_HEAD = r"(?P<q>[”\"」])?(?P<head>类?(?:刑事案件|警情|案件|案|犯罪嫌疑人|嫌疑人|犯罪人员|犯罪))?"
# A crime or incident count that the CSV does not name is kept as `other`, but only when the
# phrase ends in 警情/案件 (噪音扰民警情), so that random nouns never become categories.
_GENERIC = re.compile(r"([\u4e00-\u9fff]{2,6}?)(类?(?:警情|案件))")
_HEAD_NOUN = re.compile(r"警情|案件")
_GENERIC_STRIP = re.compile(
    r"^(?:.*?(?:共接报|共接|接报|受理|其中|立案|破获|侦破|发生|发案|全市|全镇|全区|辖区|分局|公安局|派出所|"
    r"本周|上周|本月|上月|今年|去年|同期|年|月|日|镇|街道|区|市|县|共|的|等|各|和|及|与|类|[^\u4e00-\u9fff]))+")
# Adjectives that name a series only with a head noun (刑事警情, 治安案件) or as an item of a list
# whose last item carries it (刑事、治安类警情分别为…), or before 立案/发案/破案 (刑事立案数).
_NEEDS_HEAD = frozenset({"刑事", "刑事类", "治安", "治安类", "违法犯罪", "违法犯罪类", "侵财", "侵财类",
                         "八类", "八类主要", "严重暴力", "现行刑事", "刑事犯罪"})
_HEADLESS_OK = ("、", "和", "及", "与", "立案", "发案", "破案", "”")
_CJK = re.compile(r"[\u4e00-\u9fff]+")


class CategoryHit(NamedTuple):  # a NamedTuple: built per match, ~5× cheaper than a frozen dataclass
    start: int
    end: int
    code: str
    subcategory: str
    raw: str          # the phrase as written, head noun included
    reports: bool     # the phrase itself says 警情 (a count of police reports)
    suspects: bool    # the phrase counts suspects (犯罪嫌疑人)


def _read(name: str) -> list[dict[str, str]]:
    with open(SEEDS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def phrase_table() -> dict[str, tuple[str, str]]:
    """phrase → (category code, subcategory), with quoted variants (“两抢”)."""
    table: dict[str, tuple[str, str]] = {}
    for row in _read("categories.csv"):
        for syn in filter(None, (s.strip() for s in row["synonyms"].split("|"))):
            table.setdefault(syn, (row["code"], ""))
    for row in _read("subcategories.csv"):
        table[row["phrase"]] = (row["category"], row["subcategory"])
    for phrase, value in list(table.items()):
        if "“" not in phrase:
            table.setdefault("“" + phrase + "”", value)
            table.setdefault("“" + phrase, value)
    return table


@lru_cache(maxsize=1)
def _matcher() -> re.Pattern[str]:
    # The lookahead of first characters lets `re` skip most positions with one set test.
    first = "".join(sorted({p[0] for p in phrase_table()}))
    return re.compile(f"(?=[{re.escape(first)}])(?P<p>" + trie_pattern(phrase_table()) + ")" + _HEAD)


def category_codes() -> set[str]:
    return {row["code"] for row in _read("categories.csv")}


def find_categories(text: str) -> list[CategoryHit]:
    """Category mentions in reading order; unnamed 'X警情/X案件' phrases come back as `other`."""
    table = phrase_table()
    hits: list[CategoryHit] = []
    for m in _matcher().finditer(text):
        phrase, head = m.group("p"), m.group("head") or ""
        if phrase == "警情" and m.start():
            if text[m.start() - 1] == "等" or (hits and hits[-1].end == m.start()):
                continue  # 命案、绑架等警情: the list's shared head noun, not 警情 as a category
            word = _GENERIC_STRIP.sub("", text[max(0, m.start() - 6):m.start()])
            if len(word) >= 2 and _CJK.fullmatch(word):
                continue  # 高空抛物警情: an incident the CSV does not name, kept as `other` below
        if not head and phrase in _NEEDS_HEAD and not text.startswith(_HEADLESS_OK, m.end()):
            continue  # 治安隐患, 刑事强制措施: the adjective alone names no series
        code, sub = table[phrase]
        raw = m.group(0)
        suspects = head in _SUSPECT_NOUNS or phrase.endswith(_SUSPECT_NOUNS)
        if suspects and head:
            raw = phrase
        hits.append(CategoryHit(m.start(), m.end(), code, sub, raw, "警情" in raw, suspects))
    if "警情" in text or "案件" in text:
        hits.extend(_generic_hits(text, hits))
        hits.sort(key=lambda h: h.start)
    return hits


def _generic_hits(text: str, known: list[CategoryHit]) -> list[CategoryHit]:
    out = []
    for head in _HEAD_NOUN.finditer(text):
        if any(h.start < head.end() and head.start() < h.end for h in known):
            continue
        m = _GENERIC.search(text, max(0, head.start() - 7), head.end())
        if m is None or m.end() != head.end():
            continue
        word = _GENERIC_STRIP.sub("", m.group(1))
        if len(word) < 2 or not _CJK.fullmatch(word):
            continue
        raw = word + m.group(2)
        out.append(CategoryHit(m.end() - len(raw), m.end(), "other", "", raw, "警情" in raw, False))
    return out
