-- A cluster is named by one of its own articles.
SELECT a.article_id, a.cluster_id
FROM articles a
WHERE NOT EXISTS (SELECT 1 FROM articles c WHERE c.article_id = a.cluster_id AND c.cluster_id = a.cluster_id)
