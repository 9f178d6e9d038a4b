"""Shared tag sets and boilerplate patterns of the generic extractor (one place to tune them)."""

from __future__ import annotations

import re

# Text inside these never belongs to an article (and JSON-LD is read before they are removed).
JUNK_TAGS = [
    "script", "style", "noscript", "iframe", "svg", "template", "textarea", "select", "button",
    "input", "object", "embed", "canvas", "video", "audio", "map", "head",
]

# Inline elements do not break a paragraph: text inside them belongs to the nearest block ancestor.
INLINE_TAGS = frozenset({
    "a", "span", "strong", "b", "em", "i", "u", "font", "small", "big", "sub", "sup", "label", "abbr",
    "cite", "code", "s", "strike", "mark", "time", "q", "ins", "del", "var", "tt", "bdi", "bdo", "img",
    "-text", "nobr", "wbr",
})

# Sentence punctuation: prose has it, navigation, link lists and widgets mostly do not. Colons are
# left out (footers are full of 电话：/邮箱： labels); ASCII marks count only before a space or the
# end of the run or a CJK character, so URLs and numbers (www.gov.cn, 3.5, ?id=) do not look like
# sentences; many portals write Chinese with half-width commas (下降40.2%的基础上,同比).
PUNCT_RE = re.compile(r"[，。！？；、“”]|[,;!]|[.?](?=\s|$|[\u4e00-\u9fff])")
# PUNCT_RE split in two for counting (each match is one character, so the two counts add up to
# len(PUNCT_RE.findall(text))): the marks are one character class, which the regex engine scans for
# in C, and the lookahead part needs trying only on runs holding an ASCII '.' or '?'.
PUNCT_MARK_RE = re.compile(r"[，。！？；、“”,;!]")
PUNCT_STOP_RE = re.compile(r"[.?](?=\s|$|[\u4e00-\u9fff])")

# class/id words of blocks that are never article text (share bars, comments, recommendation lists,
# footers); applied only to subtrees that hold little of the chosen block's prose.
BOILER_ATTR_RE = re.compile(
    r"share|comment|recommend|related|relate[_-]|tuijian|xiangguan|hotnews|hot[_-]?list|rank|footer|"
    r"copyright|banner|advert|(?:^|[\s_-])ads?(?:$|[\s_-])|toolbar|print|font[_-]?size|zihao|sidebar|"
    r"breadcrumb|crumb|(?:^|[\s_-])nav|pagination|statement|disclaimer|editor|bianji|zrbj|tags?(?:$|[\s_-])|"
    r"reply|pinglun|discuss",
    re.I,
)

# class/id words that disqualify a main-block candidate (or any of its ancestors): comment threads
# and recommendation lists can hold more punctuated text than a short article.
NOT_ARTICLE_ATTR_RE = re.compile(
    r"comment|reply|pinglun|discuss|recommend|related|tuijian|xiangguan|hotnews|hot[_-]?list|"
    r"(?:^|[\s_-])rank|sidebar|(?:^|[\s_-])side(?:$|[\s_-])|footer",
    re.I,
)

# re.I makes these two alternations three to four times slower (every letter is compared case-folded
# at every position). Class and id values are almost always ASCII, where lower-casing the value and
# matching the all-lowercase pattern case-sensitively finds exactly the same; other values keep re.I
# (Unicode case folding is not the same as str.lower() there).
assert BOILER_ATTR_RE.pattern.islower() and NOT_ARTICLE_ATTR_RE.pattern.islower()
_BOILER_ATTR_LOWER_RE = re.compile(BOILER_ATTR_RE.pattern)
_NOT_ARTICLE_ATTR_LOWER_RE = re.compile(NOT_ARTICLE_ATTR_RE.pattern)


def _attr_search(value: str, lower_re: re.Pattern[str], folding_re: re.Pattern[str]) -> bool:
    if value.isascii():
        return lower_re.search(value.lower()) is not None
    return folding_re.search(value) is not None


def is_boiler_attr(value: str) -> bool:
    """BOILER_ATTR_RE.search(value) is not None."""
    return _attr_search(value, _BOILER_ATTR_LOWER_RE, BOILER_ATTR_RE)


def is_not_article_attr(value: str) -> bool:
    """NOT_ARTICLE_ATTR_RE.search(value) is not None."""
    return _attr_search(value, _NOT_ARTICLE_ATTR_LOWER_RE, NOT_ARTICLE_ATTR_RE)


