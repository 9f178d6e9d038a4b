"""Headline, meta-tag/JSON-LD publish time and breadcrumb of an article page."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tasks.article.dates import parse_datetime
from tasks.article.patterns import tag_ids

# Meta names for the publish time, most specific first (modified/updated times come last: a
# republished page's update time is not when the story appeared).
_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:release_date", "publishdate",
    "publish_date", "publish-date", "pubdate", "pubtime", "datepublished", "dc.date.issued", "dc.date",
    "sailthru.date", "parsely-pub-date", "article.published", "published_time", "publishtime",
    "weibo:article:create_at", "og:time", "date", "firstpublishedtime", "datecreated", "createdate",
    "lastmodifiedtime", "dateupdate", "datemodified", "article:modified_time",
)
_JSONLD_DATE_RE = re.compile(r'"(?:datePublished|pubDate|dateCreated|uploadDate)"\s*:\s*"([^"]{6,40})"')
_TITLE_SEP_RE = re.compile(r"\s*(?:[_|｜]|--|—+|–|-)\s*")
_SITE_WORD_RE = re.compile(r"网|报|新闻|频道|中心|政府|门户|官网|日报|晚报|在线|资讯|订阅|Paper|\.com|\.cn", re.I)
# Few selectors on purpose: each attribute-substring selector is a full-tree pass (~0.03 ms); pages
# whose breadcrumb has another class are caught by the 当前位置/link-line rule over the text runs.
_CRUMB_CLASS_WORDS = ("crumb", "position", "location", "path")
_CRUMB_ID_WORDS = ("crumb", "position")
_BREADCRUMB_SEL = ", ".join([f"[class*={w}]" for w in _CRUMB_CLASS_WORDS] + [f"[id*={w}]" for w in _CRUMB_ID_WORDS])
_CRUMB_LABEL_RE = re.compile(r"^\s*(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|现在位置|位置)\s*[:：]?\s*")
# _CRUMB_SEP_RE finds a match exactly when one of these occurs (the spaces around it are optional);
# tests avoid its leading optional spaces being retried at every space of a long container text.
_CRUMB_SEPS = (">", "»", "›", "→", "＞", "&gt;", "/", "\\")
_CRUMB_SEP_RE = re.compile(r"\s*(?:>|»|›|→|＞|&gt;|/|\\|>>)\s*")
# Every selector pass walks the whole tree (~0.1 ms a page): the plain tags below are collected by
# the text scan's walk instead (TaggedNodes.add, about 0.02 ms), and the datePublished and breadcrumb
# attribute selectors are asked for in one list, the few matches split by testing their attributes
# as the selectors do (case-sensitive substring/equality).
_DATE_PUBLISHED_SEL = "[itemprop=datePublished]"
_ATTRS_SEL = f"{_DATE_PUBLISHED_SEL}, {_BREADCRUMB_SEL}"
_META_ID, _TITLE_ID, _H1_ID, _TIME_ID, _SCRIPT_ID = (
    next(iter(tag_ids({name}))) for name in ("meta", "title", "h1", "time", "script"))
_H23_IDS = tag_ids({"h2", "h3"})
TAGGED_IDS = frozenset({_META_ID, _TITLE_ID, _H1_ID, _TIME_ID, _SCRIPT_ID, *_H23_IDS})


class TaggedNodes:
    """The page's <meta>, <title>, <h1>, <h2>/<h3>, <time> and JSON-LD elements and its
    datePublished/breadcrumb-attributed ones, each list in document order.

    A walk over the page hands every element whose tag id is in TAGGED_IDS to ``add``, in document
    order (``collect`` is that walk for a part of the page nobody else walks);
    ``add_attribute_matches`` then runs the one selector pass for the attributed elements.
    """

    __slots__ = ("crumbs", "date_published", "h1", "h23", "json_ld", "metas", "times", "titles")

    def __init__(self) -> None:
        self.metas: list[LexborNode] = []
        self.titles: list[LexborNode] = []
        self.h1: list[LexborNode] = []
        self.h23: list[LexborNode] = []
        self.times: list[LexborNode] = []
        self.json_ld: list[LexborNode] = []  # <script type="application/ld+json">
        self.date_published: list[LexborNode] = []  # [itemprop=datePublished]
        self.crumbs: list[LexborNode] = []  # _BREADCRUMB_SEL

    def add(self, node: LexborNode, tag_id: int) -> None:
        if tag_id == _META_ID:
            self.metas.append(node)
        elif tag_id == _TITLE_ID:
            self.titles.append(node)
        elif tag_id == _H1_ID:
            self.h1.append(node)
        elif tag_id in _H23_IDS:
            self.h23.append(node)
        elif tag_id == _TIME_ID:
            self.times.append(node)
        elif tag_id == _SCRIPT_ID and node.attributes.get("type") == "application/ld+json":
            self.json_ld.append(node)

    def collect(self, root: LexborNode) -> None:
        """Add the tagged elements of ``root``'s subtree (``root`` included)."""
        for node in root.traverse():
            tag_id = node.tag_id
            if tag_id in TAGGED_IDS:
                self.add(node, tag_id)

    def add_attribute_matches(self, tree: LexborHTMLParser) -> None:
        last = None
        for node in tree.css(_ATTRS_SEL):
            key = node.mem_id
            if key == last:
                continue  # the same node again for another selector it matches
            last = key
            attrs = node.attributes
            if attrs.get("itemprop") == "datePublished":
                self.date_published.append(node)
            classes, ident = attrs.get("class") or "", attrs.get("id") or ""
            if any(w in classes for w in _CRUMB_CLASS_WORDS) or any(w in ident for w in _CRUMB_ID_WORDS):
                self.crumbs.append(node)


