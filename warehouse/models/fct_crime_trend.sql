-- One row per series point: count, year-on-year and period-on-period change side by side, with the prior
-- year's count derived from count and yoy when no source reported it.
WITH series AS (
    SELECT * FROM int_stat_series_values
),

points AS (
    SELECT
        jurisdiction, category, subcategory, measure, period_start, period_end,
        max(value) FILTER (WHERE metric = 'count') AS "count",
        max(value) FILTER (WHERE metric = 'yoy_pct') AS yoy_pct,
        max(value) FILTER (WHERE metric = 'pop_pct') AS pop_pct,
        bool_or(conflict) AS conflict
    FROM series
    GROUP BY ALL
),

-- articles per point, counted over one row per (point, article): a plain grouping spills to disk where
-- count(DISTINCT …) would hold every article id in memory
point_articles AS (
    SELECT jurisdiction, category, subcategory, measure, period_start, period_end, article_id
    FROM int_stat_mentions_sourced
    WHERE jurisdiction IS NOT NULL AND period_start IS NOT NULL AND period_end IS NOT NULL
    GROUP BY ALL
),

articles AS (
    SELECT jurisdiction, category, subcategory, measure, period_start, period_end,
           count(*) AS n_articles
    FROM point_articles
    GROUP BY ALL
),

final AS (
    SELECT
        p.jurisdiction, p.category, p.subcategory, p.measure, p.period_start, p.period_end,
        p."count",
        p.yoy_pct,
        p.pop_pct,
        CASE WHEN prev."count" IS NULL AND p."count" IS NOT NULL AND p.yoy_pct > -100
             THEN round(p."count" / (1 + p.yoy_pct / 100), 1) END AS count_prev_year_derived,
        p.conflict,
        a.n_articles
    FROM points AS p
    INNER JOIN articles AS a USING (jurisdiction, category, subcategory, measure, period_start, period_end)
    LEFT JOIN points AS prev
        ON prev.jurisdiction = p.jurisdiction
        AND prev.category = p.category AND prev.subcategory = p.subcategory AND prev.measure = p.measure
        AND prev.period_start = p.period_start - INTERVAL 1 YEAR
        AND prev.period_end = p.period_end - INTERVAL 1 YEAR
)

SELECT * FROM final
