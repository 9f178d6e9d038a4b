-- The SPEC category codes with their Chinese names and the phrases that map to them.
WITH seed AS (
    SELECT * FROM seed_categories
),

final AS (
    SELECT
        code AS category,
        name_zh,
        string_split(synonyms, '|') AS synonyms,
        nullif(measure_hint, '') AS measure_hint
    FROM seed
)

SELECT * FROM final
