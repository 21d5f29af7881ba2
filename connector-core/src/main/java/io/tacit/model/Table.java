package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One table (or view) with its columns and keys.
 *
 * @param estimatedRows the source's row estimate without scanning (reltuples, table_rows), empty when unknown
 * @param parent the partitioned or inheritance parent when this table is a partition or child
 */
public record Table(
        TableName name,
        TableKind kind,
        List<Column> columns,
        Optional<Key> primaryKey,
        List<Key> uniqueKeys,
        Optional<String> comment,
        OptionalLong estimatedRows,
        Optional<TableName> parent) {
    public Table {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(primaryKey, "primaryKey is null");
        uniqueKeys = List.copyOf(requireNonNull(uniqueKeys, "uniqueKeys is null"));
        requireNonNull(comment, "comment is null");
        requireNonNull(estimatedRows, "estimatedRows is null");
        requireNonNull(parent, "parent is null");
    }

    public Optional<Column> column(String columnName) {
        for (Column column : columns) {
            if (column.name().equals(columnName)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    public ColumnName columnName(String columnName) {
        return new ColumnName(name, columnName);
    }

    /** The primary key followed by every unique key. */
    public List<Key> allKeys() {
        if (primaryKey.isEmpty()) {
            return uniqueKeys;
        }
        return java.util.stream.Stream.concat(primaryKey.stream(), uniqueKeys.stream()).toList();
    }

    /** Whether this exact column set (in any order) is declared unique by a key. */
    public boolean isDeclaredUnique(List<String> columnSet) {
        // asked for every candidate: the keys are read where they are, no list of them is built
        if (primaryKey.isPresent() && sameColumns(primaryKey.get(), columnSet)) {
            return true;
        }
        for (Key key : uniqueKeys) {
            if (sameColumns(key, columnSet)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameColumns(Key key, List<String> columnSet) {
        return key.columns().size() == columnSet.size() && key.columns().containsAll(columnSet);
    }
}
