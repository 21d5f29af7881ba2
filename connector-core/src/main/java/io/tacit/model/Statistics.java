package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Statistics for the tables of one snapshot, at one level. Tables with nothing known are absent. */
public record Statistics(StatisticsLevel level, Map<TableName, TableStatistics> tables) {
    public Statistics {
        requireNonNull(level, "level is null");
        // sorted for iteration, hashed for lookups: inference looks tables up once per column and candidate
        tables = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(new TreeMap<>(requireNonNull(tables, "tables is null"))));
    }

    public static Statistics none() {
        return new Statistics(StatisticsLevel.METADATA, Map.of());
    }

    public Optional<TableStatistics> table(TableName name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Optional<ColumnStatistics> column(ColumnName name) {
        return table(name.table()).flatMap(table -> table.column(name.column()));
    }
}
