-- Core landed tables. Written by Python only; every write is an idempotent upsert.

CREATE TABLE IF NOT EXISTS raw_pages (
    url            VARCHAR NOT NULL,      -- canonical URL that was requested
    final_url      VARCHAR NOT NULL,      -- after redirects
    site           VARCHAR NOT NULL,
    page_kind      VARCHAR NOT NULL,      -- listing | article
    status         INTEGER NOT NULL,
    fetched_at     TIMESTAMPTZ NOT NULL,
    content_type   VARCHAR,
    encoding       VARCHAR,               -- charset the bytes were decoded with
    etag           VARCHAR,
    last_modified  VARCHAR,
    sha1           VARCHAR NOT NULL,      -- of the raw (uncompressed) bytes
    compression    VARCHAR NOT NULL,      -- codec of `html`
    html           BLOB NOT NULL,
    run_id         VARCHAR NOT NULL,
    PRIMARY KEY (url, sha1)               -- one row per distinct version of a page
);

CREATE TABLE IF NOT EXISTS articles (
    article_id     VARCHAR PRIMARY KEY,   -- xxh3-64 of url
    site           VARCHAR NOT NULL,
    url            VARCHAR NOT NULL UNIQUE,
    canonical_url  VARCHAR NOT NULL,      -- the page's rel=canonical when it has one, else url
    title          VARCHAR,
    published_at   TIMESTAMPTZ,
    source         VARCHAR,
    author         VARCHAR,
    breadcrumb     VARCHAR,
    body           VARCHAR,
    content_hash   VARCHAR NOT NULL,      -- of the normalized body (traditional folded to simplified)
    simhash        BIGINT,
    cluster_id     VARCHAR NOT NULL,      -- article_id of the story's first article seen
    raw_sha1       VARCHAR NOT NULL,      -- raw_pages version this row was parsed from
    etag           VARCHAR,
    last_modified  VARCHAR,
    first_seen_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- MinHash signature and LSH bands per article: the persistent near-duplicate index.
CREATE TABLE IF NOT EXISTS article_minhash (
    article_id     VARCHAR PRIMARY KEY,
    minhash        BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS article_bands (
    band_hash      BIGINT NOT NULL,
    article_id     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS crime_stat_mentions (
    article_id     VARCHAR NOT NULL,
    jurisdiction   VARCHAR,
    period_start   DATE,
    period_end     DATE,
    category       VARCHAR NOT NULL,
    subcategory    VARCHAR NOT NULL DEFAULT '',
    category_raw   VARCHAR,
    measure        VARCHAR NOT NULL,
    metric         VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    approx         BOOLEAN NOT NULL DEFAULT false,
    evidence       VARCHAR
);

CREATE TABLE IF NOT EXISTS crawl_log (
    run_id         VARCHAR NOT NULL,
    site           VARCHAR NOT NULL,
    url            VARCHAR NOT NULL,
    stage          VARCHAR NOT NULL,      -- robots | listing | article | parse
    status         INTEGER,
    reason         VARCHAR NOT NULL,
    logged_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, url, stage)
);

CREATE TABLE IF NOT EXISTS runs (
    run_id         VARCHAR PRIMARY KEY,
    site           VARCHAR NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    profile        JSON,                  -- the site profile the run used (reprocess falls back to it)
    summary        JSON
);

-- Whether the last walk of a listing chain reached its end. Early stop on known articles is only safe when it
-- did: a run killed mid-walk leaves older articles unseen, and the next run must walk past the known ones.
CREATE TABLE IF NOT EXISTS crawl_state (
    site           VARCHAR NOT NULL,
    start_url      VARCHAR NOT NULL,
    walk_complete  BOOLEAN NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (site, start_url)
);
