"""Fetch throughput: our crawler vs a Scrapy spider on the same loopback sample portal.

Both walk the two demo sites' listing chains (next-page link), fetch every article page the listings
link, obey robots.txt, and use the same concurrency with no politeness delay. The portal runs in its
own process, so its CPU is not counted for either. Each crawler runs in a fresh process (Twisted's
reactor cannot be restarted, and a fresh process keeps both equally cold); each times only its crawl.

    .venv/bin/python bench/fetch_bench.py [--articles 5000] [--concurrency 8] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, PortalProcess, Result  # noqa: E402


def _profiles(port: int, concurrency: int, folder: Path) -> list[Path]:
    from flows.demo import demo_site_files

    files = []
    for name in demo_site_files(port, folder):
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"concurrency: \d+", f"concurrency: {concurrency}", text)
        out = folder / f"bench-{path.name}"
        out.write_text(text, encoding="utf-8")
        files.append(out)
    return files


def crawl_ours(profile_files: list[str]) -> dict:
    """Our crawl step alone (listing walk, link discovery, article fetches), sites in turn."""
    from tasks.crawl.fetch import Fetcher
    from tasks.crawl.walk import SiteCrawl
    from tasks.profile import load_site

    pages = nbytes = 0
    t0 = time.perf_counter()
    for path in profile_files:
        site = load_site(path)
        crawl = SiteCrawl(site, Fetcher(site.allowed_domains, site.politeness), {})
        try:
            while (batch := crawl.next_batch(500)) is not None:
                for page in batch.listing_pages + batch.article_pages:
                    pages += 1
                    nbytes += len(page.body)
        finally:
            crawl.close()
    return {"pages": pages, "bytes": nbytes, "seconds": time.perf_counter() - t0}


def crawl_scrapy(profile_files: list[str], concurrency: int) -> dict:
    """The same crawl as a Scrapy spider: next-page link and article links from each listing page."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    from tasks.crawl.listing import NEXT_TEXTS
    from tasks.profile import load_site

    sites = [load_site(p) for p in profile_files]
    counts = {"pages": 0, "bytes": 0}

    class PortalSpider(scrapy.Spider):
        name = "portal"
        custom_settings = {
            "ROBOTSTXT_OBEY": True,
            "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "LOG_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False,
            "COOKIES_ENABLED": False,
            "HTTPCACHE_ENABLED": False,
        }

        async def start(self):
            for site in sites:
                for url in site.start_urls:
                    yield scrapy.Request(url, callback=self.parse_listing, cb_kwargs={"site": site})

        def parse_listing(self, response, site):
            counts["pages"] += 1
            counts["bytes"] += len(response.body)
            for href in response.css("a::attr(href)").getall():
                url = response.urljoin(href)
                if site.article_regex.search(url):
                    yield scrapy.Request(url, callback=self.parse_article)
            selector = site.listing.next_page
            if selector:
                nxt = response.css(f"{selector}::attr(href)").get()
            else:  # the profile names no selector: the same pagination rule our crawler uses
                nxt = response.css("link[rel=next]::attr(href), a[rel=next]::attr(href)").get()
                for link in ([] if nxt else response.css("a[href]")):
                    if " ".join(link.css("::text").getall()).strip().lower() in NEXT_TEXTS:
                        nxt = link.attrib["href"]
                        break
            if nxt:
                yield scrapy.Request(response.urljoin(nxt), callback=self.parse_listing, cb_kwargs={"site": site})

        def parse_article(self, response):
            counts["pages"] += 1
            counts["bytes"] += len(response.body)

    process = CrawlerProcess(settings={"LOG_ENABLED": False})
    process.crawl(PortalSpider)
    t0 = time.perf_counter()
    process.start()
    return {**counts, "seconds": time.perf_counter() - t0}


def _child(kind: str, profile_files: list[str], concurrency: int) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--concurrency", str(concurrency), *profile_files]
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{kind} crawl failed: {out.stderr.strip()[-800:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(articles: int = 5000, concurrency: int = 8, rounds: int = 2) -> list[Result]:
    """Best of ``rounds`` alternating runs of each crawler on one portal process."""
    try:
        import scrapy  # noqa: F401
    except ImportError:
        print("fetch: scrapy is not installed (pip install -e '.[bench]'); skipped", file=sys.stderr)
        return []
    best = {"ours": None, "scrapy": None}
    with PortalProcess(articles) as portal, tempfile.TemporaryDirectory() as tmp:
        files = [str(p) for p in _profiles(portal.port, concurrency, Path(tmp))]
        for _ in range(rounds):
            for kind in ("ours", "scrapy"):
                r = _child(kind, files, concurrency)
                r["pps"] = r["pages"] / r["seconds"]
                if best[kind] is None or r["pps"] > best[kind]["pps"]:
                    best[kind] = r
    ours, ref = best["ours"], best["scrapy"]
    note = (f"{ours['pages']:,} vs {ref['pages']:,} pages ({ours['bytes'] / 2**20:.0f} MiB), concurrency "
            f"{concurrency}, delay 0, robots on, best of {rounds}")
    return [Result("fetch", ours["pps"], ref["pps"], "pages/s", "crimetrend crawler", "Scrapy spider",
                   target=1.0, note=note)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", choices=("ours", "scrapy"), help=argparse.SUPPRESS)
    parser.add_argument("profiles", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = crawl_ours(args.profiles) if args.child == "ours" else crawl_scrapy(args.profiles, args.concurrency)
        print(json.dumps(result))
        return
    for result in run(args.articles, args.concurrency, args.rounds):
        print(result.line())


if __name__ == "__main__":
    main()
