-- One row per series point and metric: the value most stories report, and whether stories disagree.
-- Copies of one story (a cluster) count once: a syndicated figure is one source, not several.
WITH sourced AS (
    SELECT * FROM int_stat_mentions_sourced
),

per_value AS (
    SELECT
        jurisdiction, category, subcategory, measure, period_start, period_end, metric, value,
        count(DISTINCT cluster_id) AS n_clusters,
        count(DISTINCT article_id) AS n_articles,
        min(reported_at) AS first_reported_at
    FROM sourced
    -- a trend point needs a place and a period; statistics without them stay in fct_crime_stat only
    WHERE jurisdiction IS NOT NULL AND period_start IS NOT NULL AND period_end IS NOT NULL
    GROUP BY ALL
),

final AS (
    SELECT
        jurisdiction, category, subcategory, measure, period_start, period_end, metric,
        arg_max(value, (n_clusters, n_articles, -epoch(first_reported_at))) AS value,
        -- values that round to the same tenth are one figure written twice (e.g. 49.55% vs 49.6%)
        count(DISTINCT round(value, 1)) > 1 AS conflict,
        sum(n_articles) AS n_articles
    FROM per_value
    GROUP BY ALL
)

SELECT * FROM final
