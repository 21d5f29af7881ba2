-- row estimates of every table of one schema (reltuples = -1: never analyzed)
SELECT c.relname AS table_name, c.reltuples AS row_estimate
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ?
  AND c.relkind IN ('r', 'p', 'm', 'f')
