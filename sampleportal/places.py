"""Places the sample stories are about, with the ways texts name them.

Dongguan names are copied from the NBS 2023 town list (shared/data/dongguan_towns_nbs2023.csv);
`jurisdiction` is what an extractor must output: the most specific place, written with its city.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    jurisdiction: str          # truth value, e.g. 东莞市大岭山镇
    short: str                 # how texts usually name it: 大岭山
    full: str                  # 大岭山镇
    police: tuple[str, ...]    # 大岭山公安分局, 大岭山分局
    whole: str                 # "the whole area": 全镇, 全市, 全区, 辖区
    city: str                  # 东莞市
    scale: float               # crime volume relative to an average Dongguan town
    parts: tuple[str, ...] = ()  # sub-areas reported separately (厦门市: 岛内, 岛外)


# NBS 2023 names, in the CSV's order; 东莞港 and 东莞生态园 have no police reporting of their own.
DONGGUAN_TOWN_NAMES: tuple[str, ...] = (
    "东城街道", "南城街道", "万江街道", "莞城街道", "石碣镇", "石龙镇", "茶山镇", "石排镇",
    "企石镇", "横沥镇", "桥头镇", "谢岗镇", "东坑镇", "常平镇", "寮步镇", "樟木头镇", "大朗镇",
    "黄江镇", "清溪镇", "塘厦镇", "凤岗镇", "大岭山镇", "长安镇", "虎门镇", "厚街镇", "沙田镇",
    "道滘镇", "洪梅镇", "麻涌镇", "望牛墩镇", "中堂镇", "高埗镇", "松山湖", "东莞滨海湾新区",
)

# Relative crime volume; big manufacturing towns report several times what small ones do.
_TOWN_SCALE = {
    "长安镇": 2.6, "虎门镇": 2.5, "常平镇": 2.0, "塘厦镇": 2.1, "厚街镇": 1.9, "东城街道": 2.2,
    "南城街道": 1.8, "大朗镇": 1.6, "寮步镇": 1.6, "凤岗镇": 1.7, "清溪镇": 1.3, "大岭山镇": 1.1,
    "万江街道": 1.0, "黄江镇": 1.1, "石碣镇": 0.9, "石龙镇": 0.7, "茶山镇": 0.8, "石排镇": 0.8,
    "企石镇": 0.6, "横沥镇": 0.8, "桥头镇": 0.7, "谢岗镇": 0.5, "东坑镇": 0.6, "樟木头镇": 0.9,
    "沙田镇": 0.6, "道滘镇": 0.5, "洪梅镇": 0.3, "麻涌镇": 0.5, "望牛墩镇": 0.4, "中堂镇": 0.6,
    "高埗镇": 0.6, "莞城街道": 0.7, "松山湖": 0.5, "东莞滨海湾新区": 0.3,
}


def _dongguan_town(name: str) -> Place:
    if name.endswith("街道"):
        short = name[:-2]
        whole = "全街道"
    elif name.endswith("镇"):
        short = name[:-1]
        whole = "全镇"
    elif name == "东莞滨海湾新区":
        short = "滨海湾新区"
        whole = "全区"
    else:
        short = name
        whole = "园区"
    police = (f"{short}公安分局", f"{short}分局")
    return Place(f"东莞市{name}", short, name if name != "东莞滨海湾新区" else short, police,
                 whole, "东莞市", _TOWN_SCALE[name])


DONGGUAN_TOWNS: tuple[Place, ...] = tuple(_dongguan_town(n) for n in DONGGUAN_TOWN_NAMES)

DONGGUAN = Place("东莞市", "东莞", "东莞市", ("东莞市公安局", "东莞公安"), "全市", "东莞市", 40.0)

XIAMEN = Place("厦门市", "厦门", "厦门市", ("厦门市公安局", "厦门警方"), "全市", "厦门市", 26.0,
               parts=("岛内", "岛外"))
XIAMEN_PARTS = {
    "岛内": Place("厦门市岛内", "岛内", "岛内", ("厦门市公安局",), "岛内", "厦门市", 14.0),
    "岛外": Place("厦门市岛外", "岛外", "岛外", ("厦门市公安局",), "岛外", "厦门市", 12.0),
}

# Other cities' districts: texts always write the city once so the place is unambiguous.
OTHER_DISTRICTS: tuple[Place, ...] = (
    Place("广州市天河区", "天河", "天河区", ("广州市天河区公安分局", "天河区公安分局", "天河分局"),
          "全区", "广州市", 5.0),
    Place("佛山市南海区", "南海", "南海区", ("佛山市南海区公安分局", "南海区公安分局", "南海分局"),
          "全区", "佛山市", 6.0),
)

ALL_PLACES: tuple[Place, ...] = (DONGGUAN, *DONGGUAN_TOWNS, XIAMEN, *XIAMEN_PARTS.values(),
                                 *OTHER_DISTRICTS)
PLACE_BY_JURISDICTION = {p.jurisdiction: p for p in ALL_PLACES}
