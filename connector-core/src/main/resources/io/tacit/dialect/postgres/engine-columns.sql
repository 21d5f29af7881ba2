-- what ANALYZE keeps for every column of one schema; inherited rows cover a parent with its children
SELECT s.tablename AS table_name,
       s.attname AS column_name,
       s.inherited AS inherited,
       s.null_frac AS null_fraction,
       s.avg_width AS average_width,
       s.n_distinct AS distinct_values,
       s.most_common_vals::text AS frequent_values,
       (SELECT sum(f) FROM unnest(s.most_common_freqs) AS f) AS frequent_share,
       s.histogram_bounds::text AS histogram_bounds
FROM pg_catalog.pg_stats s
WHERE s.schemaname = ?
ORDER BY s.tablename, s.attname, s.inherited
