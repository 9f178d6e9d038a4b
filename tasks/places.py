"""Gazetteer lookup: place names, short forms and police units → one jurisdiction string.

`warehouse/seeds/places.csv` holds provinces, prefecture-level cities, districts/counties (made
once from cpca's adcodes table), Dongguan's towns and streets (NBS 2023) and sub-areas such as
厦门市岛内. A jurisdiction is written with its city (东莞市大岭山镇, 安康市汉滨区).

Short names are ambiguous (长安 is a Dongguan town and a district of 西安 and 石家庄; 东城 is in
Dongguan and Beijing), so a short or shared alias only resolves inside its context city — the
city named nearby in the text or the site's region.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from tasks.categories import SEEDS


@dataclass(frozen=True, slots=True)
class Place:
    name: str      # jurisdiction as output: 东莞市大岭山镇
    level: str     # province | city | district | town | subarea
    city: str      # the city it belongs to ('' for a province)
    province: str


class PlaceHit(NamedTuple):  # built per match; a NamedTuple is cheaper than a frozen dataclass
    start: int
    end: int
    alias: str
    candidates: tuple[Place, ...]


_ADMIN_SUFFIX = ("省", "市", "区", "县", "镇", "街道", "旗", "州", "盟", "分局", "派出所", "公安局")
# 全市/全省 refer to the context city/province only when they open a statistic (全市共接报…),
# not in 全市排名第2.
_WHOLE_AREA = re.compile(r"全[市省](?=共|累计|各|接|立|破|抓|刑|治|违|警|发|范围|公安机关共)")


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Place], dict[str, tuple[Place, ...]]]:
    with open(SEEDS / "places.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_name = {r["name"]: r for r in rows}
    places: dict[str, Place] = {}

    def province_of(name: str) -> str:
        row = by_name.get(name)
        while row and row["level"] != "province" and row["parent"]:
            row = by_name.get(row["parent"])
        return row["name"] if row else ""

    for r in rows:
        level = r["level"]
        if level == "province":
            city = ""
        elif level == "city":
            city = r["name"]
        else:
            parent = by_name.get(r["parent"])
            city = r["parent"] if parent and parent["level"] == "city" else r["name"]
        places[r["name"]] = Place(r["name"], level, city, province_of(r["name"]))
    aliases: dict[str, list[Place]] = {}
    for r in rows:
        place = places[r["name"]]
        for a in [r["name"], *filter(None, r["aliases"].split("|"))]:
            group = aliases.setdefault(a, [])
            if place not in group:
                group.append(place)
    return places, {a: tuple(ps) for a, ps in aliases.items()}


@lru_cache(maxsize=1)
def _prefix_lengths() -> dict[str, tuple[int, ...]]:
    """First two characters → alias lengths, longest first.

    A trie regex over the ~10,000 aliases costs ~1.1 µs per character in `re` (≈1.7 ms for a
    1,500-character body); this two-character probe is ~10× cheaper.
    """
    lengths: dict[str, set[int]] = {}
    for alias in _gazetteer()[1]:
        if len(alias) >= 2:
            lengths.setdefault(alias[:2], set()).add(len(alias))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


@lru_cache(maxsize=1)
def _candidate_re() -> re.Pattern[str]:
    """Positions whose first character starts an alias and whose next character can follow it;
    `re` finds them in C so the Python loop below only visits a fraction of the text."""
    prefixes = _prefix_lengths()
    first = "".join(sorted({p[0] for p in prefixes}))
    second = "".join(sorted({p[1] for p in prefixes}))
    return re.compile(f"[{re.escape(first)}](?=[{re.escape(second)}])")


def find_places(text: str) -> list[PlaceHit]:
    """Place mentions in reading order (longest alias at each position, no overlaps)."""
    table, prefixes, candidate = _gazetteer()[1], _prefix_lengths(), _candidate_re()
    hits: list[PlaceHit] = []
    i = 0
    while (m := candidate.search(text, i)) is not None:
        i = m.start()
        for ln in prefixes.get(text[i:i + 2], ()):
            alias = text[i:i + ln]
            if alias in table:
                hits.append(PlaceHit(i, i + ln, alias, table[alias]))
                i += ln
                break
        else:
            i += 1
    for m in _WHOLE_AREA.finditer(text):
        hits.append(PlaceHit(m.start(), m.end(), m.group(), ()))
    hits.sort(key=lambda h: h.start)
    return hits


def lookup(name: str | None) -> Place | None:
    """The place a region string names (东莞市, 东莞, 广东省, 广东省东莞市), if unambiguous."""
    if not name:
        return None
    places, aliases = _gazetteer()
    if name in places:
        return places[name]
    found = aliases.get(name, ())
    if len(found) == 1:
        return found[0]
    place = None
    for hit in find_places(name):  # a longer string: read it like text, most specific last
        place = resolve(hit, place.city if place and place.city else None,
                        place.province if place else None) or place
    return place


def resolve(hit: PlaceHit, context_city: str | None, context_province: str | None = None) -> Place | None:
    """The place a mention means, given the city the text is about (None when unsure)."""
    if not hit.candidates:  # 全市 / 全省
        city = lookup(context_city) if context_city else None
        if hit.alias == "全市":
            return city
        province = context_province or (city.province if city else None)
        return lookup(province) if province else None
    cands = hit.candidates
    if context_city:
        in_city = [p for p in cands if p.city == context_city]
        if len(in_city) == 1:
            return in_city[0]
    if context_province:
        in_prov = [p for p in cands if p.province == context_province]
        if len(in_prov) == 1 and (in_prov[0].level in ("province", "city") or _self_evident(hit.alias)):
            return in_prov[0]
    if len(cands) != 1:
        return None
    place = cands[0]
    if place.level in ("province", "city") or _self_evident(hit.alias):
        return place
    return None


def _self_evident(alias: str) -> bool:
    """Long or suffixed aliases (大岭山, 汉滨分局, 思明区) are safe without a context city."""
    if alias in ("岛内", "岛外"):
        return False
    return len(alias) >= 3 or alias.endswith(_ADMIN_SUFFIX)
