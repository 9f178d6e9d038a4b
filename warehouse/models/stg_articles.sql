-- Articles as analysts use them: one row per article URL, timestamps in Asia/Shanghai.
WITH source AS (
    SELECT * FROM articles
),

final AS (
    SELECT
        article_id,
        site,
        url,
        canonical_url,
        title,
        timezone('Asia/Shanghai', published_at) AS published_local,
        published_at,
        source,
        breadcrumb,
        body,
        length(body) AS body_chars,
        cluster_id,
        first_seen_at
    FROM source
)

SELECT * FROM final
