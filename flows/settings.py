"""Prefect defaults for a quiet, offline command line (set only where the user has not set them)."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext

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


def without_heartbeats() -> AbstractContextManager:
    """Flow runs started inside this block send no heartbeats.

    A flow run's heartbeat thread sleeps in one-second steps and is joined when the run ends, so each
    flow run paid up to a second for it: most of a scheduled run's time on an unchanged portal. Heartbeats
    only serve a server-side automation that marks silent runs crashed; runs started from the command line
    (nothing watches them but the terminal) and subflows (their parent's heartbeat covers the process) do
    without. Deployment runs started by a worker or `crimetrend serve` keep them
    (PREFECT_FLOWS_HEARTBEAT_FREQUENCY).
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, get_current_settings, temporary_settings

    if get_current_settings().flows.heartbeat_frequency is None:
        return nullcontext()  # already off; copying the settings costs a tenth of a second
    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
