"""What a reader needs the whole article for: which period, place and measure a figure has.

The texts are written for this project from the cases issue 12 lists; each states its rule. The frame's
precedence (sentence, paragraph lead, heading, title, the bulletin's own period) is tested on one article,
and the holidays against the official calendar.
"""

from __future__ import annotations

from datetime import date

import pytest

from tasks.stats.extract import explain_stats, extract_stats_strict
from tasks.stats.holidays import holiday_period, lunar_date
from tests.stats.expected_rows import R, row_key

XM = "厦门市"

CASES: list[tuple[str, str, str, str, str | None, list[tuple]]] = [
    # ---- periods from context ----
    ("a paragraph's period governs a later dated meeting", "",
     "今年上半年，全市公安交出成绩单。7月8日，市公安局召开会议，全市公安机关立刑事案件同比下降7.35%。",
     "2019-07-09", XM, [R(XM, "2019-01-01..2019-06-30", "criminal", "cases_filed", "yoy_pct", -7.35)]),
    ("据统计，截至9月30日 runs from 1 January", "",
     "据统计，截至9月30日，全市公安机关共立刑事案件3210起，同比下降6.1%。", "2021-10-08", XM,
     [R(XM, "2021-01-01..2021-09-30", "criminal", "cases_filed", "count", 3210),
      R(XM, "2021-01-01..2021-09-30", "criminal", "cases_filed", "yoy_pct", -6.1)]),
    ("a bracketed heading before the year", "", "【打击刑事犯罪】2021年，全市公安机关破获刑事案件4520起。",
     "2022-01-08", XM, [R(XM, "2021", "criminal", "cases_solved", "count", 4520)]),
    ("春节期间 is the official days off", "", "春节期间，全市公安机关共接报刑事警情120起，同比下降30%。",
     "2019-02-12", XM, [R(XM, "2019-02-04..2019-02-10", "criminal", "reports", "count", 120),
                        R(XM, "2019-02-04..2019-02-10", "criminal", "reports", "yoy_pct", -30)]),
    ("国庆长假", "", "国庆长假期间，全市公安机关接报警情1.2万起，同比下降5%。", "2021-10-08", XM,
     [R(XM, "2021-10-01..2021-10-07", "police_calls", "reports", "count", 12000),
      R(XM, "2021-10-01..2021-10-07", "police_calls", "reports", "yoy_pct", -5)]),
    ("清明三天", "", "清明三天，全市公安机关接报刑事警情45起。", "2021-04-06", XM,
     [R(XM, "2021-04-03..2021-04-05", "criminal", "reports", "count", 45)]),
    ("元旦假期", "", "元旦假期，全市公安机关接报刑事警情60起。", "2021-01-04", XM,
     [R(XM, "2021-01-01..2021-01-03", "criminal", "reports", "count", 60)]),
    ("2010年以来 is no period of a statistic", "", "2010年以来，全市公安机关共破获命案积案35起。", "2021-01-04", XM, []),
    ("与2001年相比 compares with no adjacent period", "",
     "2020年，全市公安机关刑事立案2300起，与2001年相比下降了40%。", "2021-01-04", XM,
     [R(XM, "2020", "criminal", "cases_filed", "count", 2300)]),
    ("四十天来 from the campaign's start", "",
     "警方今天宣布，自五月十日以来开展的专项行动取得战果，四十天来警方破获刑事案件四千五百多宗。", "2006-06-30", "广州市",
     [R("广州市", "2006-05-10..2006-06-18", "criminal", "cases_solved", "count", 4500, True)]),
    # ---- places from context ----
    ("the dateline names the province", "",
     "中新网杭州3月2日电 浙江省警方2日通报，2020年全省共破获电信网络诈骗案件2.1万起。", "2021-03-02", None,
     [R("浙江省", "2020", "telecom_fraud", "cases_solved", "count", 21000)]),
    ("该省 points back to the province named", "",
     "2020年，福建省公安机关破获刑事案件5.2万起。该省电信网络诈骗案件同比下降20%。", "2021-01-10", None,
     [R("福建省", "2020", "criminal", "cases_solved", "count", 52000),
      R("福建省", "2020", "telecom_fraud", "cases_filed", "yoy_pct", -20)]),
    ("新罗公安分局 is 龙岩市新罗区", "", "2020年，新罗公安分局共破获刑事案件1200起。", "2021-01-10", None,
     [R("龙岩市新罗区", "2020", "criminal", "cases_solved", "count", 1200)]),
    ("南海公安分局 is 佛山市南海区", "", "今年1至6月，南海公安分局共接报盗窃警情900起。", "2021-07-10", None,
     [R("佛山市南海区", "2021-01-01..2021-06-30", "theft", "reports", "count", 900)]),
    ("公安部's figures are national", "", "公安部10日通报，2020年全国公安机关共破获电信网络诈骗案件32.2万起。",
     "2021-01-10", None, [R("全国", "2020", "telecom_fraud", "cases_solved", "count", 322000)]),
    ("Macau is 澳门", "", "澳门治安警察局公布，2020年全澳共录得刑事案件1.1万宗，按年下降20%。", "2021-02-10", None,
     [R("澳门", "2020", "criminal", "cases_filed", "count", 11000),
      R("澳门", "2020", "criminal", "cases_filed", "yoy_pct", -20)]),
    ("Hong Kong is 香港", "", "警方公布，2020年本港整体罪案共录得6.3万宗，按年上升6%。", "2021-02-10", None,
     [R("香港", "2020", "criminal", "cases_filed", "count", 63000),
      R("香港", "2020", "criminal", "cases_filed", "yoy_pct", 6)]),
    ("a firm's name is no place", "",
     "5月22日，在市公安局兴宾分局召开的座谈会上，广西一家物业公司经理发言。据了解，今年以来，市公安局兴宾分局"
     "受理治安案件1624起。", "2020-05-23", None,
     # (今年以来 runs to the dated meeting that told the figures; 受理 is reports, GUIDE)
     [R("来宾市兴宾区", "2020-01-01..2020-05-22", "public_order", "reports", "count", 1624)]),
    # ---- measures ----
    ("立 then 破: cases filed, then solved", "", "2020年，全市公安机关立刑事案件同比下降6.1%，破刑事案件同比上升9.4%。",
     "2021-01-10", XM, [R(XM, "2020", "criminal", "cases_filed", "yoy_pct", -6.1),
                        R(XM, "2020", "criminal", "cases_solved", "yoy_pct", 9.4)]),
    # ---- prior-period figures ----
    ("较上年同期1760起 is last year's count", "", "2020年，全市公安机关立案1832起，较上年同期1760起上升4.1%。",
     "2021-01-10", XM, [R(XM, "2020", "criminal", "cases_filed", "count", 1832),
                        R(XM, "2019", "criminal", "cases_filed", "count", 1760),
                        R(XM, "2020", "criminal", "cases_filed", "yoy_pct", 4.1)]),
    ("较上周的45起 is last week's count", "厦门市社会治安警情通报（1月9日—1月15日）",
     "本周全市接报盗窃警情40起，较上周的45起减少5起。", "2021-01-18", XM,
     [R(XM, "2021-01-09..2021-01-15", "theft", "reports", "count", 40),
      R(XM, "2021-01-02..2021-01-08", "theft", "reports", "count", 45)]),
    ("由433宗增至511宗 with no year named", "",
     "2017年本港共录得罪案5.6万宗。失车案同样录得增加，由433宗增至511宗，上升18%。", "2018-01-24", None,
     [R("香港", "2017", "criminal", "cases_filed", "count", 56000),
      R("香港", "2017", "vehicle_theft", "cases_filed", "count", 511),
      R("香港", "2016", "vehicle_theft", "cases_filed", "count", 433),
      R("香港", "2017", "vehicle_theft", "cases_filed", "yoy_pct", 18)]),
    # ---- not statistics ----
    ("bounds on a level", "", "2020年，全市公安机关接报的刑事警情降至2万起以下，两抢警情首次降到200起以下。",
     "2021-01-10", XM, []),
    ("a difference", "", "2020年，全市公安机关接报的盗窃警情同比减少58起。", "2021-01-10", XM, []),
    ("money", "", "2020年，全市公安机关侦办的诈骗案件涉案总金额同比下降21.7%。", "2021-01-10", XM, []),
    ("a base's own change (在…的基础上) is no statistic", "",
     "今年上半年，全市公安机关接报的110刑事警情在连续三年下降20%的基础上，同比又下降了1.5%。", "2013-07-10", XM,
     [R(XM, "2013-01-01..2013-06-30", "criminal", "reports", "yoy_pct", -1.5)]),
    # ---- lists ----
    ("等 pairs the listed items, not its head", "",
     "2020年，全市公安机关侦办的抢劫、抢夺、绑架等严重暴力犯罪同比分别下降12.5%、30.1%、50%。", "2021-01-10", XM,
     [R(XM, "2020", "robbery", "cases_filed", "yoy_pct", -12.5),
      R(XM, "2020", "snatching", "cases_filed", "yoy_pct", -30.1),
      R(XM, "2020", "kidnapping", "cases_filed", "yoy_pct", -50)]),
    ("环、同比均持平 is two facts", "", "2021年10月，全市公安机关接报的命案警情环、同比均持平。", "2021-11-10", XM,
     [R(XM, "2021-10", "homicide", "reports", "pop_pct", 0),
      R(XM, "2021-10", "homicide", "reports", "yoy_pct", 0)]),
    ("分别 crosses measures", "", "2020年，全市公安机关电信网络诈骗破案数、抓获人数同比分别上升8.2%、15%。",
     "2021-01-10", XM, [R(XM, "2020", "telecom_fraud", "cases_solved", "yoy_pct", 8.2),
                        R(XM, "2020", "telecom_fraud", "arrests", "yoy_pct", 15)]),
    ("one figure for two crimes named together", "",
     "5月20日到6月20日，大同市公安机关共侦办刑事案件993起，其中抢劫、抢夺案件185起。", "2006-06-25", None,
     [R("大同市", "2006-05-20..2006-06-20", "criminal", "cases_filed", "count", 993),
      R("大同市", "2006-05-20..2006-06-20", "robbery_snatching", "cases_filed", "count", 185)]),
    ("changes against listed bases: a non-adjacent one is dropped", "",
     "今年春节长假期间，广东省接报刑事治安警情同比2019年、2023年春节假期分别下降41.68%、14.49%。", "2024-02-18", None,
     [R("广东省", "2024-02-10..2024-02-17", "crime_disorder", "reports", "yoy_pct", -14.49)]),
    # ---- categories (GUIDE) ----
    ("盗窃银行储户, 网络平台投资诈骗, 案件类警情", "",
     "2020年，全市公安机关侦办盗窃银行储户案件12起，网络平台投资诈骗案件30起，接报案件类警情8000起。", "2021-01-10", XM,
     [R(XM, "2020", "theft", "cases_filed", "count", 12),
      R(XM, "2020", "telecom_fraud", "cases_filed", "count", 30),
      R(XM, "2020", "crime_disorder", "reports", "count", 8000)]),
]


