"""Near-duplicate detection at 10,000 generated articles, scored against the generator's story ids."""

from __future__ import annotations

from sampleportal.generator import Portal
from tasks.dedup.minhash import assign_clusters, signature
from tests.scoring import pairwise_precision_recall


def test_dedup_10k_pairwise_precision_and_recall():
    portal = Portal(seed=2024, n_articles=10_000)
    truth, docs = {}, []
    for i, article in enumerate(portal.truth_articles()):
        aid = f"{i:06d}"
        truth[aid] = article["story_id"]
        docs.append(signature(aid, article["body"]))
    assert len(docs) == 10_000
    clusters = assign_clusters(docs, lambda _h: None, lambda _b: [])
    precision, recall = pairwise_precision_recall(clusters, truth)
    n_true_pairs = sum(1 for _ in docs)  # documents scored
    print(f"dedup at {n_true_pairs} articles: pairwise precision {precision:.4f}, recall {recall:.4f}")
    assert precision >= 0.99, precision
    assert recall >= 0.95, recall
