-- Places: the gazetteer (province → city → district/town → sub-area), plus any jurisdiction the
-- statistics name that the gazetteer lacks (level 'unlisted').
WITH gazetteer AS (
    SELECT * FROM seed_places
),

named AS (
    SELECT DISTINCT jurisdiction FROM stg_crime_stat_mentions WHERE jurisdiction IS NOT NULL
),

final AS (
    SELECT name AS jurisdiction, level, nullif(parent, '') AS parent, code, string_split(aliases, '|') AS aliases
    FROM gazetteer
    UNION ALL
    SELECT jurisdiction, 'unlisted', NULL, NULL, []
    FROM named
    WHERE jurisdiction NOT IN (SELECT name FROM gazetteer)
)

SELECT * FROM final
