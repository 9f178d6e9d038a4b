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
        min(reported_at) AS first_reported_at,
        -- how finely the figure is written: a headline's 降5成 (-50) is a change to the nearest 10
        CASE
            WHEN metric <> 'count' AND value <> 0 AND value % 10 = 0 THEN 10
            WHEN value = round(value) THEN 1
            WHEN value = round(value, 1) THEN 0.1
            ELSE 0.01
        END AS step
    FROM per_story
    GROUP BY ALL
),

points AS (
    SELECT
        *,
        max(step) OVER (PARTITION BY jurisdiction, category, subcategory, measure, period_start, period_end, metric)
            AS coarsest
    FROM per_value
),

final AS (
    SELECT
        jurisdiction, category, subcategory, measure, period_start, period_end, metric,
        -- the figure most stories report; among equals the most precise (-49.55 over the headline's -50)
        arg_max(value, (n_clusters, -step, n_articles, -epoch(first_reported_at))) AS value,
        -- values that agree once rounded as coarsely as the coarsest of them are one figure written twice
        -- (-49.55 and 再降5成; 49.55% and 49.6%)
        coalesce(min(round(value / coarsest)) <> max(round(value / coarsest)), false) AS conflict,
        sum(n_articles) AS n_articles
    FROM points
    GROUP BY ALL
)

SELECT * FROM final
