package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is known about one table's data.
 *
 * @param rows the row count (exact for a full scan, an estimate otherwise)
 * @param exactRows whether {@code rows} is exact
 * @param columns statistics per column name, for the columns that have any
 */
public record TableStatistics(
        TableName table,
        StatisticsOrigin origin,
        long rows,
        boolean exactRows,
        Map<String, ColumnStatistics> columns) {
    public TableStatistics {
        requireNonNull(table, "table is null");
        requireNonNull(origin, "origin is null");
        // sorted for iteration, hashed for lookups
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(new TreeMap<>(requireNonNull(columns, "columns is null"))));
        if (rows < 0) {
            throw new IllegalArgumentException("rows is negative for " + table + ": " + rows);
        }
    }

    public Optional<ColumnStatistics> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }
}
