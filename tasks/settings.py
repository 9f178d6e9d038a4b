"""Every tuning value of the pipeline, in one place, each with the reason for its value.

A value with a CRIMETREND_* variable is read from the environment once, when this module is first
imported; the others are changed here. The modules that use a value import it from this module and
import nothing back, so any stage may read its settings here.

Not here: the heuristics of the charset detector, the article extractor and the statistics reader
(weights and limits measured on the extraction benchmark and the sample portal; they stay beside the
code they tune), site profile defaults (tasks.profile: each profile may set its own), and two switches
read where they act: CRIMETREND_DEBUG (tracebacks from the command line, flows.cli) and
CRIMETREND_FAILPOINT (crash tests, tasks.failpoints).
"""

from __future__ import annotations

import os

# --- crawling (tasks.crawl) ------------------------------------------------------------------------

# Articles are mostly corrected in the first days after publication; older ones are not re-validated.
REVALIDATE_DAYS = 3
# A hostile Retry-After (hours) must not stall a run; longer waits are treated as a failure to retry later.
RETRY_AFTER_CAP_SECONDS = 30
# The longest pause between two retries of one request, however many retries a profile allows.
RETRY_BACKOFF_MAX_SECONDS = 30
# Connecting takes at most this long even when a profile allows slow answers (timeout_seconds).
CONNECT_TIMEOUT_CAP_SECONDS = 10.0
# A whole response must arrive within this many read timeouts: a server dripping a byte at a time
# never trips the read timeout itself.
BODY_DEADLINE_TIMEOUTS = 3
# Bytes read from a response at a time; the body size cap is checked between reads.
READ_CHUNK_BYTES = 64 * 1024
# Hosts whose connections are kept open at once (a site run talks to one or two hosts).
CONNECTION_POOLS = 8

# --- a site run (tasks.pipeline, flows) ------------------------------------------------------------

# Articles fetched, parsed and landed together: one landing transaction and one Prefect task run per
# step and batch. Two batches are held at once (the next one is fetched while this one lands).
DEFAULT_BATCH_SIZE = 500
# Archived pages re-parsed per landing call by `crimetrend reprocess` (all in one transaction).
REPROCESS_BATCH_SIZE = 500
# Failed or skipped URLs a run summary keeps (its failed-urls artifact); the count covers them all.
SUMMARY_FAILURES_KEPT = 500
# Statistics shown in a pipeline run's new-statistics artifact.
NEW_STATISTICS_SHOWN = 1000
# A fetch-batch task that fails on an unexpected error is retried as a whole this often, after this
# pause; page-level retries live in the fetcher.
FETCH_TASK_RETRIES = 1
FETCH_TASK_RETRY_DELAY_SECONDS = 2
# Listing pages per start URL a backfill may walk back (it stops earlier once articles are older).
BACKFILL_MAX_PAGES = 2000
# zlib level of the raw-page archive: ~4× smaller than raw HTML at a fraction of level 9's cost;
# pages are archived once and rarely read.
ARCHIVE_COMPRESSION_LEVEL = 3

# --- near-duplicate detection (tasks.dedup) -------------------------------------------------------
# SHINGLE, NUM_PERM, BANDS and ROWS shape the stored signatures and band index: after changing one,
# `crimetrend reprocess` rebuilds them for the articles already landed.

SHINGLE = 5  # characters; 5-grams of Chinese text separate different stories written from one template
NUM_PERM = 128
BANDS, ROWS = 32, 4  # 32×4: a pair at Jaccard 0.6 becomes a candidate with p≈0.98; candidates are then verified
# Estimated Jaccard at or above which two texts are one story. Measured on the sample portal (the
# clusters are scored in tests/dedup/test_at_scale.py, bench/dedup_bench.py --curve gives precision and
# recall by threshold): copies (syndicated, traditional, edited) sit at 0.75–1.0, different stories below 0.35.
SIMILARITY_THRESHOLD = 0.6
# Short stories. A re-post's edits have a roughly fixed size (a new lead sentence, a clause, 去年 → 2023年: about
# 60–90 of each side's 5-grams), so Jaccard (n-e)/(n+e) falls with the length n: a 250-character agency item
# re-posted that way sits near 0.5, below SIMILARITY_THRESHOLD, while from about 400 characters on the same edits
# keep it above 0.6. Lowering the threshold for short texts alone would merge what short bulletins are made of:
# one template with other figures and places (two cities' monthly 警情通报 sit at 0.35–0.5; at 0.3 the sample
# portal's precision falls to 0.44, bench/dedup_bench.py --curve). What a re-post never changes is its statistics,
# and that is what tells such twins apart. So a short text also carries one extra band, the hash of its set of
# statistic figures; two short texts sharing it — the same figures, a set distinctive enough not to be chance —
# are one story from SHORT_SIMILARITY_THRESHOLD on. Different statistics never merge by this rule, long texts
# are untouched, and an index row is added only for short texts with figures.
# Measured on the sample portal: different stories with the same figures (two write-ups of one weekly bulletin)
# sit at 0.05–0.23; with no length limit the rule merged some at 100,000 articles (precision 0.9999), at 400 none.
SHORT_TEXT_CHARS = 400  # normalized characters; both texts of a pair must be this short
SHORT_SIMILARITY_THRESHOLD = 0.35
FIGURES_MIN, FIGURE_DIGITS_MIN = 3, 8  # distinct figures / digits between them: {1, 2, 3} is no fingerprint

# --- the DuckDB file (tasks.store) ----------------------------------------------------------------

# A scheduled run that meets a long backfill waits for it rather than failing; a reader gives up sooner.
LOCK_WAIT_SECONDS = float(os.environ.get("CRIMETREND_LOCK_WAIT_SECONDS", "3600"))
READER_WAIT_SECONDS = 15.0
# DuckDB keeps every block it has read cached up to 80% of the machine's memory by default, so a crawl's
# memory grew with the archive (the dedup lookups read the band index each batch: +5 MB per 1,000 articles).
# A writer's cache is capped; queries that need more spill to disk. Readers (`sql`, `report`) keep the default.
WRITER_MEMORY_LIMIT = os.environ.get("CRIMETREND_DUCKDB_MEMORY_LIMIT", "128MB")
# The SQL build's cap (tasks.store.build): a 100,000-article warehouse builds within 160MB; raise it for larger
# archives (a build over its cap fails with one line naming this setting, and keeps nothing).
BUILD_MEMORY_LIMIT = os.environ.get("CRIMETREND_DUCKDB_BUILD_MEMORY_LIMIT", "192MB")
