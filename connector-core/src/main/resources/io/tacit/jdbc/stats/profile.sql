-- columns are qualified by the alias: SQLite would read an unknown "name" as a string literal
SELECT ${columns} FROM ${table} p${sample}${limit}
