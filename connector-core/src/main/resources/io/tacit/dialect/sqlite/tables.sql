-- one row per table and view of the main database; sqlite_ tables are SQLite's own
SELECT m.name AS table_name,
       m.type AS kind
FROM sqlite_schema m
WHERE m.type IN ('table', 'view')
  AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
