package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Column;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DistinctCount;
import io.tacit.model.Key;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.model.TypeFamily;
import io.tacit.statistics.ValueText;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a dialect's {@link EngineStatistics} found, gathered for one snapshot: row estimates per table and
 * figures per column, for tables and columns of the snapshot only. Once every schema is read, the generic
 * reader fills in what the snapshot knows (its row estimates; a single-column key has as many distinct values
 * as non-null rows) and builds the statistics.
 */
public final class EngineFigures {
    private final SchemaSnapshot snapshot;
    private final StatementFactory statements;
    private final Map<TableName, TableFigures> tables = new TreeMap<>();

    EngineFigures(SchemaSnapshot snapshot, StatementFactory statements) {
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
        this.statements = requireNonNull(statements, "statements is null");
    }

    /** The tables and columns being read. */
    public SchemaSnapshot snapshot() {
        return snapshot;
    }

    /** Prepares a statement under the session's statement timeout. */
    public PreparedStatement prepare(String sql) throws SQLException {
        return statements.prepare(sql);
    }

    /** The engine's row estimate of a table (a negative estimate means "unknown" and is not recorded). */
    public void rows(TableName table, long rows) {
        tables.computeIfAbsent(table, TableFigures::new).rows = rows;
    }

    /**
     * Adds a partition's rows to its parent: a partitioned parent keeps no rows of its own, and its partitions'
     * sum stands in when its own estimate is missing or zero.
     */
    public void childRows(TableName parent, long rows) {
        TableFigures figures = tables.computeIfAbsent(parent, TableFigures::new);
        figures.childRows += rows;
        figures.hasChildRows = true;
    }

    /** The rows recorded for a table so far (its partitions' sum for a partitioned parent). */
    public OptionalLong rows(TableName table) {
        TableFigures figures = tables.get(table);
        if (figures == null) {
            return OptionalLong.empty();
        }
        Long rows = figures.rowsOrChildren();
        return rows == null ? OptionalLong.empty() : OptionalLong.of(rows);
    }

    /** The figures of a column of the snapshot, created empty on first use; empty for a column the snapshot lacks. */
    public Optional<ColumnFigures> column(TableName table, String column) {
        Optional<Column> known = snapshot.table(table).flatMap(found -> found.column(column));
        return known.map(found -> tables.computeIfAbsent(table, TableFigures::new).columns
                .computeIfAbsent(column, name -> new ColumnFigures(found)));
    }

    /** As {@link #column}, dropping what was recorded for the column before (a better row of figures replaces it). */
    public Optional<ColumnFigures> replaceColumn(TableName table, String column) {
        Optional<Column> known = snapshot.table(table).flatMap(found -> found.column(column));
        return known.map(found -> {
            ColumnFigures fresh = new ColumnFigures(found);
            tables.computeIfAbsent(table, TableFigures::new).columns.put(column, fresh);
            return fresh;
        });
    }

    /** The statistics of every snapshot table with a row count, from the engine or the snapshot's estimate. */
    Map<TableName, TableStatistics> build() {
        Map<TableName, TableStatistics> result = new TreeMap<>();
        for (Table table : snapshot.tables()) {
            TableFigures figures = tables.get(table.name());
            Long rows = figures == null ? null : figures.rowsOrChildren();
            if (rows == null && table.estimatedRows().isPresent() && table.estimatedRows().getAsLong() >= 0) {
                rows = table.estimatedRows().getAsLong();
            }
            if (rows == null) {
                continue;
            }
            if (figures == null) {
                figures = new TableFigures(table.name());
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
                ColumnFigures engine = figures.columns.computeIfAbsent(column.get().name(),
                        name -> new ColumnFigures(column.get()));
                if (engine.distinct == null) {
                    long nulls = engine.nulls == null ? 0 : engine.nulls;
                    engine.distinct = Math.max(0, rows - nulls);
                }
            }
            Map<String, ColumnStatistics> columns = new LinkedHashMap<>();
            for (ColumnFigures engine : figures.columns.values()) {
                columns.put(engine.column.name(), engine.build(table, rows));
            }
            result.put(table.name(), new TableStatistics(table.name(), StatisticsOrigin.ENGINE, rows, false, columns));
        }
        return result;
    }

    private static final class TableFigures {
        private final TableName name;
        private Long rows;
        private long childRows;
        private boolean hasChildRows;
        private final Map<String, ColumnFigures> columns = new TreeMap<>();

        private TableFigures(TableName name) {
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

    /** One column's engine figures; values are given as the database prints them and kept in canonical text. */
    public static final class ColumnFigures {
        private final Column column;
        private Long nulls;
        private Long distinct;
        private Double width;
        private String min;
        private String max;
        private List<String> frequent = List.of();
        private List<String> values;

        private ColumnFigures(Column column) {
            this.column = column;
        }

        public Column column() {
            return column;
        }

        /** Whether min, max and sorted value lists mean anything for this column's type. */
        public boolean ordered() {
            TypeFamily family = column.type().family();
            return family != TypeFamily.JSON && family != TypeFamily.ARRAY && family != TypeFamily.OTHER
                    && family != TypeFamily.BINARY && family != TypeFamily.BOOLEAN;
        }

        /** The canonical text of a value the database printed for this column. */
        public String canonical(String raw) {
            return ProfileColumn.canonical(column, raw);
        }

        /** The canonical text of each value. */
        public List<String> canonical(List<String> raw) {
            List<String> canonical = new ArrayList<>(raw.size());
            for (String value : raw) {
                canonical.add(canonical(value));
            }
            return canonical;
        }

        public void nulls(long nulls) {
            this.nulls = nulls;
        }

        public void distinct(long distinct) {
            this.distinct = distinct;
        }

        public void averageWidth(double width) {
            this.width = width;
        }

        /** The least value, already canonical. */
        public void min(String min) {
            this.min = min;
        }

        /** The greatest value, already canonical. */
        public void max(String max) {
            this.max = max;
        }

        /** The most frequent values, already canonical. */
        public void frequentValues(List<String> frequent) {
            this.frequent = List.copyOf(frequent);
        }

        /** Every value of the column, already canonical; kept sorted in the column type's order. */
        public void values(List<String> values) {
            TreeSet<String> set = new TreeSet<>(ValueText.order(column.type().family()));
            set.addAll(values);
            this.values = List.copyOf(set);
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
