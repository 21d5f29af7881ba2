-- one row per key column: primary keys and unique constraints (in constraint column order), then unique
-- indexes that back no constraint of their table; partial, expression and invalid indexes are left out,
-- and so are the INCLUDE columns of an index
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       k.conname AS key_name,
       k.contype::text AS key_type,
       col.ordinality AS ordinal,
       a.attname AS column_name
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS col(attnum, ordinality)
JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = col.attnum
WHERE k.contype IN ('p', 'u')
  AND n.nspname = ANY (?)
UNION ALL
SELECT n.nspname,
       c.relname,
       ic.relname,
       'i',
       col.ordinality,
       a.attname
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(x.indkey::pg_catalog.int2[]) WITH ORDINALITY AS col(attnum, ordinality)
JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = col.attnum
WHERE x.indisunique
  AND NOT x.indisprimary
  AND x.indisvalid
  AND x.indpred IS NULL
  AND x.indexprs IS NULL
  AND col.ordinality <= x.indnkeyatts
  AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_constraint owner
      WHERE owner.conindid = x.indexrelid AND owner.conrelid = x.indrelid AND owner.contype IN ('p', 'u', 'x'))
  AND n.nspname = ANY (?)
