"""What `warehouse/models/*.yml` declares (dbt's schema.yml syntax): each model's description, its columns
with one-line descriptions, generic data tests, and the `vars` (the SPEC's value lists, read by
`warehouse.read_vars`) that tests and `tasks.stats.contract` both read.

Generic tests, under `data_tests:` of a column (or of the model, for the last one):
`not_null`, `unique`, `accepted_values: {values: [...]}`, `relationships: {to: ref('model'), field: col}`,
`accepted_range: {min_value: n, max_value: n}`, `unique_combination_of_columns: {combination_of_columns:
[...]}`; each may add `where: <SQL condition>` to test only some rows. A value written `"{{ var('name') }}"`
is that var; inside a longer string the var is written as an SQL literal (a list as `('a', 'b')`).
Each test becomes one SELECT that returns the offending rows, as a hand-written test in warehouse/tests does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.abc import Traversable
from typing import Any

import yaml

import warehouse
from tasks.store.graph import WarehouseDefinitionError

_VAR = re.compile(r"""\{\{\s*var\(\s*['"](\w+)['"]\s*\)\s*\}\}""")
_REF = re.compile(r"""^\s*ref\(\s*['"](\w+)['"]\s*\)\s*$""")


class SchemaError(WarehouseDefinitionError):
    """The schema YAML is malformed (a missing description, an unknown test); the message names the place."""


@dataclass(frozen=True)
class DeclaredTest:
    label: str  # "accepted_values fct_crime_stat.metric": what a failure names
    sql: str  # a SELECT of the offending rows


@dataclass(frozen=True)
class ModelDoc:
    name: str
    description: str
    columns: dict[str, str]  # column → description, in declared order
    tests: tuple[DeclaredTest, ...]


@dataclass(frozen=True)
class Schema:
    vars: dict[str, Any]
    models: dict[str, ModelDoc]


def load_schema(models_folder: Traversable) -> Schema:
    """Every `*.yml` of the models folder, merged (one file, or one per layer)."""
    entries: list[dict] = []
    files = sorted((e for e in models_folder.iterdir() if e.name.endswith((".yml", ".yaml"))), key=lambda e: e.name)
    for entry in files:
        try:
            data = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise SchemaError(f"{entry.name}: not valid YAML: {str(exc).splitlines()[0]}") from None
        entries.extend(data.get("models") or [])
    try:
        variables = warehouse.read_vars(models_folder)
    except ValueError as exc:
        raise SchemaError(str(exc)) from None
    models: dict[str, ModelDoc] = {}
    for entry in entries:
        doc = _model_doc(entry, variables)
        if doc.name in models:
            raise SchemaError(f"model {doc.name} is declared twice")
        models[doc.name] = doc
    return Schema(variables, models)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
        raise SchemaError(f"{where}: needs a one-line description")
    return value.strip()


def _model_doc(entry: dict, variables: dict[str, Any]) -> ModelDoc:
    name = entry.get("name")
    if not isinstance(name, str):
        raise SchemaError(f"a model entry without a name: {entry!r}")
    columns, tests = {}, []
    for column in entry.get("columns") or []:
        col = column.get("name")
        if not isinstance(col, str):
            raise SchemaError(f"{name}: a column entry without a name: {column!r}")
        columns[col] = _text(column.get("description"), f"{name}.{col}")
        tests += [_declared(test, name, col, variables) for test in column.get("data_tests") or []]
    tests += [_declared(test, name, None, variables) for test in entry.get("data_tests") or []]
    return ModelDoc(name, _text(entry.get("description"), name), columns, tuple(tests))


def render(value: Any, variables: dict[str, Any]) -> Any:
    """A `{{ var('x') }}` value as the var itself; inside a longer string, as an SQL literal."""
    if not isinstance(value, str):
        return value

    def lookup(name: str) -> Any:
        if name not in variables:
            raise SchemaError(f"unknown var {name!r}")
        return variables[name]

    whole = _VAR.fullmatch(value.strip())
    if whole:
        return lookup(whole.group(1))
    return _VAR.sub(lambda m: literal(lookup(m.group(1))), value)


def literal(value: Any) -> str:
    """A YAML value as SQL: strings quoted, lists as a parenthesized list (for IN)."""
    if isinstance(value, list | tuple):
        return "(" + ", ".join(literal(v) for v in value) + ")"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _declared(test: Any, model: str, column: str | None, variables: dict[str, Any]) -> DeclaredTest:
    kind, args = (test, {}) if isinstance(test, str) else next(iter(test.items()))
    args = {key: render(value, variables) for key, value in (args or {}).items()}
    place = f"{model}.{column}" if column else model
    maker = _COLUMN_TESTS.get(kind) if column else _MODEL_TESTS.get(kind)
    if maker is None:
        raise SchemaError(f"{place}: unknown data test {kind!r}")
    rows = f"{quoted(model)} AS child"
    if args.get("where"):
        rows = f"(SELECT * FROM {quoted(model)} WHERE {args['where']}) AS child"
    label = f"{kind} {place}" + (f" (where {args['where']})" if args.get("where") else "")
    try:
        sql = maker(rows, quoted(column) if column else None, args)
    except KeyError as missing:
        raise SchemaError(f"{place}: data test {kind} needs {missing}") from None
    return DeclaredTest(label, sql)


def _not_null(rows: str, col: str, args: dict) -> str:
    return f"SELECT count(*) AS null_rows FROM {rows} WHERE {col} IS NULL HAVING count(*) > 0"


def _unique(rows: str, col: str, args: dict) -> str:
    return f"SELECT {col}, count(*) AS n FROM {rows} WHERE {col} IS NOT NULL GROUP BY {col} HAVING count(*) > 1"


def _accepted_values(rows: str, col: str, args: dict) -> str:
    return f"SELECT {col}, count(*) AS n FROM {rows} WHERE {col} NOT IN {literal(args['values'])} GROUP BY {col}"


def _relationships(rows: str, col: str, args: dict) -> str:
    ref = _REF.match(args["to"])
    parent = quoted(ref.group(1) if ref else args["to"])
    field = quoted(args["field"])
    return (f"SELECT child.{col}, count(*) AS n FROM {rows} WHERE child.{col} IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {parent} AS parent WHERE parent.{field} = child.{col}) GROUP BY child.{col}")


def _accepted_range(rows: str, col: str, args: dict) -> str:
    low, high = "<" if args.get("inclusive", True) else "<=", ">" if args.get("inclusive", True) else ">="
    bounds = [f"{col} {low} {literal(args['min_value'])}" if "min_value" in args else None,
              f"{col} {high} {literal(args['max_value'])}" if "max_value" in args else None]
    outside = " OR ".join(b for b in bounds if b) or "false"
    return f"SELECT {col}, count(*) AS n FROM {rows} WHERE {outside} GROUP BY {col}"


def _unique_combination(rows: str, _: None, args: dict) -> str:
    cols = ", ".join(quoted(c) for c in args["combination_of_columns"])
    return f"SELECT {cols}, count(*) AS n FROM {rows} GROUP BY {cols} HAVING count(*) > 1"


_COLUMN_TESTS = {"not_null": _not_null, "unique": _unique, "accepted_values": _accepted_values,
                 "relationships": _relationships, "accepted_range": _accepted_range}
_MODEL_TESTS = {"unique_combination_of_columns": _unique_combination}


def comment_statements(doc: ModelDoc) -> list[str]:
    """COMMENT ON the model's table and each column, so the descriptions show in `duckdb_columns()`."""
    table = quoted(doc.name)
    statements = [f"COMMENT ON TABLE {table} IS {literal(doc.description)}"]
    statements += [f"COMMENT ON COLUMN {table}.{quoted(col)} IS {literal(text)}" for col, text in doc.columns.items()]
    return statements


def column_mismatch(doc: ModelDoc, built: list[str]) -> str | None:
    """Why the built table's columns differ from the declared ones, or None."""
    undeclared = [c for c in built if c not in doc.columns]
    missing = [c for c in doc.columns if c not in built]
    if not undeclared and not missing:
        return None
    parts = ([f"built but not declared: {', '.join(undeclared)}"] if undeclared else []) + (
        [f"declared but not built: {', '.join(missing)}"] if missing else [])
    return f"model {doc.name} does not match its schema ({'; '.join(parts)})"
