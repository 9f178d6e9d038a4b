"""The warehouse's files (migrations, models, tests, seeds), found through the installed package: every
reader of them, Python or SQL runner, goes through `folder`."""

from importlib import resources
from importlib.abc import Traversable


def folder(name: str) -> Traversable:
    """One of migrations, models, tests, seeds."""
    return resources.files(__name__) / name


SEEDS = folder("seeds")
