"""The sample portal: a deterministic, lazy set of stories, their copies as article pages, and truth.

Only a compact plan (story kind, site, time, id per article) is built up front; a page's text
is written when it is requested, from random.Random seeded by (seed, story), so 100,000 articles
cost a few MB and the same seed always serves the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import threading
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

from . import render as R
from .model import Para, Story, Unit
from .stories import ORIGINAL_ON_B, valid_kinds, write_story
from .world import World

TZ8 = timezone(timedelta(hours=8))
SITE_A, SITE_B = "demo-dongguan", "demo-guanzhu"
SITES = (SITE_A, SITE_B)
VARIANTS = ("original", "syndicated", "traditional", "edited")
PAGE_SIZE = 20
DEFAULT_BASE_URL = "http://127.0.0.1:8765"

_ID_A, _ID_B = 3_000_000, 5_000_000
_RE_A = re.compile(r"^/dongguan/(\d{4})/(\d{4})/(\d+)\.html$")
_RE_B = re.compile(r"^/news/content/(\d{6})/t(\d+)\.htm$")
_RE_LIST_A = re.compile(r"^/dongguan/index_(\d+)\.html$")
_RE_LIST_B = re.compile(r"^/news/list_(\d+)\.htm$")
_EPOCH_2016 = int(datetime(2016, 1, 1, tzinfo=TZ8).timestamp())

_s2t_lock = threading.Lock()
_s2t_converter = None


def to_traditional(text: str) -> str:
    """Simplified -> traditional (OpenCC s2t), for the traditional-character copies on portal B."""
    global _s2t_converter
    with _s2t_lock:  # one converter shared by server threads; OpenCC objects are not documented thread-safe
        if _s2t_converter is None:
            import opencc

            _s2t_converter = opencc.OpenCC("s2t")
        return _s2t_converter.convert(text)


@dataclass(frozen=True)
class _Copy:
    variant: int
    site: int
    offset_min: int  # minutes after the original


class _Index:
    """Per-article columns, swapped as a whole by add_articles so readers never see half an update."""

    def __init__(self) -> None:
        self.story = array("I")
        self.variant = bytearray()
        self.site = bytearray()
        self.epoch = array("q")
        self.story_kind: list[str] = []
        self.story_epoch = array("q")
        self.story_on_b = bytearray()
        self.order: tuple[list[int], list[int]] = ([], [])

    def copy(self) -> _Index:
        new = _Index()
        new.story, new.variant, new.site, new.epoch = array("I", self.story), bytearray(self.variant), \
            bytearray(self.site), array("q", self.epoch)
        new.story_kind, new.story_epoch = list(self.story_kind), array("q", self.story_epoch)
        new.story_on_b = bytearray(self.story_on_b)
        return new

    def sort(self) -> None:
        order: tuple[list[int], list[int]] = ([], [])
        for i in range(len(self.site)):
            order[self.site[i]].append(i)
        for lst in order:
            lst.sort(key=lambda i: (self.epoch[i], i), reverse=True)
        self.order = order


class Portal:
    """Two sample portals on one loopback server, with ground truth. See SPEC 'The bundled sample portal'."""

    def __init__(self, seed: int = 7, n_articles: int = 300, base_url: str = DEFAULT_BASE_URL) -> None:
        if not 1 <= n_articles <= 1_000_000:
            raise ValueError("n_articles must be between 1 and 1,000,000")
        self.seed = seed
        self.base_url = base_url
        self.world = World(seed)
        self._lock = threading.Lock()
        ix = _Index()
        i = 0
        while len(ix.site) < n_articles:
            self._plan_story(ix, i, None, n_articles - len(ix.site))
            i += 1
        ix.sort()
        self._ix = ix
        # Bounded caches: listings and link blocks ask for the same few titles and stories again and
        # again, but a 100,000-article crawl must not keep every story in memory.
        self._story = lru_cache(maxsize=1024)(self._story_uncached)
        self._title = lru_cache(maxsize=50_000)(self._title_uncached)  # type: ignore[method-assign]

    # ---- plan ----------------------------------------------------------------------------------
    def _plan_story(self, ix: _Index, i: int, after: int | None, room: int) -> None:
        rng = random.Random(f"{self.seed}:plan:{i}")
        has_stats = rng.random() < 0.7
        if after is None:
            d = datetime(rng.randint(2016, 2024), rng.randint(1, 12), rng.randint(1, 25),
                         rng.randint(7, 22), rng.randint(0, 59), tzinfo=TZ8)
        else:
            d = datetime.fromtimestamp(after + rng.randint(300, 5400), TZ8).replace(second=0)
        kind = rng.choice(valid_kinds(has_stats, d.date()))
        on_b = rng.random() < ORIGINAL_ON_B[kind]
        copies = [_Copy(0, int(on_b), 0)]
        if rng.random() < 0.35:
            copies.append(_Copy(1, int(not on_b), rng.randint(20, 3 * 1440)))
        if rng.random() < 0.15:
            copies.append(_Copy(2, 1, rng.randint(30, 3 * 1440)))
        if rng.random() < 0.15:
            copies.append(_Copy(3, int(on_b) if rng.random() < 0.6 else int(not on_b), rng.randint(60, 3 * 1440)))
        base = int(d.timestamp())
        ix.story_kind.append(kind)
        ix.story_epoch.append(base)
        ix.story_on_b.append(int(on_b))
        for c in copies[:room]:
            # Portal A prints minutes only; B prints seconds, so only B times carry them.
            sec = rng.randint(0, 59) if c.site == 1 else 0
            ix.story.append(i)
            ix.variant.append(c.variant)
            ix.site.append(c.site)
            ix.epoch.append(base + c.offset_min * 60 + sec)

    def add_articles(self, k: int) -> None:
        """k new articles (new stories and their copies), newer than everything, top of page 1."""
        if k <= 0:
            return
        with self._lock:
            ix = self._ix.copy()
            after = max(max(ix.epoch), max(ix.story_epoch)) + 600
            target = len(ix.site) + k
            i = len(ix.story_kind)
            while len(ix.site) < target:
                before = len(ix.site)
                self._plan_story(ix, i, after, target - len(ix.site))
                after = max(ix.epoch[before:]) if len(ix.site) > before else after
                after = max(after, ix.story_epoch[-1])
                i += 1
            ix.sort()
            self._ix = ix

    @property
    def n_articles(self) -> int:
        return len(self._ix.site)

    # ---- articles ------------------------------------------------------------------------------
    def _story_uncached(self, i: int) -> Story:
        ix = self._ix
        pub = datetime.fromtimestamp(ix.story_epoch[i], TZ8)
        return write_story(i, ix.story_kind[i], pub, bool(ix.story_on_b[i]), self.seed, self.world)

    def path(self, idx: int) -> str:
        ix = self._ix
        t = datetime.fromtimestamp(ix.epoch[idx], TZ8)
        if ix.site[idx] == 0:
            return f"/dongguan/{t:%Y}/{t:%m%d}/{_ID_A + idx * 7 + idx % 5}.html"
        return f"/news/content/{t:%Y%m}/t{_ID_B + idx * 3 + idx % 2}.htm"

    def _idx_for_path(self, route: str) -> int | None:
        m = _RE_A.match(route)
        if m:
            idx = (int(m.group(3)) - _ID_A) // 7
        else:
            m = _RE_B.match(route)
            if not m:
                return None
            idx = (int(m.group(2)) - _ID_B) // 3
        if 0 <= idx < self.n_articles and self.path(idx) == route:
            return idx
        return None

    def _paras(self, idx: int, story: Story) -> tuple[str, list[Para]]:
        """Title and paragraphs of one copy: syndicated tweaks, a light edit, or the original."""
        variant = self._ix.variant[idx]
        paras = list(story.paras)
        title = story.title
        if variant == 1:
            rng = random.Random(f"{self.seed}:syndicate:{story.index}")
            r = rng.random()
            if r < 0.25:
                title = f"{title}（图）"
            elif r < 0.45:
                title = f"【{rng.choice(('警情通报', '平安东莞', '本地'))}】{title}"
            if rng.random() < 0.5:
                line = Para((Unit(rng.choice(("来源：{s}", "（来源：{s}）", "本文转自{s}")).format(s=story.source)),))
                if rng.random() < 0.5:
                    paras.insert(0, line)
                else:
                    paras.append(line)
        elif variant == 3:
            paras = _edit(random.Random(f"{self.seed}:edit:{story.index}"), story, paras)
        return title, paras

    def _view(self, idx: int) -> tuple[R.ArticleView, Story, list[Para]]:
        ix = self._ix
        story = self._story(ix.story[idx])
        title, paras = self._paras(idx, story)
        lines = [p.text for p in paras]
        if ix.variant[idx] == 2:
            title = to_traditional(title)
            lines = [to_traditional(s) for s in lines]
        site = ix.site[idx]
        rng = random.Random(f"{self.seed}:page:{idx}")
        if site == 0:
            crumbs = R.CRUMBS_A
            style = "meta-gb2312" if rng.random() < 0.5 else "header-gbk"
            author = None
        else:
            crumbs = ("首页", "警务资讯", {"weekly_bulletin": "警情通报", "monthly_bulletin": "警情通报",
                                        "antifraud": "防范提示"}.get(story.kind, "警务动态"))
            style = "indent" if rng.random() < 0.5 else "plain"
            author = story.author
        view = R.ArticleView(
            title=title, published=datetime.fromtimestamp(ix.epoch[idx], TZ8),
            source=story.source, author=author, breadcrumb=crumbs, lines=tuple(lines),
            subheads=frozenset(i for i, p in enumerate(paras) if p.subhead),
            caption=story.caption if site == 0 else None, charset_style=style,
            meta_publishdate=rng.random() < 0.5, og_title=rng.random() < 0.4)
        return view, story, paras

    def _title_uncached(self, idx: int) -> str:
        story = self._story(self._ix.story[idx])
        title, _ = self._paras(idx, story)
        return to_traditional(title) if self._ix.variant[idx] == 2 else title

    def _link(self, idx: int, from_site: int) -> R.Link:
        t = datetime.fromtimestamp(self._ix.epoch[idx], TZ8)
        path = self.path(idx)
        href = path if from_site == 0 else "../" + path[len("/news/content/"):]
        return R.Link(href, self._title(idx), f"{t:%Y-%m-%d}")

    def _listing_link_b(self, idx: int) -> R.Link:
        link = self._link(idx, 1)
        return R.Link("./content/" + link.href[len("../"):], link.title, link.date)

    def _older_same_site(self, idx: int, rng: random.Random, k: int, lo: int, hi: int) -> list[int]:
        """Up to k same-site articles created before idx, drawn from [lo, hi).

        Only older-created articles, so adding articles never changes an existing page.
        """
        site, hi = self._ix.site[idx], min(hi, idx)
        found: list[int] = []
        if hi <= lo:
            return found
        for _ in range(k * 6):
            j = rng.randrange(lo, hi)
            if self._ix.site[j] == site and j not in found:
                found.append(j)
                if len(found) >= k:
                    break
        return found

    def _link_targets(self, idx: int, rng: random.Random, n_related: int, n_hot: int) -> tuple[list[int], list[int]]:
        # 热点排行 and 新闻推荐 come from the oldest few hundred articles (always the same titles, so
        # cached), 相关阅读 from articles created just before this one.
        hot = self._older_same_site(idx, rng, n_hot, 0, 400)
        related = self._older_same_site(idx, rng, n_related, max(0, idx - 80), idx)
        return related, hot

    def _article_html(self, idx: int) -> tuple[bytes, str, int]:
        view, story, paras = self._view(idx)
        rng = random.Random(f"{self.seed}:links:{idx}")
        site = self._ix.site[idx]
        if site == 0:
            related, hot = self._link_targets(idx, rng, 3, 6)
            teaser = None
            if hot:
                t_view = self._view(hot[0])[0]
                teaser = (self._link(hot[0], 0), "".join(t_view.lines)[:48])
            picks = rng.sample(range(len(R.CHANNEL_HEADLINES)), 7)
            html = R.article_a(view, teaser, [self._link(j, 0) for j in related],
                               [self._link(j, 0) for j in hot[1:]], picks)
            return html.encode("gbk"), view.charset_style, int(view.published.timestamp())
        related, hot = self._link_targets(idx, rng, 2, 3)
        html = R.article_b(view, [self._link(j, 1) for j in related + hot])
        return html.encode("utf-8"), "utf-8", int(view.published.timestamp())

    # ---- truth ---------------------------------------------------------------------------------
    def _truth(self, idx: int) -> tuple[dict, list[dict]]:
        view, story, paras = self._view(idx)
        ix = self._ix
        url = self.base_url.rstrip("/") + self.path(idx)
        rows, seen = [], set()
        for p in paras:
            for u in p.units:
                for r in u.rows:
                    if r.key() not in seen:  # a figure restated later in the same article counts once
                        seen.add(r.key())
                        rows.append({"url": url, "story_id": story.index, **r.as_dict()})
        art = {
            "url": url, "site": SITES[ix.site[idx]], "title": view.title,
            "published": view.published.isoformat(), "source": view.source, "author": view.author,
            "breadcrumb": " > ".join(view.breadcrumb), "body": "\n".join(view.lines),
            "story_id": story.index, "variant": VARIANTS[ix.variant[idx]],
            "encoding": "gbk" if ix.site[idx] == 0 else "utf-8", "has_stats": bool(rows),
            "kind": story.kind,
        }
        return art, rows

    def truth_articles(self) -> Iterator[dict]:
        for idx in range(self.n_articles):
            yield self._truth(idx)[0]

    def truth_stats(self) -> Iterator[dict]:
        for idx in range(self.n_articles):
            yield from self._truth(idx)[1]

    def write_truth(self, dir: Path) -> None:
        dir = Path(dir)
        dir.mkdir(parents=True, exist_ok=True)
        with open(dir / "articles.jsonl", "w", encoding="utf-8") as fa, \
                open(dir / "stats.jsonl", "w", encoding="utf-8") as fs:
            for idx in range(self.n_articles):
                art, rows = self._truth(idx)
                fa.write(json.dumps(art, ensure_ascii=False) + "\n")
                for r in rows:
                    fs.write(json.dumps(r, ensure_ascii=False) + "\n")

    # ---- HTTP ----------------------------------------------------------------------------------
    def _listing(self, site: int, page: int) -> tuple[bytes, str, int] | None:
        order = self._ix.order[site]
        n_pages = max(1, -(-len(order) // PAGE_SIZE))
        if not 1 <= page <= n_pages:
            return None
        chunk = order[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        newest = self._ix.epoch[chunk[0]] if chunk else _EPOCH_2016
        if site == 0:
            items = [self._link(i, 0) for i in chunk]
            picks = [items[j] for j in (0, 3) if j < len(items)]
            style = "meta-gb2312" if page % 2 else "header-gbk"
            html = R.listing_a(page, n_pages, items, picks, style)
            return html.encode("gbk"), style, newest
        # Listing pages live in /news/, articles in /news/content/YYYYMM/: TRS-style relative links.
        items = [self._listing_link_b(i) for i in chunk]
        sticky = self._listing_link_b(order[0]) if order else None
        html = R.listing_b(page, n_pages, items, sticky)
        return html.encode("utf-8"), "utf-8", newest

    def response(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for a GET of `path` (query string ignored, as most CMSs do)."""
        req = {k.lower(): v for k, v in (headers or {}).items()}
        route = path.split("#", 1)[0].split("?", 1)[0]
        if route == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, R.ROBOTS_TXT.encode()
        if route in ("/", "/index.html"):
            return 200, {"Content-Type": "text/html; charset=utf-8"}, R.home().encode()
        if route in ("/dongguan", "/news"):
            return 301, {"Location": route + "/", "Content-Type": "text/html; charset=utf-8"}, \
                R.error_page(301, "Moved Permanently").encode()
        if route.startswith("/admin"):
            return 403, {"Content-Type": "text/html; charset=utf-8"}, R.error_page(403, "Forbidden").encode()
        page = None
        if route in ("/dongguan/", "/dongguan/index.html"):
            page = self._listing(0, 1)
        elif route in ("/news/", "/news/index.htm"):
            page = self._listing(1, 1)
        elif m := _RE_LIST_A.match(route):
            page = self._listing(0, int(m.group(1))) if int(m.group(1)) > 1 else None
        elif m := _RE_LIST_B.match(route):
            page = self._listing(1, int(m.group(1))) if int(m.group(1)) > 1 else None
        else:
            idx = self._idx_for_path(route)
            if idx is not None:
                page = self._article_html(idx)
        if page is None:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, R.error_page(404, "Not Found").encode()
        body, style, modified = page
        ctype = {"meta-gb2312": "text/html", "header-gbk": "text/html; charset=GBK"}.get(
            style, "text/html; charset=utf-8")
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        out = {"Content-Type": ctype, "ETag": etag, "Last-Modified": formatdate(modified, usegmt=True),
               "Cache-Control": "max-age=60"}
        if _not_modified(req, etag, modified):
            return 304, {k: v for k, v in out.items() if k != "Content-Type"}, b""
        return 200, out, body


