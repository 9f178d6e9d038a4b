"""Scoring of article extraction on the shared benchmark (../shared/bench/extraction, the Scoring section of
its README), shared by tests/article/test_parse.py and bench/extraction_bench.py.

Bag-of-tokens body P/R/F1 (every CJK character a token, other non-space runs one token, punctuation
stripped, casefolded; macro-averaged; an empty result scores 0), sh-F1 on scrapinghub (4-gram shingles of
\\w+ tokens, TP/FP/FN normalised per page, precision and recall averaged over pages), head/tail (zh-gne),
with/without (zh-trafilatura-eval), title EM after whitespace normalisation, date EM on the first Y-M-D of
`published`. Speed is the benchmark's business, not this module's.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tasks.crawl.decode import decode_html

Extractor = Callable[[str, str | None], dict]
Page = tuple[str, str, dict]  # (key, decoded html, ground truth)

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_TOKEN_RE = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+")
_WORD_RE = re.compile(r"\w+")
_YMD_RE = re.compile(r"(\d{4})\D{1,3}?(\d{1,2})\D{1,3}?(\d{1,2})")


def _strip_punct(token: str) -> str:
    return "".join(ch for ch in token if not unicodedata.category(ch).startswith("P"))


def tokens(text: str) -> Counter:
    out = (_strip_punct(t).casefold() for t in _TOKEN_RE.findall(text or ""))
    return Counter(t for t in out if t)


def body_prf(true: str, pred: str) -> tuple[float, float, float]:
    t, p = tokens(true), tokens(pred)
    if not p or not t:
        return 0.0, 0.0, 0.0
    inter = sum((t & p).values())
    prec, rec = inter / sum(p.values()), inter / sum(t.values())
    return prec, rec, (2 * prec * rec / (prec + rec) if inter else 0.0)


def _shingles(text: str, n: int = 4) -> Counter:
    toks = _WORD_RE.findall(text or "")
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])


def sh_tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = _shingles(true), _shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def sh_f1(rows: list[tuple[float, float, float]]) -> float:
    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([prec(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    r = statistics.mean([rec(*r) for r in rows if r[0] + r[2] > 0] or [0.0])
    return 2 * p * r / (p + r) if p + r else 0.0


def _nows(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def first_ymd(text: str | None) -> str | None:
    m = _YMD_RE.search(text or "")
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def load_part(data: Path, part: str) -> list[Page]:
    """The pages of one part, decoded, with their ground truth; [] when the part is absent."""
    folder = data / part
    gt_path = folder / ("ground-truth.json" if part == "scrapinghub" else "ground_truth.json")
    if not gt_path.exists():
        return []
    truth = json.loads(gt_path.read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        html_path = folder / "html" / f"{key}.html.gz"
        if html_path.exists():
            text, _ = decode_html(gzip.decompress(html_path.read_bytes()))
            pages.append((key, text, truth[key]))
    return pages


def score_pages(part: str, pages: list[Page], extract: Extractor) -> tuple[dict, list]:
    """The part's scores (None where the part has no truth for a score) and, per page, (key, body F1,
    extracted, truth) for listing misses."""
    prf, sh, head, tail, title_em, date_em, with_, without = [], [], [], [], [], [], [], []
    misses = []
    for key, html, gt in pages:
        out = extract(html, gt.get("url"))
        body = out.get("body") or ""
        true_body = gt.get("articleBody") if part == "scrapinghub" else gt.get("body")
        if true_body is not None:
            prf.append(body_prf(true_body, body))
        if part == "scrapinghub":
            sh.append(sh_tp_fp_fn(true_body or "", body))
        if gt.get("body_head"):
            squeezed = _nows(body)
            head.append(_nows(gt["body_head"]) in squeezed)
            tail.append(_nows(gt["body_tail"]) in squeezed)
        if gt.get("title"):
            title_em.append(" ".join((out.get("title") or "").split()) == " ".join(gt["title"].split()))
        if gt.get("published_date"):
            date_em.append(first_ymd(out.get("published")) == gt["published_date"])
        if "with" in gt:
            with_.extend(_nows(s) in _nows(body) for s in gt["with"])
            without.extend(_nows(s) in _nows(body) for s in gt["without"])
        f1 = prf[-1][2] if true_body is not None else None
        misses.append((key, f1, out, gt))

    def mean(values: list) -> float | None:
        return statistics.mean(values) if values else None

    result = {
        "pages": len(pages),
        "P": mean([r[0] for r in prf]), "R": mean([r[1] for r in prf]), "F1": mean([r[2] for r in prf]),
        "sh": sh_f1(sh) if sh else None,
        "head": mean(head), "tail": mean(tail), "title": mean(title_em), "date": mean(date_em),
        "with": mean(with_), "without": mean(without),
    }
    return result, misses
