-- Every value is a finite number (the declared range tests on stg_crime_stat_mentions.value cannot say this).
SELECT article_id, metric, value, evidence
FROM crime_stat_mentions
WHERE isnan(value) OR isinf(value)
