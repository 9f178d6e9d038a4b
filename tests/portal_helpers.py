"""Fixtures around the bundled sample portal: serve it on 127.0.0.1 and point the demo profiles at it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from flows.demo import demo_site_files

REPO = Path(__file__).resolve().parent.parent
# Command-line runs get a Prefect home of their own: two temporary servers on one SQLite file contend.
CLI_PREFECT_HOME = tempfile.mkdtemp(prefix="crimetrend-cli-prefect-")


def site_files(port: int, folder: Path) -> list[str]:
    return demo_site_files(port, folder)


def article_requests(server) -> int:
    return sum(1 for method, path, status in list(server.request_log)
               if method == "GET" and (path.endswith(".html") or path.endswith(".htm"))
               and "/index" not in path and "/list_" not in path)


def cli(*args: str, timeout: float = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PREFECT_HOME": CLI_PREFECT_HOME, **(env or {})}
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, env=full_env)


def cli_popen(*args: str) -> subprocess.Popen:
    # its own process group, so a kill reaches Prefect's temporary server too and leaves nothing behind
    return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "PREFECT_HOME": CLI_PREFECT_HOME})


def kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def cli_until_killed(*args: str, env: dict, timeout: float = 600) -> int:
    """Run the CLI expecting it to be killed (a failpoint); then end what it left behind (Prefect's temporary
    server) by killing its process group. Returns the exit status."""
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "PREFECT_HOME": CLI_PREFECT_HOME, **env})
    try:
        return proc.wait(timeout=timeout)
    finally:
        kill_group(proc)


def free_port() -> int:
    """A 127.0.0.1 port nothing listens on (for servers to start on, or to prove a connection fails)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
