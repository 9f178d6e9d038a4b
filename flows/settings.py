"""Prefect defaults for a quiet, offline command line (set only where the user has not set them)."""

from __future__ import annotations

import os

DEFAULTS = {
    # a cold temporary server takes 14–17 s here; Prefect's 20 s default fails under load
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}


def quiet_prefect_defaults() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    # The terminal gets our own summary and one-line errors; Prefect's log lines (INFO and up) still go to the
    # API, so the UI shows them. PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL=INFO brings them to the terminal too.
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
