"""`crimetrend serve`: the deployments of prefect.yaml, served from this machine without a work pool."""

from __future__ import annotations

import importlib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def _load_flow(entrypoint: str):
    # "flows/ingest.py:pipeline" → flows.ingest.pipeline: the installed package, importable from any folder
    path, name = entrypoint.rsplit(":", 1)
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    return getattr(module, name)


def runner_deployments(only: list[str] | None = None, interval: float | None = None) -> list:
    """prefect.yaml's deployments as RunnerDeployments: one source of names, parameters and schedules.
    `interval` replaces every schedule with one of that many seconds (for trying schedules out)."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron, Interval

    spec = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    out = []
    for dep in spec.get("deployments", []):
        if only and dep["name"] not in only:
            continue
        if interval:
            schedules = [Interval(interval)]
        else:
            schedules = [Cron(s["cron"], timezone=s.get("timezone")) for s in dep.get("schedules") or []
                         if s.get("active", True)]
        flow = _load_flow(dep["entrypoint"])
        out.append(flow.to_deployment(name=dep["name"], parameters=dep.get("parameters") or {},
                                      schedules=schedules or None, description=dep.get("description"),
                                      entrypoint_type=EntrypointType.MODULE_PATH))
    if only and len(out) != len(only):
        known = [d["name"] for d in spec.get("deployments", [])]
        raise ValueError(f"unknown deployment in {only}; prefect.yaml has {known}")
    return out


def serve(only: list[str] | None = None, interval: float | None = None) -> None:
    from prefect import serve as prefect_serve

    deployments = runner_deployments(only, interval)
    prefect_serve(*deployments, print_starting_message=True)
