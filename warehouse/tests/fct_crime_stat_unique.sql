-- One row per distinct statistic.
SELECT jurisdiction, period_start, period_end, category, subcategory, measure, metric, value, count(*) AS n
FROM fct_crime_stat
GROUP BY ALL
HAVING count(*) > 1
