"""Gazetteer lookup: place names, short forms, police units and 全市/该省-style references → jurisdictions.

`warehouse/seeds/places.csv` holds the country, provinces, prefecture-level cities, districts and
counties (made once from cpca's adcodes table), Taiwan's municipalities and counties, Dongguan's towns
and streets (NBS 2023) and sub-areas such as 厦门市岛内. A jurisdiction is written with its city
(东莞市大岭山镇, 安康市汉滨区); Hong Kong, Macau, Taiwan and the whole country are 香港, 澳门, 台湾, 全国.

Short names are ambiguous (长安 is a Dongguan town and a district of 西安 and 石家庄; 东城 is in
Dongguan and Beijing), so a short or shared alias only resolves inside its context — the city or
province the text is about, or the site's region. References (全市, 本省, 该县, 我镇) are hits without
candidates; `resolve_reference` gives them the place they point back to.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from warehouse import SEEDS


@dataclass(frozen=True, slots=True)
class Place:
    name: str      # jurisdiction as output: 东莞市大岭山镇
    level: str     # country | province | city | district | town | subarea
    city: str      # the city it belongs to ('' for a province or the country)
    province: str


class PlaceHit(NamedTuple):  # built per match; a NamedTuple is cheaper than a frozen dataclass
    start: int
    end: int
    alias: str
    candidates: tuple[Place, ...]   # empty for a reference (全市, 该省)


_ADMIN_SUFFIX = ("省", "市", "区", "县", "镇", "街道", "旗", "州", "盟", "分局", "派出所", "公安局", "乡")
# 全市/本市/我市/该市 … : the level each reference word points back to.
_REFERENCE_LEVEL = {"市": "city", "省": "province", "区": "district", "县": "district", "州": "city", "镇": "town",
                    "乡": "town", "国": "country"}
_REFERENCE = re.compile(r"(?:全|本|我|该|此)(?:市|省|区|县|州|镇|乡)(?![长委政场民级场面内外区])|全国(?![第各])")
_LEVEL_RANK = {"country": 0, "province": 1, "city": 2, "district": 3, "town": 4, "subarea": 5}


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Place], dict[str, tuple[Place, ...]]]:
    with (SEEDS / "places.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_name = {r["name"]: r for r in rows}
    places: dict[str, Place] = {}

    def province_of(name: str) -> str:
        row = by_name.get(name)
        while row and row["level"] not in ("province", "country") and row["parent"]:
            row = by_name.get(row["parent"])
        return row["name"] if row and row["level"] == "province" else ""

    for r in rows:
        level = r["level"]
        if level in ("province", "country"):
            city = ""
        elif level == "city":
            city = r["name"]
        else:
            parent = by_name.get(r["parent"])
            city = r["parent"] if parent and parent["level"] == "city" else r["name"]
        places[r["name"]] = Place(r["name"], level, city, province_of(r["name"]))
    upper_aliases = {a for r in rows if r["level"] in ("city", "province") for a in r["aliases"].split("|")}
    aliases: dict[str, list[Place]] = {}
    for r in rows:
        place = places[r["name"]]
        extra = []
        if r["level"] in ("district", "town") and any(a.endswith("分局") for a in r["aliases"].split("|")) \
                and not _is_city_short(upper_aliases, r):
            # 南海公安 / 高淳警方 / 石龙警方: a district's or town's police named by its short form; towns and
            # districts that share one (石龙) resolve by the text's city like any shared alias
            short = next(a[:-2] for a in r["aliases"].split("|") if a.endswith("分局") and not a.endswith("公安分局"))
            extra = [short + "公安", short + "警方"]
        for a in [r["name"], *filter(None, r["aliases"].split("|")), *extra]:
            group = aliases.setdefault(a, [])
            if place not in group:
                group.append(place)
    return places, {a: tuple(ps) for a, ps in aliases.items()}


def _is_city_short(upper_aliases: set[str], district: dict) -> bool:
    """中山 is a city's short form too: 中山警方 is 中山市's police, not 大连市中山区's."""
    short = next((a[:-2] for a in district["aliases"].split("|") if a.endswith("分局") and not a.endswith("公安分局")), "")
    return short in upper_aliases


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
    """Place mentions and references in reading order (longest alias at each position, no overlaps)."""
    table, prefixes, candidate = _gazetteer()[1], _prefix_lengths(), _candidate_re()
    hits: list[PlaceHit] = []
    i = 0
    while (m := candidate.search(text, i)) is not None:
        i = m.start()
        for ln in prefixes.get(text[i:i + 2], ()):
            alias = text[i:i + ln]
            if alias in table and not _inside_word(text, i, ln, alias) and not _REFERENCE.match(text, i):
                hits.append(PlaceHit(i, i + ln, alias, table[alias]))
                i += ln
                break
        else:
            i += 1
    for m in _REFERENCE.finditer(text):
        if not any(h.start <= m.start() < h.end for h in hits):
            hits.append(PlaceHit(m.start(), m.end(), m.group(), ()))
    hits.sort(key=lambda h: h.start)
    return hits


