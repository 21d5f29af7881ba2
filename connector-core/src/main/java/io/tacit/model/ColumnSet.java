package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/**
 * An ordered list of columns of one table: one side of a relationship. A value: equal to another with the same
 * table and columns. Its hash code is worked out once, when it is made: column sets are the keys of the maps of
 * inference and selection, looked up several times per candidate, and hashing them anew read the table's and
 * every column's name from wherever they lie in the heap.
 */
public final class ColumnSet implements Comparable<ColumnSet> {
    private static final Comparator<List<String>> LIST_ORDER = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int byName = left.get(i).compareTo(right.get(i));
            if (byName != 0) {
                return byName;
            }
        }
        return Integer.compare(left.size(), right.size());
    };
    private static final Comparator<ColumnSet> ORDER =
            Comparator.comparing(ColumnSet::table).thenComparing(ColumnSet::columns, LIST_ORDER);

    private final TableName table;
    private final List<String> columns;
    private final int hash;

    public ColumnSet(TableName table, List<String> columns) {
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a column set of " + table + " needs at least one column");
        }
        this.hash = 31 * table.hashCode() + this.columns.hashCode();
    }

    public TableName table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ColumnSet that && hash == that.hash && table.equals(that.table)
                && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    public static ColumnSet of(TableName table, String... columns) {
        return new ColumnSet(table, List.of(columns));
    }

    public static ColumnSet of(ColumnName column) {
        return new ColumnSet(column.table(), List.of(column.column()));
    }

    public boolean isSingleColumn() {
        return columns.size() == 1;
    }

    public List<ColumnName> columnNames() {
        // signals ask for this several times per candidate: no stream for the usual single column
        if (columns.size() == 1) {
            return List.of(new ColumnName(table, columns.get(0)));
        }
        ColumnName[] names = new ColumnName[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = new ColumnName(table, columns.get(i));
        }
        return List.of(names);
    }

    @Override
    public int compareTo(ColumnSet other) {
        // the same instance is common (candidates pointing at a key share its column set): no need to compare names
        return this == other ? 0 : ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return table.qualified() + "(" + String.join(", ", columns) + ")";
    }
}
