-- ANALYZE's row counts: the first number of each stat line is the table's (or index's) row count
SELECT tbl AS table_name,
       MAX(CAST(substr(stat, 1, instr(stat || ' ', ' ') - 1) AS INTEGER)) AS row_count
FROM sqlite_stat1
GROUP BY tbl
