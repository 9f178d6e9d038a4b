"""The warehouse's files (migrations, models, tests, seeds), found through the installed package: every
reader of them, Python or SQL runner, goes through `folder`. `variables` are the SPEC's value lists
(measures, metrics, the percentage range) that the data tests and the extraction contract both read."""

from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml


def folder(name: str) -> Traversable:
    """One of migrations, models, tests, seeds."""
    return resources.files(__name__) / name


SEEDS = folder("seeds")


def read_vars(models: Traversable) -> dict[str, Any]:
    """The `vars:` of every `*.yml` in a models folder, merged; a var declared twice is a ValueError."""
    merged: dict[str, Any] = {}
    for entry in sorted((e for e in models.iterdir() if e.name.endswith((".yml", ".yaml"))), key=lambda e: e.name):
        data = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        for key, value in (data.get("vars") or {}).items():
            if key in merged:
                raise ValueError(f"{entry.name}: var {key!r} is declared twice")
            merged[key] = value
    return merged


@lru_cache(maxsize=1)
def variables() -> dict[str, Any]:
    """The shipped warehouse's vars."""
    return read_vars(folder("models"))
