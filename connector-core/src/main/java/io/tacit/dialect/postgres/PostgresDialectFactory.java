package io.tacit.dialect.postgres;

import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.DialectFactory;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** {@code jdbc:postgresql:} URLs. */
public final class PostgresDialectFactory implements DialectFactory {
    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:postgresql:");
    }

    @Override
    public Dialect create(String jdbcUrl, Duration statementTimeout) {
        return new PostgresDialect(statementTimeout);
    }

    @Override
    public OptionalInt defaultPort() {
        return OptionalInt.of(5432);
    }
}
