package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.Column;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DistinctCount;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableStatistics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Levels {@code sample} and {@code full}: ONE query per table reading every candidate column at once, streamed
 * with a fetch size. Candidates are key-like columns ({@link io.tacit.model.TypeFamily#keyLike()}) whose
 * average width, when the engine knows it, is at most {@link #MAX_AVERAGE_WIDTH} bytes.
 */
final class TableProfiler {
    /** Wider columns (descriptions, notes, documents) are never keys and cost most of a scan. */
    static final double MAX_AVERAGE_WIDTH = 100;
    /** Above this many times the sample size a dialect that can samples blocks instead of reading the first rows. */
    private static final long BLOCK_SAMPLE_FACTOR = 10;
    /** Below this many rows a LIMIT scan is cheap anyway, and sampling a handful of blocks is all luck. */
    private static final long BLOCK_SAMPLE_MIN_ROWS = 100_000;
    /** A short block sample is drawn again with more blocks; the last of these passes reads every block. */
    private static final int MAX_SAMPLE_PASSES = 3;
    /** Rows per round trip: large enough that round trips cost little, small enough to bound memory. */
    private static final int MIN_FETCH_SIZE = 10_000;
    private static final int MAX_FETCH_SIZE = 200_000;
    /** Bytes of candidate values one fetch may hold in the driver. */
    private static final long FETCH_BYTES = 32L << 20;

    private final Dialect dialect;
    private final ProfileSettings settings;
    private final StatementFactory statements;
    private final Optional<BulkScan> bulkScan;

    TableProfiler(Connection connection, Dialect dialect, ProfileSettings settings, StatementFactory statements) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.bulkScan = dialect.bulkScan(connection);
        this.settings = requireNonNull(settings, "settings is null");
        this.statements = requireNonNull(statements, "statements is null");
    }

    /** The columns of {@code table} worth reading, in table order. */
    static List<Column> candidates(Table table, Optional<TableStatistics> engine) {
        List<Column> candidates = new ArrayList<>();
        for (Column column : table.columns()) {
            if (!ProfileColumn.profiled(column)) {
                continue;
            }
            Optional<ColumnStatistics> known = engine.flatMap(statistics -> statistics.column(column.name()));
            if (known.isPresent() && known.get().averageWidth().isPresent()
                    && known.get().averageWidth().getAsDouble() > MAX_AVERAGE_WIDTH) {
                continue;
            }
            candidates.add(column);
        }
        return candidates;
    }

    /** Whether this table is profiled at all: views and foreign tables are not scanned. */
    static boolean profiled(Table table) {
        return table.kind() == TableKind.TABLE || table.kind() == TableKind.PARTITIONED_TABLE
                || table.kind() == TableKind.MATERIALIZED_VIEW;
    }

    /**
     * Scans {@code table} once (a short block sample up to {@link #MAX_SAMPLE_PASSES} times); empty when it has no
     * candidate column and the level is {@code sample}.
     */
    Optional<TableStatistics> profile(Table table, StatisticsLevel level, Optional<TableStatistics> engine)
            throws SQLException {
        List<Column> candidates = candidates(table, engine);
        boolean full = level == StatisticsLevel.FULL;
        if (candidates.isEmpty() && !full) {
            return Optional.empty();
        }
        StatisticsOrigin origin = full ? StatisticsOrigin.FULL : StatisticsOrigin.SAMPLE;
        OptionalLong estimate = estimatedRows(table, engine);
        boolean blockSample = !full && dialect.samplesBlocks()
                && table.kind() != TableKind.PARTITIONED_TABLE
                && estimate.isPresent()
                && estimate.getAsLong() > Math.max(BLOCK_SAMPLE_MIN_ROWS, BLOCK_SAMPLE_FACTOR * settings.sampleRows());
        double percent = 0;
        if (blockSample) {
            // a fifth more blocks than needed: the LIMIT trims the rest, and as it keeps the first rows in block
            // order, trimming more would favour the start of the table
            percent = Math.min(100.0, 120.0 * settings.sampleRows() / estimate.getAsLong());
        }
        Pass pass = scan(table, candidates, full, percent, engine);
        // A block sample's size is chance (blocks are drawn one by one) and rests on the row estimate, which may be
        // stale. When it comes back short, draw more blocks: REPEATABLE keeps the blocks already drawn, and the last
        // pass takes every block, so a table holding sampleRows rows always yields that many.
        for (int round = 2; blockSample && pass.rows() < settings.sampleRows() && percent < 100.0; round++) {
            if (round >= MAX_SAMPLE_PASSES || pass.rows() == 0) {
                percent = 100.0;
            } else {
                percent = Math.min(100.0, percent * 1.2 * settings.sampleRows() / pass.rows());
            }
            pass = scan(table, candidates, full, percent, engine);
        }
        long rows = pass.rows();
        boolean wholeTable = full || (rows < settings.sampleRows() && (!blockSample || percent >= 100.0));
        long tableRows = rows;
        if (!wholeTable && estimate.isPresent()) {
            tableRows = Math.max(rows, estimate.getAsLong());
        }
        List<ProfileColumn> columns = pass.columns();
        Map<String, ColumnStatistics> statistics = new LinkedHashMap<>();
        engine.ifPresent(known -> statistics.putAll(known.columns()));
        for (ProfileColumn column : columns) {
            statistics.put(column.column().name(), column.finish(origin, rows));
        }
        return Optional.of(new TableStatistics(table.name(), origin, tableRows, wholeTable, statistics));
    }

    /** One scan's figures: the rows read and the columns that took them. */
    private record Pass(long rows, List<ProfileColumn> columns) {
    }

    /** Reads {@code table} once; {@code percent} above 0 samples that share of its blocks. */
    private Pass scan(Table table, List<Column> candidates, boolean full, double percent,
            Optional<TableStatistics> engine) throws SQLException {
        String sql = sql(table, candidates, full, percent);
        List<ProfileColumn> columns = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Column column = candidates.get(i);
            long expectedDistinct = engine.flatMap(statistics -> statistics.column(column.name()))
                    .flatMap(ColumnStatistics::distinct)
                    .map(DistinctCount::value)
                    .orElse(0L);
            columns.add(new ProfileColumn(table.columnName(column.name()), column, i + 1, dialect,
                    settings.sketchLgK(), settings.valueListLimit(), expectedDistinct));
        }
        DistinctBudget budget = new DistinctBudget(settings.exactDistinctLimit(), columns);
        long rows;
        if (bulkScan.isPresent() && !candidates.isEmpty()) {
            rows = bulkScan.get().scan(sql, new ProfileFieldSink(columns, budget));
        } else {
            rows = scan(sql, candidates, full, engine, columns, budget);
        }
        return new Pass(rows, columns);
    }

    private String sql(Table table, List<Column> candidates, boolean full, double percent) {
        String quotedTable = dialect.quote(table.name());
        if (candidates.isEmpty()) {
            return "SELECT COUNT(*) FROM " + quotedTable;
        }
        List<String> quoted = new ArrayList<>(candidates.size());
        for (Column column : candidates) {
            quoted.add("p." + dialect.quoteIdentifier(column.name()));
        }
        String sample = "";
        String limit = "";
        if (!full) {
            if (percent > 0) {
                sample = " " + dialect.blockSampleClause(percent);
            }
            if (dialect.supportsLimit()) {
                limit = " LIMIT " + settings.sampleRows();
            }
        }
        return StatsSql.render("profile.sql", Map.of(
                "columns", String.join(", ", quoted),
                "table", quotedTable,
                "sample", sample,
                "limit", limit));
    }

    /** As many rows per fetch as fit {@link #FETCH_BYTES} by the engine's widths (or 32 bytes a value). */
    private static int fetchSize(List<Column> candidates, Optional<TableStatistics> engine) {
        double rowBytes = 16;
        for (Column column : candidates) {
            // a driver keeps an array and its header per value besides the value itself
            rowBytes += 24 + engine.flatMap(statistics -> statistics.column(column.name()))
                    .flatMap(statistics -> statistics.averageWidth().isPresent()
                            ? Optional.of(statistics.averageWidth().getAsDouble()) : Optional.empty())
                    .orElse(32.0);
        }
        long rows = (long) (FETCH_BYTES / rowBytes);
        return (int) Math.max(MIN_FETCH_SIZE, Math.min(MAX_FETCH_SIZE, rows));
    }

    private static OptionalLong estimatedRows(Table table, Optional<TableStatistics> engine) {
        if (engine.isPresent()) {
            return OptionalLong.of(engine.get().rows());
        }
        return table.estimatedRows();
    }

    /** The result-set path (every dialect): the number of rows read. */
    private long scan(String sql, List<Column> candidates, boolean full, Optional<TableStatistics> engine,
            List<ProfileColumn> columns, DistinctBudget budget) throws SQLException {
        long rows = 0;
        try (PreparedStatement statement = statements.prepare(sql)) {
            statement.setFetchSize(fetchSize(candidates, engine));
            if (!full && !dialect.supportsLimit()) {
                statement.setMaxRows((int) Math.min(Integer.MAX_VALUE, settings.sampleRows()));
            }
            try (ResultSet result = statement.executeQuery()) {
                if (candidates.isEmpty()) {
                    result.next();
                    return result.getLong(1);
                }
                while (result.next()) {
                    rows++;
                    for (ProfileColumn column : columns) {
                        if (column.accept(result)) {
                            budget.spend();
                        }
                    }
                }
            }
        }
        return rows;
    }
}
