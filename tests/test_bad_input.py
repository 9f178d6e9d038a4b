"""Bad input to every command and every site-profile field: one line naming the problem, a non-zero exit,
and good sites still land."""

from __future__ import annotations

import duckdb
import pytest

from sampleportal.generator import Portal
from sampleportal.server import start_portal
from tasks.profile import SiteProfileError, parse_site
from tests.portal_helpers import cli, site_files

GOOD = {"name": "ok", "start_urls": ["http://127.0.0.1:1/"], "article_url_pattern": r"\d+\.html$"}


def _one_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode != 0, result.stdout
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("field, value", [
    ("name", "UPPER"), ("name", ""), ("start_urls", []), ("start_urls", ["not a url"]),
    ("start_urls", "http://127.0.0.1/"), ("article_url_pattern", "[unclosed"), ("allowed_domains", "127.0.0.1"),
    ("listing", {"max_pages": 0}), ("listing", {"next_page": 5}), ("listing", {"extra": 1}),
    ("article", {"title": ["h1"]}), ("article", {"bogus": "h1"}), ("encoding", "no-such-codec"),
    ("region", ["东莞市"]), ("politeness", {"delay_seconds": "slow"}), ("politeness", {"concurrency": 0}),
    ("politeness", {"respect_robots": "maybe"}), ("politeness", {"timeout_seconds": 0}),
    ("politeness", {"retries": 99}), ("politeness", {"max_body_bytes": 10}), ("unknown_field", 1),
])
def test_every_profile_field_is_validated_with_its_name(field, value):
    with pytest.raises(SiteProfileError) as err:
        parse_site({**GOOD, field: value}, "sites/x.yaml")
    message = str(err.value)
    assert "\n" not in message and message.startswith("sites/x.yaml: field '") and field in message


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


def test_a_bad_site_among_several_does_not_stop_the_good_ones(tmp_path):
    portal = Portal(seed=3, n_articles=60)
    server = start_portal(portal, host="127.0.0.1", port=0)
    try:
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
        assert landed == portal.n_articles
    finally:
        server.stop()
