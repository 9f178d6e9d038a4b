"""Named crash points for crash-safety tests: CRIMETREND_FAILPOINT=name:N kills the process (SIGKILL) the N-th
time it passes `name`. Unset (always, outside tests), a failpoint is one dictionary lookup."""

from __future__ import annotations

import os
import signal
import threading

_hits: dict[str, int] = {}
_lock = threading.Lock()


def failpoint(name: str) -> None:
    spec = os.environ.get("CRIMETREND_FAILPOINT")
    if not spec:
        return
    target, _, nth = spec.partition(":")
    if target != name:
        return
    with _lock:
        _hits[name] = _hits.get(name, 0) + 1
        if _hits[name] >= int(nth or 1):
            os.kill(os.getpid(), signal.SIGKILL)
