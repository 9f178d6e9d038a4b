"""The warehouse runner: the SQL models of `warehouse/models` become DuckDB tables, then the data tests run,
all in one transaction.

- Models: a file `NAME.sql` holds one SELECT and becomes table NAME (CREATE OR REPLACE TABLE … AS).
- Order: each model runs after the models it reads (`tasks.store.graph`: any use of another model's name as
  an identifier, no declaration needed); ties go by layer stg → int → dim → fct, then by name. Models that
  read each other in a cycle fail the build before anything runs, naming them.
- Seeds: each `warehouse/seeds/*.csv` is loaded first as table seed_<name> (all text; models cast).
- Schema: `warehouse/models/*.yml` (`tasks.store.schema`) declares every model, its columns with one-line
  descriptions, and generic data tests. A model whose built columns differ from the declared ones fails the
  build; the descriptions are written as COMMENT ON TABLE / COLUMN after each model (CREATE OR REPLACE drops
  a table's comments, so every build writes them again).
- Tests: the declared generic tests, then the hand-written SELECTs of `warehouse/tests` (for what a generic
  test cannot say); each must return no rows. Failures raise DataTestFailure naming each test, e.g.
  "data test accepted_values fct_crime_stat.metric failed: {…}", with a few offending rows.
- Atomic: seeds, models, comments, tests and the `warehouse_builds` row (a table made by migration 002)
  commit together; a failing test, the memory cap or a kill leaves the previous tables as they were.
- `select`: "MODEL" rebuilds that model alone, "MODEL+" it and every model that reads it, directly or not;
  all tests still run. A partial build writes no `warehouse_builds` row: the models it skipped may be stale,
  so a scheduled run must not take the warehouse for current.
- `root`: the warehouse folder (default: the installed `warehouse` package), so a test can build a copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable

import duckdb

import warehouse
from tasks.failpoints import failpoint
from tasks.settings import BUILD_MEMORY_LIMIT, WRITER_MEMORY_LIMIT
from tasks.store.graph import Model, SelectionError, dependency_order, read_models, select_models
from tasks.store.schema import (
    DeclaredTest,
    ModelDoc,
    Schema,
    SchemaError,
    column_mismatch,
    comment_statements,
    load_schema,
)


class DataTestFailure(RuntimeError):
    """One or more data tests returned rows; the message names each test and shows some offending rows."""


class ModelSchemaMismatch(DataTestFailure):
    """A built model's columns differ from those its schema YAML declares; the message names them."""


class BuildOutOfMemory(RuntimeError):
    """The build hit its memory cap; nothing of it was kept, and the message names the setting to raise."""


@dataclass
class BuildResult:
    models: list[str]  # the models built, in build order
    tests: list[str]  # the data tests that passed: declared ones by label, then hand-written ones by name


@dataclass(frozen=True)
class Project:
    """The warehouse's models in build order, with what their schema YAML declares."""

    models: list[Model]
    schema: Schema

    @property
    def declared_tests(self) -> list[DeclaredTest]:
        return [test for m in self.models for test in self.schema.models[m.name].tests]


def _folder(root: Traversable | None, name: str) -> Traversable:
    return warehouse.folder(name) if root is None else root / name


def load_project(root: Traversable | None = None) -> Project:
    """The models in dependency order and their schema; every model must be declared, and only models."""
    models = dependency_order(read_models(_folder(root, "models")))
    schema = load_schema(_folder(root, "models"))
    names = {m.name for m in models}
    undeclared = sorted(names - set(schema.models))
    unknown = sorted(set(schema.models) - names)
    if undeclared or unknown:
        parts = ([f"models without a schema entry: {', '.join(undeclared)}"] if undeclared else []) + (
            [f"schema entries without a model: {', '.join(unknown)}"] if unknown else [])
        raise SchemaError("warehouse schema: " + "; ".join(parts))
    return Project(models, schema)


def ordered_models(root: Traversable | None = None) -> list[tuple[str, str]]:
    """(name, SELECT) of every model, in build order."""
    return [(m.name, m.sql) for m in load_project(root).models]


def models_selected_by(selector: str, root: Traversable | None = None) -> list[str]:
    """The models a `--select` rebuilds, in build order; an unknown model raises SelectionError."""
    return [m.name for m in select_models(load_project(root).models, selector)]


def run_data_tests(con: duckdb.DuckDBPyConnection, declared: Iterable[DeclaredTest] = (),
                   root: Traversable | None = None) -> list[str]:
    """The declared tests, then the hand-written ones; returns their names, or raises DataTestFailure."""
    hand_written = read_models(_folder(root, "tests"))  # same shape: NAME.sql holding one SELECT
    tests = [(t.label, t.sql) for t in declared] + sorted(hand_written.items())
    failures = []
    for name, sql in tests:
        cur = con.execute(f"SELECT * FROM ({sql}) LIMIT 3")
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
        if rows:
            sample = "; ".join(str(dict(zip(columns, r, strict=False))) for r in rows)
            failures.append(f"data test {name} failed: {sample}")
    if failures:
        raise DataTestFailure(" | ".join(failures))
    return [name for name, _ in tests]


