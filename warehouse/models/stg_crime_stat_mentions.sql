-- Statistics as extracted, one row per mention; only renames and casts.
WITH source AS (
    SELECT * FROM crime_stat_mentions
),

final AS (
    SELECT
        article_id,
        jurisdiction,
        CAST(period_start AS DATE) AS period_start,
        CAST(period_end AS DATE) AS period_end,
        category,
        coalesce(subcategory, '') AS subcategory,
        category_raw,
        measure,
        metric,
        CAST(value AS DOUBLE) AS value,
        coalesce(approx, false) AS approx,
        evidence
    FROM source
)

SELECT * FROM final
