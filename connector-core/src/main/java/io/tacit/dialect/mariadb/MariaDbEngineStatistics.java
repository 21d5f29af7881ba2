package io.tacit.dialect.mariadb;

import io.tacit.jdbc.stats.EngineFigures;
import io.tacit.jdbc.stats.EngineFigures.ColumnFigures;
import io.tacit.jdbc.stats.EngineStatistics;
import io.tacit.jdbc.stats.Failures;
import io.tacit.jdbc.stats.StatsSql;
import io.tacit.model.TableName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code information_schema.TABLES} row estimates and {@code STATISTICS} index cardinalities, then
 * {@code mysql.column_stats} (min, max, nulls, width, frequency) where the user may read it.
 */
final class MariaDbEngineStatistics implements EngineStatistics {
    @Override
    public void read(String schema, EngineFigures figures) throws SQLException {
        try (PreparedStatement statement = figures.prepare(sql("engine-tables.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    figures.rows(TableName.of(schema, rows.getString("table_name")),
                            Math.max(0, rows.getLong("row_estimate")));
                }
            }
        }
        try (PreparedStatement statement = figures.prepare(sql("engine-indexes.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Optional<ColumnFigures> engine = figures.column(TableName.of(schema, rows.getString("table_name")),
                            rows.getString("column_name"));
                    if (engine.isPresent()) {
                        engine.get().distinct(Math.max(0, rows.getLong("distinct_values")));
                    }
                }
            }
        }
        try (PreparedStatement statement = figures.prepare(sql("engine-column-stats.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TableName tableName = TableName.of(schema, rows.getString("table_name"));
                    Optional<ColumnFigures> engine = figures.column(tableName, rows.getString("column_name"));
                    if (engine.isPresent()) {
                        columnStats(engine.get(), rows, figures.rows(tableName));
                    }
                }
            }
        } catch (SQLException e) {
            Failures.throwIfConnectionLost(e, "reading mysql.column_stats");
            // mysql.column_stats needs privileges on the mysql schema; index statistics are enough without it
        }
    }

    private static void columnStats(ColumnFigures engine, ResultSet rows, OptionalLong tableRows) throws SQLException {
        String min = rows.getString("min_value");
        String max = rows.getString("max_value");
        if (min != null && engine.ordered()) {
            engine.min(engine.canonical(min));
        }
        if (max != null && engine.ordered()) {
            engine.max(engine.canonical(max));
        }
        double nullsRatio = rows.getDouble("nulls_ratio");
        boolean nullsKnown = !rows.wasNull();
        double width = rows.getDouble("avg_length");
        if (!rows.wasNull()) {
            engine.averageWidth(width);
        }
        double frequency = rows.getDouble("avg_frequency");
        boolean frequencyKnown = !rows.wasNull() && frequency > 0;
        if (tableRows.isPresent() && nullsKnown) {
            engine.nulls(Math.round(nullsRatio * tableRows.getAsLong()));
            if (frequencyKnown) {
                engine.distinct(Math.round(tableRows.getAsLong() * (1 - nullsRatio) / frequency));
            }
        }
    }

    private static String sql(String file) {
        return StatsSql.load(MariaDbEngineStatistics.class, file);
    }
}
