-- row estimates (InnoDB: sampled, refreshed by ANALYZE TABLE) of every base table of one database
SELECT TABLE_NAME AS table_name, TABLE_ROWS AS row_estimate
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ?
  AND TABLE_ROWS IS NOT NULL
