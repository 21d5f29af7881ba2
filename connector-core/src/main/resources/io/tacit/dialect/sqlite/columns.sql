-- one row per column (generated columns included, virtual-table hidden columns not); pk is the column's
-- 1-based place in the primary key, 0 when it is not part of it
SELECT m.name AS table_name,
       p.cid AS cid,
       p.name AS column_name,
       p.type AS declared_type,
       p."notnull" AS not_null,
       p.dflt_value AS default_value,
       p.pk AS pk
FROM sqlite_schema m
JOIN pragma_table_xinfo(m.name) p
WHERE m.type IN ('table', 'view')
  AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND p.hidden <> 1
