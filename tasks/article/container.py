"""The article's main block, chosen the way Readability does it, with Chinese-aware weights.

Every block of prose (tasks.article.blocks) adds its score to its parent (×1), grandparent (×1/2)
and great-grandparent (×1/6); the best-scored candidates are weighed by their link density and
penalties, and the winner is then narrowed to the smallest descendant that still holds nearly all of
its prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from tasks.article.blocks import (
    A_ID,
    CHARS,
    FIRST_TEXT,
    LINK_CHARS,
    MAX_DEPTH_WALK,
    NODE,
    Block,
    Page,
    prose_score,
)
from tasks.article.patterns import HEADING_STRIP_RE, INLINE_TAGS, STOP_HEADINGS, is_not_article_attr, tag_ids

_DECAY = (1.0, 0.5, 1 / 6)
# Narrow to a child holding this share of the container's prose: a lone wrapper <div> around the
# paragraphs is the container, a sibling caption or one-line lead below the share is not worth it.
_NARROW_SHARE = 0.9
_TOP_IDS = tag_ids({"body", "html"})
_HTML_ID = next(iter(tag_ids({"html"})))
_NOT_ARTICLE_PENALTY = 0.25
_RESCORE_TOP = 6  # finalists: the best-scored candidates, whose link density may be measured
# Cookie/consent banners are a block of real sentences that can outscore a short article (or one
# whose text the page fills in by script); a finalist whose first paragraph is such a notice is
# penalised like a comment box.
_CONSENT_RE = re.compile(r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|consent|settings)\b", re.I)
_UNSEEN = object()  # a node whose parent has not been read yet (None: it has no parent)

# Each node's parent as (key, node), None at the top: read once per node (see _parent_link).
ParentLinks = dict[int, tuple[int, LexborNode] | None]


def _parent_link(parents: ParentLinks, key: int, node: LexborNode) -> tuple[int, LexborNode] | None:
    """``node``'s parent as (key, node), None at the top; read once per node and kept in ``parents``
    (reading .parent makes a new Python object every time)."""
    link = parents.get(key, _UNSEEN)
    if link is _UNSEEN:
        above = node.parent
        link = parents[key] = (above.mem_id, above) if above is not None else None
    return link


def _reach_chars(node: LexborNode, blocks: dict[int, Block],
                 children: dict[int, list[tuple[int, LexborNode]]]) -> tuple[int, int]:
    """Characters and link characters of the blocks one to three levels below ``node``: the blocks
    whose scores reach it. Finalists are nested, so each node's element children are listed once
    (in ``children``); reading the ancestors of every block instead cost a parent lookup per block."""
    chars = link_chars = 0
    level = [(node.mem_id, node)]
    for depth in range(len(_DECAY)):
        deeper: list[tuple[int, LexborNode]] = []
        for key, parent in level:
            kids = children.get(key)
            if kids is None:
                kids = children[key] = [(child.mem_id, child) for child in parent.iter()]
            for kid_key, _ in kids:
                block = blocks.get(kid_key)
                if block is not None:
                    chars += block[CHARS]
                    link_chars += block[LINK_CHARS]
            if depth < len(_DECAY) - 1:
                deeper.extend(kids)
        level = deeper
    return chars, link_chars


def _ancestry_factor(node: LexborNode, memo: dict[int, float]) -> float:
    """×0.2 per enclosing <a>, ×_NOT_ARTICLE_PENALTY (then stop) at the first comment/related
    class or id, from ``node`` up to <body>. Finalists share most ancestors, so each node's factor
    (its own and everything above it) is memoised per page and a climb stops at a known one."""
    path: list[tuple[int, float, bool]] = []  # (key, own factor, stops the climb)
    anc: LexborNode | None = node
    above = 1.0
    hops = 0
    while anc is not None and hops < MAX_DEPTH_WALK:
        tag_id = anc.tag_id
        if tag_id in _TOP_IDS:
            break
        key = anc.mem_id
        known = memo.get(key)
        if known is not None:
            above = known
            break
        own = 0.2 if tag_id == A_ID else 1.0
        attrs = anc.attributes
        bad = bool(attrs) and is_not_article_attr(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
        if bad:
            own *= _NOT_ARTICLE_PENALTY
        path.append((key, own, bad))
        if bad:
            above = 1.0
            break
        anc = anc.parent
        hops += 1
    for key, own, bad in reversed(path):
        above = own if bad else own * above
        memo[key] = above
    return above


def _candidate_factor(
    node: LexborNode, page: Page, first_text: int, chars: tuple[int, int], not_article: dict[int, float]
) -> float:
    """Readability's (1 - link density), with penalties for blocks that are not the article:
    prose wrapped in a link (a teaser), a comment/recommendation class on the block or an ancestor,
    a 相关阅读/网友评论-style heading right before its first paragraph."""
    text_len, link_len = chars
    if text_len == 0:
        return 0.0
    factor = max(0.0, 1.0 - link_len / text_len) * _ancestry_factor(node, not_article)
    if first_text < len(page.texts) and _CONSENT_RE.search(page.texts[first_text][0]):
        factor *= _NOT_ARTICLE_PENALTY
    for text, _ in page.texts[max(0, first_text - 3) : first_text]:
        # STOP_HEADINGS are all Chinese: an ASCII run cannot be one, the regex is skipped.
        if not text.isascii() and HEADING_STRIP_RE.sub("", text) in STOP_HEADINGS:
            factor *= _NOT_ARTICLE_PENALTY
            break
    return factor


@dataclass(slots=True)
class _Candidates:
    """The blocks of prose and the scores they give the nodes above them."""

    prose: list[tuple[int, Block, float]] = field(default_factory=list)  # (key, block, score)
    scores: dict[int, float] = field(default_factory=dict)
    nodes: dict[int, LexborNode] = field(default_factory=dict)
    firsts: dict[int, int] = field(default_factory=dict)  # first prose text run below each candidate
    # Every parent link read while scoring is kept for the membership climbs of _prose_below, which
    # start from the same blocks.
    parents: ParentLinks = field(default_factory=dict)


def _score_candidates(page: Page) -> _Candidates:
    """Each block of prose adds its score to the (up to) three levels above it."""
    found = _Candidates()
    scores, nodes, firsts, prose, parents = found.scores, found.nodes, found.firsts, found.prose, found.parents
    # Sibling blocks of prose share their parent, so the three levels above a block (each key with its
    # node and decay weight, cut at <html>) are climbed once per parent.
    chains: dict[int, list[tuple[int, LexborNode, float]]] = {}
    for bkey, block in page.blocks.items():
        # Blocks mostly of link text (menus, lists: half of all blocks) and lines too short to be prose
        # (prose_score's first and last rules) are passed over without the call.
        text_chars = block[CHARS] - block[LINK_CHARS]
        if text_chars < block[LINK_CHARS] or text_chars < 8:
            continue
        score = prose_score(block)
        if score <= 0:
            continue
        prose.append((bkey, block, score))
        parent = block[NODE].parent
        if parent is None:
            parents[bkey] = None
            continue
        pkey = parent.mem_id
        parents[bkey] = (pkey, parent)
        levels = chains.get(pkey)
        if levels is None:
            levels = chains[pkey] = _levels_above(pkey, parent, parents)
        for key, anc, weight in levels:
            known = scores.get(key)
            if known is None:
                scores[key] = score * weight
                nodes[key] = anc
                firsts[key] = block[FIRST_TEXT]
            else:
                scores[key] = known + score * weight
    return found


def _levels_above(pkey: int, parent: LexborNode, parents: ParentLinks) -> list[tuple[int, LexborNode, float]]:
    """(key, node, decay weight) of a block's parent and the levels above it that its score reaches."""
    levels: list[tuple[int, LexborNode, float]] = []
    key, anc = pkey, parent
    for weight in _DECAY:
        if anc.tag_id == _HTML_ID:
            break
        levels.append((key, anc, weight))
        if len(levels) == len(_DECAY):
            break  # the parent above the last level is never needed
        link = _parent_link(parents, key, anc)
        if link is None:
            break
        key, anc = link
    return levels


