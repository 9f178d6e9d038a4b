-- One row per distinct statistic (place, period, category, measure, metric, value) across stories.
WITH sourced AS (
    SELECT * FROM int_stat_mentions_sourced
),

final AS (
    SELECT
        jurisdiction,
        period_start,
        period_end,
        category,
        subcategory,
        measure,
        metric,
        value,
        bool_or(approx) AS approx,
        count(DISTINCT article_id) AS n_articles,
        count(DISTINCT cluster_id) AS n_clusters,
        count(DISTINCT site) AS n_sites,
        min(reported_at) AS first_reported_at,
        arg_min(evidence, (reported_at, article_id)) AS evidence,
        list(DISTINCT article_id ORDER BY article_id) AS article_ids
    FROM sourced
    GROUP BY jurisdiction, period_start, period_end, category, subcategory, measure, metric, value
)

SELECT * FROM final
