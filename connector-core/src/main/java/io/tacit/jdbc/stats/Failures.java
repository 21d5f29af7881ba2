package io.tacit.jdbc.stats;

import io.tacit.error.TacitException;
import io.tacit.jdbc.Dialect;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Sorts SQL failures: a lost connection ends the run, anything else costs one table or one probe. A lost
 * connection is the same on every driver (SQLState class 08, JDBC's connection exceptions); what else a code
 * means is the dialect's to say.
 */
public final class Failures {
    private Failures() {
    }

    public static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException
                || (state != null && state.startsWith("08"));
    }

    /** Throws a source error that ends the run when the connection is gone; returns otherwise. */
    public static void throwIfConnectionLost(SQLException e, String what) {
        if (connectionLost(e)) {
            throw TacitException.source(what + " failed: the connection to the database was lost (" + oneLine(e) + ")",
                    "check that the database is up and reachable, then run again", e);
        }
    }

    /**
     * One line saying why a statement on {@code tables} failed, naming the lock when it was one. The dialect
     * tells its database's codes for a lock timeout, an ended session and a statement timeout.
     */
    static String problem(Dialect dialect, SQLException e, String tables) {
        if (dialect.isLockTimeout(e)) {
            return "waited too long for a lock on " + tables + " (another session holds it): " + oneLine(e);
        }
        if (dialect.isSessionTerminated(e)) {
            return "the server ended the session: " + oneLine(e);
        }
        if (dialect.isStatementTimeout(e)) {
            return "cancelled after the statement timeout (" + dialect.statementTimeout().toSeconds() + " s): " + oneLine(e);
        }
        return oneLine(e);
    }

    static String oneLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return message;
    }
}
