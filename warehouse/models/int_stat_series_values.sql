-- One row per series point and metric: the value most stories report, and whether stories disagree.
-- Copies of one story (a cluster) count once: a syndicated figure is one source, not several.
-- Distinct counts are taken by grouping step by step (article, then story, then value) rather than with
-- count(DISTINCT …): plain groupings spill to disk, DISTINCT aggregates hold every value in memory, and
-- the build runs under the pipeline's memory cap.
WITH sourced AS (
    SELECT * FROM int_stat_mentions_sourced
    -- a trend point needs a place and a period; statistics without them stay in fct_crime_stat only
    WHERE jurisdiction IS NOT NULL AND period_start IS NOT NULL AND period_end IS NOT NULL
),

per_article AS (
    SELECT
        jurisdiction, category, subcategory, measure, period_start, period_end, metric, value,
        cluster_id, article_id,
        min(reported_at) AS reported_at
    FROM sourced
    GROUP BY ALL
),

per_story AS (
    SELECT
        jurisdiction, category, subcategory, measure, period_start, period_end, metric, value, cluster_id,
        count(*) AS n_articles,
        min(reported_at) AS reported_at
    FROM per_article
    GROUP BY ALL
),

per_value AS (
    SELECT
        jurisdiction, category, subcategory, measure, period_start, period_end, metric, value,
        count(*) AS n_clusters,
        CAST(sum(n_articles) AS BIGINT) AS n_articles,
        min(reported_at) AS first_reported_at
    FROM per_story
    GROUP BY ALL
),

final AS (
    SELECT
        jurisdiction, category, subcategory, measure, period_start, period_end, metric,
        arg_max(value, (n_clusters, n_articles, -epoch(first_reported_at))) AS value,
        -- values that round to the same tenth are one figure written twice (e.g. 49.55% vs 49.6%)
        coalesce(min(round(value, 1)) <> max(round(value, 1)), false) AS conflict,
        sum(n_articles) AS n_articles
    FROM per_value
    GROUP BY ALL
)

SELECT * FROM final
