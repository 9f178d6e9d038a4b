"""Fixtures around the bundled sample portal: serve it on 127.0.0.1 and point the demo profiles at it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from flows.demo import demo_site_files

REPO = Path(__file__).resolve().parent.parent


def site_files(port: int, folder: Path) -> list[str]:
    return demo_site_files(port, folder)


def article_requests(server) -> int:
    return sum(1 for method, path, status in list(server.request_log)
               if method == "GET" and (path.endswith(".html") or path.endswith(".htm"))
               and "/index" not in path and "/list_" not in path)


def cli(*args: str, timeout: float = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, env=full_env)


def cli_popen(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
