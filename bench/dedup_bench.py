"""Near-duplicate clustering: ours vs datasketch MinHashLSH on the same texts, and our threshold curve.

    .venv/bin/python bench/dedup_bench.py [--articles 10000,100000] [--curve]

Texts are the sample portal's article bodies (syndicated, traditional-character and edited copies of
stories; the generator's story ids are the truth). Both sides do the whole job per article, timed: normalise
the text (traditional→simplified, width, punctuation), 5-character shingles, a 128-permutation MinHash,
query the LSH index for earlier near copies, join the most similar one's cluster or start a cluster,
insert. Both run the same configuration: 128 permutations made once and shared by every document, the same
32 bands × 4 rows, and candidates verified at an estimated Jaccard ≥ 0.6; datasketch hashes shingles with
xxhash's 32-bit digest, the faster hash function its documentation invites (`hashfunc`), where its default is
sha1. The one difference is ours: short texts with the same statistic figures also meet at 0.35 (see
tasks/dedup/minhash.py), which datasketch has no way to say. Pairwise precision and recall of both are
computed against the truth.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Result  # noqa: E402
from sampleportal.generator import Portal  # noqa: E402
from tasks.dedup.minhash import (  # noqa: E402
    BANDS,
    NUM_PERM,
    ROWS,
    SHINGLE,
    SIMILARITY_THRESHOLD,
    assign_clusters,
    normalize_text,
    signature,
)
from tests.scoring import pairwise_precision_recall  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def corpus(n: int, seed: int = 2024) -> tuple[list[tuple[str, str]], dict[str, int]]:
    truth, bodies = {}, []
    for i, article in enumerate(Portal(seed=seed, n_articles=n).truth_articles()):
        truth[f"{i:06d}"] = article["story_id"]
        bodies.append((f"{i:06d}", article["body"]))
    return bodies, truth


def ours(bodies: list[tuple[str, str]]) -> tuple[dict[str, str], float]:
    t0 = time.perf_counter()
    docs = [signature(aid, body) for aid, body in bodies]
    clusters = assign_clusters(docs, lambda _h: None, lambda _b: [], threshold=SIMILARITY_THRESHOLD)
    return clusters, time.perf_counter() - t0


def datasketch_clusters(bodies: list[tuple[str, str]]) -> tuple[dict[str, str], float]:
    import xxhash
    from datasketch import MinHash, MinHashLSH

    t0 = time.perf_counter()
    permutations = MinHash(num_perm=NUM_PERM, seed=1).permutations
    lsh = MinHashLSH(threshold=SIMILARITY_THRESHOLD, num_perm=NUM_PERM, params=(BANDS, ROWS))
    signatures: dict[str, MinHash] = {}
    clusters: dict[str, str] = {}
    for aid, body in bodies:
        text = normalize_text(body)
        m = MinHash(num_perm=NUM_PERM, hashfunc=xxhash.xxh32_intdigest, permutations=permutations, scheme="affine32")
        m.update_batch([text[i:i + SHINGLE].encode("utf-8") for i in range(max(1, len(text) - SHINGLE + 1))])
        best = None
        for other in lsh.query(m):
            sim = m.jaccard(signatures[other])
            if sim >= SIMILARITY_THRESHOLD and (best is None or sim > best[0]):
                best = (sim, clusters[other])
        clusters[aid] = best[1] if best else aid
        lsh.insert(aid, m)
        signatures[aid] = m
    return clusters, time.perf_counter() - t0


def _interleaved(bodies: list[tuple[str, str]], rounds: int) -> tuple[tuple, tuple, list[float], list[float]]:
    """Both sides after a warm-up of each, in ABBA order for `rounds` rounds: (ours' clusters, datasketch's
    clusters, ours' seconds, datasketch's seconds)."""
    warm = bodies[:500]
    ours(warm)
    datasketch_clusters(warm)
    times: dict[str, list[float]] = {"ours": [], "datasketch": []}
    found = {}
    for k in range(rounds):
        for side in (("ours", "datasketch") if k % 2 == 0 else ("datasketch", "ours")):
            clusters, seconds = (ours if side == "ours" else datasketch_clusters)(bodies)
            found[side] = clusters
            times[side].append(seconds)
    return found["ours"], found["datasketch"], times["ours"], times["datasketch"]


def run(sizes: tuple[int, ...] = (10_000, 100_000), rounds: tuple[int, ...] = (5, 2)) -> list[Result]:
    results = []
    for n, k in zip(sizes, rounds + (rounds[-1],) * len(sizes), strict=False):
        bodies, truth = corpus(n)
        ours_clusters, ref_clusters, ours_times, ref_times = _interleaved(bodies, k)
        ours_s, ref_s = statistics.median(ours_times), statistics.median(ref_times)
        spread = (f"median of {k} interleaved rounds; range {n / max(ours_times):,.0f}–{n / min(ours_times):,.0f} "
                  f"vs {n / max(ref_times):,.0f}–{n / min(ref_times):,.0f} articles/s")
        p, r = pairwise_precision_recall(ours_clusters, truth)
        rp, rr = pairwise_precision_recall(ref_clusters, truth)
        quality = "ok" if p >= rp and r >= rr else "WORSE than datasketch"
        results.append(Result(
            f"dedup {n:,}", n / ours_s, n / ref_s, "articles/s", "crimetrend MinHash LSH", "datasketch MinHashLSH",
            target=1.0,
            note=(f"{n:,} articles, {len(set(truth.values())):,} stories; pairwise precision/recall ours "
                  f"{p:.4f}/{r:.4f}, datasketch {rp:.4f}/{rr:.4f}, both {BANDS}×{ROWS} bands verified at "
                  f"{SIMILARITY_THRESHOLD}: {quality}; {spread}")))
    return results


def threshold_curve(n: int) -> None:
    bodies, truth = corpus(n)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="10000,100000", help="corpus sizes, comma-separated")
    parser.add_argument("--curve", action="store_true", help="print our precision/recall by threshold instead")
    args = parser.parse_args()
    sizes = tuple(int(x) for x in args.articles.split(","))
    if args.curve:
        threshold_curve(sizes[0])
        return
    for result in run(sizes):
        print(result.line())


if __name__ == "__main__":
    main()
