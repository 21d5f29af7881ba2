package io.tacit.jdbc.stats;

import io.tacit.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * For dialects that {@linkplain Dialect#readsEachTableInTransaction read each table in a transaction}
 * (PostgreSQL): while profiling, autocommit is off and each table is read in its own transaction, opened READ
 * ONLY and rolled back after the table (or its failed statement, which would otherwise poison the next one).
 * PgJDBC streams a result with a fetch size only inside a transaction; a transaction per table also lets go
 * of the table's lock as soon as it is read, so a long run never blocks another session's DDL for long.
 * Other drivers stream in autocommit and are left as they are: their sessions are read-only already.
 */
final class Cursors implements AutoCloseable {
    private final Connection connection;
    private final boolean restoreAutoCommit;

    private Cursors(Connection connection, boolean restoreAutoCommit) {
        this.connection = connection;
        this.restoreAutoCommit = restoreAutoCommit;
    }

    static Cursors open(Connection connection, Dialect dialect) throws SQLException {
        boolean switchOff = dialect.readsEachTableInTransaction() && connection.getAutoCommit();
        if (switchOff) {
            // the driver then opens every transaction with BEGIN READ ONLY (besides the session's own default)
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
        }
        return new Cursors(connection, switchOff);
    }

    /** After a table: ends its transaction, releasing its lock. */
    void afterTable() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
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
