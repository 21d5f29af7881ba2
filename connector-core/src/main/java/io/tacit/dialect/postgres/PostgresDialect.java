package io.tacit.dialect.postgres;

import io.tacit.jdbc.BaseDialect;
import io.tacit.jdbc.SchemaAssembler;
import io.tacit.jdbc.SchemaContents;
import io.tacit.jdbc.stats.BulkScan;
import io.tacit.jdbc.stats.EngineStatistics;
import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import io.tacit.jdbc.ConnectionSettings;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.OptionalLong;

/** PostgreSQL: the whole schema from four pg_catalog queries, read-only sessions checked with {@code SHOW}. */
public class PostgresDialect extends BaseDialect {
    /** pg_catalog type names → the {@link Types} code pgjdbc reports for them. */
    private static final Map<String, Integer> JDBC_TYPES = Map.ofEntries(
            Map.entry("int2", Types.SMALLINT),
            Map.entry("int4", Types.INTEGER),
            Map.entry("int8", Types.BIGINT),
            Map.entry("oid", Types.BIGINT),
            Map.entry("numeric", Types.NUMERIC),
            Map.entry("money", Types.DOUBLE),
            Map.entry("float4", Types.REAL),
            Map.entry("float8", Types.DOUBLE),
            Map.entry("bool", Types.BIT),
            Map.entry("bit", Types.BIT),
            Map.entry("varchar", Types.VARCHAR),
            Map.entry("text", Types.VARCHAR),
            Map.entry("citext", Types.VARCHAR),
            Map.entry("name", Types.VARCHAR),
            Map.entry("bpchar", Types.CHAR),
            Map.entry("char", Types.CHAR),
            Map.entry("date", Types.DATE),
            Map.entry("time", Types.TIME),
            Map.entry("timetz", Types.TIME),
            Map.entry("timestamp", Types.TIMESTAMP),
            Map.entry("timestamptz", Types.TIMESTAMP),
            Map.entry("bytea", Types.BINARY),
            Map.entry("xml", Types.SQLXML));

    public PostgresDialect(Duration statementTimeout) {
        super("postgresql", "\"", statementTimeout);
    }

    @Override
    protected String resourceFolder() {
        return "postgres";
    }

    /**
     * Names the session ({@code application_name}, seen in pg_stat_activity) and bounds every wait: the TCP
     * connect, the login (half a second longer, so that a host that never accepts is told apart from a server
     * that accepts and stays silent), and any read (past the statement timeout, so the server's timeout ends a
     * long statement first). Keep-alive notices a peer that vanished. Options in the URL win.
     */
    @Override
    public Properties connectionProperties(ConnectionSettings settings) {
        Properties properties = super.connectionProperties(settings);
        String url = settings.jdbcUrl();
        setUnlessInUrl(properties, url, "ApplicationName", settings.applicationName());
        setUnlessInUrl(properties, url, "connectTimeout", String.valueOf(ceilSeconds(settings.connectTimeout())));
        setUnlessInUrl(properties, url, "loginTimeout",
                BigDecimal.valueOf(settings.connectTimeout().toMillis() + 500, 3).toPlainString());
        setUnlessInUrl(properties, url, "socketTimeout", String.valueOf(ceilSeconds(settings.socketTimeout())));
        setUnlessInUrl(properties, url, "tcpKeepAlive", "true");
        return properties;
    }