def _inside_word(text: str, i: int, ln: int, alias: str) -> bool:
    """A short alias glued into a longer word is not the place (长安街 is a street, 中山路 a road)."""
    if alias.endswith(_ADMIN_SUFFIX) or ln >= 3:
        return False
    nxt = text[i + ln:i + ln + 1]
    return nxt in ("路", "街", "大道", "桥", "港", "湾", "站", "大学", "医院", "公园", "广场", "村", "镇", "号")


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
        if not hit.candidates:
            continue
        place = resolve(hit, place.city if place and place.city else None,
                        place.province if place else None) or place
    return place


def resolve(hit: PlaceHit, context_city: str | None, context_province: str | None = None) -> Place | None:
    """The place a named mention means, given the city/province the text is about (None when unsure)."""
    cands = hit.candidates
    if not cands:
        return None
    if context_city:
        in_city = [p for p in cands if p.city == context_city]
        if len(in_city) == 1:
            return in_city[0]
        if len(in_city) > 1:  # 东城 the town and 东城分局 both in Dongguan: the same place
            return min(in_city, key=lambda p: _LEVEL_RANK.get(p.level, 9))
    if context_province:
        in_prov = [p for p in cands if p.province == context_province]
        if len(in_prov) == 1 and (in_prov[0].level in ("province", "city") or _self_evident(hit.alias)):
            return in_prov[0]
    if len(cands) != 1:
        return None
    place = cands[0]
    if place.level in ("country", "province", "city") or _self_evident(hit.alias):
        return place
    return None


def _self_evident(alias: str) -> bool:
    """Long or suffixed aliases (大岭山, 汉滨分局, 思明区) are safe without a context city."""
    if alias in ("岛内", "岛外"):
        return False
    return len(alias) >= 3 or alias.endswith(_ADMIN_SUFFIX)


def reference_level(word: str) -> str:
    """The level a reference word points at: 全市 → city, 该省 → province, 全国 → country."""
    return _REFERENCE_LEVEL.get(word[-1], "city")


def ancestor(place: Place, level: str) -> Place | None:
    """The place itself or its enclosing unit at `level` (宁波市海曙区 → 宁波市 for city)."""
    places = _gazetteer()[0]
    if level == "country":
        return places.get("全国")
    if level == "province":
        if place.level == "province":
            return place
        return places.get(place.province) if place.province else (place if place.level == "city" else None)
    if level == "city":
        if place.level == "city":
            return place
        if place.level == "district" and place.name.endswith("市"):
            return place  # a county-level city (义乌市) is the 市 of its own reports
        return places.get(place.city) if place.city else None
    if _LEVEL_RANK.get(place.level, 9) >= _LEVEL_RANK.get(level, 9):
        return place
    return None


def resolve_reference(word: str, subject: Place | None, recent: list[Place]) -> Place | None:
    """全市/本省/该县 → the place it points back to: 该X prefers the last X named in the text, 全X/本X/我X
    the article's own place (a 我市 is the publisher's city), each falling back on the other."""
    level = reference_level(word)
    if level == "country":
        return _gazetteer()[0].get("全国")
    named = [a for p in reversed(recent) if (a := ancestor(p, level)) is not None and _fits(a, level)]
    own = ancestor(subject, level) if subject else None
    own = own if own is not None and _fits(own, level) else None
    if word[0] in "该此":
        return named[0] if named else (own or subject)
    # 全镇 in an article whose own place is only known to its city: the city is the best we know
    return own or (named[0] if named else subject)


def _fits(place: Place, level: str) -> bool:
    if level == "district":
        return place.level == "district"
    if level == "town":
        return place.level in ("town", "subarea")
    return _LEVEL_RANK.get(place.level, 9) == _LEVEL_RANK[level] or (
        level == "city" and place.level == "district" and place.name.endswith("市"))
