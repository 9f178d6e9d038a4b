"""Near-duplicate detection at 10,000 generated articles, scored against the generator's story ids."""

from __future__ import annotations

from collections import Counter

import pytest

from sampleportal.generator import Portal
from tasks.dedup.minhash import assign_clusters, signature
from tests.scoring import pairwise_precision_recall

N_ARTICLES = 10_000


def _groups(labels: dict[str, object]) -> set[frozenset[str]]:
    """The items grouped by their label (cluster id or story id)."""
    groups: dict[object, set[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return {frozenset(group) for group in groups.values()}


@pytest.mark.slow
def test_dedup_10k_pairwise_precision_and_recall():
    truth, docs = {}, []
    for i, article in enumerate(Portal(seed=2024, n_articles=N_ARTICLES).truth_articles()):
        aid = f"{i:06d}"
        truth[aid] = article["story_id"]
        docs.append(signature(aid, article["body"]))
    copies_per_story = Counter(truth.values())
    n_true_pairs = sum(n * (n - 1) // 2 for n in copies_per_story.values())
    # recall means something only when there are copies to find
    assert n_true_pairs >= 1000, n_true_pairs

    clusters = assign_clusters(docs, lambda _h: None, lambda _b: [])
    assert clusters.keys() == truth.keys()
    precision, recall = pairwise_precision_recall(clusters, truth)
    n_stories, n_clusters = len(copies_per_story), len(set(clusters.values()))
    exact = len(_groups(clusters) & _groups(truth))  # clusters holding exactly one story's copies
    print(f"dedup at {len(docs)} articles ({n_stories} stories, {n_true_pairs} same-story pairs): "
          f"{n_clusters} clusters, {exact} stories recovered exactly, "
          f"pairwise precision {precision:.4f}, recall {recall:.4f}")
    assert precision >= 0.99, precision
    assert recall >= 0.95, recall
    assert abs(n_clusters - n_stories) <= 0.01 * n_stories, (n_clusters, n_stories)
    assert exact >= 0.98 * n_stories, (exact, n_stories)
