package io.tacit.dialect.mariadb;

import io.tacit.jdbc.BaseDialect;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.SchemaAssembler;
import io.tacit.jdbc.SchemaContents;
import io.tacit.jdbc.stats.EngineStatistics;
import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.KeyKind;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaFilter;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.run.ToolVersion;
import io.tacit.spi.ProgressListener;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * MariaDB and MySQL: the whole schema from four information_schema queries over the selected databases.
 * MariaDB reports every unique index as a UNIQUE constraint, so unique indexes are read as {@link KeyKind#UNIQUE}.
 */
public class MariaDbDialect extends BaseDialect {
    private static final Map<String, Integer> JDBC_TYPES = Map.ofEntries(
            Map.entry("tinyint", Types.TINYINT),
            Map.entry("smallint", Types.SMALLINT),
            Map.entry("mediumint", Types.INTEGER),
            Map.entry("int", Types.INTEGER),
            Map.entry("integer", Types.INTEGER),
            Map.entry("bigint", Types.BIGINT),
            Map.entry("decimal", Types.DECIMAL),
            Map.entry("float", Types.REAL),
            Map.entry("double", Types.DOUBLE),
            Map.entry("bit", Types.BIT),
            Map.entry("boolean", Types.BOOLEAN),
            Map.entry("char", Types.CHAR),
            Map.entry("varchar", Types.VARCHAR),
            Map.entry("tinytext", Types.VARCHAR),
            Map.entry("text", Types.LONGVARCHAR),
            Map.entry("mediumtext", Types.LONGVARCHAR),
            Map.entry("longtext", Types.LONGVARCHAR),
            Map.entry("enum", Types.VARCHAR),
            Map.entry("set", Types.VARCHAR),
            Map.entry("date", Types.DATE),
            Map.entry("datetime", Types.TIMESTAMP),
            Map.entry("timestamp", Types.TIMESTAMP),
            Map.entry("time", Types.TIME),
            Map.entry("year", Types.SMALLINT),
            Map.entry("binary", Types.BINARY),
            Map.entry("varbinary", Types.VARBINARY),
            Map.entry("tinyblob", Types.VARBINARY),
            Map.entry("blob", Types.LONGVARBINARY),
            Map.entry("mediumblob", Types.LONGVARBINARY),
            Map.entry("longblob", Types.LONGVARBINARY));

    public MariaDbDialect(Duration statementTimeout) {
        super("mariadb", "`", statementTimeout);
    }

    /** The MariaDB driver only answers {@code jdbc:mysql:} URLs that allow it to. */
    @Override
    public String connectionUrl(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:mysql:", 0, 11)) {
            return jdbcUrl;
        }
        try {
            DriverManager.getDriver(jdbcUrl);
            return jdbcUrl;
        } catch (SQLException noMySqlDriver) {
            String separator = "?";
            if (jdbcUrl.contains("?")) {
                separator = "&";
            }
            return jdbcUrl + separator + "permitMysqlScheme";
        }
    }

    /**
     * Names the session (connection attributes, seen in performance_schema.session_connect_attrs) and bounds every
     * wait: connect and handshake, and any read (past the statement timeout, so the server's timeout ends a long
     * statement first). Options in the URL win.
     */
    @Override
    public Properties connectionProperties(ConnectionSettings settings) {
        Properties properties = super.connectionProperties(settings);
        String url = settings.jdbcUrl();
        String version = attribute(settings.run().map(RunContext::toolVersion).orElse(ToolVersion.current()));
        String attributes = "program_name:tacit,tacit_version:" + version
                + settings.run().map(run -> ",run_id:" + attribute(run.runId().value())).orElse("");
        setUnlessInUrl(properties, url, "connectionAttributes", attributes);
        setUnlessInUrl(properties, url, "connectTimeout", String.valueOf(settings.connectTimeout().toMillis()));
        setUnlessInUrl(properties, url, "socketTimeout", String.valueOf(settings.socketTimeout().toMillis()));
        setUnlessInUrl(properties, url, "tcpKeepAlive", "true");
        return properties;
    }

    /** A value of the driver's {@code key:value,key:value} attribute list holds neither separator. */
    private static String attribute(String value) {
        return value.replaceAll("[,:]", "_");
    }

    @Override
    public boolean startReadOnlySession(Connection connection) throws SQLException {
        execute(connection, "SET SESSION TRANSACTION READ ONLY");
        try {
            execute(connection, "SET SESSION max_statement_time = " + BigDecimal.valueOf(statementTimeout().toMillis(), 3).toPlainString());
        } catch (SQLException notMariaDb) {
            // MySQL names it differently and counts milliseconds (and only for SELECT)
            execute(connection, "SET SESSION max_execution_time = " + statementTimeout().toMillis());
        }
        // whole seconds: the wait for a table's metadata lock (a running ALTER, LOCK TABLES) and for row locks
        long lockSeconds = Math.max(1, lockTimeout().toSeconds());
        execute(connection, "SET SESSION lock_wait_timeout = " + lockSeconds);
        execute(connection, "SET SESSION innodb_lock_wait_timeout = " + lockSeconds);
        Optional<String> readOnly;
        try {
            readOnly = queryString(connection, "SELECT @@SESSION.tx_read_only");
        } catch (SQLException removedInMySql8) {
            readOnly = queryString(connection, "SELECT @@SESSION.transaction_read_only");
        }
        return readOnly.map(value -> value.equals("1")).orElse(false);
    }

    /**
     * The database the URL names, as the database is the scope on PostgreSQL: a server holds unrelated
     * databases, and reading them together proposes edges between them. When the URL names none, or names a
     * system database ({@code mysql}, which is not read), every database the user can see.
     */
    @Override
    public List<String> defaultSchemas(Connection connection, List<String> available) throws SQLException {
        Optional<String> database = queryString(connection, sql("url_database.sql"));
        if (database.isPresent() && available.contains(database.get())) {
            return List.of(database.get());
        }
        return available;
    }

    @Override
    public SchemaContents readSchema(Connection connection, List<String> schemas, SchemaFilter filter, ProgressListener progress)
            throws SQLException {
        SchemaAssembler assembler = new SchemaAssembler(filter);
        try (ResultSet rows = query(connection, "tables.sql", schemas)) {
            while (rows.next()) {
                Optional<TableKind> kind = tableKind(rows.getString("table_type"));
                if (kind.isEmpty()) {
                    continue;
                }
                TableName name = TableName.of(rows.getString("schema_name"), rows.getString("table_name"));
                long tableRows = rows.getLong("table_rows");
                OptionalLong estimate = OptionalLong.empty();
                if (!rows.wasNull() && kind.get() == TableKind.TABLE) {
                    estimate = OptionalLong.of(tableRows);
                }
                Optional<String> comment = text(rows, "table_comment");
                if (kind.get() == TableKind.VIEW) {
                    // MariaDB puts the word VIEW where a view's comment would be
                    comment = Optional.empty();
                }
                assembler.table(name, kind.get(), comment, estimate, Optional.empty());
            }
        }
        progress.advanced(1);
        try (ResultSet rows = query(connection, "columns.sql", schemas)) {
            while (rows.next()) {
                assembler.column(TableName.of(rows.getString("schema_name"), rows.getString("table_name")), column(rows));
            }
        }
        progress.advanced(1);
        try (ResultSet rows = query(connection, "keys.sql", schemas)) {
            while (rows.next()) {
                String keyName = rows.getString("key_name");
                KeyKind kind = KeyKind.UNIQUE;
                if (keyName.equals("PRIMARY")) {
                    kind = KeyKind.PRIMARY;
                }
                String column = rows.getString("column_name");
                rows.getInt("sub_part");
                if (!rows.wasNull()) {
                    // a prefix index: the key is not unique on the whole column, the assembler drops it
                    column = null;
                }
                assembler.keyColumn(TableName.of(rows.getString("schema_name"), rows.getString("table_name")),
                        kind, keyName, rows.getInt("ordinal"), column);
            }
        }
        progress.advanced(1);
        try (ResultSet rows = query(connection, "foreign_keys.sql", schemas)) {
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
        progress.advanced(1);
        return assembler.build();
    }

    /** Runs one SQL resource with its {@code {schemas}} list bound; closing the result set closes the statement. */
    private ResultSet query(Connection connection, String file, List<String> schemas) throws SQLException {
        String sql = sql(file).replace("{schemas}", placeholders(schemas.size()));
        PreparedStatement statement = prepare(connection, sql);
        try {
            for (int i = 0; i < schemas.size(); i++) {
                statement.setString(i + 1, schemas.get(i));
            }
            statement.closeOnCompletion();
            return statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private Column column(ResultSet rows) throws SQLException {
        String dataType = rows.getString("data_type").toLowerCase(Locale.ROOT);
        String columnType = rows.getString("column_type");
        int jdbcType = JDBC_TYPES.getOrDefault(dataType, Types.OTHER);
        if (columnType.toLowerCase(Locale.ROOT).startsWith("tinyint(1)")) {
            // the MariaDB and MySQL drivers read tinyint(1) as a boolean
            jdbcType = Types.BIT;
        }
        long size = rows.getLong("character_length");
        if (rows.wasNull()) {
            size = rows.getLong("numeric_precision");
        }
        int boundedSize = (int) Math.max(0, Math.min(Integer.MAX_VALUE, size));
        return new Column(
                rows.getString("column_name"),
                rows.getInt("position"),
                new DataType(columnType, jdbcType, typeFamily(dataType, jdbcType), boundedSize),
                "YES".equalsIgnoreCase(rows.getString("is_nullable")),
                defaultValue(rows.getString("default_value"), rows.getString("extra")),
                text(rows, "column_comment"));
    }

    /** MariaDB 10.2.7+ writes a NULL default as the bare word NULL and quotes string literals. */
    private static Optional<String> defaultValue(String value, String extra) {
        if (extra != null && extra.toLowerCase(Locale.ROOT).contains("auto_increment")) {
            return Optional.of("auto_increment");
        }
        if (value == null || value.equalsIgnoreCase("NULL")) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static Optional<TableKind> tableKind(String type) {
        return switch (type) {
            case "BASE TABLE", "SYSTEM VERSIONED" -> Optional.of(TableKind.TABLE);
            case "VIEW" -> Optional.of(TableKind.VIEW);
            default -> Optional.empty();
        };
    }

    @Override
    public EngineStatistics engineStatistics() {
        return new MariaDbEngineStatistics();
    }

    @Override
    public String castToText(String expression) {
        return "CAST(" + expression + " AS CHAR)";
    }

    @Override
    public boolean readsTypedIntegers() {
        return true;
    }

    /** SQLState 70100 or error 1969 (max_statement_time exceeded). */
    @Override
    public boolean isStatementTimeout(SQLException e) {
        return "70100".equals(e.getSQLState()) || e.getErrorCode() == 1969
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("max_statement_time")
                || super.isStatementTimeout(e);
    }

    /** Error 1205, lock wait timeout exceeded (lock_wait_timeout and innodb_lock_wait_timeout). */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1205
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("lock wait timeout")
                || super.isLockTimeout(e);
    }
}
