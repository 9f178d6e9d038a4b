"""The warehouse runner on real DuckDB files: dependency order, declared tests and columns, comments,
`--select`, and the warehouse_builds migration."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

import warehouse
from tasks.store.build import DataTestFailure, ModelSchemaMismatch, build, load_project
from tasks.store.db import connect
from tasks.store.graph import ModelCycleError, SelectionError
from tests.portal_helpers import cli

DOWNSTREAM_OF_MENTIONS = ["stg_crime_stat_mentions", "int_stat_mentions_sourced", "int_stat_series_values",
                          "dim_jurisdiction", "fct_crime_stat", "fct_crime_trend"]


def land_article(con: duckdb.DuckDBPyConnection, n: int, site: str = "demo", metric: str = "count",
                 value: float = 10) -> None:
    """One archived article with one statistic, as the crawl would land it."""
    aid, url = f"a{n:04d}", f"http://127.0.0.1/{site}/{n}.html"
    con.execute("""INSERT INTO raw_pages (url, final_url, site, page_kind, status, fetched_at, sha1, compression,
                   html, run_id) VALUES (?, ?, ?, 'article', 200, now(), ?, 'none', ''::BLOB, 'run')""",
                [url, url, site, f"sha{n}"])
    con.execute("""INSERT INTO articles (article_id, site, url, canonical_url, title, published_at, body, content_hash,
                   cluster_id, raw_sha1, first_seen_at, updated_at)
                   VALUES (?, ?, ?, ?, 'title', TIMESTAMPTZ '2021-03-24 15:59:00+08', 'body', ?, ?, ?, now(), now())""",
                [aid, site, url, url, f"hash{n}", aid, f"sha{n}"])
    con.execute("""INSERT INTO crime_stat_mentions (article_id, jurisdiction, period_start, period_end, category,
                   subcategory, category_raw, measure, metric, value, approx, evidence)
                   VALUES (?, '东莞市大岭山镇', DATE '2020-01-01', DATE '2020-12-31', 'theft', '', '盗窃', 'reports',
                           ?, ?, false, '盗窃10起')""", [aid, metric, value])


@pytest.fixture
def landed(tmp_path):
    con = connect(tmp_path / "wh.duckdb")
    for n in range(3):
        land_article(con, n, value=10 + n)
    yield con
    con.close()


@pytest.fixture
def warehouse_copy(tmp_path) -> Path:
    """The shipped warehouse folder, copied so a test can add or change models."""
    copy = tmp_path / "warehouse"
    shutil.copytree(Path(warehouse.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _oids(con) -> dict[str, int]:
    return dict(con.execute("SELECT table_name, table_oid FROM duckdb_tables()").fetchall())


def _sites(con) -> list[tuple]:
    return con.execute("SELECT * FROM int_a_site_totals ORDER BY site").fetchall()


def test_a_model_reading_a_later_named_model_is_built_after_it(landed, warehouse_copy):
    models = warehouse_copy / "models"
    (models / "int_a_site_totals.sql").write_text(
        "SELECT site, n_articles, n_articles * 2 AS doubled FROM int_b_site_counts\n")
    (models / "int_b_site_counts.sql").write_text(
        'SELECT site, count(*) AS n_articles FROM "stg_articles" GROUP BY site\n')
    (models / "extra.yml").write_text("""
models:
  - name: int_a_site_totals
    description: Articles per site, doubled.
    columns:
      - {name: site, description: Site name.}
      - {name: n_articles, description: Articles of the site.}
      - {name: doubled, description: Twice n_articles.}
  - name: int_b_site_counts
    description: Articles per site.
    columns:
      - {name: site, description: Site name.}
      - {name: n_articles, description: Articles of the site., data_tests: [not_null]}
