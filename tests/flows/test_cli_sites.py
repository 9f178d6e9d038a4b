"""`crimetrend run` with several site profiles: each profile is judged on its own, so a good profile whose
path is part of a bad one's (a.yaml inside ba.yaml) still runs, and the bad one is the one error line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.portal_helpers import CLI_PREFECT_HOME, REPO, site_files


def _run_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """The command line started in ``folder``, so that relative profile paths reach it as typed."""
    env = {**os.environ, "PREFECT_HOME": CLI_PREFECT_HOME, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=folder, capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.mark.slow
def test_a_good_profile_whose_path_is_inside_a_bad_ones_still_lands(tmp_path, portal):
    server = portal(seed=3, n_articles=60)
    dongguan = Path(site_files(server.port, tmp_path)[0])  # demo-dongguan, pointed at this server
    (tmp_path / "a.yaml").write_text(dongguan.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ba.yaml").write_text("name: ba\nstart_urls: [http://127.0.0.1:1/]\narticle_url_pattern: '('\n",
                                      encoding="utf-8")
    result = _run_in(tmp_path, "run", "--site", "a.yaml", "--site", "ba.yaml", "--db", "run.duckdb",
                     "--report-dir", "reports")
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, result.stderr
    assert len(errors) == 1, result.stderr
    assert "ba.yaml" in errors[0] and "article_url_pattern" in errors[0], errors[0]
    con = duckdb.connect(str(tmp_path / "run.duckdb"), read_only=True)
    try:
        landed = dict(con.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall())
    finally:
        con.close()
    expected = sum(1 for t in server.portal.truth_articles() if t["site"] == "demo-dongguan")
    assert landed == {"demo-dongguan": expected}
    assert "demo-dongguan: " in result.stdout  # its summary line
