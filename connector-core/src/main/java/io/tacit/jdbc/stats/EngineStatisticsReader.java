package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.dialect.postgres.PostgresArrayLiteral;
import io.tacit.jdbc.Dialect;
import io.tacit.model.Column;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DistinctCount;
import io.tacit.model.Key;
import io.tacit.model.RunWarning;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import io.tacit.statistics.ValueText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Level {@code engine}: what the database already keeps, read with a handful of catalog queries per schema
 * (never per table or column). PostgreSQL {@code pg_stats} + {@code reltuples}; MariaDB/MySQL
 * {@code information_schema.TABLES/STATISTICS} (+ {@code mysql.column_stats} when readable); SQLite
 * {@code sqlite_stat1} when present. Other databases get row estimates and key-column distinct counts from the
 * snapshot only.
 */
final class EngineStatisticsReader {
    /** ANALYZE reads 300 × default_statistics_target (100) rows: up to this size its sample is the whole table. */
    private static final long POSTGRES_WHOLE_TABLE_SAMPLE = 30_000;

    private final Connection connection;
    private final Dialect dialect;
    private final StatementFactory statements;

    EngineStatisticsReader(Connection connection, Dialect dialect, StatementFactory statements) {
        this.connection = requireNonNull(connection, "connection is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.statements = requireNonNull(statements, "statements is null");
    }

    Map<TableName, TableStatistics> read(SchemaSnapshot snapshot, ProgressListener progress) {
        List<String> schemas = snapshot.tables().stream()
                .map(table -> table.name().schema())
                .distinct()
                .sorted()
                .toList();
        Map<TableName, EngineTable> tables = new TreeMap<>();
        progress.stageStarted("engine statistics", schemas.size());
        for (String schema : schemas) {
            try {
                switch (dialect.name()) {
                    case "postgresql" -> readPostgres(snapshot, schema, tables);
                    case "mariadb", "mysql" -> readMariaDb(snapshot, schema, tables, progress);
                    case "sqlite" -> readSqlite(schema, tables);
                    default -> {
                        // the snapshot's estimates below are all a generic database offers without scanning
                    }
                }
            } catch (SQLException e) {
                Failures.throwIfConnectionLost(e, "reading engine statistics of schema " + schema);
                progress.warning(new RunWarning(Optional.empty(), RunWarning.ENGINE_STATISTICS,
                        "engine statistics of schema " + schema + " unavailable: "
                                + Failures.problem(e, "schema " + schema, dialect.statementTimeout())));
            }
            progress.advanced(1);
        }
        progress.stageFinished("engine statistics");
        return assemble(snapshot, tables);
    }

    private void readPostgres(SchemaSnapshot snapshot, String schema, Map<TableName, EngineTable> tables)
            throws SQLException {
        try (PreparedStatement statement = statements.prepare(StatsSql.load("/io/tacit/dialect/postgres/engine-tables.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    double estimate = rows.getDouble("row_estimate");
                    if (estimate >= 0) {
                        tables.computeIfAbsent(TableName.of(schema, rows.getString("table_name")), EngineTable::new)
                                .rows = Math.round(estimate);
                    }
                }
            }
        }
        // a partitioned parent keeps no reltuples of its own: its partitions' sum stands in
        for (Table table : snapshot.tables()) {
            if (!table.name().schema().equals(schema) || table.parent().isEmpty()) {
                continue;
            }
            EngineTable child = tables.get(table.name());
            if (child != null && child.rows != null) {
                EngineTable parent = tables.computeIfAbsent(table.parent().get(), EngineTable::new);
                parent.childRows += child.rows;
                parent.hasChildRows = true;
            }
        }
        try (PreparedStatement statement = statements.prepare(StatsSql.load("/io/tacit/dialect/postgres/engine-columns.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TableName tableName = TableName.of(schema, rows.getString("table_name"));
                    Optional<Table> table = snapshot.table(tableName);
                    if (table.isEmpty()) {
                        continue;
                    }
                    String columnName = rows.getString("column_name");
                    Optional<Column> column = table.get().column(columnName);
                    if (column.isEmpty()) {
                        continue;
                    }
                    EngineTable figures = tables.computeIfAbsent(tableName, EngineTable::new);
                    Long tableRows = figures.rowsOrChildren();
                    // ordered by inherited: the inherited row (parent with children) replaces the plain one
                    EngineColumn engine = new EngineColumn(column.get());
                    figures.columns.put(columnName, engine);
                    double nullFraction = rows.getDouble("null_fraction");
                    engine.width = (double) rows.getInt("average_width");
                    double distinct = rows.getDouble("distinct_values");
                    List<String> frequent = canonicalAll(column.get(),
                            PostgresArrayLiteral.parse(rows.getString("frequent_values")));
                    engine.frequent = frequent;
                    double frequentShare = rows.getDouble("frequent_share");
                    String histogram = rows.getString("histogram_bounds");
                    List<String> bounds = canonicalAll(column.get(), PostgresArrayLiteral.parse(histogram));
                    if (tableRows != null) {
                        long nulls = Math.round(nullFraction * tableRows);
                        engine.nulls = nulls;
                        long nonNull = Math.max(0, tableRows - nulls);
                        if (distinct > 0) {
                            engine.distinct = Math.min(Math.round(distinct), Math.max(nonNull, 1));
                        } else if (distinct < 0) {
                            engine.distinct = Math.min(Math.round(-distinct * tableRows), nonNull);
                        }
                        boolean frequentCoverAll = histogram == null && !frequent.isEmpty()
                                && frequentShare >= 1.0 - nullFraction - 1e-4;
                        if (frequentCoverAll && tableRows <= POSTGRES_WHOLE_TABLE_SAMPLE && ordered(column.get())) {
                            engine.values = sorted(column.get(), frequent);
                        }
                    }
                    if (ordered(column.get())) {
                        List<String> candidates = new ArrayList<>(frequent);
                        if (!bounds.isEmpty()) {
                            candidates.add(bounds.get(0));
                            candidates.add(bounds.get(bounds.size() - 1));
                        }
                        Comparator<String> order = ValueText.order(column.get().type().family());
                        candidates.stream().min(order).ifPresent(value -> engine.min = value);
                        candidates.stream().max(order).ifPresent(value -> engine.max = value);
                    }
                }
            }
        }
    }

    private void readMariaDb(SchemaSnapshot snapshot, String schema, Map<TableName, EngineTable> tables,
            ProgressListener progress) throws SQLException {
        try (PreparedStatement statement = statements.prepare(StatsSql.load("/io/tacit/dialect/mariadb/engine-tables.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(TableName.of(schema, rows.getString("table_name")), EngineTable::new)
                            .rows = Math.max(0, rows.getLong("row_estimate"));
                }
            }
        }
        try (PreparedStatement statement = statements.prepare(StatsSql.load("/io/tacit/dialect/mariadb/engine-indexes.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    EngineColumn engine = engineColumn(snapshot, tables, TableName.of(schema, rows.getString("table_name")),
                            rows.getString("column_name"));
                    if (engine != null) {
                        engine.distinct = Math.max(0, rows.getLong("distinct_values"));
                    }
                }
            }
        }
        try (PreparedStatement statement = statements.prepare(StatsSql.load("/io/tacit/dialect/mariadb/engine-column-stats.sql"))) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TableName tableName = TableName.of(schema, rows.getString("table_name"));
                    EngineColumn engine = engineColumn(snapshot, tables, tableName, rows.getString("column_name"));
                    if (engine == null) {
                        continue;
                    }
                    Long tableRows = tables.get(tableName).rows;
                    String min = rows.getString("min_value");
                    String max = rows.getString("max_value");
                    if (min != null && ordered(engine.column)) {
                        engine.min = canonical(engine.column, min);
                    }
                    if (max != null && ordered(engine.column)) {
                        engine.max = canonical(engine.column, max);
                    }
                    double nullsRatio = rows.getDouble("nulls_ratio");
                    boolean nullsKnown = !rows.wasNull();
                    double width = rows.getDouble("avg_length");
                    if (!rows.wasNull()) {
                        engine.width = width;
                    }
                    double frequency = rows.getDouble("avg_frequency");
                    boolean frequencyKnown = !rows.wasNull() && frequency > 0;
                    if (tableRows != null && nullsKnown) {
                        engine.nulls = Math.round(nullsRatio * tableRows);
                        if (frequencyKnown) {
                            engine.distinct = Math.round(tableRows * (1 - nullsRatio) / frequency);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            Failures.throwIfConnectionLost(e, "reading mysql.column_stats");
            // mysql.column_stats needs privileges on the mysql schema; index statistics are enough without it
        }
    }

    private void readSqlite(String schema, Map<TableName, EngineTable> tables) throws SQLException {
        String quotedSchema = dialect.quoteIdentifier(schema);
        String presentSql = StatsSql.render("/io/tacit/dialect/sqlite/engine-stat1-present.sql", Map.of("schema", quotedSchema));
        try (PreparedStatement statement = statements.prepare(presentSql);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next() || rows.getInt(1) == 0) {
                return;
            }
        }
        String sql = StatsSql.render("/io/tacit/dialect/sqlite/engine-stat1.sql", Map.of("schema", quotedSchema));
        try (PreparedStatement statement = statements.prepare(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString("table_name");
                    String[] stat = String.valueOf(rows.getString("stat")).trim().split("\\s+");
                    long total;
                    try {
                        total = Long.parseLong(stat[0]);
                    } catch (NumberFormatException notSqliteStat) {
                        continue;
                    }
                    EngineTable figures = tables.computeIfAbsent(TableName.of(schema, table), EngineTable::new);
                    figures.rows = total;
                    String column = rows.getString("column_name");
                    if (column == null || stat.length < 2) {
                        continue;
                    }
                    try {
                        long rowsPerValue = Long.parseLong(stat[1]);
                        if (rowsPerValue > 0) {
                            figures.sqliteDistinct.put(column, Math.max(1, Math.round((double) total / rowsPerValue)));
                        }
                    } catch (NumberFormatException notSqliteStat) {
                        // a stat line this reader does not understand holds no distinct figure
                    }
                }
            }
        }
    }

    private Map<TableName, TableStatistics> assemble(SchemaSnapshot snapshot, Map<TableName, EngineTable> tables) {
        Map<TableName, TableStatistics> result = new TreeMap<>();
        for (Table table : snapshot.tables()) {
            EngineTable figures = tables.get(table.name());
            Long rows = figures == null ? null : figures.rowsOrChildren();
            if (rows == null && table.estimatedRows().isPresent() && table.estimatedRows().getAsLong() >= 0) {
                rows = table.estimatedRows().getAsLong();
            }
            if (rows == null) {
                continue;
            }
            if (figures == null) {
                figures = new EngineTable(table.name());
            }
            for (Map.Entry<String, Long> distinct : figures.sqliteDistinct.entrySet()) {
                Optional<Column> column = table.column(distinct.getKey());
                if (column.isPresent()) {
                    figures.columns.computeIfAbsent(distinct.getKey(), name -> new EngineColumn(column.get()))
                            .distinct = distinct.getValue();
                }
            }
            // a single-column key has as many distinct values as non-null rows
            for (Key key : table.allKeys()) {
                if (!key.isSingleColumn()) {
                    continue;
                }
                Optional<Column> column = table.column(key.columns().get(0));
                if (column.isEmpty()) {
                    continue;
                }
                EngineColumn engine = figures.columns.computeIfAbsent(column.get().name(),
                        name -> new EngineColumn(column.get()));
                if (engine.distinct == null) {
                    long nulls = engine.nulls == null ? 0 : engine.nulls;
                    engine.distinct = Math.max(0, rows - nulls);
                }
            }
            Map<String, ColumnStatistics> columns = new LinkedHashMap<>();
            for (EngineColumn engine : figures.columns.values()) {
                columns.put(engine.column.name(), engine.build(table, rows));
            }
            result.put(table.name(), new TableStatistics(table.name(), StatisticsOrigin.ENGINE, rows, false, columns));
        }
        return result;
    }

    private static EngineColumn engineColumn(SchemaSnapshot snapshot, Map<TableName, EngineTable> tables,
            TableName tableName, String columnName) {
        Optional<Column> column = snapshot.table(tableName).flatMap(table -> table.column(columnName));
        if (column.isEmpty()) {
            return null;
        }
        return tables.computeIfAbsent(tableName, EngineTable::new).columns
                .computeIfAbsent(columnName, name -> new EngineColumn(column.get()));
    }

    private static boolean ordered(Column column) {
        TypeFamily family = column.type().family();
        return family != TypeFamily.JSON && family != TypeFamily.ARRAY && family != TypeFamily.OTHER
                && family != TypeFamily.BINARY && family != TypeFamily.BOOLEAN;
    }

    private static List<String> canonicalAll(Column column, List<String> raw) {
        List<String> values = new ArrayList<>(raw.size());
        for (String value : raw) {
            values.add(canonical(column, value));
        }
        return values;
    }

    private static String canonical(Column column, String raw) {
        return ProfileColumn.canonical(column, raw);
    }

    private static List<String> sorted(Column column, List<String> values) {
        TreeSet<String> set = new TreeSet<>(ValueText.order(column.type().family()));
        set.addAll(values);
        return List.copyOf(set);
    }

    private static final class EngineTable {
        private final TableName name;
        private Long rows;
        private long childRows;
        private boolean hasChildRows;
        private final Map<String, EngineColumn> columns = new TreeMap<>();
        private final Map<String, Long> sqliteDistinct = new TreeMap<>();

        private EngineTable(TableName name) {
            this.name = name;
        }

        private Long rowsOrChildren() {
            if (rows != null && !(rows == 0 && hasChildRows)) {
                return rows;
            }
            if (hasChildRows) {
                return childRows;
            }
            return rows;
        }

        @Override
        public String toString() {
            return name.toString();
        }
    }

    private static final class EngineColumn {
        private final Column column;
        private Long nulls;
        private Long distinct;
        private Double width;
        private String min;
        private String max;
        private List<String> frequent = List.of();
        private List<String> values;

        private EngineColumn(Column column) {
            this.column = column;
        }

        private ColumnStatistics build(Table table, long rows) {
            ColumnStatistics.Builder builder = ColumnStatistics.builder(table.columnName(column.name()),
                    StatisticsOrigin.ENGINE);
            builder.rows(rows);
            if (nulls != null) {
                builder.nulls(Math.min(nulls, rows));
            }
            if (distinct != null) {
                builder.distinct(DistinctCount.estimated(distinct));
            }
            if (width != null) {
                builder.averageWidth(width);
            }
            builder.min(min).max(max).frequentValues(frequent).values(values);
            return builder.build();
        }
    }
}
