"""`tasks.extract.extract_stats`, the Python entry point SPEC.md fixes; the work is in tasks.stats."""

from tasks.stats.extract import extract_stats

__all__ = ["extract_stats"]
