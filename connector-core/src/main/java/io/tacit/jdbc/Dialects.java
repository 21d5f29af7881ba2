package io.tacit.jdbc;

import io.tacit.dialect.generic.GenericDialect;
import io.tacit.dialect.mariadb.MariaDbDialect;
import io.tacit.dialect.postgres.PostgresDialect;
import io.tacit.dialect.sqlite.SqliteDialect;
import io.tacit.error.TacitException;
import java.time.Duration;
import java.util.Locale;

/** Picks the dialect for a JDBC URL. */
public final class Dialects {
    private Dialects() {
    }

    /**
     * {@code jdbc:postgresql:} → PostgreSQL, {@code jdbc:mariadb:} and {@code jdbc:mysql:} → MariaDB,
     * {@code jdbc:sqlite:} → SQLite, any other {@code jdbc:} URL → the generic {@code DatabaseMetaData} path.
     */
    public static Dialect forUrl(String jdbcUrl, Duration statementTimeout) {
        String lower = jdbcUrl.strip().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:") || lower.length() < 6) {
            throw TacitException.config("'" + JdbcUrls.redact(jdbcUrl) + "' is not a JDBC URL",
                    "write it as jdbc:<database>:..., e.g. jdbc:postgresql://127.0.0.1:5432/shop");
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect(statementTimeout);
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return new MariaDbDialect(statementTimeout);
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect(statementTimeout);
        }
        return new GenericDialect(productName(lower), "\"", statementTimeout);
    }

    /** {@code jdbc:h2:mem:x} → {@code h2}. */
    private static String productName(String lowerUrl) {
        int end = lowerUrl.indexOf(':', 5);
        if (end < 0) {
            end = lowerUrl.length();
        }
        String product = lowerUrl.substring(5, end);
        if (product.isEmpty() || !product.chars().allMatch(Character::isLetterOrDigit)) {
            return "generic";
        }
        return product;
    }
}
