-- A period starts before it ends, and has both ends or neither.
SELECT article_id, period_start, period_end
FROM crime_stat_mentions
WHERE period_start > period_end OR ((period_start IS NULL) <> (period_end IS NULL))
