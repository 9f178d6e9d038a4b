-- One row per story (cluster of copies): how many copies, on how many sites, first seen when.
WITH articles AS (
    SELECT * FROM stg_articles
),

final AS (
    SELECT
        cluster_id,
        count(*) AS n_articles,
        count(DISTINCT site) AS n_sites,
        min(published_at) AS first_published_at,
        arg_min(title, coalesce(published_at, first_seen_at)) AS title
    FROM articles
    GROUP BY cluster_id
)

SELECT * FROM final
