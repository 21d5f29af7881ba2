package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * A table's name as the source spells it. {@code schema} is the namespace the source uses: a PostgreSQL
 * schema, a MariaDB database, {@code main} for SQLite. Names are kept exactly as the catalog stores them;
 * quoting is the dialect's job.
 */
public record TableName(String schema, String table) implements Comparable<TableName> {
    private static final Comparator<TableName> ORDER =
            Comparator.comparing(TableName::schema).thenComparing(TableName::table);

    public TableName {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
    }

    public static TableName of(String schema, String table) {
        return new TableName(schema, table);
    }

    /** Parses {@code schema.table}; the first dot separates the two. */
    public static TableName parse(String qualified) {
        requireNonNull(qualified, "qualified is null");
        int dot = qualified.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("table name '" + qualified + "' is not schema-qualified (schema.table)");
        }
        return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    public String qualified() {
        return schema + "." + table;
    }

    @Override
    public int compareTo(TableName other) {
        // the same instance is common (the columns of one table share its name): no need to compare names
        return this == other ? 0 : ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return qualified();
    }
}
