package io.tacit.jdbc;

import io.tacit.model.SchemaFilter;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * What differs between databases. The generic JDBC path implements the invariant algorithms; each dialect
 * overrides what it can do faster or more exactly (template method, as Trino's BaseJdbcClient). One instance
 * serves one session: it knows the session's statement timeout. The real dialects extend {@link BaseDialect};
 * the defaults here only keep small test fakes short.
 */
public interface Dialect {
    /** A short stable name: {@code postgresql}, {@code mariadb}, {@code sqlite}, {@code h2}, {@code generic}. */
    String name();

    /** Quotes one identifier so that any name, including {@code a"; drop table x; --}, is read literally. */
    String quoteIdentifier(String identifier);

    /** Quotes a schema-qualified table name. */
    default String quote(TableName table) {
        return quoteIdentifier(table.schema()) + "." + quoteIdentifier(table.table());
    }

    /** Whether this is the generic {@code DatabaseMetaData} path (no fast catalog queries, read-only unverifiable). */
    default boolean isGeneric() {
        return false;
    }

    /** Every statement of the session is cancelled after this long. */
    default Duration statementTimeout() {
        return ConnectionSettings.DEFAULT_STATEMENT_TIMEOUT;
    }

    /**
     * Prepares a statement that runs under the session's statement timeout. Use it for every statement run on
     * the source connection: some drivers only honour a per-statement timeout.
     */
    default PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout((int) Math.max(1, statementTimeout().toSeconds()));
        return statement;
    }

    /** The text of one SQL resource of this dialect ({@code io/tacit/dialect/<name>/<file>}). */
    default String sql(String file) {
        throw new UnsupportedOperationException(name() + " keeps no SQL resources");
    }

    /** Maps a column type as the catalog spells it to a type family. */
    default TypeFamily typeFamily(String nativeType, int jdbcType) {
        return BaseDialect.familyOf(jdbcType);
    }

    /** The URL handed to the driver (a dialect may add options it needs). */
    default String connectionUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /**
     * The dialect to use once connected, given what the driver reports (the generic dialect takes the driver's
     * identifier quote); most dialects know all they need from the URL.
     */
    default Dialect withDriverMetadata(DatabaseMetaData metadata) throws SQLException {
        return this;
    }

    /** Checks what can be checked before connecting (a SQLite file exists); throws a {@link io.tacit.error.TacitException}. */
    default void beforeConnect(ConnectionSettings settings) {
    }

    /** Driver properties for opening the connection (user, password and read-only options). */
    default Properties connectionProperties(ConnectionSettings settings) {
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        return properties;
    }

    /**
     * Makes the session read-only with the statement timeout and checks that the database agrees.
     *
     * @return whether the database confirmed the session is read-only
     */
    default boolean startReadOnlySession(Connection connection) throws SQLException {
        connection.setReadOnly(true);
        return false;
    }

    /** The schemas this user can see, system schemas excluded, sorted. */
    default List<String> schemas(Connection connection) throws SQLException {
        throw new UnsupportedOperationException(name() + " cannot list schemas");
    }

    /** Reads tables, columns, keys and declared foreign keys of the given schemas with a few catalog queries. */
    default SchemaContents readSchema(Connection connection, List<String> schemas, SchemaFilter filter,
            ProgressListener progress) throws SQLException {
        throw new UnsupportedOperationException(name() + " cannot read schemas");
    }
}
