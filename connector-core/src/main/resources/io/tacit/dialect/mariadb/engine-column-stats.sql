-- engine-independent statistics (ANALYZE TABLE ... PERSISTENT FOR ALL), readable only with access to mysql.*
SELECT table_name, column_name, min_value, max_value, nulls_ratio, avg_length, avg_frequency
FROM mysql.column_stats
WHERE db_name = ?
