"""`python -m sampleportal [--port 8765] [--articles N] [--seed S]`: serve the sample portal on 127.0.0.1."""

from __future__ import annotations

import argparse
import sys

from .server import serve_forever


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="sampleportal", description="Serve the crimetrend sample portal on loopback.")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--host", default="127.0.0.1", help="loopback address only")
    args = ap.parse_args(argv)
    if not 1 <= args.articles <= 1_000_000:
        print("error: --articles must be between 1 and 1000000", file=sys.stderr)
        return 2
    try:
        serve_forever(args.port, args.articles, args.seed, args.host)
    except (ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
