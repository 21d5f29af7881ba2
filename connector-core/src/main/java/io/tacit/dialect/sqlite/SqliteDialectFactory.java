package io.tacit.dialect.sqlite;

import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.DialectFactory;
import java.time.Duration;
import java.util.List;

/** {@code jdbc:sqlite:} URLs. */
public final class SqliteDialectFactory implements DialectFactory {
    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:sqlite:");
    }

    @Override
    public Dialect create(String jdbcUrl, Duration statementTimeout) {
        return new SqliteDialect(statementTimeout);
    }
}
