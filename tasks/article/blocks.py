"""One pass over the DOM: the page's text runs and their blocks, with each block's statistics.

A *block* is the nearest non-inline ancestor of a run of text (a <p>, a <td>, a <div> holding text
and <br>s). Each block knows its characters, sentence punctuation and characters inside links;
tasks.article.container picks the article's main block from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from tasks.article.meta import TAGGED_IDS, TaggedNodes
from tasks.article.patterns import INLINE_TAGS, JUNK_TAGS, PUNCT_MARK_RE, PUNCT_STOP_RE, tag_ids

# A block is prose when it has this much non-link text or any sentence punctuation plus some text.
_MIN_PROSE_CHARS = 25
MAX_DEPTH_WALK = 400  # levels climbed at most: pages nest 10,000 deep
# Text under these is code or widget data; skipping it here is cheaper than removing the nodes.
_NOT_TEXT_TAGS = frozenset(JUNK_TAGS) | {"title", "option"}
_TEXT_TAG_ID = 2  # lexbor's LXB_TAG__TEXT; comparing ids avoids building a tag string per node
_INLINE_IDS = tag_ids(INLINE_TAGS)
_NOT_TEXT_IDS = tag_ids(_NOT_TEXT_TAGS)
A_ID = next(iter(tag_ids({"a"})))


# A block is a plain list [node, first_text, chars, punct, link_chars], read with these indexes: a
# page has hundreds of blocks and making a class instance cost four times as much as a list.
# first_text is the index of its first text run in Page.texts (document order).
NODE, FIRST_TEXT, CHARS, PUNCT, LINK_CHARS = range(5)
Block = list


def prose_score(block: Block) -> float:
    """How much the block reads like article text; 0 for links, labels and short lines."""
    chars, link_chars, punct = block[CHARS], block[LINK_CHARS], block[PUNCT]
    text_chars = chars - link_chars
    if link_chars > 0.5 * chars:
        return 0.0
    if text_chars < _MIN_PROSE_CHARS and punct < 1:
        return 0.0
    if text_chars < 8:
        return 0.0
    return 1.0 + punct + min(text_chars / 50.0, 3.0)


@dataclass(slots=True)
class Page:
    texts: list[tuple[str, int]] = field(default_factory=list)  # (text, block mem_id), document order
    blocks: dict[int, Block] = field(default_factory=dict)


def _text_runs(root: LexborNode, tagged: TaggedNodes | None) -> Iterator[tuple[str, str, LexborNode, bool]]:
    """(text, text stripped, its block, inside a link) for each non-blank text run under ``root``, in
    document order; the elements TaggedNodes wants are handed to ``tagged`` on the way (one walk instead
    of another selector pass)."""
    tagged_ids = TAGGED_IDS if tagged is not None else frozenset()
    add_tagged = tagged.add if tagged is not None else None
    inline_ids = _INLINE_IDS
    not_text_ids = _NOT_TEXT_IDS
    # This loop runs for every node of the page, so it is written flat: the climb to the block is
    # inlined (a function call per text run cost more than the climb itself, most runs sit directly
    # in their block or one <a>/<span> below it) and locals stand in for globals and methods.
    # skip_empty drops whitespace-only runs (about a third of all nodes) in C, before a Python
    # object is made for them; runs of other Unicode spaces are still caught by strip() below.
    for node in root.traverse(include_text=True, skip_empty=True):
        tag_id = node.tag_id
        if tag_id != _TEXT_TAG_ID:
            if tag_id in tagged_ids:
                add_tagged(node, tag_id)
            continue
        block_node = node.parent
        if block_node is None:
            continue
        # The block is the nearest non-inline ancestor; the run is link text when an <a> is passed
        # on the way. The climb gives up after MAX_DEPTH_WALK inline levels (pages nest 10,000
        # deep) and takes the node reached as the block.
        tag_id = block_node.tag_id
        in_link = False
        if tag_id in inline_ids:
            hops = 0
            while True:
                if tag_id == A_ID:
                    in_link = True
                block_node = block_node.parent
                hops += 1
                if block_node is None:
                    break
                tag_id = block_node.tag_id
                if hops >= MAX_DEPTH_WALK or tag_id not in inline_ids:
                    break
            if block_node is None:
                continue
        if tag_id in not_text_ids:
            continue  # script/style/option text: never copied out of the tree
        text = node.text_content
        if not text:
            continue
        stripped = text.strip()
        if stripped:
            yield text, stripped, block_node, in_link


def scan(root: LexborNode, tagged: TaggedNodes | None = None) -> Page:
    """Collect text runs and blocks under ``root`` in document order (see _text_runs for ``tagged``)."""
    page = Page()
    blocks = page.blocks
    texts = page.texts
    append = texts.append
    get_block = blocks.get
    count_marks = PUNCT_MARK_RE.findall
    count_stops = PUNCT_STOP_RE.findall
    for text, stripped, block_node, in_link in _text_runs(root, tagged):
        key = block_node.mem_id
        block = get_block(key)
        if block is None:  # created at its first non-blank run, which is its first_text
            block = blocks[key] = [block_node, len(texts), 0, 0, 0]
        n = len(stripped)
        if " " in stripped:  # a membership test is cheap, str.count parses its arguments
            n -= stripped.count(" ")
        block[CHARS] += n
        if in_link:
            block[LINK_CHARS] += n
        else:
            # len(PUNCT_RE.findall(stripped)) in two cheaper parts (see PUNCT_MARK_RE).
            punct = len(count_marks(stripped))
            if "." in stripped or "?" in stripped:
                punct += len(count_stops(stripped))
            block[PUNCT] += punct
        append((text, key))
    return page
