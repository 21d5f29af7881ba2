-- rows per table and, per index, rows per distinct value of its leading column ("N d1 d2 ...")
SELECT s.tbl AS table_name, s.idx AS index_name, s.stat AS stat, ii.name AS column_name
FROM ${schema}.sqlite_stat1 s
LEFT JOIN pragma_index_info(s.idx, ?) ii ON ii.seqno = 0
