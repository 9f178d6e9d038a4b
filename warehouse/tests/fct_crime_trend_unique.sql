-- One row per jurisdiction, category, subcategory, measure and period.
SELECT jurisdiction, category, subcategory, measure, period_start, period_end, count(*) AS n
FROM fct_crime_trend
GROUP BY ALL
HAVING count(*) > 1
