package io.tacit.dialect.sqlite;

import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.stats.EngineFigures;
import io.tacit.jdbc.stats.EngineFigures.ColumnFigures;
import io.tacit.jdbc.stats.EngineStatistics;
import io.tacit.jdbc.stats.StatsSql;
import io.tacit.model.TableName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** {@code sqlite_stat1}, when ANALYZE has written it: row counts and the distinct values of each index's first column. */
final class SqliteEngineStatistics implements EngineStatistics {
    private final Dialect dialect;

    SqliteEngineStatistics(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void read(String schema, EngineFigures figures) throws SQLException {
        String quotedSchema = dialect.quoteIdentifier(schema);
        String presentSql = StatsSql.render(SqliteEngineStatistics.class, "engine-stat1-present.sql",
                Map.of("schema", quotedSchema));
        try (PreparedStatement statement = figures.prepare(presentSql);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next() || rows.getInt(1) == 0) {
                return;
            }
        }
        String sql = StatsSql.render(SqliteEngineStatistics.class, "engine-stat1.sql", Map.of("schema", quotedSchema));
        try (PreparedStatement statement = figures.prepare(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String[] stat = String.valueOf(rows.getString("stat")).trim().split("\\s+");
                    long total;
                    try {
                        total = Long.parseLong(stat[0]);
                    } catch (NumberFormatException notSqliteStat) {
                        continue;
                    }
                    TableName table = TableName.of(schema, rows.getString("table_name"));
                    figures.rows(table, total);
                    String column = rows.getString("column_name");
                    if (column == null || stat.length < 2) {
                        continue;
                    }
                    try {
                        long rowsPerValue = Long.parseLong(stat[1]);
                        Optional<ColumnFigures> engine = figures.column(table, column);
                        if (rowsPerValue > 0 && engine.isPresent()) {
                            engine.get().distinct(Math.max(1, Math.round((double) total / rowsPerValue)));
                        }
                    } catch (NumberFormatException notSqliteStat) {
                        // a stat line this reader does not understand holds no distinct figure
                    }
                }
            }
        }
    }
}
