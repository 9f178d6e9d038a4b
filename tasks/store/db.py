"""The DuckDB file: open it (one writer, waiting politely for another), apply versioned migrations."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

import warehouse
from tasks.settings import LOCK_WAIT_SECONDS, READER_WAIT_SECONDS, WRITER_MEMORY_LIMIT

DEFAULT_DB = "data/crimetrend.duckdb"


class DatabaseError(RuntimeError):
    """The DB cannot be opened or migrated; the message is one line naming the file."""


def _migration_files() -> list[tuple[int, str, str]]:
    out = []
    for entry in warehouse.folder("migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), name, entry.read_text(encoding="utf-8")))
    return sorted(out)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet applied, each in its own transaction; returns their names."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMPTZ DEFAULT now())")
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in _migration_files():
        if version in done:
            continue
        con.execute("BEGIN")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def connect(path: str | Path = DEFAULT_DB, read_only: bool = False, wait_seconds: float | None = None,
            on_wait=None) -> duckdb.DuckDBPyConnection:
    """Open the DB (creating its folder), migrate it when writable. Another process holding the write lock
    makes us wait up to `wait_seconds` (calling `on_wait(message)` once), then fail with one line."""
    path = Path(path)
    if wait_seconds is None:
        wait_seconds = READER_WAIT_SECONDS if read_only else LOCK_WAIT_SECONDS
    if read_only and not path.exists():
        raise DatabaseError(f"{path}: database not found (run `crimetrend run` or `crimetrend demo` first)")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"{path}: cannot create folder: {exc.strerror}") from None
    deadline = time.monotonic() + wait_seconds
    warned = False
    while True:
        try:
            config = {} if read_only else {"memory_limit": WRITER_MEMORY_LIMIT}
            con = duckdb.connect(str(path), read_only=read_only, config=config)
            break
        except duckdb.IOException as exc:
            text = str(exc)
            if "lock" not in text.lower() or time.monotonic() > deadline:
                first = text.splitlines()[0] if text else type(exc).__name__
                raise DatabaseError(f"{path}: cannot open database: {first}") from None
            if not warned and on_wait is not None:
                on_wait(f"{path}: another crimetrend process is writing; waiting up to {wait_seconds:.0f}s")
                warned = True
            time.sleep(0.5)
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0]
            raise DatabaseError(f"{path}: cannot open database: {first}") from None
    if not read_only:
        try:
            migrate(con)
        except duckdb.Error as exc:
            con.close()
            raise DatabaseError(f"{path}: migration failed: {str(exc).splitlines()[0]}") from None
    return con
