-- One row per committed full SQL build (`crimetrend build` without --select): what it read, as a fingerprint
-- (tasks.store.build.inputs_fingerprint), so a scheduled run on an unchanged portal can skip the rebuild.
-- Builds before this migration created the table themselves; IF NOT EXISTS keeps their rows.
CREATE TABLE IF NOT EXISTS warehouse_builds (
    built_at       TIMESTAMPTZ NOT NULL,
    fingerprint    VARCHAR NOT NULL
);