    /**
     * PgJDBC's own cancel request ({@code BaseConnection.cancelQuery}, reached by reflection: the driver is not a
     * compile-time dependency) stops whatever the session runs, a COPY included; the statements are asked too
     * should the driver not offer it.
     */
    @Override
    public void cancelRunning(Connection connection, List<Statement> open) {
        try {
            Class<?> baseConnection = Class.forName("org.postgresql.core.BaseConnection", false,
                    connection.getClass().getClassLoader());
            Object session = connection.unwrap(baseConnection);
            baseConnection.getMethod("cancelQuery").invoke(session);
            return;
        } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
            // not PgJDBC, or the session is gone: fall back to the statements
        }
        super.cancelRunning(connection, open);
    }

    @Override
    public boolean startReadOnlySession(Connection connection) throws SQLException {
        execute(connection, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        execute(connection, "SET statement_timeout = " + Math.max(1, statementTimeout().toMillis()));
        execute(connection, "SET lock_timeout = " + lockTimeout().toMillis());
        return queryString(connection, "SHOW transaction_read_only").map("on"::equalsIgnoreCase).orElse(false);
    }

    @Override
    public SchemaContents readSchema(Connection connection, List<String> schemas, SchemaFilter filter, ProgressListener progress)
            throws SQLException {
        SchemaAssembler assembler = new SchemaAssembler(filter);
        Array schemaArray = connection.createArrayOf("text", schemas.toArray());
        readTables(connection, schemaArray, assembler);
        progress.advanced(1);
        readColumns(connection, schemaArray, assembler);
        progress.advanced(1);
        readKeys(connection, schemaArray, assembler);
        progress.advanced(1);
        readForeignKeys(connection, schemaArray, assembler);
        progress.advanced(1);
        return assembler.build();
    }

    /** The catalog queries, in the order {@link #readSchema} runs them (the benchmark times them alone). */
    public List<String> catalogQueries() {
        return List.of(sql("tables.sql"), sql("columns.sql"), sql("keys.sql"), sql("foreign_keys.sql"));
    }

    private void readTables(Connection connection, Array schemas, SchemaAssembler assembler) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql("tables.sql"))) {
            statement.setArray(1, schemas);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TableName name = TableName.of(rows.getString("schema_name"), rows.getString("table_name"));
                    TableKind kind = tableKind(rows.getString("kind"));
                    double reltuples = rows.getDouble("reltuples");
                    // -1: never analyzed (PostgreSQL 14+); views and partitioned parents hold no rows of their own
                    OptionalLong estimate = OptionalLong.empty();
                    if (!rows.wasNull() && reltuples >= 0 && (kind == TableKind.TABLE || kind == TableKind.MATERIALIZED_VIEW)) {
                        estimate = OptionalLong.of(Math.round(reltuples));
                    }
                    Optional<TableName> parent = Optional.empty();
                    String parentTable = rows.getString("parent_table");
                    if (parentTable != null) {
                        parent = Optional.of(TableName.of(rows.getString("parent_schema"), parentTable));
                    }
                    assembler.table(name, kind, text(rows, "comment"), estimate, parent);
                }
            }
        }
    }

    private static TableKind tableKind(String relkind) {
        return switch (relkind) {
            case "v" -> TableKind.VIEW;
            case "m" -> TableKind.MATERIALIZED_VIEW;
            case "p" -> TableKind.PARTITIONED_TABLE;
            case "f" -> TableKind.FOREIGN_TABLE;
            default -> TableKind.TABLE;
        };
    }

    private void readColumns(Connection connection, Array schemas, SchemaAssembler assembler) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql("columns.sql"))) {
            statement.setArray(1, schemas);
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TableName table = TableName.of(rows.getString("schema_name"), rows.getString("table_name"));
                    String typeName = rows.getString("type_name");
                    String category = rows.getString("type_category");
                    String nativeType = rows.getString("native_type");
                    int jdbcType = jdbcType(typeName, category);
                    DataType type = new DataType(nativeType, jdbcType, family(nativeType, typeName, category, jdbcType),
                            size(typeName, rows.getInt("type_modifier")));
                    assembler.column(table, new Column(
                            rows.getString("column_name"),
                            rows.getInt("position"),
                            type,
                            !rows.getBoolean("not_null"),
                            text(rows, "default_value"),
                            text(rows, "comment")));
                }
            }
        }
    }

    private static int jdbcType(String typeName, String category) {
        if ("A".equals(category)) {
            return Types.ARRAY;
        }
        if ("E".equals(category)) {
            return Types.VARCHAR;
        }
        return JDBC_TYPES.getOrDefault(typeName, Types.OTHER);
    }

    private TypeFamily family(String nativeType, String typeName, String category, int jdbcType) {
        if ("A".equals(category)) {
            return TypeFamily.ARRAY;
        }
        if ("E".equals(category)) {
            return TypeFamily.STRING;
        }
        return typeFamily(typeName, jdbcType);
    }

    private static int size(String typeName, int typeModifier) {
        if (typeModifier < 0) {
            return 0;
        }
        return switch (typeName) {
            case "varchar", "bpchar" -> Math.max(0, typeModifier - 4);
            case "numeric" -> ((typeModifier - 4) >> 16) & 0xFFFF;
            case "bit", "varbit" -> typeModifier;
            default -> 0;
        };
    }

    private void readKeys(Connection connection, Array schemas, SchemaAssembler assembler) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql("keys.sql"))) {
            statement.setArray(1, schemas);
            statement.setArray(2, schemas);
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    KeyKind kind = switch (rows.getString("key_type")) {
                        case "p" -> KeyKind.PRIMARY;
                        case "u" -> KeyKind.UNIQUE;
                        default -> KeyKind.UNIQUE_INDEX;
                    };
                    assembler.keyColumn(
                            TableName.of(rows.getString("schema_name"), rows.getString("table_name")),
                            kind,
                            rows.getString("key_name"),
                            rows.getInt("ordinal"),
                            rows.getString("column_name"));
                }
            }
        }
    }

    private void readForeignKeys(Connection connection, Array schemas, SchemaAssembler assembler) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql("foreign_keys.sql"))) {
            statement.setArray(1, schemas);
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    assembler.foreignKeyColumn(
                            TableName.of(rows.getString("schema_name"), rows.getString("table_name")),
                            rows.getString("key_name"),
                            rows.getInt("ordinal"),
                            rows.getString("column_name"),
                            TableName.of(rows.getString("referenced_schema"), rows.getString("referenced_table")),
                            rows.getString("referenced_column"));
                }
            }
        }
    }

    @Override
    public EngineStatistics engineStatistics() {
        return new PostgresEngineStatistics();
    }

    /** COPY TO STDOUT through PgJDBC, when the connection is PgJDBC's. */
    @Override
    public Optional<BulkScan> bulkScan(Connection connection) {
        return PostgresCopy.of(connection).map(BulkScan.class::cast);
    }

    /** PgJDBC streams a result with a fetch size only inside a transaction. */
    @Override
    public boolean readsEachTableInTransaction() {
        return true;
    }

    @Override
    public boolean samplesBlocks() {
        return true;
    }

    /** REPEATABLE: the same table gives the same sample on every run, and a larger share keeps these blocks. */
    @Override
    public String blockSampleClause(double percent) {
        return String.format(Locale.ROOT, "TABLESAMPLE SYSTEM (%.6f) REPEATABLE (0)", percent);
    }

    @Override
    public String castToText(String expression) {
        return "CAST(" + expression + " AS TEXT)";
    }

    @Override
    public boolean readsTypedIntegers() {
        return true;
    }

    @Override
    public boolean readsTextAsUtf8Bytes() {
        return true;
    }

    /** 57014 query_canceled. */
    @Override
    public boolean isStatementTimeout(SQLException e) {
        return "57014".equals(e.getSQLState()) || super.isStatementTimeout(e);
    }

    /** 55P03 lock_not_available (lock_timeout). */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState()) || super.isLockTimeout(e);
    }

    /** 57P01 admin_shutdown (also pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now. */
    @Override
    public boolean isSessionTerminated(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("57P0");
    }

    /** 42883 no such operator, 42804 datatype mismatch, 22P02 a text that is no value of the other type. */
    @Override
    public boolean isTypeMismatch(SQLException e) {
        String state = e.getSQLState();
        return "42883".equals(state) || "42804".equals(state) || "22P02".equals(state);
    }

    @Override
    public int maxIdentifierBytes() {
        // NAMEDATALEN - 1: a longer name is silently truncated, and two truncations may collide
        return 63;
    }

    /** NOT VALID: new rows are checked at once, existing ones only by a later VALIDATE CONSTRAINT. */
    @Override
    public boolean addsUncheckedForeignKeys() {
        return true;
    }
}
