package io.tacit.dialect.sqlite;

import io.tacit.error.TacitException;
import io.tacit.jdbc.BaseDialect;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.SchemaAssembler;
import io.tacit.jdbc.SchemaContents;
import io.tacit.jdbc.stats.EngineStatistics;
import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

/**
 * SQLite: {@code sqlite_schema} joined with the table-valued pragmas, one query each for tables, columns,
 * unique indexes and foreign keys. The file is opened read-only and {@code PRAGMA query_only} is checked.
 * Everything lives in the schema {@code main}.
 */
public class SqliteDialect extends BaseDialect {
    public static final String SCHEMA = "main";
    /** sqlite-jdbc's SQLITE_OPEN_READONLY flag for the {@code open_mode} property. */
    private static final String OPEN_READ_ONLY = "1";

    public SqliteDialect(Duration statementTimeout) {
        super("sqlite", "\"", statementTimeout);
    }

    @Override
    public void beforeConnect(ConnectionSettings settings) {
        Optional<Path> file = databaseFile(settings.jdbcUrl());
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw TacitException.config("SQLite database file '" + file.get() + "' does not exist",
                    "check the path in the JDBC URL (jdbc:sqlite:/path/to/file.db)");
        }
    }

    /** The file a {@code jdbc:sqlite:} URL names; empty for in-memory databases. */
    static Optional<Path> databaseFile(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.equals(":memory:") || path.contains("mode=memory")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }

    @Override
    public Properties connectionProperties(ConnectionSettings settings) {
        Properties properties = super.connectionProperties(settings);
        properties.setProperty("open_mode", OPEN_READ_ONLY);
        return properties;
    }

    @Override
    public boolean startReadOnlySession(Connection connection) throws SQLException {
        execute(connection, "PRAGMA query_only = 1");
        return queryString(connection, "PRAGMA query_only").map(value -> value.equals("1")).orElse(false);
    }

    @Override
    public List<String> schemas(Connection connection) {
        return List.of(SCHEMA);
    }

    @Override
    public SchemaContents readSchema(Connection connection, List<String> schemas, SchemaFilter filter, ProgressListener progress)
            throws SQLException {
        SchemaAssembler assembler = new SchemaAssembler(filter);
        Map<String, Long> rowCounts = rowCounts(connection);
        try (PreparedStatement statement = prepare(connection, sql("tables.sql"));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString("table_name");
                TableKind kind = TableKind.TABLE;
                OptionalLong estimate = OptionalLong.empty();
                if (rows.getString("kind").equals("view")) {
                    kind = TableKind.VIEW;
                } else if (rowCounts.containsKey(name)) {
                    estimate = OptionalLong.of(rowCounts.get(name));
                }
                assembler.table(TableName.of(SCHEMA, name), kind, Optional.empty(), estimate, Optional.empty());
            }
        }
        progress.advanced(1);
        try (PreparedStatement statement = prepare(connection, sql("columns.sql"));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TableName table = TableName.of(SCHEMA, rows.getString("table_name"));
                String columnName = rows.getString("column_name");
                String declared = rows.getString("declared_type");
                if (declared == null) {
                    declared = "";
                }
                int jdbcType = jdbcType(declared);
                int primaryKeyPosition = rows.getInt("pk");
                assembler.column(table, new Column(
                        columnName,
                        rows.getInt("cid") + 1,
                        new DataType(declared, jdbcType, typeFamily(declared, jdbcType), size(declared)),
                        !rows.getBoolean("not_null") && primaryKeyPosition == 0,
                        text(rows, "default_value"),
                        Optional.empty()));
                if (primaryKeyPosition > 0) {
                    assembler.keyColumn(table, KeyKind.PRIMARY, "PRIMARY", primaryKeyPosition, columnName);
                }
            }
        }
        progress.advanced(1);
        readKeys(connection, assembler);
        progress.advanced(1);
        try (PreparedStatement statement = prepare(connection, sql("foreign_keys.sql"));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString("table_name");
                // SQLite keeps no foreign key names: the key's place in the table names it
                String name = "fk_" + table + "_" + rows.getInt("id");
                assembler.foreignKeyColumn(TableName.of(SCHEMA, table), name, rows.getInt("seq"),
                        rows.getString("column_name"), TableName.of(SCHEMA, rows.getString("referenced_table")),
                        rows.getString("referenced_column"));
            }
        }
        progress.advanced(1);
        return assembler.build();
    }

    private void readKeys(Connection connection, SchemaAssembler assembler) throws SQLException {
        Set<String> skipped = new HashSet<>();
        List<KeyColumn> keyColumns = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql("keys.sql"));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String origin = rows.getString("origin");
                String indexName = rows.getString("index_name");
                if (rows.getInt("partial") == 1 || rows.getString("column_name") == null) {
                    // partial and expression indexes do not make the columns unique
                    skipped.add(indexName);
                }
                if (origin.equals("pk")) {
                    // the primary key comes from the column list
                    continue;
                }
                KeyKind kind = KeyKind.UNIQUE_INDEX;
                if (origin.equals("u")) {
                    kind = KeyKind.UNIQUE;
                }
                keyColumns.add(new KeyColumn(TableName.of(SCHEMA, rows.getString("table_name")), kind, indexName,
                        rows.getInt("seqno") + 1, rows.getString("column_name")));
            }
        }
        for (KeyColumn column : keyColumns) {
            if (!skipped.contains(column.index())) {
                assembler.keyColumn(column.table(), column.kind(), column.index(), column.ordinal(), column.column());
            }
        }
    }

    private record KeyColumn(TableName table, KeyKind kind, String index, int ordinal, String column) {
    }

    private Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        if (!queryString(connection, sql("has_stat1.sql")).map(count -> !count.equals("0")).orElse(false)) {
            return counts;
        }
        try (PreparedStatement statement = prepare(connection, sql("row_counts.sql"));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString("table_name"), rows.getLong("row_count"));
            }
        }
        return counts;
    }

    /** The JDBC type for a declared type, by SQLite's own type-affinity rules (after a few well-known names). */
    public static int jdbcType(String declared) {
        String upper = declared.toUpperCase(Locale.ROOT);
        if (upper.startsWith("BOOL")) {
            return Types.BOOLEAN;
        }
        if (upper.contains("DATETIME") || upper.contains("TIMESTAMP")) {
            return Types.TIMESTAMP;
        }
        if (upper.equals("DATE")) {
            return Types.DATE;
        }
        if (upper.equals("TIME")) {
            return Types.TIME;
        }
        if (upper.contains("INT")) {
            return Types.BIGINT;
        }
        if (upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT")) {
            return Types.VARCHAR;
        }
        if (upper.isEmpty()) {
            return Types.OTHER;
        }
        if (upper.contains("BLOB")) {
            return Types.BLOB;
        }
        if (upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB")) {
            return Types.DOUBLE;
        }
        if (upper.contains("UUID") || upper.contains("JSON")) {
            return Types.OTHER;
        }
        return Types.NUMERIC;
    }

    @Override
    public TypeFamily typeFamily(String nativeType, int jdbcType) {
        if (jdbcType == Types.OTHER && nativeType.isEmpty()) {
            return TypeFamily.OTHER;
        }
        return super.typeFamily(nativeType, jdbcType);
    }

    /** {@code VARCHAR(40)} → 40, {@code DECIMAL(10,2)} → 10. */
    private static int size(String declared) {
        int open = declared.indexOf('(');
        if (open < 0) {
            return 0;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = open + 1; i < declared.length() && Character.isDigit(declared.charAt(i)); i++) {
            digits.append(declared.charAt(i));
        }
        if (digits.isEmpty() || digits.length() > 9) {
            return 0;
        }
        return Integer.parseInt(digits.toString());
    }

    @Override
    public EngineStatistics engineStatistics() {
        return new SqliteEngineStatistics(this);
    }

    @Override
    public String castToText(String expression) {
        return "CAST(" + expression + " AS TEXT)";
    }
}
