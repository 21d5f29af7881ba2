package io.tacit.jdbc.stats;

import io.tacit.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PgJDBC streams a result with a fetch size only inside a transaction: while profiling, autocommit is off and
 * the tables are read in one read-only transaction, rolled back at the end and after a failed statement
 * (which would otherwise poison the next one). Other drivers stream in autocommit and are left as they are.
 */
final class Cursors implements AutoCloseable {
    private final Connection connection;
    private final boolean restoreAutoCommit;

    private Cursors(Connection connection, boolean restoreAutoCommit) {
        this.connection = connection;
        this.restoreAutoCommit = restoreAutoCommit;
    }

    /** @param cursorsNeeded whether scans read result sets (the COPY path streams without a cursor) */
    static Cursors open(Connection connection, Dialect dialect, boolean cursorsNeeded) throws SQLException {
        boolean switchOff = cursorsNeeded && dialect.name().equals("postgresql") && connection.getAutoCommit();
        if (switchOff) {
            connection.setAutoCommit(false);
        }
        return new Cursors(connection, switchOff);
    }

    /** After a failed statement: ends the aborted transaction so the next table can run. */
    void afterFailure() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        if (restoreAutoCommit) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
