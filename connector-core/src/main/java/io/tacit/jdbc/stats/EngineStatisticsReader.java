package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.jdbc.Dialect;
import io.tacit.model.RunWarning;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.spi.ProgressListener;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Level {@code engine}: what the database already keeps, read by the dialect's {@link EngineStatistics} with a
 * handful of catalog queries per schema (never per table or column). A schema whose figures cannot be read is
 * a warning; every database gets row estimates and key-column distinct counts from the snapshot.
 */
final class EngineStatisticsReader {
    private final Dialect dialect;
    private final StatementFactory statements;

    EngineStatisticsReader(Dialect dialect, StatementFactory statements) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.statements = requireNonNull(statements, "statements is null");
    }

    Map<TableName, TableStatistics> read(SchemaSnapshot snapshot, ProgressListener progress) {
        List<String> schemas = snapshot.tables().stream()
                .map(table -> table.name().schema())
                .distinct()
                .sorted()
                .toList();
        EngineStatistics engine = dialect.engineStatistics();
        EngineFigures figures = new EngineFigures(snapshot, statements);
        progress.stageStarted("engine statistics", schemas.size());
        for (String schema : schemas) {
            try {
                engine.read(schema, figures);
            } catch (SQLException e) {
                Failures.throwIfConnectionLost(e, "reading engine statistics of schema " + schema);
                progress.warning(new RunWarning(Optional.empty(), RunWarning.ENGINE_STATISTICS,
                        "engine statistics of schema " + schema + " unavailable: "
                                + Failures.problem(dialect, e, "schema " + schema)));
            }
            progress.advanced(1);
        }
        progress.stageFinished("engine statistics");
        return figures.build();
    }
}
