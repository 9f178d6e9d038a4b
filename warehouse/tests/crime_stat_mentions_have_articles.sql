-- Every statistic comes from a landed article.
SELECT m.article_id
FROM crime_stat_mentions AS m
WHERE NOT EXISTS (SELECT 1 FROM articles AS a WHERE a.article_id = m.article_id)
