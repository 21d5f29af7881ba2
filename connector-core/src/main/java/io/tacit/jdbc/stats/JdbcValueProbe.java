package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.jdbc.Dialect;
import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.spi.ValueProbe;
import java.sql.Connection;
import java.util.Optional;

/** Exact containment of candidate relationships by anti-join queries, capped and under the statement timeout. */
public final class JdbcValueProbe implements ValueProbe {
    private final Connection connection;
    private final Dialect dialect;

    public JdbcValueProbe(Connection connection, Dialect dialect) {
        this.connection = requireNonNull(connection, "connection is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    @Override
    public Optional<Containment> containment(ColumnSet from, ColumnSet to) {
        throw new UnsupportedOperationException("not built yet");
    }
}