def load_seeds(con: duckdb.DuckDBPyConnection, root: Traversable | None = None) -> list[str]:
    """Each reference CSV in warehouse/seeds becomes table seed_<name> (all text; models cast)."""
    names = []
    for entry in sorted(_folder(root, "seeds").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".csv"):
            name = "seed_" + entry.name[:-4]
            with resources.as_file(entry) as path:
                con.execute(f'CREATE OR REPLACE TABLE "{name}" AS '
                            "SELECT * FROM read_csv(?, header = true, all_varchar = true)", [str(path)])
            names.append(name)
    return names


def inputs_fingerprint(con: duckdb.DuckDBPyConnection, root: Traversable | None = None) -> str:
    """What a build reads, in a few cheap aggregates: the landed rows (counts and the last change) and
    the text of every model, schema, test and seed. Equal fingerprints mean a rebuild would give the same tables."""
    digest = hashlib.sha1()
    for name in ("models", "tests", "seeds"):
        folder = _folder(root, name)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name) if folder.is_dir() else []:
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
    """True when the last committed full build read exactly what is landed now (a scheduled run on an
    unchanged portal then skips the rebuild and the report instead of redoing them)."""
    last = con.execute("SELECT fingerprint FROM warehouse_builds ORDER BY built_at DESC LIMIT 1").fetchall()
    return bool(last) and last[0][0] == inputs_fingerprint(con)


def build(con: duckdb.DuckDBPyConnection, select: str | None = None,
          root: Traversable | None = None) -> BuildResult:
    """Rebuild every model (or those `select` names), then run all data tests; on a failure nothing of the
    build is kept."""
    project = load_project(root)  # a malformed schema, a cycle or an unknown model fails before any SQL runs
    chosen = project.models if select is None else select_models(project.models, select)
    # The crawl's connection caps DuckDB's cache low (tasks.store.db). A full rebuild needs more (a 100,000-article
    # warehouse builds within 160MB, not 128MB), so the build gets a larger but still fixed cap, and the
    # crawl's comes back afterwards; groupings beyond it spill to disk.
    con.execute(f"SET memory_limit = '{BUILD_MEMORY_LIMIT}'")
    try:
        return _build(con, project, chosen, full=select is None, root=root)
    except duckdb.OutOfMemoryException:
        raise BuildOutOfMemory(
            f"the SQL build needs more memory than its cap CRIMETREND_DUCKDB_BUILD_MEMORY_LIMIT={BUILD_MEMORY_LIMIT} "
            "(a larger archive); set it higher, e.g. 1GB, and run `crimetrend build`") from None
    finally:
        con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")


def _build(con: duckdb.DuckDBPyConnection, project: Project, chosen: list[Model], full: bool,
           root: Traversable | None) -> BuildResult:
    con.execute("BEGIN TRANSACTION")
    try:
        load_seeds(con, root)
        if not full:
            _require_unselected_inputs(con, chosen)
        for model in chosen:
            _build_model(con, model, project.schema.models[model.name])
        tests = run_data_tests(con, project.declared_tests, root)
        if full:
            con.execute("INSERT INTO warehouse_builds VALUES (now(), ?)", [inputs_fingerprint(con, root)])
        failpoint("build-before-commit")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return BuildResult([m.name for m in chosen], tests)


def _build_model(con: duckdb.DuckDBPyConnection, model: Model, doc: ModelDoc) -> None:
    # names come from the repo's own file names, never from pages or profiles
    con.execute(f'CREATE OR REPLACE TABLE "{model.name}" AS {model.sql}')
    built = [d[0] for d in con.execute(f'SELECT * FROM "{model.name}" LIMIT 0').description]
    mismatch = column_mismatch(doc, built)
    if mismatch:
        raise ModelSchemaMismatch(mismatch)
    for statement in comment_statements(doc):
        con.execute(statement)


def _require_unselected_inputs(con: duckdb.DuckDBPyConnection, chosen: list[Model]) -> None:
    """A partial build reads the models it does not rebuild as they are: each must have been built before."""
    names = {m.name for m in chosen}
    existing = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    unbuilt = [f"{m.name} reads {used}" for m in chosen for used in sorted(m.inputs - names - existing)]
    if unbuilt:
        raise SelectionError(f"{'; '.join(unbuilt)}, which has never been built: "
                             "run `crimetrend build` without --select first")
