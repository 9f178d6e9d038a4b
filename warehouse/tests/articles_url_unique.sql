-- Each article URL lands once.
SELECT url, count(*) AS n FROM articles GROUP BY url HAVING count(*) > 1
