"""The vocabulary a statistics sentence is read with: one regex of tokens.

Kinds: pp (个百分点, never a change of a count), pct, count (number + 起/宗/件/名/人), zero (零发案),
flat (持平), lead (同比, 较上周 …), verb (下降, 再次上升 …), sign (同比-5.2%), fenbie (分别),
measure (接报, 立案, 破获, 抓获 …), sep (clause punctuation), neg (words that disqualify the numbers
of their clause). Category phrases come from tasks.categories.
"""

from __future__ import annotations

import re

from tasks.extract_numbers import APPROX_PREFIX_RE, CN_DIGITS
from tasks.extract_trie import trie_pattern

# Possessive quantifiers (++) and the look-behinds make a number that is not followed by its unit
# (years, dates) fail once, not once per digit (≈40% of the tokenizer's time on report sentences).
_COUNT = (rf"(?P<cpre>{APPROX_PREFIX_RE})?(?P<cnum>(?<![\d.])(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d++(?:\.\d++)?)|(?<![{CN_DIGITS}])[{CN_DIGITS}]++)(?P<cmid>多|余)?"
          r"(?P<cmul>[万千])?(?P<cpost>多|余)?(?P<unit>起|宗|件|名|人)"
          r"(?![次员口民数身们群士家均才工手物心事头份诉])")
_PCT = (rf"(?P<ppre>{APPROX_PREFIX_RE})?(?:(?P<pnum>(?<![\d.])\d++(?:\.\d++)?)\s*[%％]"
        r"|(?P<tnum>(?<![\d.])\d++(?:\.\d++)?|[一二两三四五六七八九]|半)成(?![员本果为绩效立功交品年]))")
# Leads name the comparison; 环比 and 较上周/上月 are period-on-period, the rest year-on-year.
_LEADS = ("与去年同期相比", "与上年同期相比", "较去年同期", "较上年同期", "比去年同期", "与去年同期",
          "与上年同期", "与去年相比", "与上周相比", "与上月相比", "较上一周", "较前一周", "较上季度",
          "同比", "环比", "较上周", "较上月", "较去年", "较上年", "较同期", "比上周", "比上月", "比去年",
          "与上周", "与上月", "和去年同期相比", "和去年同期", "与去年", "与上年")
_UP = ("上升", "增长", "增加", "上涨", "攀升", "升高", "提升", "提高", "升幅", "增幅", "增", "升", "涨")
_DOWN = ("下降", "减少", "降低", "回落", "下滑", "下跌", "降幅", "减", "降", "跌")
_VERB = (r"(?:再次|继续|进一步|再|又|大幅|明显)?(?P<vdir>" + trie_pattern(_UP + _DOWN) + r")"
         r"了?(?:幅度)?(?:为|达到|达)?(?P<vto>至|到)?")
_MEASURES = {
    "reports": ("接报", "共接", "受理", "报警", "发案", "接警", "发生", "警情"),
    "cases_filed": ("立案", "现行刑案", "现行"),
    "cases_solved": ("破获", "破案", "侦破", "告破"),
    "arrests": ("抓获", "刑拘", "刑事拘留", "抓捕", "拘留", "逮捕"),
}
# Numbers in a clause with these words are not crime counts or changes of one (SPEC: rankings,
# satisfaction, money, shares, rates, officers and volunteers, economy, deaths, daily averages).
_NEG = ("排名", "排第", "位列", "名列", "满意", "安全感", "占比", "比重", "占", "率", "金额", "资金", "万元",
        "亿元", "损失", "警力", "义警", "辅警", "志愿者", "队员", "人次", "GDP", "生产总值",
        "收入", "投资", "死亡", "受伤", "伤亡", "人数", "日均", "月均", "周均", "平均", "每天", "每日")
MEASURE_WORD = {w: m for m, ws in _MEASURES.items() for w in ws}
DOWN_WORDS = frozenset(_DOWN + ("-", "−", "－", "↓"))

_TOKEN_ALTS = "|".join((
    r"(?P<pp>(?<![\d.])\d++(?:\.\d++)?个百分点)",
    rf"(?P<pct>{_PCT})",
    rf"(?P<count>{_COUNT})",
    r"(?P<zero>零发案)",
    r"(?P<flat>持平)",
    "(?P<lead>" + trie_pattern(_LEADS) + ")",
    rf"(?P<verb>{_VERB})",
    r"(?P<sign>(?<=同比|环比)[-+−－＋↑↓])",
    r"(?P<fenbie>分别)",
    "(?P<measure>" + trie_pattern(MEASURE_WORD) + ")",
    r"(?P<sep>[，,；;：:])",
    "(?P<neg>" + trie_pattern(_NEG) + ")",
))
# Every token starts with one of these characters; testing that first lets `re` skip the other
# positions after one set lookup instead of trying eleven alternatives (≈1.5× faster per sentence).
_FIRST = set("0123456789%％半" + CN_DIGITS + APPROX_PREFIX_RE.replace("|", "") + "零持分，,；;：:再继进又大明-+−－＋↑↓")
_FIRST.update(w[0] for w in (*_LEADS, *_UP, *_DOWN, *MEASURE_WORD, *_NEG))
TOKEN_RE = re.compile("(?=[" + "".join(re.escape(c) for c in sorted(_FIRST)) + "])(?:" + _TOKEN_ALTS + ")")
BASE_SPAN_RE = re.compile(r"在[^，,。；;]{0,40}?的基础上")
# Cheap test for a sentence that may hold a statistic at all: a count with its unit, or a percent
# right after a change verb (下降49.55%, 同比-5.2%). 满意率达99.95% is not one, so such sentences
# skip the tokenizer (a third of report sentences with a percent carry no change).
CANDIDATE_RE = re.compile(
    rf"[\d{CN_DIGITS}半][多余]?[万千]?[多余]?[起宗件名人]|零发案|持平"
    r"|(?:[升降增减长涨跌少加落滑幅高低]了?(?:幅度)?(?:为|达到|达)?|(?:同比|环比)[-+−－＋↑↓])"
    r"(?:近|约|超过|超|逾)?(?:\d[\d.]*\s*[%％]|[\d一二两三四五六七八九半][\d.]*成)"
)
