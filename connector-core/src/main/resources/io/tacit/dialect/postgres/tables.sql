-- one row per table, view, materialized view, partitioned parent and foreign table of the given schemas
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind AS kind,
       d.description AS comment,
       c.reltuples::float8 AS reltuples,
       pn.nspname AS parent_schema,
       pc.relname AS parent_table
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
LEFT JOIN LATERAL (
    SELECT i.inhparent FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid ORDER BY i.inhseqno LIMIT 1
) inheritance ON true
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = inheritance.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f')
  AND n.nspname = ANY (?)
