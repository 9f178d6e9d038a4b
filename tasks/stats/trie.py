"""A word list compiled into one trie-shaped regex.

Python's `re` tries the alternatives of `a|b|c…` one after another at every position, so a flat
alternation of thousands of place names is slow; nesting them by shared prefixes lets the engine
reject a position after one character class test. The greedy optional groups make the match the
longest word starting at a position, which is what dictionary lookup needs (入室盗窃 over 盗窃).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """Regex source matching exactly the given non-empty words, longest first."""
    root: dict = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _node_pattern(root)


def _node_pattern(node: dict) -> str:
    terminal = _END in node
    children = sorted((ch, child) for ch, child in node.items() if ch != _END)
    if not children:
        return ""
    leaves = [ch for ch, child in children if list(child) == [_END]]
    alts = [re.escape(ch) + _node_pattern(child) for ch, child in children if list(child) != [_END]]
    if len(leaves) == 1:
        alts.append(re.escape(leaves[0]))
    elif leaves:
        alts.append("[" + "".join(re.escape(ch) for ch in leaves) + "]")
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if terminal:
        return "(?:" + body + ")?"
    return body
