"""The warehouse's models as a dependency graph: what each model reads, the order to build them in, and
the models a `--select` names.

A model's inputs are the other models whose names it uses as an identifier (after FROM or JOIN, or
anywhere else outside comments and string literals); nothing has to be declared. The build order is
a topological sort of that graph; among models that are ready at the same time the earlier layer
(stg → int → dim → fct) and then the name go first, so the order is the old by-file-name one
wherever that one was already right.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from importlib.abc import Traversable

LAYERS = ("stg_", "int_", "dim_", "fct_")

# One pass, left to right: a string literal or a comment is consumed whole (so a `--` inside a
# string is no comment, and a model's name inside a string or comment is no reference); what is left
# are identifiers, bare or double-quoted.
_SQL_TOKEN = re.compile(r"""'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/|"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)""",
                        re.DOTALL)


class WarehouseDefinitionError(RuntimeError):
    """The warehouse cannot be built as its files or a `--select` say; the message is one line."""


class ModelCycleError(WarehouseDefinitionError):
    """Models read each other in a circle; the message names them in reading order."""


class SelectionError(WarehouseDefinitionError):
    """A `--select` that names no model, or that cannot be built alone."""


@dataclass(frozen=True)
class Model:
    name: str
    sql: str
    inputs: frozenset[str]  # the other models it reads

    @property
    def layer(self) -> int:
        return layer_of(self.name)


def layer_of(name: str) -> int:
    return next((i for i, prefix in enumerate(LAYERS) if name.startswith(prefix)), len(LAYERS))


def read_models(models_folder: Traversable) -> dict[str, str]:
    """Each `NAME.sql` in the folder as NAME → its SELECT (without a trailing semicolon)."""
    if not models_folder.is_dir():
        return {}
    return {e.name[:-4]: e.read_text(encoding="utf-8").strip().rstrip(";")
            for e in models_folder.iterdir() if e.name.endswith(".sql")}


def identifiers(sql: str) -> set[str]:
    """The identifiers a statement uses, outside comments and string literals (bare ones lower-cased:
    DuckDB resolves them case-insensitively)."""
    found = set()
    for match in _SQL_TOKEN.finditer(sql):
        quoted, bare = match.group(1), match.group(2)
        if quoted is not None:
            found.add(quoted.replace('""', '"'))
        elif bare is not None:
            found.add(bare.lower())
    return found


def dependency_order(sources: dict[str, str]) -> list[Model]:
    """Every model after the models it reads; ties by layer, then name. A cycle raises ModelCycleError."""
    models = {name: Model(name, sql, frozenset(identifiers(sql) & set(sources) - {name}))
              for name, sql in sources.items()}
    waiting = {name: set(m.inputs) for name, m in models.items()}
    readers: dict[str, list[str]] = {name: [] for name in models}
    for name, m in models.items():
        for used in m.inputs:
            readers[used].append(name)
    ready = [(m.layer, name) for name, m in models.items() if not m.inputs]
    heapq.heapify(ready)
    order = []
    while ready:
        _, name = heapq.heappop(ready)
        order.append(models[name])
        for reader in readers[name]:
            waiting[reader].discard(name)
            if not waiting[reader]:
                heapq.heappush(ready, (models[reader].layer, reader))
    if len(order) < len(models):
        raise ModelCycleError(f"models read each other in a cycle: {' → '.join(_one_cycle(waiting))}")
    return order


def _one_cycle(waiting: dict[str, set[str]]) -> list[str]:
    # every model still waiting reads another that is still waiting, so following them must come back
    path = [min(name for name, inputs in waiting.items() if inputs)]
    while path.count(path[-1]) < 2:
        path.append(min(waiting[path[-1]]))
    return path[path.index(path[-1]):]


def select_models(order: list[Model], selector: str) -> list[Model]:
    """`MODEL` is that model alone; `MODEL+` is it and every model that reads it, directly or not
    (in build order)."""
    name, downstream = (selector[:-1], True) if selector.endswith("+") else (selector, False)
    known = {m.name for m in order}
    if name not in known:
        raise SelectionError(f"--select {selector}: no model named {name!r} (models: {', '.join(sorted(known))})")
    chosen = {name}
    if downstream:
        for m in order:  # build order puts every model after what it reads
            if m.inputs & chosen:
                chosen.add(m.name)
    return [m for m in order if m.name in chosen]
