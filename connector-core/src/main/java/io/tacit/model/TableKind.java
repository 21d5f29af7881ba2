package io.tacit.model;

public enum TableKind {
    TABLE,
    VIEW,
    MATERIALIZED_VIEW,
    /** a declaratively partitioned parent (PostgreSQL {@code relkind = 'p'}) */
    PARTITIONED_TABLE,
    FOREIGN_TABLE;

    public boolean isView() {
        return this == VIEW || this == MATERIALIZED_VIEW;
    }
}
