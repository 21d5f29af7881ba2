package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.error.TacitException;
import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.RunWarning;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableStatistics;
import io.tacit.model.TableName;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.StatisticsProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Engine statistics and the one-scan-per-table profiler over one read-only JDBC session.
 *
 * <ul>
 *   <li>{@code metadata}: nothing.</li>
 *   <li>{@code engine}: {@link EngineStatisticsReader}, a handful of catalog queries per schema.</li>
 *   <li>{@code sample} / {@code full}: the engine figures, then {@link TableProfiler}'s single query per table
 *       whose figures replace the engine's for the columns it reads. Tables run one after the other on the one
 *       session (2 cores: a second connection would compete with the database for them). A table that fails
 *       (permission, statement or lock timeout) keeps its engine figures and is reported as a
 *       {@link RunWarning}; the run goes on. Each table is read in its own read-only transaction, ended after
 *       it, so no lock outlives the table's scan.</li>
 * </ul>
 */
public final class JdbcStatisticsProvider implements StatisticsProvider {
    private final Connection connection;
    private final Dialect dialect;
    private final ProfileSettings settings;

    public JdbcStatisticsProvider(Connection connection, Dialect dialect, ProfileSettings settings) {
        this.connection = requireNonNull(connection, "connection is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public Statistics collect(SchemaSnapshot snapshot, StatisticsLevel level, ProgressListener progress) {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(level, "level is null");
        requireNonNull(progress, "progress is null");
        if (level == StatisticsLevel.METADATA) {
            return new Statistics(StatisticsLevel.METADATA, Map.of());
        }
        Map<TableName, TableStatistics> engine = new EngineStatisticsReader(dialect, this::prepare)
                .read(snapshot, progress);
        if (!level.readsData()) {
            return new Statistics(level, engine);
        }
        return new Statistics(level, profile(snapshot, level, engine, progress));
    }

    private Map<TableName, TableStatistics> profile(SchemaSnapshot snapshot, StatisticsLevel level,
            Map<TableName, TableStatistics> engine, ProgressListener progress) {
        Map<TableName, TableStatistics> result = new TreeMap<>(engine);
        TableProfiler profiler = new TableProfiler(connection, dialect, settings, this::prepare);
        long tables = snapshot.tables().stream().filter(TableProfiler::profiled).count();
        String stage = "profile (" + level.label() + ")";
        progress.stageStarted(stage, tables);
        try (Cursors cursors = Cursors.open(connection, dialect)) {
            for (Table table : snapshot.tables()) {
                if (!TableProfiler.profiled(table)) {
                    continue;
                }
                try {
                    Optional<TableStatistics> profiled = profiler.profile(table, level,
                            Optional.ofNullable(engine.get(table.name())));
                    profiled.ifPresent(statistics -> result.put(table.name(), statistics));
                    cursors.afterTable();
                } catch (SQLException e) {
                    if (dialect.isSessionTerminated(e)) {
                        throw TacitException.source("profiling table " + table.name() + " failed: "
                                + Failures.problem(dialect, e, table.name().toString()),
                                "the database ended tacit's session (an administrator or a restart); run again", e);
                    }
                    Failures.throwIfConnectionLost(e, "profiling table " + table.name());
                    progress.warning(RunWarning.of(table.name(), RunWarning.PROFILE, "not profiled, "
                            + keptFigures(engine, table) + ": "
                            + Failures.problem(dialect, e, table.name().toString())));
                    cursors.afterFailure();
                } catch (IllegalArgumentException unquotable) {
                    // a name no quoting can carry (a NUL character), or SQL text refused before sending it:
                    // this table is skipped, not the run
                    progress.warning(RunWarning.of(table.name(), RunWarning.PROFILE, "not profiled, "
                            + keptFigures(engine, table) + ": " + unquotable.getMessage()));
                    cursors.afterFailure();
                }
                progress.advanced(1);
            }
        } catch (SQLException e) {
            Failures.throwIfConnectionLost(e, "profiling");
            progress.warning(new RunWarning(Optional.empty(), RunWarning.PROFILE,
                    "profiling ended early: " + Failures.oneLine(e)));
        }
        progress.stageFinished(stage);
        return result;
    }

    private static String keptFigures(Map<TableName, TableStatistics> engine, Table table) {
        if (engine.containsKey(table.name())) {
            return "kept the engine's statistics";
        }
        return "no statistics";
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        return dialect.prepare(connection, sql);
    }
}
