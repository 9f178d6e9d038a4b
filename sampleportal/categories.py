"""Crime category phrases used by the sample texts, mapped to SPEC category codes.

`category_raw` in the truth is the phrase exactly as the sentence writes it (盗窃警情, 诈骗,
盗窃电动车, 刑事案件); `subcategory` is the normalized subtype, "" when the phrase names the
category itself. Extractor authors may import SUBCATEGORIES / CATEGORY_PHRASES to stay in step.
"""

from __future__ import annotations

from dataclasses import dataclass

# Phrase (as written, without a trailing 警情/案件 head noun) -> (category, subcategory), for the
# phrases whose subcategory is not empty. Two values of one category are two series, not a conflict.
SUBCATEGORIES: dict[str, tuple[str, str]] = {
    "盗窃电动车": ("vehicle_theft", "electric_bike"),
    "盗窃电单车": ("vehicle_theft", "electric_bike"),
    "盗窃摩托车": ("vehicle_theft", "motorcycle"),
    "盗窃机动车": ("vehicle_theft", "motor_vehicle"),
    "盗窃汽车": ("vehicle_theft", "car"),
    "盗窃自行车": ("vehicle_theft", "bicycle"),
    "盗窃“两车”": ("vehicle_theft", "two_wheelers"),
    "盗窃两车": ("vehicle_theft", "two_wheelers"),
    "盗窃电瓶": ("vehicle_theft", "battery"),
    "两入盗窃": ("burglary", "home_and_factory"),
    "入厂盗窃": ("burglary", "factory"),
    "车扒": ("pickpocketing", "on_bus"),
    "拎包盗窃": ("pickpocketing", "bag_lifting"),
    "飞车抢夺": ("snatching", "motorbike"),
}

@dataclass(frozen=True)
class Crime:
    """One countable series: a category (with subtype) and how texts may name it."""

    category: str
    subcategory: str
    words: tuple[str, ...]        # bare phrases (盗窃电动车); a head noun may be appended
    rate: float                   # reports per day in an average town (for a composite: beyond its parts)
    measures: tuple[str, ...]     # measures this series is reported with
    noun: str = "警情"            # head noun for reports (警情), "" when the word stands alone
    case_noun: str = "案件"


_R = ("reports",)
_RFS = ("reports", "cases_filed", "cases_solved")
_ALL = ("reports", "cases_filed", "cases_solved", "arrests")

CRIMES: dict[str, Crime] = {c.category + ("/" + c.subcategory if c.subcategory else ""): c for c in (
    Crime("police_calls", "", ("各类警情", "群众报警求助"), 18.0, _R, noun=""),
    Crime("valid_calls", "", ("有效警情",), 13.0, _R, noun=""),
    Crime("crime_disorder", "", ("违法犯罪警情", "违法犯罪类警情"), 0.0, ("reports", "arrests"), noun=""),
    Crime("criminal", "", ("刑事", "刑事类"), 1.1, _ALL),
    Crime("public_order", "", ("治安", "治安类"), 6.4, ("reports", "cases_filed")),
    Crime("property", "", ("侵财类",), 0.1, ("reports", "cases_filed")),
    Crime("violent", "", ("严重暴力犯罪", "八类主要刑事"), 0.05, ("cases_filed", "cases_solved")),
    Crime("theft", "", ("盗窃",), 0.55, _ALL),
    Crime("burglary", "", ("入室盗窃",), 0.35, _RFS),
    Crime("burglary", "home_and_factory", ("两入盗窃",), 0.5, _RFS),
    Crime("vehicle_theft", "", ("盗窃车辆",), 0.0, _RFS),
    Crime("vehicle_theft", "electric_bike", ("盗窃电动车",), 0.4, _ALL),
    Crime("vehicle_theft", "motorcycle", ("盗窃摩托车",), 0.15, _ALL),
    Crime("vehicle_theft", "motor_vehicle", ("盗窃机动车",), 0.04, _RFS),
    Crime("vehicle_theft", "two_wheelers", ("盗窃“两车”",), 0.0, _RFS),
    Crime("vehicle_theft", "bicycle", ("盗窃自行车",), 0.1, _R),
    Crime("vehicle_theft", "battery", ("盗窃电瓶",), 0.08, _R),
    Crime("theft_from_vehicle", "", ("盗窃车内财物",), 0.15, _R),
    Crime("pickpocketing", "", ("扒窃",), 0.13, _R),
    Crime("pickpocketing", "bag_lifting", ("拎包盗窃",), 0.07, _R),
    Crime("robbery_snatching", "", ("两抢", "“两抢”"), 0.0, ("reports", "cases_solved", "arrests")),
    Crime("robbery", "", ("抢劫",), 0.05, _R),
    Crime("snatching", "", ("抢夺",), 0.05, _R),
    Crime("snatching", "motorbike", ("飞车抢夺",), 0.03, _R),
    Crime("fraud", "", ("诈骗",), 0.4, _RFS),
    Crime("telecom_fraud", "", ("电信网络诈骗", "电信诈骗", "网络诈骗"), 0.9, _ALL),
    Crime("drug", "", ("涉毒",), 0.25, ("cases_solved", "arrests")),
    Crime("gambling", "", ("涉赌",), 0.3, ("reports", "cases_solved", "arrests")),
    Crime("homicide", "", ("命案",), 0.008, ("reports",), noun=""),
    Crime("assault", "", ("故意伤害", "伤害"), 0.5, _R),
    Crime("kidnapping", "", ("绑架",), 0.004, _R),
    Crime("rape", "", ("强奸",), 0.015, _R),
    Crime("arson", "", ("放火",), 0.01, _R),
    Crime("traffic_accident", "", ("交通事故",), 5.0, _R),
    Crime("traffic_jam", "", ("交通堵塞",), 2.2, _R),
    Crime("fire", "", ("火警",), 0.6, _R, noun=""),
    Crime("assistance", "", ("求助",), 7.5, _R),
    Crime("dispute", "", ("纠纷",), 6.0, _R),
    Crime("other", "", ("噪音扰民",), 1.4, _R),
)}

