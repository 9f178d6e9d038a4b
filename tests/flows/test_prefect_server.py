"""Deployments against a real `prefect server` on 127.0.0.1: deploy --all, a process worker runs the scheduled
pipeline against the sample portal; `crimetrend serve` runs a schedule without a worker. Every process started
here is stopped here."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import requests

from tests.portal_helpers import REPO, free_port, site_files

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def _stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": api, "PREFECT_UI_ENABLED": "false",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           # schedules of a few seconds need the scheduler and the runner to look often
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "3", "PREFECT_RUNNER_POLL_FREQUENCY": "2",
           "PREFECT_LOGGING_LEVEL": "INFO"}
    log = open(home / "server.log", "w")
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{api}/health", timeout=2).ok:
                break
        except requests.RequestException:
            pass
        if proc.poll() is not None:
            pytest.fail(f"prefect server exited: {(home / 'server.log').read_text()[-2000:]}")
        time.sleep(0.5)
    else:
        _stop(proc)
        pytest.fail("prefect server did not answer /api/health within 120 s")
    yield {"api": api, "env": env, "home": home}
    _stop(proc)
    log.close()


def _prefect(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    result = subprocess.run([str(BIN / "prefect"), *args], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"prefect {' '.join(args)}: {result.stdout[-1500:]} {result.stderr[-1500:]}"
    return result


def _post(api: str, path: str, body: dict) -> list | dict:
    response = requests.post(f"{api}{path}", json=body, timeout=10)
    response.raise_for_status()
    return response.json()


def test_deploy_all_and_a_worker_runs_the_pipeline(prefect_server, portal, tmp_path):
    api, env = prefect_server["api"], prefect_server["env"]
    portal_server = portal(seed=41, n_articles=200)
    _prefect(env, "work-pool", "create", "crimetrend", "--type", "process", "--overwrite")
    _prefect(env, "--no-prompt", "deploy", "--all")
    names = {d["name"] for d in _post(api, "/deployments/filter", {})}
    assert {"scheduled-pipeline", "backfill", "reprocess", "build-warehouse"} <= names
    deployment = requests.get(f"{api}/deployments/name/pipeline/scheduled-pipeline", timeout=10).json()
    assert deployment["schedules"][0]["schedule"]["timezone"] == "Asia/Shanghai"
    db = tmp_path / "deployed.duckdb"
    params = {"site_files": site_files(portal_server.port, tmp_path), "db": str(db),
              "report_dir": str(tmp_path / "reports")}
    run = _post(api, f"/deployments/{deployment['id']}/create_flow_run", {"parameters": params})
    worker = subprocess.run([str(BIN / "prefect"), "worker", "start", "--pool", "crimetrend", "--run-once"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
                            start_new_session=True)
    state = requests.get(f"{api}/flow_runs/{run['id']}", timeout=10).json()["state"]
    assert state["type"] == "COMPLETED", (state, worker.stdout[-6000:] + worker.stderr[-6000:])
    task_names = {t["name"].rsplit("-", 1)[0] for t in _post(api, "/task_runs/filter", {"limit": 200})}
    assert {"fetch-batch", "parse-batch", "land-batch", "build-warehouse",
            "publish-statistics-and-report"} <= task_names, task_names
    artifact_keys = {a["key"] for a in _post(api, "/artifacts/filter", {})}
    assert {"run-summary-demo-dongguan", "run-summary-demo-guanzhu", "new-statistics",
            "trend-report"} <= artifact_keys
    con = duckdb.connect(str(db), read_only=True)
    n_articles, n_stats = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM fct_crime_stat)").fetchall()[0]
    con.close()
    assert n_articles == 200 and n_stats > 0


def test_serve_runs_a_schedule_without_a_worker(prefect_server, tmp_path):
    api, env = prefect_server["api"], prefect_server["env"]
    proc = subprocess.Popen([str(BIN / "crimetrend"), "serve", "--only", "build-warehouse", "--interval", "5"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        completed = []
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and not completed:
            time.sleep(2)
            runs = _post(api, "/flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}},
                                                    "flows": {"name": {"any_": ["build-warehouse"]}}})
            completed = [r for r in runs if r.get("deployment_id")]
            assert proc.poll() is None, proc.stdout.read()[-3000:]
        if not completed:
            _stop(proc, signal.SIGINT)
            all_runs = _post(api, "/flow_runs/filter", {"flows": {"name": {"any_": ["build-warehouse"]}}})
            pytest.fail(f"no scheduled build-warehouse run completed within 150 s; runs: "
                        f"{[(r['name'], r['state']['type']) for r in all_runs]}; serve said: {proc.stdout.read()[-3000:]}")
        assert (tmp_path / "data" / "crimetrend.duckdb").exists()
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C
        proc.wait(timeout=60)
    finally:
        _stop(proc)
    assert json.dumps(completed[0]["state"]["type"]) == '"COMPLETED"'
