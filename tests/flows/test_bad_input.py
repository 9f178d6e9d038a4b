"""Bad input to every command: one line naming the problem, a non-zero exit, and good sites still land
(every site-profile field is checked in tests/test_profile.py)."""

from __future__ import annotations

import duckdb
import pytest

from tests.portal_helpers import cli, site_files


def _one_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode != 0, result.stdout
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("args, expected", [
    (["build", "--db", "{tmp}/none.duckdb"], "database not found"),
    (["reprocess", "--db", "{tmp}/none.duckdb"], "database not found"),
    (["report", "--db", "{tmp}/none.duckdb"], "database not found"),
    (["sql", "SELECT 1", "--db", "{tmp}/none.duckdb"], "database not found"),
    (["extract", "{tmp}/none.html"], "cannot read"),
    (["parse", "{tmp}/none.html"], "cannot read"),
    (["run", "--site", "{tmp}/none.yaml"], "not found"),
    (["run", "--site", "sites/demo.yaml", "--since", "yesterday"], "--since"),
    (["portal", "--articles", "5"], "--articles"),
    (["demo", "--articles", "0"], "--articles"),
    (["serve", "--only", "no-such-deployment"], "unknown deployment"),
    (["no-such-command"], "no-such-command"),
    (["sql", "SELECT", "--db", "{tmp}/corrupt.duckdb"], "cannot open database"),
])
def test_every_command_gives_one_line_on_bad_input(tmp_path, args, expected):
    (tmp_path / "corrupt.duckdb").write_bytes(b"this is not a database" * 100)
    line = _one_line(cli(*[a.replace("{tmp}", str(tmp_path)) for a in args], timeout=120))
    assert line.startswith("crimetrend: error:") and expected in line


@pytest.mark.slow
def test_a_bad_site_among_several_does_not_stop_the_good_ones(tmp_path, portal):
    server = portal(seed=3, n_articles=60)
    good = site_files(server.port, tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nstart_urls: [http://127.0.0.1:1/]\narticle_url_pattern: '('\n", encoding="utf-8")
    db = tmp_path / "mixed.duckdb"
    result = cli("run", "--site", good[0], "--site", str(bad), "--site", good[1], "--db", str(db),
                 "--report-dir", str(tmp_path / "reports"))
    line = _one_line(result)
    assert "bad.yaml" in line and "article_url_pattern" in line
    con = duckdb.connect(str(db), read_only=True)
    landed = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    con.close()
    assert landed == server.portal.n_articles
