"""Statistics on real bulletins: the development set of ../shared/bench/stats, scored by its own scorer.

The scorer runs as the acceptance command does (`python ../shared/bench/stats/score.py`), with the strict
extractor so that an exception fails the test instead of silently yielding no rows.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO, shared_path

# the targets of issue 12 (GUIDE.md defines a statistic; score.py matches predictions to the gold facts)
LENIENT = {"precision": 0.92, "recall": 0.88}
STRICT = {"precision": 0.85, "recall": 0.80}


def _score(tmp_path) -> dict:
    scorer = shared_path("bench", "stats", "score.py")
    out = tmp_path / "score.json"
    done = subprocess.run(
        [sys.executable, str(scorer), "--extractor", "tasks.stats.extract:extract_stats_strict", "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8"))


def test_dev_set_scores_meet_the_targets(tmp_path):
    result = _score(tmp_path)
    for mode, targets in (("lenient", LENIENT), ("strict", STRICT)):
        for measure, floor in targets.items():
            got = result[mode][measure]
            assert got >= floor, f"{mode} {measure} {got} < {floor}: {result}"
    assert result["negative_article_predictions"] == 0, result
