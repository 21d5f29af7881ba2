-- one row per column
SELECT TABLE_SCHEMA AS schema_name,
       TABLE_NAME AS table_name,
       COLUMN_NAME AS column_name,
       ORDINAL_POSITION AS position,
       DATA_TYPE AS data_type,
       COLUMN_TYPE AS column_type,
       CHARACTER_MAXIMUM_LENGTH AS character_length,
       NUMERIC_PRECISION AS numeric_precision,
       IS_NULLABLE AS is_nullable,
       COLUMN_DEFAULT AS default_value,
       EXTRA AS extra,
       COLUMN_COMMENT AS column_comment
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA IN ({schemas})
