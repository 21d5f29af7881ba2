package io.tacit.jdbc;

import io.tacit.model.TableName;

/**
 * What differs between databases. The generic JDBC path implements the invariant algorithms; each dialect
 * overrides what it can do faster or more exactly (template method, as Trino's BaseJdbcClient).
 */
public interface Dialect {
    /** A short stable name: {@code postgresql}, {@code mariadb}, {@code sqlite}, {@code h2}, {@code generic}. */
    String name();

    /** Quotes one identifier so that any name, including {@code a"; drop table x; --}, is read literally. */
    String quoteIdentifier(String identifier);

    /** Quotes a schema-qualified table name. */
    default String quote(TableName table) {
        return quoteIdentifier(table.schema()) + "." + quoteIdentifier(table.table());
    }
}