# Headings that open the lists following an article; the body ends where one appears.
STOP_HEADINGS = frozenset({
    "相关阅读", "延伸阅读", "新闻推荐", "猜你喜欢", "热点排行", "频道推荐", "推荐阅读", "相关新闻", "相关文章",
    "相关报道", "热门推荐", "精彩推荐", "热门文章", "热点新闻", "网友评论", "评论", "发表评论", "最新评论",
    "热门评论", "为你推荐", "大家都在看", "更多精彩", "热门新闻", "今日推荐", "往期回顾", "排行榜", "点击排行",
    "阅读排行", "图片推荐", "视频推荐", "相关链接", "扩展阅读", "更多阅读", "热读", "推荐", "你可能感兴趣",
    "热门排行", "新闻排行", "精彩图片", "热门标签", "分享到", "相关推荐", "猜你感兴趣",
})
# Marks and brackets around a heading's words (【相关阅读】, 相关新闻 >>): a line without them is compared
# with STOP_HEADINGS.
HEADING_STRIP_CHARS = r"\s:：>»›【】\[\]〖〗「」『』<>（）()|｜·•■◆▌▎█—-"
HEADING_STRIP_RE = re.compile(f"[{HEADING_STRIP_CHARS}]+")

# Lines that are editor/credit/widget boilerplate inside the article block (ground truth excludes
# 责任编辑/校对/本文来源 lines, share/font widgets, disclaimers and copyright footers).
# Written as two patterns, one per kind of alternative: one search for their union tried every
# ^-anchored label at every position of the line, five times slower than a match of the labels plus a
# search for the phrases, which find exactly the same lines.
BOILER_LINE_START_RE = re.compile(
    r"^[\s【\[（(]*(?:责任编辑|责编|编辑|校对|审核|审校|终审|初审|复审|监制|值班编辑|本文来源|文章来源|稿件来源|"
    r"来源|作者|记者|通讯员|原题为|图片来源|摄影|文/|图/|文图|供稿|出品|策划|统筹)\s*[:：/|]"
    r"|^[\s【\[]*(?:责任编辑|编辑|校对)\s*\S{1,12}[】\]]?\s*$"
    r"|^返回顶部|^返回首页|^上一篇|^下一篇|^免责声明|^声明[:：]|^版权(?:所有|声明)|^Copyright"
    r"|^[\[【]?\s*(?:收藏|举报|点赞)\s*[\]】]?$|^(?:微信|微博|QQ空间)$|^点击(?:查看|进入)",
    re.I,
)
BOILER_LINE_ANYWHERE_RE = re.compile(
    r"分享到|字号[:：]?\s*[\[【]?\s*大|打印本页|打印此页|关闭窗口|【打印】|【关闭】|【纠错】|纠错\s*$|"
    r"扫一扫|二维码|©|转载请注明|未经授权|不得转载|禁止转载|本网站所刊登|仅代表作者|不代表本(?:网|站)",
    re.I,
)


def is_boiler_line(text: str) -> bool:
    """A credit, widget or disclaimer line (one of the two patterns above finds it)."""
    return BOILER_LINE_START_RE.match(text) is not None or BOILER_LINE_ANYWHERE_RE.search(text) is not None


# Editor credit lines end an article: everything after them in the block is furniture.
END_LINE_RE = re.compile(r"^[\s【\[（(]*(?:责任编辑|责编|值班编辑)\s*[:：]?")

# Headline/byline labels found on the line under the headline.
SOURCE_RE = re.compile(r"(?:来源|稿源|出处|来自)\s*[:：]\s*([^\s|｜丨/，,]{1,30}(?:-[^\s|｜丨/，,]{1,20})?)")
# Several names are joined by 、 or a space; a space-joined name is 2–3 characters (a following
# 4-character word is usually the outlet: 作者：李在山 证券时报).
AUTHOR_RE = re.compile(r"(?:作者|记者|撰文|文)\s*[:：/]\s*([^\s|｜丨/，,：:]{1,20}(?:(?:、[^\s|｜丨/，,：:]{2,4})|(?: [^\s|｜丨/，,：:]{2,3}(?![^\s|｜丨/，,：:])))*)")
_LABEL_TAIL_RE = re.compile(r"(?:发布时间|发布日期|时间|日期|作者|记者|编辑|责任编辑|浏览|阅读|点击|字号).*$")


def clean_label_value(value: str) -> str | None:
    """A 来源/作者 value without a following label glued on (来源:东莞日报时间: → 东莞日报)."""
    value = _LABEL_TAIL_RE.sub("", value).strip(" :：|-_【】[]（）()")
    if not value or re.match(r"^\d{2,4}[-/.年]", value):
        return None
    return value


def tag_ids(names: frozenset[str] | set[str] | list[str]) -> frozenset[int]:
    """Lexbor's numeric ids of ``names``: hot loops compare node.tag_id (an int) instead of node.tag,
    which builds a new string per call. Read from the parser so a lexbor upgrade cannot skew them."""
    from selectolax.lexbor import LexborHTMLParser

    ids: set[int] = set()
    for name in names:
        if name == "-text":
            ids.add(2)  # LXB_TAG__TEXT
            continue
        if name.startswith("-"):
            continue
        for node in LexborHTMLParser(f"<{name}></{name}>").root.traverse():
            if node.tag == name:
                ids.add(node.tag_id)
                break
    return frozenset(ids)
