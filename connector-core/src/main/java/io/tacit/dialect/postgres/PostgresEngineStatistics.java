package io.tacit.dialect.postgres;

import io.tacit.jdbc.stats.EngineFigures;
import io.tacit.jdbc.stats.EngineFigures.ColumnFigures;
import io.tacit.jdbc.stats.EngineStatistics;
import io.tacit.jdbc.stats.StatsSql;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.statistics.ValueText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** {@code reltuples} for row estimates and {@code pg_stats} for nulls, distinct counts, frequent values and bounds. */
final class PostgresEngineStatistics implements EngineStatistics {
    /** ANALYZE reads 300 × default_statistics_target (100) rows: up to this size its sample is the whole table. */
    private static final long WHOLE_TABLE_SAMPLE = 30_000;

    @Override
    public void read(String schema, EngineFigures figures) throws SQLException {
        Map<TableName, Long> estimates = new TreeMap<>();
        try (PreparedStatement statement = figures.prepare(StatsSql.load(PostgresEngineStatistics.class, "engine-tables.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    double estimate = rows.getDouble("row_estimate");
                    if (estimate >= 0) {
                        TableName table = TableName.of(schema, rows.getString("table_name"));
                        estimates.put(table, Math.round(estimate));
                        figures.rows(table, Math.round(estimate));
                    }
                }
            }
        }
        // a partitioned parent keeps no reltuples of its own: its partitions' sum stands in
        for (Table table : figures.snapshot().tables()) {
            if (!table.name().schema().equals(schema) || table.parent().isEmpty()) {
                continue;
            }
            Long child = estimates.get(table.name());
            if (child != null) {
                figures.childRows(table.parent().get(), child);
            }
        }
        try (PreparedStatement statement = figures.prepare(StatsSql.load(PostgresEngineStatistics.class, "engine-columns.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TableName tableName = TableName.of(schema, rows.getString("table_name"));
                    OptionalLong tableRows = figures.rows(tableName);
                    // ordered by inherited: the inherited row (parent with children) replaces the plain one
                    Optional<ColumnFigures> found = figures.replaceColumn(tableName, rows.getString("column_name"));
                    if (found.isEmpty()) {
                        continue;
                    }
                    column(found.get(), rows, tableRows);
                }
            }
        }
    }

    private static void column(ColumnFigures engine, ResultSet rows, OptionalLong tableRows) throws SQLException {
        double nullFraction = rows.getDouble("null_fraction");
        engine.averageWidth(rows.getInt("average_width"));
        double distinct = rows.getDouble("distinct_values");
        List<String> frequent = engine.canonical(PostgresArrayLiteral.parse(rows.getString("frequent_values")));
        engine.frequentValues(frequent);
        double frequentShare = rows.getDouble("frequent_share");
        String histogram = rows.getString("histogram_bounds");
        List<String> bounds = engine.canonical(PostgresArrayLiteral.parse(histogram));
        if (tableRows.isPresent()) {
            long total = tableRows.getAsLong();
            long nulls = Math.round(nullFraction * total);
            engine.nulls(nulls);
            long nonNull = Math.max(0, total - nulls);
            if (distinct > 0) {
                engine.distinct(Math.min(Math.round(distinct), Math.max(nonNull, 1)));
            } else if (distinct < 0) {
                engine.distinct(Math.min(Math.round(-distinct * total), nonNull));
            }
            boolean frequentCoverAll = histogram == null && !frequent.isEmpty()
                    && frequentShare >= 1.0 - nullFraction - 1e-4;
            if (frequentCoverAll && total <= WHOLE_TABLE_SAMPLE && engine.ordered()) {
                engine.values(frequent);
            }
        }
        if (engine.ordered()) {
            List<String> candidates = new ArrayList<>(frequent);
            if (!bounds.isEmpty()) {
                candidates.add(bounds.get(0));
                candidates.add(bounds.get(bounds.size() - 1));
            }
            Comparator<String> order = ValueText.order(engine.column().type().family());
            candidates.stream().min(order).ifPresent(engine::min);
            candidates.stream().max(order).ifPresent(engine::max);
        }
    }
}
