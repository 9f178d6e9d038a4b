"""Speed pre-filters that copy a pattern by hand must stay in step with it.

`POINT_FIRST` (tasks.stats.time_patterns) lists the characters a time phrase of `POINT` can start with;
`POINT` opens with the lookahead `(?=[POINT_FIRST])` so that `re` skips every other position with one set
test. A phrase added to `POINT` that starts with a character missing from the list would never be found,
and nothing else would say so. These tests derive the first characters from the pattern itself.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser

from tasks.stats.time_patterns import POINT, POINT_FIRST


def _first_of_sequence(items: list) -> tuple[set[str], bool]:
    """(characters the sequence can start with, whether it can match the empty string)."""
    chars: set[str] = set()
    for op, arg in items:
        first, empty = _first_of_node(op, arg)
        chars |= first
        if not empty:
            return chars, False
    return chars, True


def _first_of_node(op, arg) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return {chr(arg)}, False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE:
                chars |= {chr(c) for c in range(value[0], value[1] + 1)}
            elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                chars |= set("0123456789")  # tasks.stats.text.normalize folds every digit to ASCII
            else:
                raise AssertionError(f"a set the pre-filter cannot list: {kind} {value}")
        return chars, False
    if op is sre.SUBPATTERN:
        return _first_of_sequence(arg[-1])
    if op is sre.BRANCH:
        chars, empty = set(), False
        for branch in arg[1]:
            first, branch_empty = _first_of_sequence(branch)
            chars |= first
            empty = empty or branch_empty
        return chars, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _, sub = arg
        first, empty = _first_of_sequence(sub)
        return first, empty or low == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero-width
    raise AssertionError(f"a pattern element the pre-filter test cannot follow: {op}")


def phrase_first_chars(pattern: str) -> set[str]:
    """The characters a match of `pattern` can start with, its leading lookaheads (the pre-filter) set aside."""
    items = [item for item in _parser.parse(pattern) if item[0] is not sre.ASSERT]
    chars, empty = _first_of_sequence(items)
    assert not empty, "a pattern that can match the empty string has no first characters"
    return chars


def _without_prefilter(pattern: str) -> str:
    prefilter = f"(?=[{POINT_FIRST}])"
    assert pattern.startswith(prefilter), "POINT no longer opens with its pre-filter"
    return pattern[len(prefilter):]


def test_every_time_phrase_starts_with_a_listed_character() -> None:
    missing = sorted(phrase_first_chars(POINT.pattern) - set(POINT_FIRST))
    assert not missing, f"add {''.join(missing)!r} to POINT_FIRST: POINT has phrases starting with them"


def test_pre_filter_lists_no_character_that_starts_no_phrase() -> None:
    assert set(POINT_FIRST) <= phrase_first_chars(POINT.pattern)


def test_a_phrase_with_a_new_first_character_is_caught() -> None:
    extended = f"(?=[{POINT_FIRST}])(?:{_without_prefilter(POINT.pattern)}|(?P<extra>寒假期间))"
    assert "寒" in phrase_first_chars(extended) - set(POINT_FIRST)


def test_phrases_the_pre_filter_once_dropped_are_found() -> None:
    # 下半年, 两天来, 百日…, 截至目前, 目前为止 start with characters the pre-filter once left out, so they were
    # never read
    unfiltered = re.compile(_without_prefilter(POINT.pattern))
    for text in ("下半年", "两天来", "截至目前", "目前为止"):
        assert unfiltered.match(text) is not None
        found = POINT.search(text)
        assert found is not None and found.start() == 0, text
