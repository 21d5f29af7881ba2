-- one row per column of every unique index (MariaDB backs each primary key and unique constraint with one);
-- SUB_PART marks a prefix index, which does not make the whole column unique
SELECT TABLE_SCHEMA AS schema_name,
       TABLE_NAME AS table_name,
       INDEX_NAME AS key_name,
       SEQ_IN_INDEX AS ordinal,
       COLUMN_NAME AS column_name,
       SUB_PART AS sub_part
FROM information_schema.STATISTICS
WHERE NON_UNIQUE = 0
  AND TABLE_SCHEMA IN ({schemas})
