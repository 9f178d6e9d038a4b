-- Statistics with a place and a period reach the trend table.
SELECT 'fct_crime_trend is empty' AS problem
WHERE EXISTS (SELECT 1 FROM crime_stat_mentions WHERE jurisdiction IS NOT NULL AND period_start IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM fct_crime_trend)
