-- Every article can be replayed from the archive.
SELECT a.article_id, a.url
FROM articles a
WHERE NOT EXISTS (SELECT 1 FROM raw_pages r WHERE r.url = a.url AND r.sha1 = a.raw_sha1)
