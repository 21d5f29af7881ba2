package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/** One column of one table. */
public record ColumnName(TableName table, String column) implements Comparable<ColumnName> {
    private static final Comparator<ColumnName> ORDER =
            Comparator.comparing(ColumnName::table).thenComparing(ColumnName::column);

    public ColumnName {
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
    }

    public static ColumnName of(TableName table, String column) {
        return new ColumnName(table, column);
    }

    @Override
    public int compareTo(ColumnName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return table.qualified() + "." + column;
    }
}
