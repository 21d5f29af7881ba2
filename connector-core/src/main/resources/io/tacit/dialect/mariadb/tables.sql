-- one row per table and view; {schemas} becomes one placeholder per schema
SELECT TABLE_SCHEMA AS schema_name,
       TABLE_NAME AS table_name,
       TABLE_TYPE AS table_type,
       TABLE_ROWS AS table_rows,
       TABLE_COMMENT AS table_comment
FROM information_schema.TABLES
WHERE TABLE_SCHEMA IN ({schemas})
