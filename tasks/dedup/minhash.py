"""Duplicate detection: normalized-text hash for exact copies, MinHash LSH over character shingles for near copies.

Pure functions over numpy; the persistent index (band hashes per article) lives in DuckDB (see tasks.pipeline.land).
The thresholds and the signature's shape (shingle, permutations, bands) are in tasks.settings, with how they
were measured.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import xxhash

from tasks.settings import (
    BANDS,
    FIGURE_DIGITS_MIN,
    FIGURES_MIN,
    NUM_PERM,
    ROWS,
    SHINGLE,
    SHORT_SIMILARITY_THRESHOLD,
    SHORT_TEXT_CHARS,
    SIMILARITY_THRESHOLD,
)
from tasks.simplified import to_simplified

_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)
# A statistic is a number with a unit or quantity word after it: 18.6万起, 12.4%, 1876名. Dates and years (1月18日,
# 2023年 for 去年), hotlines (110) and ids carry none, so a dateline or an explicit year does not change the set.
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(?=[%‰万亿千百余多起宗件名人个元辆户次倍成])")
_DIGIT_GROUPS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _fold(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text or ""))


def normalize_text(text: str) -> str:
    """Fold traditional→simplified and full/half width, drop whitespace and punctuation."""
    return _STRIP.sub("", _fold(text)).lower()


def figures_band(folded: str) -> int | None:
    """Band hash of the set of statistic figures in a text folded to simplified, half-width characters, or None
    when it has too few to identify a story. A set, not a sequence: a new lead sentence that repeats a figure of the body leaves it unchanged."""
    figures = sorted(set(_FIGURE.findall(_DIGIT_GROUPS.sub("", folded))))
    if len(figures) < FIGURES_MIN or sum(len(f) - f.count(".") for f in figures) < FIGURE_DIGITS_MIN:
        return None
    return xxhash.xxh3_64_intdigest(("figures:" + " ".join(figures)).encode()) - 2**63


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
    bands: list[int]    # the BANDS LSH bands, then figures_band when there is one: all land in the band index
    simhash: int
    figures_band: int | None = None   # short texts only


def signature(article_id: str, text: str) -> DocSignature:
    folded = _fold(text)
    norm = _STRIP.sub("", folded).lower()
    hashes = shingle_hashes(norm)
    mh = minhash(hashes)
    bands = band_hashes(mh)
    figures = figures_band(folded) if len(norm) <= SHORT_TEXT_CHARS else None
    if figures is not None:
        bands.append(figures)
    return DocSignature(article_id, content_hash(norm), mh, bands, simhash64(hashes), figures)


def same_story(similarity: float, same_figures: bool, threshold: float = SIMILARITY_THRESHOLD) -> bool:
    """Near-copy verdict for a candidate pair: similar enough, or short with the same figures (why: the
    comment on SHORT_TEXT_CHARS in tasks.settings)."""
    return similarity >= threshold or (same_figures and similarity >= SHORT_SIMILARITY_THRESHOLD)


# A lookup gives, for band hashes, the already-clustered articles sharing any: (article_id, cluster_id, minhash).
CandidateLookup = Callable[[list[int]], list[tuple[str, str, np.ndarray]]]
HashLookup = Callable[[str], str | None]


def _earlier_sharing_a_band(docs: list[DocSignature]) -> dict[int, set[int]]:
    """For each doc index, the earlier docs of the list that share at least one LSH band with it.

    Grouped in numpy (sort the n×BANDS band hashes, find runs of equal values) rather than with a dict of
    band → docs filled and probed per band in Python, which was most of the landing step's own time."""
    if len(docs) < 2:
        return {}
    counts = [len(d.bands) for d in docs]
    flat = np.fromiter((b for d in docs for b in d.bands), dtype=np.int64, count=sum(counts))
    owner = np.repeat(np.arange(len(docs)), counts)
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
            figures = doc.figures_band
            # the lookup answers "shares any of these bands", so asking for the figures band alone tells which do
            same_figures = {aid for aid, _, _ in lookup_bands([figures])} if figures is not None else set()
            for aid, cid, mh in lookup_bands(doc.bands):
                sim = estimated_jaccard(doc.minhash, mh)
                if same_story(sim, aid in same_figures, threshold) and (best is None or (sim, cid) > best):
                    best = (sim, cid)
            for j in earlier.get(i, ()):
                sim = estimated_jaccard(doc.minhash, docs[j].minhash)
                cand = (sim, result[docs[j].article_id])
                same = figures is not None and docs[j].figures_band == figures
                if same_story(sim, same, threshold) and (best is None or cand > best):
                    best = cand
            cluster = best[1] if best else doc.article_id
        result[doc.article_id] = cluster
        local_hash.setdefault(doc.content_hash, cluster)
    return result