# Series that contain others: the world computes them as the sum of their parts plus their own
# residual rate, so 刑事 + 治安 = 违法犯罪 and 诈骗 ≥ 电信诈骗 in every report, as a reader expects.
COMPOSITION: dict[str, tuple[str, ...]] = {
    "police_calls": ("valid_calls",),
    "valid_calls": ("crime_disorder",),
    "crime_disorder": ("criminal", "public_order"),
    "criminal": ("property",),
    "property": ("theft", "fraud", "robbery_snatching"),
    "theft": ("burglary", "vehicle_theft", "theft_from_vehicle", "pickpocketing"),
    "vehicle_theft": ("vehicle_theft/electric_bike", "vehicle_theft/motorcycle", "vehicle_theft/motor_vehicle",
                      "vehicle_theft/bicycle", "vehicle_theft/battery"),
    "vehicle_theft/two_wheelers": ("vehicle_theft/electric_bike", "vehicle_theft/motorcycle"),
    "pickpocketing": ("pickpocketing/bag_lifting",),
    "robbery_snatching": ("robbery", "snatching"),
    "snatching": ("snatching/motorbike",),
    "fraud": ("telecom_fraud",),
}


def _all_phrases() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for c in CRIMES.values():
        for w in c.words:
            forms = [w, w + c.noun]
            if any(m.startswith("cases") for m in c.measures):
                forms.append(w + c.case_noun)
            for form in forms:
                out.setdefault(form, (c.category, c.subcategory))
    # Suspects named without a crime: 违法犯罪 covers 治安 offences too, 犯罪 only crimes.
    out["违法犯罪嫌疑人"] = ("crime_disorder", "")
    out["犯罪嫌疑人"] = ("criminal", "")
    out["刑事犯罪嫌疑人"] = ("criminal", "")
    out.update(SUBCATEGORIES)
    return out


# Every category phrase the generator writes (bare, with 警情, with 案件) -> (category, subcategory).
CATEGORY_PHRASES: dict[str, tuple[str, str]] = _all_phrases()

# Sub-series that a headline figure for the parent is often broken into.
THEFT_PARTS = ("burglary", "vehicle_theft/electric_bike", "vehicle_theft/motorcycle",
               "theft_from_vehicle", "pickpocketing")
PROPERTY_PARTS = ("theft", "fraud", "robbery_snatching", "telecom_fraud")
VIOLENT_PARTS = ("homicide", "kidnapping", "assault", "robbery", "rape", "arson")
VEHICLE_PARTS = ("vehicle_theft/electric_bike", "vehicle_theft/motorcycle", "vehicle_theft/motor_vehicle",
                 "vehicle_theft/bicycle", "vehicle_theft/battery", "vehicle_theft/two_wheelers")
MINOR_PARTS = ("burglary/home_and_factory", "pickpocketing/bag_lifting", "snatching/motorbike", "theft_from_vehicle")
CALL_PARTS = ("traffic_accident", "traffic_jam", "fire", "assistance", "dispute", "other")
