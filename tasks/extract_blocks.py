"""One pass over the DOM: text blocks with their statistics, and the article's main block.

A *block* is the nearest non-inline ancestor of a run of text (a <p>, a <td>, a <div> holding text
and <br>s). Each block knows its characters, sentence punctuation and characters inside links.
The main block is chosen the way Readability does it, with Chinese-aware weights: every block of
prose adds its score to its parent (×1), grandparent (×1/2) and great-grandparent (×1/6); the best
container is then narrowed to the smallest descendant that still holds nearly all of its prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from tasks.extract_patterns import INLINE_TAGS, PUNCT_RE

_DECAY = (1.0, 0.5, 1 / 6)
# Narrow to a child holding this share of the container's prose: a lone wrapper <div> around the
# paragraphs is the container, a sibling caption or one-line lead below the share is not worth it.
_NARROW_SHARE = 0.9
# A block is prose when it has this much non-link text or any sentence punctuation plus some text.
_MIN_PROSE_CHARS = 25
_MAX_DEPTH_WALK = 400
_RESCORE_TOP = 5  # candidates whose link density is measured (the costly part, so only a few)


@dataclass(slots=True)
class Block:
    node: LexborNode
    first_text: int  # index of its first text run in Page.texts (document order)
    chars: int = 0
    punct: int = 0
    link_chars: int = 0

    @property
    def prose_score(self) -> float:
        text_chars = self.chars - self.link_chars
        if self.link_chars > 0.5 * self.chars:
            return 0.0
        if text_chars < _MIN_PROSE_CHARS and self.punct < 1:
            return 0.0
        if text_chars < 8:
            return 0.0
        return 1.0 + self.punct + min(text_chars / 50.0, 3.0)


@dataclass(slots=True)
class Page:
    texts: list[tuple[str, int]] = field(default_factory=list)  # (text, block mem_id), document order
    blocks: dict[int, Block] = field(default_factory=dict)


def scan(root: LexborNode) -> Page:
    """Collect text runs and blocks under ``root`` in document order."""
    page = Page()
    blocks = page.blocks
    texts = page.texts
    for node in root.traverse(include_text=True):
        if node.tag != "-text":
            continue
        text = node.text_content
        if not text or text.isspace():
            continue
        parent = node.parent
        in_link = False
        hops = 0
        while parent is not None and parent.tag in INLINE_TAGS and hops < _MAX_DEPTH_WALK:
            if parent.tag == "a":
                in_link = True
            parent = parent.parent
            hops += 1
        if parent is None:
            continue
        key = parent.mem_id
        block = blocks.get(key)
        if block is None:
            block = blocks[key] = Block(parent, len(texts))
        n = len(text) - sum(1 for ch in text if ch.isspace()) if len(text) < 64 else len("".join(text.split()))
        block.chars += n
        if in_link:
            block.link_chars += n
        else:
            block.punct += len(PUNCT_RE.findall(text))
        texts.append((text, key))
    return page


def _link_factor(node: LexborNode) -> float:
    """Readability's (1 - link density); prose wrapped in a link is a teaser, not the article."""
    text_len = len("".join(node.text().split()))
    if text_len == 0:
        return 0.0
    link_len = sum(len("".join(a.text().split())) for a in node.css("a"))
    factor = max(0.0, 1.0 - link_len / text_len)
    anc = node.parent
    hops = 0
    while anc is not None and hops < _MAX_DEPTH_WALK:
        if anc.tag == "a":
            return factor * 0.2
        anc = anc.parent
        hops += 1
    return factor


def choose_container(page: Page) -> tuple[LexborNode | None, dict[int, float]]:
    """The main block and, for each node on the way from a prose block up to it, the prose below it."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    prose = [(b, b.prose_score) for b in page.blocks.values()]
    prose = [(b, s) for b, s in prose if s > 0]
    if not prose:
        return None, {}
    for block, score in prose:
        anc = block.node.parent
        for weight in _DECAY:
            if anc is None or anc.tag in ("html", "#document"):
                break
            key = anc.mem_id
            scores[key] = scores.get(key, 0.0) + score * weight
            nodes[key] = anc
            anc = anc.parent
    top = sorted(scores, key=scores.__getitem__, reverse=True)[:_RESCORE_TOP]
    best_key = max(top, key=lambda key: scores[key] * _link_factor(nodes[key]))
    container = nodes[best_key]

    # Prose held below each node between a prose block and the container, to narrow the choice
    # and, when rendering, to tell content subtrees from furniture.
    below: dict[int, float] = {}
    container_key = container.mem_id
    for block, score in prose:
        node = block.node
        path = []
        hops = 0
        while node is not None and hops < 60:
            key = node.mem_id
            path.append(key)
            if key == container_key:
                for k in path:
                    below[k] = below.get(k, 0.0) + score
                break
            node = node.parent
            hops += 1
    total = below.get(container_key, 0.0)
    while True:
        child = container.child
        best_child, best_val = None, 0.0
        while child is not None:
            val = below.get(child.mem_id, 0.0)
            if val > best_val:
                best_child, best_val = child, val
            child = child.next
        if best_child is None or best_val < _NARROW_SHARE * total or best_child.tag in INLINE_TAGS:
            break
        # Into a paragraph itself only when it is all the prose (text + <br> in one <div>).
        if best_child.mem_id in page.blocks and best_val < 0.99 * total:
            break
        container = best_child
    return container, below
