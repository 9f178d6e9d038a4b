"""Near-duplicate clustering on the sample portal: pairwise precision/recall per similarity threshold,
and signing throughput.

    .venv/bin/python bench/dedup_bench.py [--articles 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sampleportal.generator import Portal  # noqa: E402
from tasks.dedup import assign_clusters, signature  # noqa: E402
from tests.scoring import pairwise_precision_recall  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    truth, bodies = {}, []
    for i, article in enumerate(Portal(seed=2024, n_articles=args.articles).truth_articles()):
        truth[f"{i:06d}"] = article["story_id"]
        bodies.append((f"{i:06d}", article["body"]))
    t0 = time.perf_counter()
    docs = [signature(aid, body) for aid, body in bodies]
    signing = len(docs) / (time.perf_counter() - t0)
    print(f"{len(docs)} articles, {len(set(truth.values()))} stories; signatures {signing:,.0f} docs/s")
    print("| threshold | precision | recall | clusters | seconds |")
    print("|---:|---:|---:|---:|---:|")
    for threshold in THRESHOLDS:
        t0 = time.perf_counter()
        clusters = assign_clusters(docs, lambda _h: None, lambda _b: [], threshold=threshold)
        seconds = time.perf_counter() - t0
        precision, recall = pairwise_precision_recall(clusters, truth)
        print(f"| {threshold:.1f} | {precision:.4f} | {recall:.4f} | {len(set(clusters.values()))} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
