package io.tacit.dialect.generic;

import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.DialectFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The fallback: any JDBC URL no other factory accepts is read through {@code DatabaseMetaData}. The dialect is
 * named after the URL's subprotocol ({@code jdbc:h2:mem:x} → {@code h2}).
 */
public final class GenericDialectFactory implements DialectFactory {
    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:");
    }

    @Override
    public int priority() {
        return FALLBACK_PRIORITY;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of();
    }

    @Override
    public Dialect create(String jdbcUrl, Duration statementTimeout) {
        return new GenericDialect(productName(jdbcUrl.strip().toLowerCase(Locale.ROOT)), "\"", statementTimeout);
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
