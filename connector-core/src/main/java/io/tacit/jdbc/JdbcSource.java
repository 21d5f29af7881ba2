package io.tacit.jdbc;

import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.Source;
import io.tacit.spi.StatisticsProvider;
import io.tacit.spi.ValueProbe;

/**
 * A database reached over JDBC: picks the dialect from the URL, opens one read-only session with a statement
 * timeout and reads schema, statistics and containment through it.
 */
public final class JdbcSource implements Source {
    private JdbcSource() {
    }

    /** Opens and verifies the connection; fails with a {@link io.tacit.error.TacitException} of kind SOURCE or CONFIG. */
    public static JdbcSource open(ConnectionSettings settings) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public SchemaSnapshot readSchema(SchemaFilter filter, ProgressListener progress) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public StatisticsProvider statistics() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public ValueProbe valueProbe() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
    }
}
