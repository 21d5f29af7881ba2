package io.tacit.dialect.mariadb;

import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.DialectFactory;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** {@code jdbc:mariadb:} and {@code jdbc:mysql:} URLs (MySQL speaks the same catalog and protocol). */
public final class MariaDbDialectFactory implements DialectFactory {
    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:mariadb:", "jdbc:mysql:");
    }

    @Override
    public Dialect create(String jdbcUrl, Duration statementTimeout) {
        return new MariaDbDialect(statementTimeout);
    }

    @Override
    public OptionalInt defaultPort() {
        return OptionalInt.of(3306);
    }
}
