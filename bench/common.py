"""Shared parts of the benchmark suite: result rows, the machine line, RESULTS.md, a portal process.

Every benchmark measures ours and a reference side by side in one run and reports the ratio, with the
acceptance target it is held to; absolute figures drift with the machine's load, ratios much less.
"""

from __future__ import annotations

import os
import platform
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
RESULTS = REPO / "bench" / "RESULTS.md"

# Prefect quiet and offline in every benchmark process (no analytics, no update checks).
QUIET_PREFECT = {
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}
for _key, _value in QUIET_PREFECT.items():
    os.environ.setdefault(_key, _value)


@dataclass
class Result:
    """One benchmark line: our figure, the reference figure, ours/reference, and the target for the ratio.

    ``higher_is_better`` says which way the target points: throughput ratios must reach it, time and
    memory ratios must stay under it."""

    name: str
    ours: float
    reference: float
    unit: str
    ours_label: str
    reference_label: str
    target: float | None = None
    higher_is_better: bool = True
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.reference if self.reference else float("nan")

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.ratio >= self.target if self.higher_is_better else self.ratio <= self.target

    def line(self) -> str:
        verdict = {None: "", True: "ok", False: "MISSED"}[self.passed]
        sign = "≥" if self.higher_is_better else "≤"
        target = f" (target {sign} {self.target:g}) {verdict}" if self.target is not None else ""
        return (f"{self.name}: {self.ours_label} {_num(self.ours)} {self.unit}; {self.reference_label} "
                f"{_num(self.reference)} {self.unit}; ratio {self.ratio:.2f}{target}"
                + (f" — {self.note}" if self.note else ""))


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}"


def machine() -> str:
    """Cores, memory and Python, for the results table: ratios are only comparable on like machines."""
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores, {mem_gib:.0f} GiB, {platform.machine()}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
        return sha + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def append_results(results: list[Result], command: str, extra: str = "") -> None:
    """Append one run's table to bench/RESULTS.md (newest last), with date, commit and machine."""
    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · commit {commit()} · {machine()}",
        "",
        f"    {command}",
        "",
        "| benchmark | ours | reference | ratio | target | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        sign = "≥" if r.higher_is_better else "≤"
        target = f"{sign} {r.target:g}" if r.target is not None else ""
        verdict = {None: "", True: "ok", False: "**missed**"}[r.passed]
        lines.append(f"| {r.name} | {r.ours_label}: {_num(r.ours)} {r.unit} | {r.reference_label}: "
                     f"{_num(r.reference)} {r.unit} | {r.ratio:.2f} | {target} | {verdict} |")
    notes = [f"- {r.name}: {r.note}" for r in results if r.note]
    if notes:
        lines += ["", *notes]
    if extra:
        lines += ["", extra]
    if not RESULTS.exists():
        RESULTS.write_text(RESULTS_HEADER, encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write("\n" + "\n".join(lines) + "\n")


RESULTS_HEADER = """# Benchmark results

Appended by `make bench` (`bench/suite.py`), newest last. Each line is ours against a reference measured
side by side in the same run on the same data; the ratio is what the targets hold. Reproduce with the
command under each heading (a clean clone, `../shared` beside it for the real pages).
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PortalProcess:
    """The sample portal served by its own process, so its CPU and memory are not counted as ours."""

    def __init__(self, n_articles: int, seed: int = 7) -> None:
        self.port = free_port()
        self.n_articles = n_articles
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sampleportal", "--port", str(self.port), "--articles", str(n_articles),
             "--seed", str(seed)], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"sample portal exited: {self.proc.stderr.read().decode()[-500:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("sample portal did not start within 120 s")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> PortalProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
