"""An article's text as the statistics reader sees it: simplified, normalized, cut into lines and sentences.

Real pages write the same figure many ways: traditional characters, full-width digits, 1,253 and
5,280 件, 百分之一点五一, "2020 年" with a stray space, a headline repeated as the first body line.
`normalize` folds all of these to one form (simplified characters, ASCII digits, 1.51%) so that the
readers downstream need one pattern per idea. `read_lines` keeps the document's shape — title,
headings, paragraphs — because a heading or a paragraph's lead governs the sentences after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.simplified import to_simplified
from tasks.stats.numbers import chinese_int

_FULLWIDTH = str.maketrans("０１２３４５６７８９％．－＋～﹪", "0123456789%.-+~%")
_HAS_FULLWIDTH = re.compile("[０-９％．－＋～﹪]")
# A space that only separates a CJK character from a digit or another CJK character is layout
# ("2020 年", "5,280 件", "南昌 市"); between two ASCII words it is meaningful and stays.
_CJK = "\u3400-\u9fff"
_LAYOUT_SPACE = re.compile(rf"(?<=[{_CJK}，。、；：（）“”])[ \t\u3000\xa0]+(?=[{_CJK}\d%，。、；：（）“”])"
                           rf"|(?<=[\d%])[ \t\u3000\xa0]+(?=[{_CJK}，。、；：])")
_ANY_SPACE = re.compile(r"[ \t\u3000\xa0]")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_PART_GAP = re.compile(r"(?<=[^\s\d])[ \t\u3000\xa0]{1,}(?=[^\s\d])")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_CN_NUM = "零〇一二两三四五六七八九十百千"
_PERCENT_WORDS = re.compile(rf"百分之([{_CN_NUM}]+(?:点[{_CN_NUM}]+)?|\d+(?:\.\d+)?)")
_CN_DIGIT = {"零": "0", "〇": "0", "一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5",
             "六": "6", "七": "7", "八": "8", "九": "9"}
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
# A heading: short, no sentence punctuation inside, or an enumerator (一、 / （一） / 1、 / 【…】).
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|【[^】]{1,20}】)")


def _percent_words(m: re.Match[str]) -> str:
    words = m.group(1)
    if words[0].isdigit():
        return words + "%"
    whole, _, frac = words.partition("点")
    value = chinese_int(whole) if whole not in ("零", "〇") else 0.0
    if value is None:
        return m.group()
    digits = "".join(_CN_DIGIT.get(c, "") for c in frac)
    if len(digits) != len(frac):
        return m.group()
    return f"{int(value)}{'.' + digits if digits else ''}%"


def normalize(text: str) -> str:
    """Simplified characters, ASCII digits and %, no layout spaces or thousands separators."""
    if not text:
        return ""
    text = to_simplified(text)
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)
    if "百分之" in text:
        text = _PERCENT_WORDS.sub(_percent_words, text)
    if _ANY_SPACE.search(text):  # (a charset search is far cheaper than the lookbehind pattern's scan)
        text = _LAYOUT_SPACE.sub("", text)
    if "■" in text or "●" in text or "◆" in text:
        text = re.sub(r"[■●◆]+", "\n", text)  # a bullet runs captions and summaries into one line
    if "," in text:
        text = _THOUSANDS.sub("", text)
    return text


@dataclass(slots=True)
class Line:
    """One line of the article: the title, a heading, or a paragraph."""

    text: str
    kind: str  # title | heading | paragraph


def is_heading(line: str) -> bool:
    if _ENUMERATOR.match(line):
        return len(line) <= 40
    return len(line) <= 32 and not re.search(r"[。！？!?；;，,：:]", line)


def read_lines(title: str, body: str) -> list[Line]:
    """Title first, then the body's lines; a body line that repeats the title is dropped."""
    lines: list[Line] = []
    title = normalize(_parts(title)).strip()
    if title:
        lines.append(Line(title, "title"))
    for raw in normalize("\n".join(_parts(x) for x in body.split("\n"))).split("\n"):
        text = raw.strip()
        if not text:
            continue
        if title and (text == title or (title in text and re.fullmatch(r"[\d.\-:/\s年月日，,]*", text.replace(title, "")))):
            continue  # the headline again (02.25 广州2019年…)
        lines.append(Line(text, "heading" if is_heading(text) else "paragraph"))
    return lines


def _parts(line: str) -> str:
    """A headline's parts are set apart by spaces (…下降近两成 “两抢”警情同比下降38%): keep them apart."""
    line = line.strip()
    if len(line) <= 60 and not _SENTENCE_END.search(line):
        return _PART_GAP.sub("，", line)
    return line


def sentences(line: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a line, each ending at 。！？；."""
    return [(m.start(), m.group()) for m in _SENTENCE.finditer(line) if m.group().strip()]
