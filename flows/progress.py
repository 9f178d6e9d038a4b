"""A terminal progress bar for crawls started from the command line (flows report, the CLI shows)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tasks.pipeline.summary import SiteRunSummary, summary_line

_progress: Progress | None = None
_tasks: dict[str, int] = {}


def report(summary: SiteRunSummary) -> None:
    """Called by a site run after each batch; a no-op unless a progress bar is showing."""
    if _progress is None:
        return
    text = summary_line(summary, totals=False)
    if summary.site not in _tasks:
        _tasks[summary.site] = _progress.add_task(text, total=None)
    _progress.update(_tasks[summary.site], description=text)


@contextmanager
def progress_bar() -> Iterator[None]:
    global _progress
    if not sys.stderr.isatty():
        yield
        return
    _progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                         console=Console(stderr=True), transient=False)
    try:
        with _progress:
            yield
    finally:
        _progress = None
        _tasks.clear()
