package io.tacit.jdbc;

import static java.util.Objects.requireNonNull;

import io.tacit.config.Secret;
import io.tacit.model.RunContext;
import io.tacit.run.ToolVersion;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach a database. {@code toString()} never shows the password.
 *
 * @param statementTimeout every statement tacit runs is cancelled by the database after this long
 * @param connectTimeout how long the server may take to accept the connection, and again to answer the login
 * @param run the run the session belongs to: it names the session on the server, so a DBA can find it
 */
public record ConnectionSettings(
        String jdbcUrl,
        Optional<String> user,
        Optional<Secret> password,
        Duration statementTimeout,
        ProfileSettings profile,
        Duration connectTimeout,
        Optional<RunContext> run) {
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionSettings {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(statementTimeout, "statementTimeout is null");
        requireNonNull(profile, "profile is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(run, "run is null");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statement timeout must be positive: " + statementTimeout);
        }
        if (connectTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
        }
    }

    /** With the default connect timeout and no run. */
    public ConnectionSettings(String jdbcUrl, Optional<String> user, Optional<Secret> password, Duration statementTimeout,
            ProfileSettings profile) {
        this(jdbcUrl, user, password, statementTimeout, profile, DEFAULT_CONNECT_TIMEOUT, Optional.empty());
    }

    public static ConnectionSettings of(String jdbcUrl, String user, Secret password) {
        return new ConnectionSettings(jdbcUrl, Optional.ofNullable(user), Optional.ofNullable(password),
                DEFAULT_STATEMENT_TIMEOUT, ProfileSettings.DEFAULTS);
    }

    public ConnectionSettings withConnectTimeout(Duration timeout) {
        return new ConnectionSettings(jdbcUrl, user, password, statementTimeout, profile, timeout, run);
    }

    public ConnectionSettings withRun(RunContext context) {
        return new ConnectionSettings(jdbcUrl, user, password, statementTimeout, profile, connectTimeout,
                Optional.of(context));
    }

    /**
     * How long a socket may stay silent before the driver gives up: the statement timeout and a margin, so that
     * the server's own timeout always ends a long statement first, and a silent network still ends the run.
     */
    public Duration socketTimeout() {
        Duration margin = statementTimeout.dividedBy(4);
        if (margin.compareTo(Duration.ofSeconds(5)) < 0) {
            margin = Duration.ofSeconds(5);
        }
        return statementTimeout.plus(margin);
    }

    /** The session's name on the server: {@code tacit <version> <run id>} ({@code tacit <version>} outside a run). */
    public String applicationName() {
        if (run.isEmpty()) {
            return "tacit " + ToolVersion.current();
        }
        return "tacit " + run.get().toolVersion() + " " + run.get().runId();
    }
}
