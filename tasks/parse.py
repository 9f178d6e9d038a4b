"""`tasks.parse.extract_article`, the Python entry point SPEC.md fixes; the work is in tasks.article."""

from tasks.article.parse import extract_article

__all__ = ["extract_article"]
