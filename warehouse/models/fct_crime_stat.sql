-- One row per distinct statistic (place, period, category, measure, metric, value) across stories.
-- Distinct counts come from one row per article and first-of-story / first-of-site flags rather than
-- count(DISTINCT …), which holds every value in memory; the build runs under the pipeline's memory cap.
WITH sourced AS (
    SELECT * FROM int_stat_mentions_sourced
),

per_article AS (
    SELECT
        jurisdiction, period_start, period_end, category, subcategory, measure, metric, value,
        article_id, cluster_id, site,
        bool_or(approx) AS approx,
        min(reported_at) AS reported_at,
        min(evidence) AS evidence
    FROM sourced
    GROUP BY ALL
),

flagged AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY jurisdiction, period_start, period_end, category, subcategory, measure, metric, value,
                cluster_id
            ORDER BY article_id) = 1 AS first_of_story,
        row_number() OVER (
            PARTITION BY jurisdiction, period_start, period_end, category, subcategory, measure, metric, value,
                site
            ORDER BY article_id) = 1 AS first_of_site
    FROM per_article
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
        count(*) AS n_articles,
        count(*) FILTER (WHERE first_of_story) AS n_clusters,
        count(*) FILTER (WHERE first_of_site) AS n_sites,
        min(reported_at) AS first_reported_at,
        arg_min(evidence, (reported_at, article_id)) AS evidence,
        list(article_id ORDER BY article_id) AS article_ids
    FROM flagged
    GROUP BY jurisdiction, period_start, period_end, category, subcategory, measure, metric, value
)

SELECT * FROM final
