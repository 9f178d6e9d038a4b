"""Duplicate detection: normalized-text hash for exact copies, MinHash LSH over character shingles for near copies.

Pure functions over numpy; the persistent index (band hashes per article) lives in DuckDB (see tasks.land).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import xxhash

SHINGLE = 5            # characters; 5-grams of Chinese text separate different stories written from one template
NUM_PERM = 128
BANDS, ROWS = 32, 4    # 32×4: a pair at Jaccard 0.6 becomes a candidate with p≈0.98; candidates are then verified
# Estimated Jaccard at or above which two texts are one story. Measured on the sample portal (tests/test_dedup.py):
# copies (syndicated, traditional, edited) sit at 0.75–1.0, different stories below 0.35.
SIMILARITY_THRESHOLD = 0.6
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def normalize_text(text: str) -> str:
    """Fold traditional→simplified and full/half width, drop whitespace and punctuation."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _t2s().convert(text)
    return _STRIP.sub("", text).lower()


def content_hash(normalized: str) -> str:
    return xxhash.xxh3_128_hexdigest(normalized.encode("utf-8"))


def shingle_hashes(normalized: str, k: int = SHINGLE) -> np.ndarray:
    """Distinct 64-bit hashes of the text's character k-grams, computed in numpy (no per-gram Python)."""
    if not normalized:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(normalized.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    k = min(k, codes.size)
    n = codes.size - k + 1
    with np.errstate(over="ignore"):
        h = np.zeros(n, dtype=np.uint64)
        for j in range(k):  # polynomial hash of each window; wrap-around multiplication is intended
            h = h * np.uint64(0x100000001B3) + codes[j:j + n]
        return np.unique(_mix64(h))


@lru_cache(maxsize=1)
def _perm_seeds() -> np.ndarray:
    rng = np.random.default_rng(20210324)
    return rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64)[:, None]


def _mix64(x: np.ndarray) -> np.ndarray:
    # splitmix64 finalizer: a cheap bijective scramble, so XOR with a seed acts as an independent permutation.
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def minhash(hashes: np.ndarray) -> np.ndarray:
    """NUM_PERM-value MinHash signature (uint64) of a text's shingle hashes."""
    if hashes.size == 0:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return _mix64(hashes[None, :] ^ _perm_seeds()).min(axis=1)


def band_hashes(signature: np.ndarray) -> list[int]:
    """One signed 64-bit hash per LSH band (signed so DuckDB stores it as BIGINT)."""
    rows = signature.reshape(BANDS, ROWS)
    return [xxhash.xxh3_64_intdigest(r.tobytes()) - 2**63 for r in rows]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / NUM_PERM


def simhash64(hashes: np.ndarray) -> int:
    """64-bit SimHash of the shingle hashes (signed); kept for analysts, clustering uses MinHash."""
    if hashes.size == 0:
        return 0
    bits = (hashes[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)
    votes = 2 * bits.sum(axis=0, dtype=np.int64) - hashes.size
    value = int(np.dot((votes > 0).astype(np.uint64), np.uint64(1) << np.arange(64, dtype=np.uint64)))
    return value - 2**64 if value >= 2**63 else value


@dataclass
class DocSignature:
    article_id: str
    content_hash: str
    minhash: np.ndarray
    bands: list[int]
    simhash: int


def signature(article_id: str, text: str) -> DocSignature:
    norm = normalize_text(text)
    hashes = shingle_hashes(norm)
    mh = minhash(hashes)
    return DocSignature(article_id, content_hash(norm), mh, band_hashes(mh), simhash64(hashes))


# A lookup gives, for band hashes, the already-clustered articles sharing any: (article_id, cluster_id, minhash).
CandidateLookup = Callable[[list[int]], list[tuple[str, str, np.ndarray]]]
HashLookup = Callable[[str], str | None]


def _earlier_sharing_a_band(docs: list[DocSignature]) -> dict[int, set[int]]:
    """For each doc index, the earlier docs of the list that share at least one LSH band with it.

    Grouped in numpy (sort the n×BANDS band hashes, find runs of equal values) rather than with a dict of
    band → docs filled and probed per band in Python, which was most of the landing step's own time."""
    if len(docs) < 2:
        return {}
    flat = np.fromiter((b for d in docs for b in d.bands), dtype=np.int64, count=len(docs) * BANDS)
    owner = np.repeat(np.arange(len(docs)), BANDS)
    order = np.argsort(flat, kind="stable")
    flat, owner = flat[order], owner[order]
    starts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1]])
    sizes = np.diff(np.r_[starts, flat.size])
    shared: dict[int, set[int]] = {}
    for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True):
        members = sorted(set(owner[start:start + size].tolist()))
        for k in range(1, len(members)):
            shared.setdefault(members[k], set()).update(members[:k])
    return shared


def assign_clusters(docs: list[DocSignature], lookup_hash: HashLookup, lookup_bands: CandidateLookup,
                    threshold: float = SIMILARITY_THRESHOLD) -> dict[str, str]:
    """cluster_id per article_id, in the given order. An article joins the cluster of its most similar
    earlier article (exact hash first); otherwise it starts a cluster named by its own id. Existing
    clusters never change id, so cluster_id is stable across runs and sites."""
    result: dict[str, str] = {}
    local_hash: dict[str, str] = {}
    earlier = _earlier_sharing_a_band(docs)
    for i, doc in enumerate(docs):
        cluster = local_hash.get(doc.content_hash) or lookup_hash(doc.content_hash)
        if cluster is None:
            best: tuple[float, str] | None = None
            for _aid, cid, mh in lookup_bands(doc.bands):
                sim = estimated_jaccard(doc.minhash, mh)
                if sim >= threshold and (best is None or (sim, cid) > best):
                    best = (sim, cid)
            for j in earlier.get(i, ()):
                sim = estimated_jaccard(doc.minhash, docs[j].minhash)
                cand = (sim, result[docs[j].article_id])
                if sim >= threshold and (best is None or cand > best):
                    best = cand
            cluster = best[1] if best else doc.article_id
        result[doc.article_id] = cluster
        local_hash.setdefault(doc.content_hash, cluster)
    return result
