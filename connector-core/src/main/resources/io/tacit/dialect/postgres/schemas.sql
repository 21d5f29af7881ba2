-- every schema the user may use; pg_catalog, information_schema, pg_toast* and pg_temp* are system schemas
SELECT n.nspname AS schema_name
FROM pg_catalog.pg_namespace n
WHERE n.nspname <> 'information_schema'
  AND n.nspname !~ '^pg_'
  AND pg_catalog.has_schema_privilege(n.oid, 'USAGE')
ORDER BY n.nspname
