"""The warehouse's statistics end to end: pages over HTTP → crime_stat_mentions → fct_crime_stat / fct_crime_trend,
the build's data tests and memory cap, and precision/recall on the sample portal."""

from __future__ import annotations

import duckdb
import pytest

from tasks.pipeline.site_run import run_site
from tasks.profile import parse_site
from tasks.store.build import build
from tasks.store.db import connect
from tests.conftest import shared_path
from tests.loopback import ScriptedServer
from tests.portal_helpers import cli

SEED_TITLE = "大岭山公安分局6项创新经验全市推广 违法犯罪警情同比再降5成"
EXPECTED_SEED = {
    ("2020-01-01", "crime_disorder", "count", 4104.0), ("2020-01-01", "crime_disorder", "yoy_pct", -49.55),
    ("2019-01-01", "crime_disorder", "yoy_pct", -40.2), ("2020-01-01", "theft", "yoy_pct", -57.0),
    ("2020-01-01", "robbery_snatching", "yoy_pct", -84.0), ("2020-01-01", "fraud", "count", 1405.0),
    ("2020-01-01", "fraud", "yoy_pct", -8.0),
    # the headline's 再降5成: a rounded headline figure is a fact of its own (bench/stats/GUIDE.md)
    ("2020-01-01", "crime_disorder", "yoy_pct", -50.0),
}


def seed_page() -> bytes:
    """The seed article as its portal shows it: crumbs, headline, 来源/time, body, then the recommendation blocks."""
    text = shared_path("seed", "dalingshan-police-2021-03-24.txt").read_text(encoding="utf-8")
    start = text.index("来源:东莞日报")
    body_text = text[text.index("\n", start):text.index("新闻推荐")]
    tail = text[text.index("新闻推荐"):]
    paragraphs = "".join(f"<p>{line.strip()}</p>" for line in body_text.splitlines() if line.strip())
    boilerplate = "".join(f"<div class='rec'>{line.strip()}</div>" for line in tail.splitlines() if line.strip())
    html = (f"<html><head><meta charset='gbk'><title>{SEED_TITLE}_新岭南</title></head><body>"
            "<div class='crumbs'>新岭南 &gt; 广东 &gt; 东莞 &gt; 今日东莞 &gt; 正文</div>"
            f"<h1>{SEED_TITLE}</h1><div class='info'><span class='source'>来源:东莞日报</span> "
            "<span class='time'>2021-03-24 15:59</span></div>"
            f"<div class='content'>{paragraphs}</div>{boilerplate}</body></html>")
    return html.encode("gb18030")


@pytest.fixture
def seed_db(tmp_path):
    server = ScriptedServer({
        "/robots.txt": [(200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")],
        "/dongguan/": [(200, {}, b'<a href="/dongguan/2021/0324/1001.html">seed</a>')],
        "/dongguan/2021/0324/1001.html": [(200, {"Content-Type": "text/html"}, seed_page())],
    })
    site = parse_site({"name": "seed", "start_urls": [server.base + "/dongguan/"],
                       "article_url_pattern": r"/\d{4}/\d{4}/\d+\.html$", "region": "东莞市",
                       "politeness": {"delay_seconds": 0}})
    db = tmp_path / "seed.duckdb"
    con = connect(db)
    run_site(site, con, "seed-run")
    build(con)
    yield con, db
    con.close()
    server.close()


def test_seed_article_yields_exactly_its_statistics(seed_db):
    con, _ = seed_db
    rows = con.execute("""SELECT DISTINCT jurisdiction, strftime(period_start, '%Y-%m-%d'), period_end, category,
                          metric, value FROM fct_crime_stat""").fetchall()
    assert {r[0] for r in rows} == {"东莞市大岭山镇"}
    assert {(r[1], r[3], r[4], r[5]) for r in rows} == EXPECTED_SEED
    assert all(str(r[2])[5:] == "12-31" and str(r[2])[:4] == r[1][:4] for r in rows)


def test_prior_year_count_is_derived_from_count_and_yoy(seed_db):
    con, _ = seed_db
    derived, count, yoy = con.execute("""SELECT count_prev_year_derived, "count", yoy_pct FROM fct_crime_trend
        WHERE jurisdiction = '东莞市大岭山镇' AND category = 'crime_disorder'
          AND period_start = DATE '2020-01-01'""").fetchall()[0]
    assert (count, yoy) == (4104, -49.55)
    assert derived == pytest.approx(4104 / 0.5045, abs=0.5)


def test_a_broken_row_fails_build_naming_the_test(seed_db):
    con, db = seed_db
    con.execute("""INSERT INTO crime_stat_mentions
                   SELECT article_id, '东莞市', DATE '2020-01-01', DATE '2020-12-31', 'nonsense_code', '', 'x', 'reports',
                          'count', 1, false, 'broken on purpose' FROM articles LIMIT 1""")
    con.close()
    result = cli("build", "--db", str(db))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "relationships stg_crime_stat_mentions.category" in lines[0] and "nonsense_code" in lines[0]


@pytest.mark.slow
def test_a_build_over_its_memory_cap_fails_in_one_line_naming_the_setting_and_keeps_the_old_tables(seed_db):
    con, db = seed_db
    before = con.execute("SELECT count(*) FROM fct_crime_stat").fetchall()[0][0]
    con.close()
    result = cli("build", "--db", str(db), env={"CRIMETREND_DUCKDB_BUILD_MEMORY_LIMIT": "2MB"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "CRIMETREND_DUCKDB_BUILD_MEMORY_LIMIT=2MB" in lines[0], result.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM fct_crime_stat").fetchall()[0][0] == before
    con.close()
    assert cli("build", "--db", str(db)).returncode == 0  # the default cap is enough for this warehouse


@pytest.mark.slow
def test_statistics_precision_and_recall_on_the_sample_portal(tmp_path, portal):
    from flows.demo import demo_site_files
    from flows.ingest import pipeline

    server = portal(seed=31, n_articles=1200)
    db = tmp_path / "stats.duckdb"
    pipeline(demo_site_files(server.port, tmp_path), db=str(db), report_dir=str(tmp_path / "reports"))
    key = ("jurisdiction", "period_start", "period_end", "category", "subcategory", "measure", "metric")
    truth = {tuple(s[k] for k in key) + (round(float(s["value"]), 2),) for s in server.portal.truth_stats()}
    con = duckdb.connect(str(db), read_only=True)
    columns = ", ".join(f"CAST({k} AS VARCHAR)" if k.startswith("period") else k for k in key)
    found = {row[:-1] + (round(row[-1], 2),)
             for row in con.execute(f"SELECT {columns}, value FROM fct_crime_stat").fetchall()}
    con.close()
    hits = len(truth & found)
    precision, recall = hits / len(found), hits / len(truth)
    print(f"fct_crime_stat vs truth: {len(found)} found, {len(truth)} true, precision {precision:.4f}, "
          f"recall {recall:.4f}")
    assert len(truth) >= 1000
    assert precision >= 0.97 and recall >= 0.95, (precision, recall, sorted(found - truth)[:5],
                                                  sorted(truth - found)[:5])
