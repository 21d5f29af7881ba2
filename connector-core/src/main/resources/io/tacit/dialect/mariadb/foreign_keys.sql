-- one row per foreign key column pair, in constraint column order
SELECT k.TABLE_SCHEMA AS schema_name,
       k.TABLE_NAME AS table_name,
       k.CONSTRAINT_NAME AS key_name,
       k.ORDINAL_POSITION AS ordinal,
       k.COLUMN_NAME AS column_name,
       k.REFERENCED_TABLE_SCHEMA AS referenced_schema,
       k.REFERENCED_TABLE_NAME AS referenced_table,
       k.REFERENCED_COLUMN_NAME AS referenced_column
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.TABLE_CONSTRAINTS c
  ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
 AND c.TABLE_NAME = k.TABLE_NAME
 AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME
 AND c.CONSTRAINT_TYPE = 'FOREIGN KEY'
WHERE k.REFERENCED_TABLE_NAME IS NOT NULL
  AND k.TABLE_SCHEMA IN ({schemas})