def _not_modified(req: dict[str, str], etag: str, modified: int) -> bool:
    inm = req.get("if-none-match")
    if inm is not None:
        # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); weak tags compare equal.
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or etag in tags
    ims = req.get("if-modified-since")
    if ims:
        try:
            return int(parsedate_to_datetime(ims).timestamp()) >= modified
        except (TypeError, ValueError):
            return False
    return False


def _edit(rng: random.Random, story: Story, paras: list[Para]) -> list[Para]:
    """One light edit of a re-post: fix the typo, or drop, reword or add one filler sentence."""
    if story.typo and rng.random() < 0.6:
        pi, ui, fixed = story.typo
        units = list(paras[pi].units)
        units[ui] = Unit(fixed, units[ui].rows, True)
        paras[pi] = Para(tuple(units), paras[pi].subhead)
        return paras
    spots = [(pi, ui) for pi, p in enumerate(paras) for ui, u in enumerate(p.units) if u.editable]
    if not spots:
        paras.append(Para((Unit(story.spare[0], (), True),)))
        return paras
    pi, ui = rng.choice(spots)
    units = list(paras[pi].units)
    op = rng.choice(("drop", "reword", "add"))
    if op == "drop" and len(units) > 1:
        del units[ui]
    elif op == "reword":
        units[ui] = Unit(story.spare[0], (), True)
    else:
        units.insert(ui + 1, Unit(story.spare[1], (), True))
    paras[pi] = Para(tuple(units), paras[pi].subhead)
    return paras
