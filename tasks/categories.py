"""Crime category phrases from the reference CSVs, as one matcher over sentence text.

`warehouse/seeds/categories.csv` lists each SPEC code with its synonyms; `subcategories.csv`
maps more specific phrases (盗窃电动车) to a code plus subcategory. A match is the phrase plus an
optional head noun (警情, 案件, 犯罪嫌疑人 …) so `category_raw` keeps what the sentence wrote.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tasks.extract_trie import trie_pattern

SEEDS = Path(__file__).resolve().parent.parent / "warehouse" / "seeds"

# Head nouns that may follow a crime word; 犯罪嫌疑人 marks a count of suspects (arrests), whose
# category_raw is the crime word alone (抓获盗窃犯罪嫌疑人56名 → 盗窃).
_SUSPECT_NOUNS = ("犯罪嫌疑人", "嫌疑人", "违法犯罪人员", "犯罪人员")
_HEAD = r"(?P<q>[”\"」])?(?P<head>类?(?:刑事案件|警情|案件|案|犯罪嫌疑人|嫌疑人|犯罪人员|犯罪))?"
# A crime or incident count that the CSV does not name is kept as `other`, but only when the
# phrase ends in 警情/案件 (噪音扰民警情), so that random nouns never become categories.
_GENERIC = re.compile(r"([\u4e00-\u9fff]{2,6}?)(类?(?:警情|案件))")
_GENERIC_STRIP = re.compile(
    r"^(?:.*?(?:共接报|共接|接报|受理|其中|立案|破获|侦破|发生|发案|全市|全镇|全区|辖区|共|的|等|各|和|及|与))+")


@dataclass(frozen=True, slots=True)
class CategoryHit:
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
    return re.compile("(?P<p>" + trie_pattern(phrase_table()) + ")" + _HEAD)


def category_codes() -> set[str]:
    return {row["code"] for row in _read("categories.csv")}


def find_categories(text: str) -> list[CategoryHit]:
    """Category mentions in reading order; unnamed 'X警情/X案件' phrases come back as `other`."""
    table = phrase_table()
    hits: list[CategoryHit] = []
    for m in _matcher().finditer(text):
        phrase, head = m.group("p"), m.group("head") or ""
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
    for m in _GENERIC.finditer(text):
        if any(h.start < m.end() and m.start() < h.end for h in known):
            continue
        word = _GENERIC_STRIP.sub("", m.group(1))
        if len(word) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            continue
        raw = word + m.group(2)
        out.append(CategoryHit(m.end() - len(raw), m.end(), "other", "", raw, "警情" in raw, False))
    return out
