package io.tacit.jdbc;

import io.tacit.jdbc.stats.BulkScan;
import io.tacit.jdbc.stats.EngineStatistics;
import io.tacit.model.ColumnSet;
import io.tacit.model.SchemaFilter;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
     * Cancels what runs on the session, from another thread (tacit is stopping): each statement still open on
     * it is asked to cancel. Dialects whose driver can cancel the session's current command directly (a COPY
     * runs without a statement) override it.
     */
    default void cancelRunning(Connection connection, List<Statement> open) {
        for (Statement statement : open) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // already closed or finished: nothing left to cancel
            }
        }
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

    /**
     * The schemas read when the user names none, out of {@code available} ({@link #schemas}): all of them by
     * default. A dialect whose URL names a scope narrower than what the session can see overrides it.
     */
    default List<String> defaultSchemas(Connection connection, List<String> available) throws SQLException {
        return available;
    }

    /** Reads tables, columns, keys and declared foreign keys of the given schemas with a few catalog queries. */
    default SchemaContents readSchema(Connection connection, List<String> schemas, SchemaFilter filter,
            ProgressListener progress) throws SQLException {
        throw new UnsupportedOperationException(name() + " cannot read schemas");
    }

    // Statistics and containment: what the generic profiler, engine reader and probe ask of the database.

    /** What the database already keeps about its data (level {@code engine}); none by default. */
    default EngineStatistics engineStatistics() {
        return EngineStatistics.NONE;
    }

    /** A faster way than a result set to read a profiling query on this connection (PostgreSQL COPY), if any. */
    default Optional<BulkScan> bulkScan(Connection connection) {
        return Optional.empty();
    }

    /**
     * Whether profiling reads each table in its own read-only transaction, rolled back after the table: for
     * drivers that stream a result only inside a transaction, and so that a table's lock is let go of as soon as
     * it is read. Otherwise the session stays in autocommit.
     */
    default boolean readsEachTableInTransaction() {
        return false;
    }

    /** Whether {@code SELECT ... LIMIT n} works; otherwise the sample is cut by {@link java.sql.Statement#setMaxRows}. */
    default boolean supportsLimit() {
        return false;
    }

    /** Whether a share of a table's blocks can be sampled ({@link #blockSampleClause}). */
    default boolean samplesBlocks() {
        return false;
    }

    /** The clause after the table that samples {@code percent} of its blocks, the same blocks on every run. */
    default String blockSampleClause(double percent) {
        throw new UnsupportedOperationException(name() + " does not sample blocks");
    }

    /** An SQL expression of {@code expression} as text, to compare values of types the database will not compare. */
    default String castToText(String expression) {
        return "CAST(" + expression + " AS VARCHAR(4000))";
    }

    /** Whether the driver returns integer columns as integers ({@code getLong}), never as text stored in them. */
    default boolean readsTypedIntegers() {
        return false;
    }

    /** Whether the driver's {@code getBytes} of a text column is the text's UTF-8 bytes (PgJDBC). */
    default boolean readsTextAsUtf8Bytes() {
        return false;
    }

    /** Whether the statement was cancelled by the statement timeout. */
    default boolean isStatementTimeout(SQLException e) {
        return e instanceof SQLTimeoutException
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("statement timeout");
    }

    /** Whether the statement waited longer than the session's lock timeout for a lock another session holds. */
    default boolean isLockTimeout(SQLException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("lock timeout");
    }

    /** Whether the server ended the session (an administrator, a restart). */
    default boolean isSessionTerminated(SQLException e) {
        return false;
    }

    /** Whether the two sides of a comparison have types the database will not compare as they are. */
    default boolean isTypeMismatch(SQLException e) {
        return false;
    }

    // Migrations tacit writes for people to review (tacit gap --migration); tacit never runs them.

    /** Longest identifier (a constraint name) the database keeps whole, in UTF-8 bytes. */
    default int maxIdentifierBytes() {
        return 64;
    }

    /**
     * Whether a foreign key can be added without checking the rows already there (PostgreSQL's {@code NOT VALID}),
     * so that a migration adding it takes only a brief lock and the check of existing rows is a later, separate step.
     */
    default boolean addsUncheckedForeignKeys() {
        return false;
    }
}
