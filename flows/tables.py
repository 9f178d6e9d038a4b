"""Print query results as a terminal table."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table


def print_table(columns: Sequence[str], rows: Sequence[Sequence], title: str | None = None,
                max_width: int = 60) -> None:
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(str(col), overflow="fold", max_width=max_width)
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    Console(width=200).print(table)
