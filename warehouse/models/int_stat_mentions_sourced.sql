-- Each mention with the article and story (cluster) it comes from.
WITH mentions AS (
    SELECT * FROM stg_crime_stat_mentions
),

articles AS (
    SELECT * FROM stg_articles
),

final AS (
    SELECT
        m.*,
        a.cluster_id,
        a.site,
        a.url,
        coalesce(a.published_at, a.first_seen_at) AS reported_at
    FROM mentions AS m
    INNER JOIN articles AS a USING (article_id)
)

SELECT * FROM final
