"""Scores computed by tests (never asserted from constants): character F1, pairwise cluster precision/recall."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def char_f1(predicted: str, truth: str) -> float:
    pred = Counter(c for c in predicted if not c.isspace())
    gold = Counter(c for c in truth if not c.isspace())
    if not pred and not gold:
        return 1.0
    common = sum((pred & gold).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(pred.values()), common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise_precision_recall(predicted: dict[str, str], truth: dict[str, object]) -> tuple[float, float]:
    """Precision and recall of 'same cluster' over all pairs of items, against the true groups."""
    both = Counter((predicted[k], truth[k]) for k in predicted)
    tp = _pairs(both.values())
    pred_pairs = _pairs(Counter(predicted.values()).values())
    true_pairs = _pairs(Counter(truth[k] for k in predicted).values())
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    return precision, recall
