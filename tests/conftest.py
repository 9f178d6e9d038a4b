"""Test environment: quiet offline Prefect with one PREFECT_HOME per session, and the sample portal served on
127.0.0.1 (the `portal` fixtures)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="crimetrend-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.pop("PREFECT_API_URL", None)
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from sampleportal.generator import Portal  # noqa: E402
from sampleportal.server import PortalServer, start_portal  # noqa: E402
from tests.faultserver import Fault, FaultServer, Page, RateFaults  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

ServedPortal = PortalServer | FaultServer
StartPortal = Callable[..., ServedPortal]


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with the reason when this clone has none."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (benchmark and seed data) is not beside this clone")
    return path


@contextmanager
def _served_portals() -> Iterator[StartPortal]:
    started: list[ServedPortal] = []

    def start(seed: int = 7, n_articles: int = 300, *, faults: dict[str, Fault] | None = None,
              rate: RateFaults | None = None, pages: dict[str, Page] | None = None) -> ServedPortal:
        generator = Portal(seed=seed, n_articles=n_articles)
        if faults is None and rate is None and pages is None:
            server: ServedPortal = start_portal(generator, host="127.0.0.1", port=0)
        else:
            server = FaultServer(generator, faults=faults, rate=rate, pages=pages).start()
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in reversed(started):
            server.stop()


@pytest.fixture
def portal() -> Iterator[StartPortal]:
    """Starts the sample portal on 127.0.0.1: `server = portal(seed=3, n_articles=60)`; `server.portal` is the
    generator (its ground truth, `add_articles`), `server.port` / `server.base_url` where it listens.

    Any of `faults=`, `rate=` or `pages=` (`faults={}` for none) serves it through the fault injector of
    tests/faultserver.py instead. Every server a test starts is stopped when the test ends."""
    with _served_portals() as start:
        yield start


@pytest.fixture(scope="module")
def module_portal() -> Iterator[StartPortal]:
    """`portal` for module-scoped fixtures: the servers live until the module's last test has run."""
    with _served_portals() as start:
        yield start