""")
    result = build(landed, root=warehouse_copy)
    order = result.models
    assert order.index("int_b_site_counts") < order.index("int_a_site_totals")
    assert order.index("stg_articles") < order.index("int_b_site_counts")
    assert "not_null int_b_site_counts.n_articles" in result.tests
    assert _sites(landed) == [("demo", 3, 6)]

    # a second build reads this build's int_b_site_counts, not the previous one's
    land_article(landed, 10, site="other")
    build(landed, root=warehouse_copy)
    assert _sites(landed) == [("demo", 3, 6), ("other", 1, 2)]


def test_models_that_read_each_other_fail_naming_the_cycle(landed, warehouse_copy):
    models = warehouse_copy / "models"
    (models / "int_x.sql").write_text("SELECT * FROM int_y\n")
    (models / "int_y.sql").write_text("-- reads int_x\nSELECT * FROM int_x\n")
    with pytest.raises(ModelCycleError, match="int_x → int_y → int_x"):
        build(landed, root=warehouse_copy)


def test_a_bad_metric_fails_the_declared_accepted_values_test_and_keeps_the_previous_tables(landed):
    build(landed)
    before = landed.execute("SELECT * FROM fct_crime_stat ORDER BY ALL").fetchall()
    builds = landed.execute("SELECT count(*) FROM warehouse_builds").fetchone()[0]
    land_article(landed, 20, metric="per_capita")
    with pytest.raises(DataTestFailure) as failure:
        build(landed)
    message = str(failure.value)
    assert "data test accepted_values fct_crime_stat.metric failed: {'metric': 'per_capita'" in message
    assert "\n" not in message
    assert landed.execute("SELECT * FROM fct_crime_stat ORDER BY ALL").fetchall() == before
    assert landed.execute("SELECT count(*) FROM stg_crime_stat_mentions").fetchone()[0] == 3
    assert landed.execute("SELECT count(*) FROM warehouse_builds").fetchone()[0] == builds


@pytest.mark.parametrize(("metric", "value", "test"), [
    ("count", -5, "accepted_range stg_crime_stat_mentions.value (where metric = 'count')"),
    ("yoy_pct", 20000, "accepted_range stg_crime_stat_mentions.value (where metric IN ('yoy_pct', 'pop_pct'))"),
])
def test_a_value_out_of_its_declared_range_fails_the_build(landed, metric, value, test):
    land_article(landed, 30, metric=metric, value=value)
    with pytest.raises(DataTestFailure, match=re.escape(f"data test {test} failed")):
        build(landed)


def test_every_built_column_is_declared_and_only_those(landed):
    result = build(landed)
    schema = load_project().schema
    assert set(result.models) == set(schema.models)
    for name, doc in schema.models.items():
        built = [c for (c,) in landed.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                                              "ORDER BY column_index", [name]).fetchall()]
        assert set(built) == set(doc.columns), name


def test_a_model_with_an_undeclared_column_fails_the_build_naming_it(landed, warehouse_copy):
    model = warehouse_copy / "models" / "dim_category.sql"
    model.write_text(model.read_text().replace("SELECT * FROM final", "SELECT *, 1 AS surprise FROM final"))
    with pytest.raises(ModelSchemaMismatch, match="model dim_category .*built but not declared: surprise"):
        build(landed, root=warehouse_copy)
    assert not landed.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dim_category'").fetchone()[0]


def test_descriptions_become_comments_and_survive_a_rebuild(landed):
    for _ in range(2):  # CREATE OR REPLACE drops comments: each build writes them again
        build(landed)
        assert landed.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name LIKE 'fct_%' "
                              "AND comment IS NULL").fetchone()[0] == 0
    models = list(load_project().schema.models)
    tables = dict(landed.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
    assert all(tables[m] for m in models)
    assert landed.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'fct_crime_trend' "
                          "AND column_name = 'count'").fetchone()[0].startswith("The count for the period")


def test_select_rebuilds_the_model_and_its_dependants_only(landed, tmp_path):
    build(landed)
    builds = landed.execute("SELECT count(*) FROM warehouse_builds").fetchone()[0]
    before = _oids(landed)
    result = build(landed, select="stg_crime_stat_mentions+")
    assert result.models == DOWNSTREAM_OF_MENTIONS
    after = _oids(landed)
    assert {t for t in before if after[t] != before[t] and not t.startswith("seed_")} == set(DOWNSTREAM_OF_MENTIONS)
    assert build(landed, select="dim_category").models == ["dim_category"]
    # a partial build may leave other models stale: it must not mark the warehouse as current
    assert landed.execute("SELECT count(*) FROM warehouse_builds").fetchone()[0] == builds

    db = tmp_path / "wh.duckdb"
    landed.close()
    done = cli("build", "--db", str(db), "--select", "stg_crime_stat_mentions+")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(f"built 6 models ({', '.join(DOWNSTREAM_OF_MENTIONS)});")
    unknown = cli("build", "--db", str(db), "--select", "fct_nothing+")
    lines = unknown.stderr.strip().splitlines()
    assert unknown.returncode == 1 and len(lines) == 1 and "no model named 'fct_nothing'" in lines[0], unknown.stderr


def test_select_on_a_warehouse_never_built_names_the_missing_input(tmp_path):
    con = connect(tmp_path / "fresh.duckdb")
    try:
        with pytest.raises(SelectionError, match="fct_crime_stat reads int_stat_mentions_sourced"):
            build(con, select="fct_crime_stat")
        assert not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'seed_%'").fetchone()[0]
    finally:
        con.close()


def test_warehouse_builds_exists_right_after_connect(tmp_path):
    con = connect(tmp_path / "fresh.duckdb")
    try:
        assert con.execute("SELECT count(*) FROM warehouse_builds").fetchone()[0] == 0
    finally:
        con.close()


def test_an_older_database_keeps_its_build_history_when_migrated(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))  # as an older crimetrend left it: 001 applied, the table made by a build
    con.execute((warehouse.folder("migrations") / "001_core.sql").read_text(encoding="utf-8"))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMPTZ DEFAULT now())")
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (1, '001_core.sql')")
    con.execute("CREATE TABLE warehouse_builds (built_at TIMESTAMPTZ, fingerprint VARCHAR)")
    con.execute("INSERT INTO warehouse_builds VALUES (now(), 'abc')")
    con.close()
    con = connect(db)
    try:
        assert con.execute("SELECT fingerprint FROM warehouse_builds").fetchall() == [("abc",)]
        assert 2 in {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
    finally:
        con.close()


def test_the_contract_and_the_declared_tests_read_one_list():
    from tasks.stats import contract

    lists = warehouse.variables()
    assert contract.MEASURES == set(lists["measures"]) and contract.METRICS == set(lists["metrics"])
    assert contract.problem({"value": lists["percent_max"] + 1, "category": "theft", "measure": "reports",
                             "metric": "yoy_pct"}) == "percentage out of range"
    declared = load_project().schema.models["fct_crime_stat"].tests
    sql = next(t.sql for t in declared if t.label == "accepted_values fct_crime_stat.metric")
    assert all(f"'{metric}'" in sql for metric in lists["metrics"])
