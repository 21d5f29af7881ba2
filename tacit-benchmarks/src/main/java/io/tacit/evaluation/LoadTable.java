package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.model.TableName;
import java.util.List;
import java.util.Optional;

/** A table of a benchmark dataset with its columns, primary key and unique keys, as loaded into PostgreSQL. */
record LoadTable(TableName name, List<LoadColumn> columns, Optional<List<String>> primaryKey, List<List<String>> uniqueKeys) {
    LoadTable {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(primaryKey, "primaryKey is null").ifPresent(List::copyOf);
        uniqueKeys = requireNonNull(uniqueKeys, "uniqueKeys is null").stream().map(List::copyOf).toList();
    }

    Optional<LoadColumn> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    boolean isKeyColumn(String columnName) {
        return primaryKey.map(key -> key.contains(columnName)).orElse(false)
                || uniqueKeys.stream().anyMatch(key -> key.contains(columnName));
    }
}
