package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.StatisticsProvider;
import java.sql.Connection;

/** Engine statistics and the one-scan-per-table profiler over one read-only JDBC session. */
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
        throw new UnsupportedOperationException("not built yet");
    }
}
