"""The crawl stage stands alone: no module of tasks/crawl imports a later stage (article, stats, pipeline,
dedup, store). Shared records, site profiles, failpoints and tasks.crawl itself are its to use."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

CRAWL = REPO / "tasks" / "crawl"
LATER_STAGES = ("tasks.article", "tasks.stats", "tasks.pipeline", "tasks.dedup", "tasks.store")


def imported_names(source: str, path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of everything the module at `path` imports, anywhere in it (functions too);
    relative imports are resolved from `path`, and `from tasks import stats` reads as tasks.stats."""
    package = path.relative_to(REPO).with_suffix("").parts[:-1]  # ("tasks", "crawl")
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else ()
            module = ".".join((*base, *([node.module] if node.module else [])))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def later_stage_imports(source: str, path: Path) -> list[str]:
    return [f"{path.relative_to(REPO)}:{line} imports {name}" for line, name in imported_names(source, path)
            if any(name == stage or name.startswith(stage + ".") for stage in LATER_STAGES)]


@pytest.mark.parametrize("path", sorted(CRAWL.rglob("*.py")), ids=lambda p: str(p.relative_to(REPO)))
def test_crawl_module_imports_no_later_stage(path: Path):
    offending = later_stage_imports(path.read_text(encoding="utf-8"), path)
    assert not offending, "tasks/crawl must not depend on a later stage:\n" + "\n".join(offending)


def test_every_form_of_import_is_seen():
    """The check itself: plain, from, relative and function-level imports of a later stage are all caught,
    and the allowed ones are not."""
    source = ("import tasks.store.db\nfrom tasks.stats import extract\nfrom tasks import dedup\n"
              "from ..article import parse\nfrom . import urls\nfrom tasks.records import RawPage\n"
              "import tasks.profile\nfrom tasks.failpoints import failpoint\n"
              "def f():\n    from tasks.pipeline.land import land_articles\n")
    probe = CRAWL / "probe.py"  # never written: its path only places the relative imports
    assert later_stage_imports(source, probe) == [
        "tasks/crawl/probe.py:1 imports tasks.store.db", "tasks/crawl/probe.py:2 imports tasks.stats.extract",
        "tasks/crawl/probe.py:3 imports tasks.dedup", "tasks/crawl/probe.py:4 imports tasks.article.parse",
        "tasks/crawl/probe.py:10 imports tasks.pipeline.land.land_articles",
    ]
