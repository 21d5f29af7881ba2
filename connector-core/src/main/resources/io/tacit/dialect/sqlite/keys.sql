-- one row per column of every unique index; origin is 'pk' (primary key), 'u' (UNIQUE constraint) or
-- 'c' (CREATE UNIQUE INDEX); an expression column has no name
SELECT m.name AS table_name,
       il.name AS index_name,
       il.origin AS origin,
       il.partial AS partial,
       ii.seqno AS seqno,
       ii.name AS column_name
FROM sqlite_schema m
JOIN pragma_index_list(m.name) il
JOIN pragma_index_info(il.name) ii
WHERE m.type = 'table'
  AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND il."unique" = 1
