"""Short near-duplicates (issue 12): a ~250-character agency item re-posted with another lead sentence, 去年
written as the year and one clause added is one story; short bulletins of one template with other figures are not."""

from __future__ import annotations

from datetime import UTC, datetime

import opencc

from tasks.dedup.minhash import (
    SHORT_SIMILARITY_THRESHOLD,
    SHORT_TEXT_CHARS,
    SIMILARITY_THRESHOLD,
    assign_clusters,
    estimated_jaccard,
    figures_band,
    normalize_text,
    signature,
)

ORIGINAL = ("新华社广州1月18日电（记者陈晓）广东省公安厅18日通报，去年全省社会治安形势持续平稳向好，群众安全感和满意度再创新高。"
            "去年全省公安机关共立刑事案件18.6万起，同比下降12.4%；其中电信网络诈骗案件3.9万起，同比下降21.7%，"
            "盗窃案件同比下降15.2%。全省共破获刑事案件9.2万起，抓获犯罪嫌疑人11.3万名，两抢案件连续五年下降，"
            "八类严重暴力案件破案率达98.6%。省公安厅有关负责人表示，今年将保持对各类违法犯罪的高压态势，"
            "持续深化打击治理电信网络诈骗工作。")
# another lead sentence, 去年 → 2023年, and the clause 命案现案连续三年全部侦破 added
REPOST = ("记者从1月18日召开的广东省公安工作新闻发布会上了解到，全省刑事案件总量连续多年保持下降。"
          "2023年全省公安机关共立刑事案件18.6万起，同比下降12.4%；其中电信网络诈骗案件3.9万起，同比下降21.7%，"
          "盗窃案件同比下降15.2%。全省共破获刑事案件9.2万起，抓获犯罪嫌疑人11.3万名，两抢案件连续五年下降，"
          "命案现案连续三年全部侦破，八类严重暴力案件破案率达98.6%。省公安厅有关负责人表示，今年将保持对各类违法犯罪的"
          "高压态势，持续深化打击治理电信网络诈骗工作。")
# two cities' monthly bulletins from one template: other place, other figures, the same wording
CITY_A = ("东莞市公安局发布3月份全市治安警情通报。3月份，全市共接报刑事警情4512起，同比下降8.6%；其中盗窃警情2107起，"
          "同比下降11.2%，诈骗警情986起，同比下降5.4%。全市共破获刑事案件1324起，抓获违法犯罪嫌疑人1876名。"
          "市公安局提醒广大市民，近期冒充客服、刷单返利等电信网络诈骗手法不断翻新，请提高防范意识，不轻信陌生来电，"
          "不点击不明链接，不向陌生账户转账，如遇可疑情况请及时拨打110报警。")
CITY_B = ("惠州市公安局发布3月份全市治安警情通报。3月份，全市共接报刑事警情2893起，同比下降6.1%；其中盗窃警情1240起，"
          "同比下降9.8%，诈骗警情615起，同比下降3.7%。全市共破获刑事案件872起，抓获违法犯罪嫌疑人1032名。"
          "市公安局提醒广大市民，近期冒充客服、刷单返利等电信网络诈骗手法不断翻新，请提高防范意识，不轻信陌生来电，"
          "不点击不明链接，不向陌生账户转账，如遇可疑情况请及时拨打110报警。")
# a different short story quoting exactly the same figures
COMMENTARY = ("刑事案件18.6万起、同比下降12.4%，电诈案件3.9万起、同比下降21.7%，盗窃下降15.2%，破案9.2万起、抓获11.3万名，"
              "严重暴力案件破案率98.6%——一组数字背后，是千千万万民警日夜坚守的付出。平安不是天上掉下来的，"
              "治理电诈更需要全社会共同参与，每个人都是自己财产安全的第一责任人。")


def no_db(_):
    return None


def no_bands(_):
    return []


