package io.tacit.jdbc.stats;

import io.tacit.error.TacitException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/** Sorts SQL failures: a lost connection ends the run, anything else costs one table or one probe. */
final class Failures {
    private Failures() {
    }

    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException
                || (state != null && state.startsWith("08"));
    }

    static void throwIfConnectionLost(SQLException e, String what) {
        if (connectionLost(e)) {
            throw TacitException.source(what + " failed: the connection to the database was lost (" + oneLine(e) + ")",
                    "check that the database is up and reachable, then run again", e);
        }
    }

    /** Cancelled by the statement timeout (PostgreSQL 57014, MariaDB 70100/1969, or the driver's own timer). */
    static boolean timedOut(SQLException e) {
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e instanceof SQLTimeoutException
                || "57014".equals(state)
                || "70100".equals(state)
                || e.getErrorCode() == 1969
                || message.contains("statement timeout")
                || message.contains("max_statement_time");
    }

    /** Waited longer than the session's lock timeout (PostgreSQL 55P03 lock_timeout, MariaDB/MySQL 1205 lock wait timeout). */
    static boolean lockTimedOut(SQLException e) {
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return "55P03".equals(state)
                || e.getErrorCode() == 1205
                || message.contains("lock timeout")
                || message.contains("lock wait timeout");
    }

    /** The server ended the session (PostgreSQL 57P01 admin shutdown or pg_terminate_backend, 57P02, 57P03). */
    static boolean terminated(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("57P0");
    }

    /** One line saying why a statement on {@code tables} failed, naming the lock when it was one. */
    static String problem(SQLException e, String tables, java.time.Duration statementTimeout) {
        if (lockTimedOut(e)) {
            return "waited too long for a lock on " + tables + " (another session holds it): " + oneLine(e);
        }
        if (terminated(e)) {
            return "the server ended the session: " + oneLine(e);
        }
        if (timedOut(e)) {
            return "cancelled after the statement timeout (" + statementTimeout.toSeconds() + " s): " + oneLine(e);
        }
        return oneLine(e);
    }

    /** The values of the two sides cannot be compared as they are (PostgreSQL: no such operator, type mismatch). */
    static boolean typeMismatch(SQLException e) {
        String state = e.getSQLState();
        return "42883".equals(state) || "42804".equals(state) || "22P02".equals(state);
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
