package io.tacit.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * A dialect that lives only in the tests and is listed in the tests' own {@code META-INF/services}: if
 * {@link Dialects} finds it, a new database needs no change outside its own package. It also claims
 * {@code jdbc:sqlite:} at a lower priority, to show that the higher priority wins.
 */
public final class PluginDialectFactory implements DialectFactory {
    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:tacitplugin:", "jdbc:sqlite:");
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public Dialect create(String jdbcUrl, Duration statementTimeout) {
        return new BaseDialect("tacitplugin", "\"", statementTimeout) {
        };
    }

    @Override
    public OptionalInt defaultPort() {
        return OptionalInt.of(7777);
    }
}
