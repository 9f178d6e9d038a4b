"""Run the SQL models in `warehouse/models` and the data tests in `warehouse/tests` (one transaction).

A model file `stg_x.sql` holds one SELECT and becomes table `stg_x`; files run by layer (stg → int → dim → fct),
then by name. A data test is a SELECT that must return no rows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

import duckdb

from tasks.failpoints import failpoint
from tasks.store.db import BUILD_MEMORY_LIMIT, WRITER_MEMORY_LIMIT

LAYERS = ("stg_", "int_", "dim_", "fct_")


class DataTestFailure(RuntimeError):
    """One or more data tests returned rows; the message names each test and shows some offending rows."""


class BuildOutOfMemory(RuntimeError):
    """The build hit its memory cap; nothing of it was kept, and the message names the setting to raise."""


@dataclass
class BuildResult:
    models: list[str]
    tests: list[str]


def _sql_files(folder: str) -> list[tuple[str, str]]:
    root = resources.files("warehouse") / folder
    if not root.is_dir():
        return []
    files = [(e.name[:-4], e.read_text(encoding="utf-8")) for e in root.iterdir() if e.name.endswith(".sql")]
    return files


def ordered_models() -> list[tuple[str, str]]:
    def key(item: tuple[str, str]) -> tuple[int, str]:
        name = item[0]
        layer = next((i for i, prefix in enumerate(LAYERS) if name.startswith(prefix)), len(LAYERS))
        return layer, name

    return sorted(_sql_files("models"), key=key)


def run_data_tests(con: duckdb.DuckDBPyConnection) -> list[str]:
    failures, names = [], []
    for name, sql in sorted(_sql_files("tests")):
        names.append(name)
        cur = con.execute(f"SELECT * FROM ({sql.strip().rstrip(';')}) LIMIT 3")
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
        if rows:
            sample = "; ".join(str(dict(zip(columns, r, strict=False))) for r in rows)
            failures.append(f"data test {name} failed: {sample}")
    if failures:
        raise DataTestFailure(" | ".join(failures))
    return names


def load_seeds(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Each reference CSV in warehouse/seeds becomes table seed_<name> (all text; models cast)."""
    root = resources.files("warehouse") / "seeds"
    names = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".csv"):
            name = "seed_" + entry.name[:-4]
            with resources.as_file(entry) as path:
                con.execute(f'CREATE OR REPLACE TABLE "{name}" AS '
                            "SELECT * FROM read_csv(?, header = true, all_varchar = true)", [str(path)])
            names.append(name)
    return names


def inputs_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """What a build reads, in a few cheap aggregates: the landed rows (counts and the last change) and
    the text of every model, test and seed. Equal fingerprints mean a rebuild would give the same tables."""
    digest = hashlib.sha1()
    for folder in ("models", "tests", "seeds"):
        root = resources.files("warehouse") / folder
        for entry in sorted(root.iterdir(), key=lambda e: e.name) if root.is_dir() else []:
            if entry.is_file():
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    # The statistics are hashed row by row (a reprocess with a new extractor keeps the articles' times
    # but may change what was extracted); the articles by count, last change and clustering.
    landed = con.execute("""
        SELECT (SELECT count(*) FROM articles), (SELECT max(updated_at) FROM articles),
               (SELECT sum(hash(a.article_id, a.cluster_id, a.content_hash)::HUGEINT) FROM articles a),
               (SELECT count(*) FROM crime_stat_mentions),
               (SELECT sum(hash(m)::HUGEINT) FROM crime_stat_mentions m)""").fetchall()[0]
    digest.update(repr(landed).encode())
    return digest.hexdigest()


def is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the last committed build read exactly what is landed now (a scheduled run on an
    unchanged portal then skips the rebuild and the report instead of redoing them)."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'warehouse_builds'"
                         ).fetchall()[0][0]
    if not exists:
        return False
    last = con.execute("SELECT fingerprint FROM warehouse_builds ORDER BY built_at DESC LIMIT 1").fetchall()
    return bool(last) and last[0][0] == inputs_fingerprint(con)


def build(con: duckdb.DuckDBPyConnection) -> BuildResult:
    """Rebuild every model, then run the data tests; on a failure nothing of the build is kept."""
    # The crawl's connection caps DuckDB's cache low (tasks.store.db). A full rebuild needs more (a 100,000-article
    # warehouse builds within 160MB, not 128MB), so the build gets a larger but still fixed cap, and the
    # crawl's comes back afterwards; groupings beyond it spill to disk.
    con.execute(f"SET memory_limit = '{BUILD_MEMORY_LIMIT}'")
    try:
        return _build(con)
    except duckdb.OutOfMemoryException:
        raise BuildOutOfMemory(
            f"the SQL build needs more memory than its cap CRIMETREND_DUCKDB_BUILD_MEMORY_LIMIT={BUILD_MEMORY_LIMIT} "
            "(a larger archive); set it higher, e.g. 1GB, and run `crimetrend build`") from None
    finally:
        con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")


def _build(con: duckdb.DuckDBPyConnection) -> BuildResult:
    built = []
    con.execute("BEGIN TRANSACTION")
    try:
        load_seeds(con)
        for name, sql in ordered_models():
            # names come from the repo's own file names, never from pages or profiles
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS {sql.strip().rstrip(";")}')
            built.append(name)
        tests = run_data_tests(con)
        con.execute("CREATE TABLE IF NOT EXISTS warehouse_builds (built_at TIMESTAMPTZ, fingerprint VARCHAR)")
        con.execute("INSERT INTO warehouse_builds VALUES (now(), ?)", [inputs_fingerprint(con)])
        failpoint("build-before-commit")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return BuildResult(built, tests)
