-- one row per foreign key column pair; "to" is NULL when the key references the parent's primary key
SELECT m.name AS table_name,
       f.id AS id,
       f.seq AS seq,
       f."table" AS referenced_table,
       f."from" AS column_name,
       f."to" AS referenced_column
FROM sqlite_schema m
JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table'
  AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
