package io.tacit.jdbc;

import io.tacit.error.TacitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;

/** Picks the dialect for a JDBC URL among the {@link DialectFactory} services on the class path. */
public final class Dialects {
    private static final List<DialectFactory> FACTORIES = load();

    private Dialects() {
    }

    /**
     * The dialect of the highest-priority factory accepting the URL ({@code jdbc:postgresql:} → PostgreSQL,
     * {@code jdbc:mariadb:} and {@code jdbc:mysql:} → MariaDB, {@code jdbc:sqlite:} → SQLite); any other
     * {@code jdbc:} URL gets the generic {@code DatabaseMetaData} path.
     */
    public static Dialect forUrl(String jdbcUrl, Duration statementTimeout) {
        String lower = jdbcUrl.strip().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:") || lower.length() < 6) {
            throw TacitException.config("'" + JdbcUrls.redact(jdbcUrl) + "' is not a JDBC URL",
                    "write it as jdbc:<database>:..., starting with one of " + String.join(", ", urlPrefixes())
                            + " or another JDBC driver's prefix");
        }
        DialectFactory factory = factoryFor(lower).orElseThrow(() -> TacitException.internal(
                "no dialect accepts '" + JdbcUrls.redact(jdbcUrl) + "': the generic dialect is missing from"
                        + " META-INF/services/" + DialectFactory.class.getName(), null));
        return factory.create(jdbcUrl, statementTimeout);
    }

    /** The factories found, highest priority first (ties by class name, so the choice never depends on the class path order). */
    public static List<DialectFactory> factories() {
        return FACTORIES;
    }

    /** The URL prefixes of every dialect with its own factory, sorted ({@code jdbc:mariadb:, jdbc:mysql:, ...}). */
    public static List<String> urlPrefixes() {
        return FACTORIES.stream().flatMap(factory -> factory.urlPrefixes().stream()).sorted().toList();
    }

    /** The default port of the URL's database, when its dialect knows one. */
    public static OptionalInt defaultPort(String jdbcUrl) {
        return factoryFor(jdbcUrl.strip().toLowerCase(Locale.ROOT))
                .map(DialectFactory::defaultPort)
                .orElse(OptionalInt.empty());
    }

    private static Optional<DialectFactory> factoryFor(String lowerUrl) {
        return FACTORIES.stream().filter(factory -> factory.accepts(lowerUrl)).findFirst();
    }

    private static List<DialectFactory> load() {
        List<DialectFactory> found = new ArrayList<>();
        ServiceLoader.load(DialectFactory.class, Dialects.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparingInt(DialectFactory::priority).reversed()
                .thenComparing(factory -> factory.getClass().getName()));
        return List.copyOf(found);
    }
}
