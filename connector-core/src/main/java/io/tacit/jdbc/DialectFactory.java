package io.tacit.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * Makes the dialect of the URLs it accepts. Factories are found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.tacit.jdbc.DialectFactory}), so a new database is one package: its dialect, its
 * factory, its SQL resources and one line in that file. The generic {@code DatabaseMetaData} path is a factory
 * like the others, accepting every JDBC URL at the lowest priority.
 */
public interface DialectFactory {
    /** The priority of the fallback that accepts any JDBC URL: every other factory wins over it. */
    int FALLBACK_PRIORITY = Integer.MIN_VALUE;

    /**
     * Whether this factory serves the URL.
     *
     * @param jdbcUrl the URL stripped and in lower case, always starting with {@code jdbc:}
     */
    default boolean accepts(String jdbcUrl) {
        return urlPrefixes().stream().anyMatch(jdbcUrl::startsWith);
    }

    /** When several factories accept a URL, the highest priority wins. */
    default int priority() {
        return 0;
    }

    /** The dialect of one session to {@code jdbcUrl} (as the user wrote it). */
    Dialect create(String jdbcUrl, Duration statementTimeout);

    /** The URL prefixes this factory accepts, as messages show them ({@code jdbc:postgresql:}); empty for the fallback. */
    List<String> urlPrefixes();

    /** The port the driver connects to when the URL names none. */
    default OptionalInt defaultPort() {
        return OptionalInt.empty();
    }
}
