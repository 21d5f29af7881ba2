package io.tacit.jdbc;

import io.tacit.config.Secret;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link SQLException} into a one-line {@link TacitException}, classified by SQLState (and the
 * MariaDB/MySQL error code where the SQLState is too coarse). Messages name the host, port, database and user,
 * never the password: driver text is scrubbed of it as well.
 */
public final class JdbcErrors {
    private JdbcErrors() {
    }

    /** A failure while opening the connection. */
    public static TacitException onConnect(SQLException error, ConnectionSettings settings) {
        String url = settings.jdbcUrl();
        String endpoint = JdbcUrls.endpoint(url);
        String state = sqlState(error);
        Optional<Throwable> network = networkCause(error);
        if (state.startsWith("28") || error.getErrorCode() == 1045) {
            String user = settings.user().map(name -> "user '" + name + "'").orElse("the configured user");
            String passwordHint = settings.password()
                    .map(secret -> "check the password (from " + secret.reference() + ")")
                    .orElse("no password was given: set one");
            return new TacitException(ErrorKind.SOURCE,
                    "authentication failed for " + user + " at " + endpoint,
                    passwordHint + " and that the user may connect to this database", false, scrubbed(error, settings.password()));
        }
        if (state.equals("3D000") || error.getErrorCode() == 1049) {
            String database = JdbcUrls.database(url).orElse("named in the URL");
            return new TacitException(ErrorKind.SOURCE,
                    "database '" + database + "' does not exist at " + endpoint,
                    "check the database name in the JDBC URL", false, scrubbed(error, settings.password()));
        }
        if (silentServer(error)) {
            return new TacitException(ErrorKind.SOURCE,
                    "the server at " + endpoint + " accepted the connection but did not answer within "
                            + seconds(settings.connectTimeout()) + " s",
                    "check that the port is the database's own (not another service or a stuck proxy) and that the"
                            + " server is not overloaded; the source setting connectTimeout sets the wait",
                    true, scrubbed(error, settings.password()));
        }
        if (network.isPresent() || state.startsWith("08")) {
            String cause = network.map(JdbcErrors::describeNetwork)
                    .orElse(firstLine(scrub(error.getMessage(), settings.password())));
            return new TacitException(ErrorKind.SOURCE,
                    "cannot reach the database at " + endpoint + " (" + cause + ")",
                    "check the host and port in the JDBC URL and that the database is running and accepts connections",
                    true, scrubbed(error, settings.password()));
        }
        return onQuery(error, "connecting to " + JdbcUrls.describe(url), settings.password());
    }

    /** A failure while running catalog or statistics queries; {@code doing} says what was being done. */
    public static TacitException onQuery(SQLException error, String doing, Optional<Secret> password) {
        String state = sqlState(error);
        String message = firstLine(scrub(error.getMessage(), password));
        if (OpenSessions.stopping()) {
            return new TacitException(ErrorKind.SOURCE, "stopped while " + doing + ": the running statement was cancelled",
                    "run again when it may finish", true, scrubbed(error, password));
        }
        if (readTimedOut(error)) {
            return new TacitException(ErrorKind.SOURCE, "the database stopped answering while " + doing
                    + " (no reply within the socket timeout, the statement timeout and a margin)",
                    "check the network to the database and that the server is up", true, scrubbed(error, password));
        }
        if (state.equals("57014") || state.equals("70100") || error.getErrorCode() == 1969
                || error instanceof SQLTimeoutException) {
            return new TacitException(ErrorKind.SOURCE, "a statement timed out while " + doing + " (" + message + ")",
                    "raise the statement timeout, or narrow the schemas and tables read", true, scrubbed(error, password));
        }
        if (state.equals("42501") || error.getErrorCode() == 1142 || error.getErrorCode() == 1044) {
            return new TacitException(ErrorKind.SOURCE, "permission denied while " + doing + " (" + message + ")",
                    "grant the user read access (SELECT and catalog access) to the schemas it reads", false,
                    scrubbed(error, password));
        }
        if (state.equals("25006") || error.getErrorCode() == 1792) {
            return new TacitException(ErrorKind.INTERNAL, "tacit tried to write to a read-only session while " + doing
                    + " (" + message + ")", "this is a bug in tacit: please report it", false, scrubbed(error, password));
        }
        String withState = state.isEmpty() ? message : message + ", SQLState " + state;
        return new TacitException(ErrorKind.SOURCE, "the database failed while " + doing + " (" + withState + ")",
                "run with --verbose for details", sqlStateRetriable(state), scrubbed(error, password));
    }

    /**
     * A server that took the TCP connection but never answered the login: a read timed out (the driver's socket
     * or login timeout), as opposed to a connect that timed out (nothing accepted it).
     */
    private static boolean silentServer(SQLException error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return !String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out");
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return false;
            }
        }
        // PgJDBC's loginTimeout: "Connection attempt timed out.", no cause
        return error instanceof SQLTimeoutException
                || (sqlState(error).startsWith("08")
                        && String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("timed out"));
    }

    private static boolean readTimedOut(SQLException error) {
        for (Throwable cause = error.getCause(); cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** {@code 10}, {@code 1.5}: seconds as a person writes them. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static boolean sqlStateRetriable(String state) {
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53");
    }

    private static String sqlState(SQLException error) {
        String state = error.getSQLState();
        if (state == null) {
            return "";
        }
        return state;
    }

    private static Optional<Throwable> networkCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return Optional.of(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String describeNetwork(Throwable cause) {
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof SocketTimeoutException) {
            return "connection timed out";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return firstLine(message);
    }

    /** Removes the password from driver text, should a driver ever echo it. */
    static String scrub(String text, Optional<Secret> password) {
        if (text == null) {
            return "";
        }
        if (password.isPresent() && !password.get().isEmpty()) {
            return text.replace(password.get().reveal(), "[hidden]");
        }
        return text;
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        if (newline >= 0) {
            stripped = stripped.substring(0, newline).strip();
        }
        return stripped;
    }

    /**
     * The driver exception as the cause, but with its text scrubbed: the cause's message reaches {@code --verbose}
     * stack traces.
     */
    private static Throwable scrubbed(SQLException error, Optional<Secret> password) {
        if (password.isEmpty() || password.get().isEmpty()) {
            return error;
        }
        String message = error.getMessage();
        if (message == null || !message.contains(password.get().reveal())) {
            return error;
        }
        SQLException copy = new SQLException(scrub(message, password), error.getSQLState(), error.getErrorCode());
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }
}
