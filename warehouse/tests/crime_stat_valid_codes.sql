-- Categories are SPEC codes; measures and metrics are the SPEC values.
SELECT category, measure, metric, article_id
FROM crime_stat_mentions
WHERE category NOT IN (SELECT category FROM dim_category)
   OR measure NOT IN ('reports', 'cases_filed', 'cases_solved', 'arrests', 'other')
   OR metric NOT IN ('count', 'yoy_pct', 'pop_pct')
