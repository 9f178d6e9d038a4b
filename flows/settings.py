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
    if not os.environ.get("PREFECT_API_URL"):
        # with a temporary server nobody reads Prefect's INFO lines; our own summary is printed instead
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
