"""Offline stand-in for real portals: a deterministic article generator with ground truth and a loopback server.

    from sampleportal.generator import Portal
    from sampleportal.server import start_portal

`Portal` and `start_portal` are also importable from the package itself (loaded on first use).
"""

from __future__ import annotations

from typing import Any

__all__ = ["Portal", "PortalServer", "start_portal", "serve_forever"]


def __getattr__(name: str) -> Any:
    # Lazy so `import sampleportal` stays cheap for code that only wants a constant.
    if name == "Portal":
        from .generator import Portal

        return Portal
    if name in ("PortalServer", "start_portal", "serve_forever"):
        from . import server

        return getattr(server, name)
    raise AttributeError(name)
