package io.tacit.jdbc;

import static java.util.Objects.requireNonNull;

import io.tacit.config.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach a database. {@code toString()} never shows the password.
 *
 * @param statementTimeout every statement tacit runs is cancelled by the database after this long
 */
public record ConnectionSettings(
        String jdbcUrl,
        Optional<String> user,
        Optional<Secret> password,
        Duration statementTimeout,
        ProfileSettings profile) {
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);

    public ConnectionSettings {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(statementTimeout, "statementTimeout is null");
        requireNonNull(profile, "profile is null");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statement timeout must be positive: " + statementTimeout);
        }
    }

    public static ConnectionSettings of(String jdbcUrl, String user, Secret password) {
        return new ConnectionSettings(jdbcUrl, Optional.ofNullable(user), Optional.ofNullable(password),
                DEFAULT_STATEMENT_TIMEOUT, ProfileSettings.DEFAULTS);
    }
}
