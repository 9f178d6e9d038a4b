"""The records every stage passes on: fetched pages, parsed articles, crawl failures, and the ids and
compression they carry. Every package under tasks/ may import this module; it imports none of them
(tasks.settings only)."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import xxhash

from tasks.settings import ARCHIVE_COMPRESSION_LEVEL

if TYPE_CHECKING:  # the signature's type only: crawling never loads the dedup code
    from tasks.dedup.minhash import DocSignature

COMPRESSION = "zlib"


def article_id_for(url: str) -> str:
    return xxhash.xxh3_64_hexdigest(url.encode("utf-8"))


def compress(body: bytes) -> bytes:
    return zlib.compress(body, ARCHIVE_COMPRESSION_LEVEL)


def decompress(blob: bytes, codec: str) -> bytes:
    return zlib.decompress(blob) if codec == COMPRESSION else blob


@dataclass
class RawPage:
    url: str
    final_url: str
    site: str
    page_kind: str
    status: int
    fetched_at: datetime
    content_type: str | None
    encoding: str | None
    etag: str | None
    last_modified: str | None
    sha1: str
    body: bytes
    # zlib of body for the archive, made with the rest of the per-page work so that the landing
    # transaction (which holds the database's write lock) only writes
    compressed: bytes | None = None


@dataclass
class ParsedArticle:
    article_id: str
    site: str
    url: str
    canonical_url: str
    title: str | None
    published_at: str | None
    source: str | None
    author: str | None
    breadcrumb: str | None
    body: str
    raw_sha1: str
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    signature: DocSignature
    first_seen_at: datetime | None = None   # set when replaying an archive: the first fetch of this URL
    mentions: list[dict] = field(default_factory=list)   # crime statistics found in title and body

    @property
    def seen_order(self) -> tuple[datetime, str]:
        return (self.first_seen_at or self.fetched_at, self.url)


@dataclass
class CrawlFailure:
    url: str
    stage: str
    status: int | None
    reason: str
