package io.tacit.jdbc;

import static java.util.Objects.requireNonNull;

import io.tacit.model.TypeFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invariant parts of every dialect: identifier quoting, SQL resources, type families from JDBC type codes,
 * connection properties and small query helpers. Dialects override what their database does differently.
 */
public abstract class BaseDialect implements Dialect {
    private static final Map<String, String> SQL_CACHE = new ConcurrentHashMap<>();
    private static final Duration MIN_LOCK_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MAX_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final String quote;
    private final Duration statementTimeout;

    /**
     * @param quote the identifier quote character(s); a quote inside a name is written twice
     */
    protected BaseDialect(String name, String quote, Duration statementTimeout) {
        this.name = requireNonNull(name, "name is null");
        this.quote = requireNonNull(quote, "quote is null");
        this.statementTimeout = requireNonNull(statementTimeout, "statementTimeout is null");
        if (quote.isEmpty()) {
            throw new IllegalArgumentException("quote is empty");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /**
     * How long a statement waits for a lock another session holds: a quarter of the statement timeout, between
     * 1 and 5 seconds. A table locked by a migration is then skipped in seconds, not after a whole statement
     * timeout per statement, and tacit never queues long behind (and in front of) other sessions' locks.
     */
    public Duration lockTimeout() {
        Duration quarter = statementTimeout.dividedBy(4);
        if (quarter.compareTo(MAX_LOCK_TIMEOUT) > 0) {
            return MAX_LOCK_TIMEOUT;
        }
        if (quarter.compareTo(MIN_LOCK_TIMEOUT) < 0) {
            return MIN_LOCK_TIMEOUT;
        }
        return quarter;
    }

    /** The statement timeout in whole seconds, at least 1 (JDBC's unit). */
    protected int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, statementTimeout.toSeconds()));
    }

    /** {@code LIMIT n}: every dialect with its own package speaks it. */
    @Override
    public boolean supportsLimit() {
        return true;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        requireNonNull(identifier, "identifier is null");
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL character");
        }
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** The folder under {@code io/tacit/dialect/} holding this dialect's SQL files. */
    protected String resourceFolder() {
        return name;
    }

    @Override
    public String sql(String file) {
        String path = "/io/tacit/dialect/" + resourceFolder() + "/" + file;
        return SQL_CACHE.computeIfAbsent(path, BaseDialect::loadResource);
    }

    private static String loadResource(String path) {
        try (InputStream in = BaseDialect.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + path, e);
        }
    }

    /** {@code ?, ?, ?} with one placeholder per value, for {@code IN (...)} lists. */
    protected static String placeholders(int count) {
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }

    @Override
    public Properties connectionProperties(ConnectionSettings settings) {
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        return properties;
    }

    /** Sets a driver property unless the URL names it: what the user wrote in the URL wins. */
    protected static void setUnlessInUrl(Properties properties, String jdbcUrl, String key, String value) {
        int query = jdbcUrl.indexOf('?');
        if (query >= 0) {
            for (String parameter : jdbcUrl.substring(query + 1).split("[&;]")) {
                String name = parameter.split("=", 2)[0].strip();
                if (name.equalsIgnoreCase(key)) {
                    return;
                }
            }
        }
        properties.setProperty(key, value);
    }

    /** A duration in whole seconds, rounded up, at least 1 (the unit of most drivers' timeouts). */
    protected static long ceilSeconds(Duration duration) {
        long seconds = duration.toSeconds();
        if (duration.toNanosPart() > 0) {
            seconds++;
        }
        return Math.max(1, seconds);
    }

    @Override
    public TypeFamily typeFamily(String nativeType, int jdbcType) {
        String lower = nativeType.toLowerCase(Locale.ROOT);
        if (lower.contains("uuid") || lower.equals("uniqueidentifier")) {
            return TypeFamily.UUID;
        }
        if (lower.startsWith("json")) {
            return TypeFamily.JSON;
        }
        if (jdbcType == Types.ARRAY || lower.endsWith("[]") || lower.endsWith(" array")) {
            return TypeFamily.ARRAY;
        }
        return familyOf(jdbcType);
    }

    /** The family of a {@link Types} code alone. */
    public static TypeFamily familyOf(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> TypeFamily.INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> TypeFamily.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> TypeFamily.FLOAT;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> TypeFamily.STRING;
            case Types.BIT, Types.BOOLEAN -> TypeFamily.BOOLEAN;
            case Types.DATE -> TypeFamily.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TypeFamily.TIME;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TypeFamily.TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> TypeFamily.BINARY;
            case Types.ARRAY -> TypeFamily.ARRAY;
            default -> TypeFamily.OTHER;
        };
    }

    /**
     * Runs one session setting. No JDBC query timeout here: the MariaDB driver implements it as
     * {@code SET STATEMENT max_statement_time=... FOR}, which would undo a {@code SET SESSION} as soon as it ran.
     */
    protected void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row of a query, if any. */
    protected Optional<String> queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds());
            try (ResultSet rows = statement.executeQuery(sql)) {
                if (rows.next()) {
                    return Optional.ofNullable(rows.getString(1));
                }
                return Optional.empty();
            }
        }
    }

    /** A nullable text column as Optional, blank text counting as absent. */
    protected static Optional<String> text(ResultSet rows, String column) throws SQLException {
        String value = rows.getString(column);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Lists schemas with the dialect's {@code schemas.sql}; dialects without catalog queries override it. */
    @Override
    public List<String> schemas(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql("schemas.sql"));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        return sorted(schemas);
    }

    protected static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return List.copyOf(copy);
    }
}
