-- one row per foreign key column pair, in constraint column order; the copies PostgreSQL makes on
-- partitions (conparentid <> 0) are left out, the declaration on the partitioned parent stays
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       k.conname AS key_name,
       col.ordinality AS ordinal,
       a.attname AS column_name,
       rn.nspname AS referenced_schema,
       rc.relname AS referenced_table,
       ra.attname AS referenced_column
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid
JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS col(attnum, referenced_attnum, ordinality)
JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = col.attnum
JOIN pg_catalog.pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = col.referenced_attnum
WHERE k.contype = 'f'
  AND k.conparentid = 0
  AND n.nspname = ANY (?)
