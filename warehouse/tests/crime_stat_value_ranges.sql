-- Counts are not negative; percentage changes lie within [-100, 10000].
SELECT article_id, metric, value, evidence
FROM crime_stat_mentions
WHERE (metric = 'count' AND value < 0)
   OR (metric IN ('yoy_pct', 'pop_pct') AND (value < -100 OR value > 10000))
   OR value IS NULL OR isnan(value) OR isinf(value)
