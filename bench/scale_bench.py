"""Scale: the sample portal end to end with `crimetrend run`, wall time, pages/s and peak RSS, at 10k and 100k.

    .venv/bin/python bench/scale_bench.py [--articles 10000,100000]

Each size is one `crimetrend run` (both demo sites, build and report included) into a fresh DuckDB file,
against the sample portal served by its own process. Peak RSS is the pipeline process's own high-water
mark (VmHWM, read from /proc while it runs); the portal and Prefect's temporary API server are separate
processes and not counted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, PortalProcess, Result  # noqa: E402


def _hwm_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def run_once(n: int) -> dict:
    from flows.demo import demo_site_files

    with PortalProcess(n) as portal, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sites = demo_site_files(portal.port, folder)
        # every listing page: the profiles cap a walk at 500 pages (10,000 articles a site)
        cmd = [str(Path(sys.executable).parent / "crimetrend"), "run", *[a for s in sites for a in ("--site", s)],
               "--max-pages", str(n),
               "--db", str(folder / "scale.duckdb"), "--report-dir", str(folder / "reports")]
        out_path, err_path = folder / "stdout.txt", folder / "stderr.txt"
        t0 = time.perf_counter()
        with out_path.open("w") as out_fh, err_path.open("w") as err_fh:  # files: a full pipe would stall the run
            proc = subprocess.Popen(cmd, cwd=REPO, stdout=out_fh, stderr=err_fh, text=True)
            peak = 0
            while proc.poll() is None:
                peak = max(peak, _hwm_kib(proc.pid) or 0)
                time.sleep(0.2)
        seconds = time.perf_counter() - t0
        out, err = out_path.read_text(), err_path.read_text()
        if proc.returncode != 0:
            raise RuntimeError(f"crimetrend run failed at {n:,} articles: {err.strip()[-500:]}")
        import duckdb

        con = duckdb.connect(str(folder / "scale.duckdb"), read_only=True)
        articles, pages = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM raw_pages)").fetchall()[0]
        db_mib = (folder / "scale.duckdb").stat().st_size / 2**20
        con.close()
    return {"n": n, "seconds": seconds, "articles": articles, "pages": pages, "peak_mib": peak / 1024,
            "db_mib": db_mib, "summary": out.strip().splitlines()}


def run(sizes: tuple[int, int] = (10_000, 100_000)) -> list[Result]:
    small, large = (run_once(n) for n in sizes)
    for r in (small, large):
        print(f"scale {r['n']:,}: {r['articles']:,} articles, {r['pages']:,} pages in {r['seconds']:.0f} s "
              f"({r['pages'] / r['seconds']:,.0f} pages/s); peak RSS {r['peak_mib']:,.0f} MiB; DuckDB file "
              f"{r['db_mib']:,.0f} MiB", flush=True)
        for line in r["summary"]:
            print(f"    {line}")
    note = (f"{large['articles']:,} articles ({large['pages']:,} pages) in {large['seconds']:.0f} s, "
            f"{large['pages'] / large['seconds']:,.0f} pages/s end to end; {small['articles']:,} in "
            f"{small['seconds']:.0f} s")
    return [
        Result(f"peak RSS {large['n'] // 1000}k vs {small['n'] // 1000}k", large["peak_mib"], small["peak_mib"], "MiB",
               f"{large['n']:,} articles", f"{small['n']:,} articles", target=1.3, higher_is_better=False, note=note),
        Result(f"peak RSS {large['n'] // 1000}k vs 1 GiB", large["peak_mib"], 1024.0, "MiB",
               f"{large['n']:,} articles", "limit", target=1.0, higher_is_better=False),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="10000,100000", help="two sizes, comma-separated")
    args = parser.parse_args()
    small, large = (int(x) for x in args.articles.split(","))
    for result in run((small, large)):
        print(result.line())


if __name__ == "__main__":
    main()
