-- distinct-value estimates of the first column of every index of one database
SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, MAX(CARDINALITY) AS distinct_values
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = ?
  AND SEQ_IN_INDEX = 1
  AND CARDINALITY IS NOT NULL
GROUP BY TABLE_NAME, COLUMN_NAME
