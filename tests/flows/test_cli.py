"""The command line (real processes): one line on bad input; parse, sql and extract --explain print what they
should. A run killed mid-way is in tests/pipeline/test_crash_safety.py."""

from __future__ import annotations

import pytest

from tests.portal_helpers import cli, free_port


def _one_error_line(result) -> str:
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert result.returncode != 0
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_bad_site_field_is_one_line_and_nonzero(tmp_path):
    site = tmp_path / "bad.yaml"
    site.write_text("name: ok\nstart_urls: [http://127.0.0.1:1/]\narticle_url_pattern: x\n"
                    "politeness: {concurrency: zero}\n", encoding="utf-8")
    line = _one_error_line(cli("run", "--site", str(site), "--db", str(tmp_path / "x.duckdb")))
    assert str(site) in line and "politeness.concurrency" in line


def test_missing_site_file_is_one_line(tmp_path):
    line = _one_error_line(cli("run", "--site", str(tmp_path / "nope.yaml"), "--db", str(tmp_path / "x.duckdb")))
    assert "nope.yaml" in line and "not found" in line


@pytest.mark.slow
def test_unreachable_start_url_is_one_line(tmp_path):
    port = free_port()  # nothing listens there
    site = tmp_path / "down.yaml"
    site.write_text(f"name: down\nstart_urls: [http://127.0.0.1:{port}/list/]\narticle_url_pattern: x\n"
                    "politeness: {retries: 0, timeout_seconds: 2}\n", encoding="utf-8")
    line = _one_error_line(cli("run", "--site", str(site), "--db", str(tmp_path / "x.duckdb"), timeout=300))
    assert "no start URL could be fetched" in line and f"127.0.0.1:{port}" in line


def test_sql_on_missing_db_is_one_line(tmp_path):
    line = _one_error_line(cli("sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb")))
    assert "database not found" in line


def test_parse_prints_the_article_as_json(tmp_path):
    import json

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>大岭山警情下降_新岭南</title></head><body><div class='crumbs'>新岭南 &gt; 东莞</div>"
                    "<h1>大岭山警情下降</h1><div class='info'>来源:东莞日报 2021-03-24 15:59</div>"
                    "<div class='content'><p>2020年大岭山公安分局共接违法犯罪类警情4104起，同比下降49.55%。</p>"
                    "<p>其中盗窃警情同比下降57%，两抢警情同比下降84%，诈骗1405起。</p></div>"
                    "<div class='hot'><h3>热点排行</h3><ul><li><a href='/a'>别的新闻</a></li></ul></div></body></html>",
                    encoding="gb18030")
    result = cli("parse", str(page))
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["title"] == "大岭山警情下降"
    assert article["published"] == "2021-03-24T15:59:00+08:00" and article["source"] == "东莞日报"
    assert "4104起" in article["body"] and "热点排行" not in article["body"]


def test_sql_prints_a_table(tmp_path):
    from tasks.store.db import connect

    db = tmp_path / "q.duckdb"
    connect(db).close()  # an empty, migrated warehouse
    result = cli("sql", "SELECT count(*) AS n_articles FROM articles", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "n_articles" in result.stdout and "0" in result.stdout
    bad = cli("sql", "SELECT nope FROM articles", "--db", str(db))
    assert bad.returncode != 0 and bad.stderr.strip().startswith("crimetrend: error: SQL error")


def _explained_blocks(stdout: str) -> list[dict[str, str]]:
    """`extract --explain` output → one dict per fact: 'head' (its first line) and one entry per labelled line."""
    import re

    blocks: list[dict[str, str]] = []
    for line in stdout.splitlines():
        if re.match(r"\d+\. ", line):
            blocks.append({"head": line})
        elif line.strip() and blocks:
            label, _, rest = line.strip().partition(" ")
            blocks[-1][label] = rest.strip()
    return blocks


def test_extract_explain_names_the_words_behind_each_fact(tmp_path):
    import json

    from tasks.stats.from_file import stats_of_file

    text = tmp_path / "bulletin.txt"
    text.write_text("东莞警方通报2020年治安情况\n2020年，东莞市共接报刑事警情4104起，同比下降49.55%。\n", encoding="utf-8")
    plain = cli("extract", str(text))
    assert plain.returncode == 0, plain.stderr
    # without --explain the output is what it always was: one JSON object per statistic
    lines = plain.stdout.splitlines()
    assert lines == [json.dumps(m, ensure_ascii=False) for m in stats_of_file(text.read_bytes())]
    rows = [json.loads(line) for line in lines]
    assert any(r["value"] == 4104 and r["metric"] == "count" for r in rows)

    explained = cli("extract", str(text), "--explain")
    assert explained.returncode == 0, explained.stderr
    blocks = _explained_blocks(explained.stdout)
    assert len(blocks) == len(rows)  # the same facts, each explained once
    fact = next(b for b in blocks if b["head"].endswith("count = 4104"))
    assert "东莞市" in fact["head"] and "2020-01-01–2020-12-31" in fact["head"] and "criminal" in fact["head"]
    assert fact["period"].startswith("2020年") and "(from the sentence)" in fact["period"]
    assert fact["place"].startswith("东莞市") and "(from the sentence)" in fact["place"]
    assert fact["category"].startswith("刑事") and fact["measure"].startswith("接报")
    assert "4104起" in fact["evidence"]
    assert not explained.stdout.lstrip().startswith("{")


def test_extract_explain_on_a_missing_file_is_one_line(tmp_path):
    line = _one_error_line(cli("extract", str(tmp_path / "none.txt"), "--explain"))
    assert line.startswith("crimetrend: error:") and "none.txt" in line and "cannot read" in line


def test_extract_explain_keeps_only_rows_that_would_land_each_with_its_own_explanation(monkeypatch):
    import tasks.stats.from_file as stats_file

    def row(value, category="criminal"):
        return {"jurisdiction": "东莞市", "period_start": "2020-01-01", "period_end": "2020-12-31",
                "category": category, "subcategory": "", "category_raw": "", "measure": "reports",
                "metric": "count", "value": value, "approx": False, "evidence": str(value)}

    pairs = [(row(1.0), {"n": 1}), (row(2.0, category="no_such_code"), {"n": 2}), (row(-3.0), {"n": 3}),
             (row(4.0), {"n": 4})]
    monkeypatch.setattr(stats_file, "explain_stats", lambda *a, **k: pairs)
    monkeypatch.setattr(stats_file, "extract_stats", lambda *a, **k: [r for r, _ in pairs])
    explained = stats_file.explained_stats_of_file("标题\n正文".encode())
    assert [(r["value"], why["n"]) for r, why in explained] == [(1.0, 1), (4.0, 4)]
    assert [r for r, _ in explained] == stats_file.stats_of_file("标题\n正文".encode())