def meta_values(tagged: TaggedNodes) -> dict[str, str]:
    """Lower-cased meta name/property/itemprop → content (first occurrence wins)."""
    found: dict[str, str] = {}
    for node in tagged.metas:
        attrs = node.attributes
        content = attrs.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    for node in tagged.date_published:
        value = node.attributes.get("datetime") or node.attributes.get("content") or node.text(strip=True)
        if value:
            found.setdefault("datepublished", value)
    return found


def metadata_date(meta: dict[str, str], tagged: TaggedNodes) -> str | None:
    """Publish time from meta tags, JSON-LD and <time datetime>, or None."""
    for key in _META_DATE_KEYS:
        value = parse_datetime(meta.get(key))
        if value:
            return value
    for node in tagged.json_ld:
        m = _JSONLD_DATE_RE.search(node.text() or "")
        if m and (value := parse_datetime(m[1])):
            return value
    for node in tagged.times:
        value = parse_datetime(node.attributes.get("datetime") or node.attributes.get("pubdate"))
        if value:
            return value
    return None


def meta_titles(meta: dict[str, str], tagged: TaggedNodes) -> list[str]:
    """<title>, og:title and twitter:title, non-empty (saved pages sometimes break og:title quoting)."""
    node = tagged.titles[0] if tagged.titles else None
    found = [node.text(strip=True) if node is not None else ""]
    found += [meta.get("og:title") or "", meta.get("twitter:title") or ""]
    return [t for t in found if t]


def strip_site_suffix(title: str) -> str:
    """'标题_新岭南' / '标题 - 网易新闻' / '标题|公园_新浪新闻' → '标题' (only short, site-like tails)."""
    title = " ".join(title.split())
    while True:
        matches = list(_TITLE_SEP_RE.finditer(title))
        if not matches:
            return title
        m = matches[-1]
        head, tail = title[: m.start()].strip(), title[m.end() :].strip()
        if len(head) < 4 or not tail or len(tail) > 25:
            return title
        # A bare hyphen also sits inside titles (1-10月); only a site-like tail is cut there.
        site_like = bool(_SITE_WORD_RE.search(tail))
        if (len(tail) > 12 or m.group().strip() == "-") and not site_like:
            return title
        title = head


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


_TITLE_SELECTORS = ("h1", "h2, h3", "[class*=title], [id*=title], [class*=Title], [class*=biaoti]")


def find_title(
    tree: LexborHTMLParser, meta: dict[str, str], tagged: TaggedNodes
) -> tuple[str | None, LexborNode | None]:
    """Headline and its node: the heading that best matches <title>/og:title, else h1, else <title>."""
    titles = meta_titles(meta, tagged)
    references = [_norm(t) for t in titles]
    best: tuple[float, str, LexborNode] | None = None
    first_h1: tuple[str, LexborNode] | None = None
    for rank, selector in enumerate(_TITLE_SELECTORS):
        if rank < 2:
            candidates = tagged.h1 if rank == 0 else tagged.h23
        else:
            candidates = tree.css(selector)
        for node in candidates:
            text = " ".join(node.text().split())
            if not text or len(text) > 200:
                continue
            if rank == 0 and first_h1 is None and len(text) >= 4:
                first_h1 = (text, node)
            squeezed = _norm(text)
            if len(squeezed) < 4:
                continue
            for reference in references:
                if squeezed not in reference:
                    continue
                score = len(squeezed) / len(reference) - 0.05 * rank
                if best is None or score > best[0]:
                    best = (score, text, node)
        if best is not None and best[0] > 0.5:
            break
    if best is not None and best[0] > 0.3:
        return best[1], best[2]
    if first_h1 is not None and not references:
        return first_h1
    fallback = strip_site_suffix(titles[0]) if titles else ""
    if first_h1 is not None and _norm(first_h1[0]) == _norm(fallback):
        return first_h1
    return (fallback or (first_h1[0] if first_h1 else None)), (first_h1[1] if first_h1 else None)


def crumb_text(node: LexborNode) -> str | None:
    """'A > B > C' from an element holding a breadcrumb (label 当前位置： dropped), or None."""
    text = " ".join(node.text(separator=" ").split())
    if not text or len(text) > 150:
        return None
    text = _CRUMB_LABEL_RE.sub("", text)
    parts = [p.strip() for p in _CRUMB_SEP_RE.split(text) if p.strip()]
    if len(parts) < 2:
        links = [" ".join(a.text().split()) for a in node.css("a")]
        parts = [p for p in links if p]
    if len(parts) < 2 or any(len(p) > 30 for p in parts):
        return None
    return " > ".join(parts)


def find_breadcrumb(tree: LexborHTMLParser, tagged: TaggedNodes | None = None) -> str | None:
    """'A > B > C' from a breadcrumb-classed element or a 当前位置：line, or None."""
    for node in tagged.crumbs if tagged is not None else tree.css(_BREADCRUMB_SEL):
        text = node.text()
        if _CRUMB_LABEL_RE.match(text) or any(sep in text for sep in _CRUMB_SEPS):
            found = crumb_text(node)
            if found:
                return found
    return None