@pytest.mark.parametrize(("rule", "title", "body", "published", "region", "want"), CASES,
                         ids=[c[0] for c in CASES])
def test_context_case(rule: str, title: str, body: str, published: str, region: str | None,
                      want: list[tuple]) -> None:
    got = sorted(row_key(r) for r in extract_stats_strict(title, body, published, region))
    assert got == sorted(want), rule


def test_frame_precedence_sentence_paragraph_heading_title_bulletin() -> None:
    """Each figure takes the nearest period: its sentence's, its paragraph lead's, its heading's, the title's;
    the bulletin's own period (the first one its text states) when the title has none."""
    title = "厦门市2021年第一季度治安通报"
    body = ("一、总体情况\n"
            "全市公安机关共接报刑事警情1000起。\n"
            "二、3月份情况\n"
            "全市接报诈骗警情80起。\n"
            "3月上旬，全市警情平稳。全市接报盗窃警情50起。\n"
            "其中，3月1日至5日接报抢劫警情2起。")
    got = {row["value"]: (row["period_start"], row["period_end"], why["period"]["from"])
           for row, why in explain_stats(title, body, "2021-04-05", XM)}
    assert got == {
        1000.0: ("2021-01-01", "2021-03-31", "title"),
        80.0: ("2021-03-01", "2021-03-31", "heading"),
        50.0: ("2021-03-01", "2021-03-10", "paragraph"),
        2.0: ("2021-03-01", "2021-03-05", "sentence"),
    }
    # no period in the title: the bulletin's own period, the first its text states, governs the rest
    got = {row["value"]: (row["period_start"], row["period_end"], why["period"]["from"])
           for row, why in explain_stats("厦门市治安通报", "2021年1至3月，全市治安平稳。\n全市接报盗窃警情50起。",
                                         "2021-04-05", XM)}
    assert got == {50.0: ("2021-01-01", "2021-03-31", "bulletin")}


@pytest.mark.parametrize(("word", "year", "want"), [
    ("春节", 2019, (date(2019, 2, 4), date(2019, 2, 10))),
    ("国庆", 2021, (date(2021, 10, 1), date(2021, 10, 7))),
    ("清明", 2021, (date(2021, 4, 3), date(2021, 4, 5))),
    ("元旦", 2021, (date(2021, 1, 1), date(2021, 1, 3))),
    ("劳动节", 2019, (date(2019, 5, 1), date(2019, 5, 4))),
])
def test_holidays_are_the_official_days_off(word: str, year: int, want: tuple[date, date]) -> None:
    assert holiday_period(word, year) == want


def test_holidays_outside_the_official_calendar_come_from_the_lunar_calendar() -> None:
    assert lunar_date(2019, 1, 1) == date(2019, 2, 5)   # 2019's Spring Festival
    assert lunar_date(1999, 8, 15) == date(1999, 9, 24)  # 1999's Mid-autumn Festival
    start, end = holiday_period("春节", 2005)             # before the package's first year
    assert start <= date(2005, 2, 9) <= end              # 大年初一 2005 is 9 February
