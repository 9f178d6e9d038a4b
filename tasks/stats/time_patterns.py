"""The patterns of time phrases: one point (2020年, 今年上半年, 1至11月, 春节, 本周), and the end of a range.

`POINT` finds the start of every time phrase a sentence can hold; `POINT_FIRST` lists the characters those
phrases start with, which lets `re` skip every other position with one set test (tests/stats/test_prefilters.py
keeps the two in step).
"""

from __future__ import annotations

import re

_MON = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAYN = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_NUMW = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
_YEAR = r"(?:(?P<y>(?:19|20)\d\d)年度?|(?P<ry>今年|去年|前年|本年|上年|当年|同年))"


def _detail_re(x: str) -> str:
    """The month/quarter/holiday part of a point; `x` suffixes the group names so the pattern can hold it twice."""
    return (rf"[“\"]?(?P<hol{x}>春节|国庆|中秋|元旦|清明|劳动节|端午|新春|三月三|五一(?=[黄长小假期节国”\"])|十一(?=[黄长假”\"]))"
            rf"|(?P<q{x}>第?[一二三四1-4]季度|首季度?|前[两二三]季度?|首[两二三]季度?)"
            rf"|(?P<h{x}>上半年|下半年)|(?P<fm{x}>(?:前|首){_NUMW}个?月)|(?P<full{x}>全年|一年)"
            rf"|(?P<m{x}>{_MON})月份?(?:(?P<d{x}>{_DAYN})[日号]|(?P<part{x}>上旬|中旬|下旬|初|底|末))?")


# The groups `_detail_re` holds twice, each with the name of its second copy: a point's month or holiday is
# under one name or the other.
KEY_PAIRS = tuple((k, k + "_x") for k in ("hol", "q", "h", "fm", "full", "m", "d", "part"))
# Every phrase starts with one of these characters: `re` skips other positions with one set test
# (tests/stats/test_prefilters.py fails when a phrase of POINT starts with a character not listed here).
POINT_FIRST = "0123456789今去前本上下当同第首全一二两三四五六七八九十百春国中元清劳端新“\"大农正除期其行节近年截目"
POINT = re.compile(
    rf"(?=[{POINT_FIRST}])(?:(?P<rel>本周|上周|上一周|本月|上月|本季度|上季度|一周以来|一周来|近一周|年初以来)"
    rf"|(?P<lunar>(?:大年|农历)?(?:三十|除夕|正月(?:初[一二三四五六七八九十]|十五|十[一二三四六七八九]|二十)|元宵))"
    rf"|(?P<scope>期间|其间|期内|行动以来|节日里|同期)"
    rf"|(?P<upto>(?:截至|截止到|截止)目前|目前为止)"
    # 四十天来 / 在30天的行动中: a campaign's length in days
    rf"|(?P<dur>(?:\d{{1,3}}|[一二两三四五六七八九十百]{{1,4}})(?:个)?(?:天|日)(?=来|以来|时间内|内|里|的(?:行动|专项|集中|整治|战役)))"
    rf"|(?P<mr>{_MON}(?:月份?)?\s*(?:至|到|—|–|-|~|～)\s*{_MON}月份?(?:底|末)?)"
    rf"|{_YEAR}(?:{_detail_re('')})?|(?:{_detail_re('_x')}))"
)

# The words between the two ends of a range (1月9日—1月15日, 从大年三十到正月十五), and the end of one.
SEP = re.compile(r"\s*(?:至|到|—|–|－|-|~|～)\s*")
RANGE_END = re.compile(
    rf"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>{_MON})月份?(?:(?P<d>{_DAYN})[日号]|(?P<part>底|末|上旬|中旬|下旬))?"
    rf"|(?:(?P<y2>(?:19|20)\d\d)年|(?P<ye>年))(?:底|末)"
    rf"|(?P<d2>{_DAYN})[日号]"
    rf"|(?P<rel>昨晚|昨日|昨天|今日|今天|目前|现在|当晚)"
)
# A bare number before a month range: 1至11月, 9-11月 (the first month lacks its 月).
MONTH_RANGE = re.compile(rf"(?P<m1>{_MON})(?:月份?)?\s*(?:至|到|—|–|-|~|～)\s*(?P<m2>{_MON})月份?(?P<part>底|末)?")
# What makes a point the base of a comparison: 较2019年, 与去年相比, 由前年的, 在2019年…的基础上.
BASE_BEFORE = re.compile(r"(?:较|比|与|和|同|对比|相比|相较|比较|由|在|从)\s*$")
