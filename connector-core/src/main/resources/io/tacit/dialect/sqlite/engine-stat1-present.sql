SELECT count(*) FROM ${schema}.sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'