def test_similarity_alone_cannot_tell_the_short_repost_from_template_twins():
    # what makes the case: by similarity alone the re-post is no nearer its original than the template twins are
    # to each other, so no single threshold can take the one and leave the other
    orig, repost = signature("o", ORIGINAL), signature("r", REPOST)
    a, b = signature("a", CITY_A), signature("b", CITY_B)
    assert 220 <= len(ORIGINAL) <= 260 and len(normalize_text(REPOST)) <= SHORT_TEXT_CHARS
    assert estimated_jaccard(orig.minhash, repost.minhash) < SIMILARITY_THRESHOLD
    assert estimated_jaccard(a.minhash, b.minhash) >= SHORT_SIMILARITY_THRESHOLD
    assert abs(estimated_jaccard(a.minhash, b.minhash) - estimated_jaccard(orig.minhash, repost.minhash)) < 0.1


def test_short_repost_with_new_lead_year_and_clause_joins_its_original():
    docs = [signature("orig", ORIGINAL), signature("repost", REPOST)]
    assert assign_clusters(docs, no_db, no_bands) == {"orig": "orig", "repost": "orig"}


def test_traditional_short_repost_joins_its_original():
    docs = [signature("orig", ORIGINAL), signature("repost", opencc.OpenCC("s2t").convert(REPOST))]
    assert assign_clusters(docs, no_db, no_bands) == {"orig": "orig", "repost": "orig"}


def test_short_bulletins_of_one_template_with_other_figures_stay_apart():
    docs = [signature("dg", CITY_A), signature("hz", CITY_B), signature("orig", ORIGINAL), signature("r", REPOST)]
    assert assign_clusters(docs, no_db, no_bands) == {"dg": "dg", "hz": "hz", "orig": "orig", "r": "orig"}


def test_a_different_story_with_the_same_figures_stays_apart():
    orig, commentary = signature("orig", ORIGINAL), signature("c", COMMENTARY)
    assert commentary.figures_band == orig.figures_band  # only the prose tells them apart here
    assert assign_clusters([orig, commentary], no_db, no_bands) == {"orig": "orig", "c": "c"}


def test_figures_band_ignores_dates_years_hotlines_and_repeated_figures():
    base = "共立刑事案件18.6万起，同比下降12.4%，抓获犯罪嫌疑人11,300名。"
    assert figures_band(base) is not None
    same = "1月18日电 2023年共立刑事案件18.6万起（同比下降12.4%），抓获犯罪嫌疑人11300名，立案18.6万起。请拨打110。"
    assert figures_band(same) == figures_band(base)
    assert figures_band("共立刑事案件18.7万起，同比下降12.4%，抓获犯罪嫌疑人11300名。") != figures_band(base)
    assert figures_band("抓获3名嫌疑人，破案2起，缴获1辆车。") is None  # too little to identify a story
    assert figures_band("2023年1月18日，请拨打110或96110。") is None


def test_long_texts_get_no_figures_band():
    assert signature("s", ORIGINAL).figures_band is not None
    assert signature("l", ORIGINAL * 3).figures_band is None


def test_short_repost_joins_its_original_landed_in_an_earlier_batch(tmp_path):
    # through the real band index: the original lands in one batch, the re-post (another portal) in a later one
    from tasks.pipeline.land import land_articles
    from tasks.records import ParsedArticle
    from tasks.store.db import connect

    def article(aid: str, site: str, body: str) -> ParsedArticle:
        now = datetime(2024, 1, 18, 12, tzinfo=UTC)
        return ParsedArticle(article_id=aid, site=site, url=f"http://{site}.test/{aid}", canonical_url="",
                             title="全省刑事案件下降", published_at=None, source=None, author=None, breadcrumb=None,
                             body=body, raw_sha1=aid, etag=None, last_modified=None, fetched_at=now,
                             signature=signature(aid, body))

    con = connect(tmp_path / "w.duckdb")
    try:
        land_articles(con, [article("orig", "xinhua", ORIGINAL), article("dg", "dg", CITY_A)], datetime.now(UTC))
        land_articles(con, [article("repost", "portal", REPOST), article("hz", "hz", CITY_B)], datetime.now(UTC))
        clusters = dict(con.execute("SELECT article_id, cluster_id FROM articles").fetchall())
    finally:
        con.close()
    assert clusters == {"orig": "orig", "repost": "orig", "dg": "dg", "hz": "hz"}