def _best_candidate(page: Page, found: _Candidates) -> LexborNode:
    """The finalist with the best score times its factor (at most 1), the first of equals winning."""
    scores, nodes = found.scores, found.nodes
    top = sorted(scores, key=scores.__getitem__, reverse=True)[:_RESCORE_TOP]
    # Penalties divide by at most ~5, so weaker candidates cannot win and are not measured.
    top = [key for key in top if scores[key] >= 0.05 * scores[top[0]]]
    # A finalist scoring no more than the best product so far cannot beat it, nor can any after it
    # (they score less), so the walk stops there and the costly link densities of the wide wrappers
    # high above the article (scored ×1/6) are rarely measured.
    children: dict[int, list[tuple[int, LexborNode]]] = {}
    not_article: dict[int, float] = {}
    best_key, best_value = top[0], -1.0
    for key in top:
        if scores[key] <= best_value:
            break
        chars = _reach_chars(nodes[key], page.blocks, children)
        value = scores[key] * _candidate_factor(nodes[key], page, found.firsts[key], chars, not_article)
        if value > best_value:
            best_key, best_value = key, value
    return nodes[best_key]


def _prose_below(container: LexborNode, found: _Candidates) -> dict[int, float]:
    """Prose held below each node between a prose block and the container, to narrow the choice
    and, when rendering, to tell content subtrees from furniture.

    Membership in the container is found by climbing from each prose block, stopping at the first
    ancestor already classified (blocks share most of their ancestors), and the prose is then added
    along the remembered parent links; listing the container's subtree walked every node below it."""
    below: dict[int, float] = {}
    parents = found.parents
    container_key = container.mem_id
    side: dict[int, bool] = {container_key: True}
    up: dict[int, int] = {}
    for key, block, score in found.prose:
        node = block[NODE]
        path: list[int] = []
        hops = 0
        verdict = False  # reaching the top (or the depth cap) means outside
        while hops < MAX_DEPTH_WALK:
            known = side.get(key)
            if known is not None:
                verdict = known
                break
            path.append(key)
            hops += 1
            link = _parent_link(parents, key, node)
            if link is None:
                break
            key, node = link
        for k in path:
            side[k] = verdict
        if not verdict:
            continue
        if path:
            up.update(zip(path, [*path[1:], key], strict=True))
            key = path[0]
        while True:
            below[key] = below.get(key, 0.0) + score
            if key == container_key:
                break
            key = up[key]
    return below


def _narrowed(container: LexborNode, below: dict[int, float], page: Page) -> LexborNode:
    """The smallest descendant of ``container`` still holding _NARROW_SHARE of its prose."""
    total = below.get(container.mem_id, 0.0)
    while True:
        best_child, best_val = None, 0.0
        for child in container.iter():  # elements only: text nodes hold no prose of their own here
            val = below.get(child.mem_id, 0.0)
            if val > best_val:
                best_child, best_val = child, val
        if best_child is None or best_val < _NARROW_SHARE * total or best_child.tag in INLINE_TAGS:
            return container
        # Into a paragraph itself only when it is all the prose (text + <br> in one <div>).
        if best_child.mem_id in page.blocks and best_val < 0.99 * total:
            return container
        container = best_child


def choose_container(page: Page) -> tuple[LexborNode | None, dict[int, float]]:
    """The main block and, for each node on the way from a prose block up to it, the prose below it."""
    found = _score_candidates(page)
    if not found.prose:
        return None, {}
    container = _best_candidate(page, found)
    below = _prose_below(container, found)
    return _narrowed(container, below, page), below
