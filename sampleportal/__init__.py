"""Offline stand-in for real portals: a deterministic article generator with ground truth and a loopback server.

    from sampleportal.generator import Portal
    from sampleportal.server import start_portal

    portal = Portal(seed=7, n_articles=300)        # lazy; 100,000 articles build in about a second
    srv = start_portal(portal)                     # http://127.0.0.1:<port>/dongguan/ and /news/
    portal.write_truth(Path("truth"))              # articles.jsonl, stats.jsonl

Conventions of the ground truth (what an extractor is scored against):

- body: the text of the `<p>` elements of `div.content` (demo-dongguan) or `div.TRS_Editor`
  (demo-guanzhu), stripped, empty ones skipped, joined by "\\n", in the page's own script.
  Image captions (`div.pic > span.caption`, e.g. "■大岭山公安分局供图") are not body; nor is
  anything after the body (新闻推荐, 相关阅读, 热点排行, 评论, footer).
- breadcrumb: crumb texts joined by " > ", without the "当前位置：" label.
- published: ISO-8601 with +08:00; source: the 来源 text; author: demo-guanzhu's 作者 or None.
- stats: one row per distinct (jurisdiction, period, category, subcategory, measure, metric) per
  article; a figure restated later in the same article (the seed page does this) counts once, with
  the first sentence as evidence. evidence is that sentence in simplified characters, split on
  。！？；; and newlines with the delimiter dropped (see model.split_sentences).
- category_raw is the phrase as written (违法犯罪类警情, 盗窃, 盗窃电动车, 刑事案件; for arrests the
  crime before 犯罪嫌疑人); categories.SUBCATEGORIES / CATEGORY_PHRASES map phrases to codes.
- Headlines, 个百分点, rankings, satisfaction rates, money, shares (占…%), officers and volunteers,
  GDP growth and boilerplate blocks never produce rows.
- Figures come from one consistent imaginary world (world.World): every report on the same place,
  period and series prints the same value, parts add up (刑事 + 治安 = 违法犯罪警情), and
  percentages agree with the counts.
- truth_articles() rows also carry `kind` (the story template), handy for slicing scores.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Portal", "PortalServer", "start_portal", "serve_forever"]


def __getattr__(name: str) -> Any:
    # Lazy so `import sampleportal` stays cheap for code that only wants a constant.
    if name == "Portal":
        from .generator import Portal

        return Portal
    if name in ("PortalServer", "start_portal", "serve_forever"):
        from . import server

        return getattr(server, name)
    raise AttributeError(name)
