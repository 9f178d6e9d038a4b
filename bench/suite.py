"""The benchmark suite (`make bench`): every benchmark, side by side with its reference, into bench/RESULTS.md.

    .venv/bin/python bench/suite.py [--only fetch,parse,extract,dedup,landing,pipeline,scale,extraction] [--no-record]

Runs one after another (never two at once: they would share the 2 cores), prints each line as it is
measured, then appends the table with date, commit and machine to bench/RESULTS.md. Needs the `bench`
extra (Scrapy, datasketch, trafilatura) and ../shared for the real pages; a benchmark whose reference
or data is missing says so and is left out. Takes about 16 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SHARED, Result, append_results  # noqa: E402

STEPS = ("fetch", "parse", "extract", "dedup", "landing", "pipeline", "scale", "extraction")


def extraction_speed() -> list[Result]:
    """Issue 6's speed bar: our generic extractor vs trafilatura live on the same pages, per part."""
    from bench import extraction_bench as eb

    try:
        others = eb._others()
    except Exception:  # noqa: BLE001 — a broken optional install must not stop the suite
        others = {}
    if "trafilatura (live)" not in others or not (SHARED / "bench/extraction").is_dir():
        print("extraction: trafilatura or ../shared/bench/extraction missing; skipped", file=sys.stderr)
        return []
    extractors = {"crimetrend": lambda html, url: eb.extract_article(html, url=url),
                  "trafilatura (live)": others["trafilatura (live)"]}
    results = []
    for part in ("zh-gne", "zh-ccwed", "scrapinghub"):
        found = eb.run_part(SHARED / "bench/extraction", part, extractors)
        if not found:
            continue
        ours, ref = found["crimetrend"], found["trafilatura (live)"]
        f1 = f"sh-F1 {ours['sh']:.3f}" if ours["sh"] is not None else f"body F1 {ours['F1']:.3f}"
        results.append(Result(f"extraction speed {part}", ours["pps"], ref["pps"], "pages/s", "crimetrend",
                              "trafilatura", target=10.0,
                              note=f"{ours['pages']} pages; {f1} vs trafilatura {ref['F1']:.3f}"))
    return results


def run_step(step: str) -> list[Result]:
    if step == "fetch":
        from bench import fetch_bench

        return fetch_bench.run(articles=5000, concurrency=8, rounds=2)
    if step == "parse":
        from bench import pipeline_bench

        return pipeline_bench.bench_parse()
    if step == "extract":
        from bench import pipeline_bench

        return pipeline_bench.bench_extract(1000)
    if step == "dedup":
        from bench import dedup_bench

        return dedup_bench.run((10_000, 100_000))
    if step == "landing":
        from bench import landing_bench

        return landing_bench.run(10_000, 500)
    if step == "pipeline":
        from bench import pipeline_bench

        return pipeline_bench.bench_pipeline(10_000)
    if step == "scale":
        from bench import scale_bench

        return scale_bench.run((10_000, 100_000))
    if step == "extraction":
        return extraction_speed()
    raise ValueError(step)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(STEPS), help="comma-separated subset of " + ", ".join(STEPS))
    parser.add_argument("--no-record", action="store_true", help="print only; do not append to bench/RESULTS.md")
    args = parser.parse_args()
    steps = [s for s in args.only.split(",") if s]
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        print(f"bench: unknown benchmark {', '.join(unknown)} (known: {', '.join(STEPS)})", file=sys.stderr)
        return 2
    results: list[Result] = []
    started = time.perf_counter()
    for step in steps:
        t0 = time.perf_counter()
        found = run_step(step)
        for result in found:
            print(result.line(), flush=True)
        print(f"  [{step}: {time.perf_counter() - t0:.0f} s]", flush=True)
        results += found
    if not args.no_record and results:
        command = "make bench" if args.only == ",".join(STEPS) else f"python bench/suite.py --only {args.only}"
        append_results(results, command, extra=f"Suite wall time {time.perf_counter() - started:.0f} s.")
    missed = [r.name for r in results if r.passed is False]
    print(f"{len(results)} figures, {len(missed)} short of target" + (f": {', '.join(missed)}" if missed else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
