-- every database (MariaDB's schema) the user can see, system databases excluded
SELECT SCHEMA_NAME AS schema_name
FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME NOT IN ('mysql', 'performance_schema', 'sys', 'information_schema')
ORDER BY SCHEMA_NAME
