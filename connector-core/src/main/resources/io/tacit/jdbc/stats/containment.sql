-- distinct referencing values, how many exist on the referenced side, and the rows of those that do not
SELECT COUNT(*) AS distinct_values,
       COUNT(r.tacit_found) AS found_values,
       COALESCE(SUM(CASE WHEN r.tacit_found IS NULL THEN d.tacit_rows ELSE 0 END), 0) AS orphan_rows
FROM (SELECT ${fromSelect}, COUNT(*) AS tacit_rows
      FROM ${fromTable} f
      WHERE ${fromNotNull}
      GROUP BY ${fromGroup}${limit}) d
LEFT JOIN (SELECT DISTINCT ${toSelect}, 1 AS tacit_found
           FROM ${toTable} t
           WHERE ${toNotNull}) r
  ON ${join}
