package io.tacit.dialect.generic;

import io.tacit.jdbc.BaseDialect;
import io.tacit.jdbc.SchemaAssembler;
import io.tacit.jdbc.SchemaContents;
import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.spi.ProgressListener;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Any other JDBC database, through {@link DatabaseMetaData}: one call per schema for tables and columns, and
 * per table for keys and foreign keys (the driver offers nothing faster). Read-only is requested with
 * {@link Connection#setReadOnly} but cannot be checked.
 */
public class GenericDialect extends BaseDialect {
    /** Products reached through this path whose SQL has {@code LIMIT n}; others are cut with setMaxRows. */
    private static final Set<String> LIMIT_PRODUCTS = Set.of("h2", "duckdb");
    private static final Set<String> SYSTEM_SCHEMAS = Set.of(
            "information_schema", "pg_catalog", "sys", "mysql", "performance_schema");

    public GenericDialect(String name, String quote, Duration statementTimeout) {
        super(name, quote, statementTimeout);
    }

    /** The same dialect with the identifier quote the driver reports. */
    @Override
    public GenericDialect withDriverMetadata(DatabaseMetaData metadata) throws SQLException {
        return withQuote(metadata.getIdentifierQuoteString());
    }

    /** The same dialect with this identifier quote (a blank answer keeps {@code "}). */
    public GenericDialect withQuote(String quote) {
        if (quote == null || quote.isBlank()) {
            return this;
        }
        return new GenericDialect(name(), quote.strip(), statementTimeout());
    }

    @Override
    public boolean supportsLimit() {
        return LIMIT_PRODUCTS.contains(name());
    }

    @Override
    public boolean isGeneric() {
        return true;
    }

    @Override
    public String sql(String file) {
        throw new UnsupportedOperationException("the generic dialect reads the catalog through DatabaseMetaData and has no SQL files");
    }

    /** The driver's own answer cannot prove the database refuses writes, so this never reports verified. */
    @Override
    public boolean startReadOnlySession(Connection connection) throws SQLException {
        connection.setReadOnly(true);
        return false;
    }

    @Override
    public List<String> schemas(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        List<String> schemas = new ArrayList<>();
        try (ResultSet rows = metadata.getSchemas()) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                if (schema != null && !SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
                    schemas.add(schema);
                }
            }
        }
        return sorted(schemas);
    }

    @Override
    public SchemaContents readSchema(Connection connection, List<String> schemas, SchemaFilter filter, ProgressListener progress)
            throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String catalog = connection.getCatalog();
        SchemaAssembler assembler = new SchemaAssembler(filter);
        List<TableName> included = new ArrayList<>();  // tables whose keys are read
        for (String schema : schemas) {
            String schemaPattern = escapePattern(schema, metadata.getSearchStringEscape());
            Set<TableName> inSchema = new HashSet<>();
            try (ResultSet rows = metadata.getTables(catalog, schemaPattern, "%", null)) {
                while (rows.next()) {
                    Optional<TableKind> kind = tableKind(rows.getString("TABLE_TYPE"));
                    TableName name = TableName.of(rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME"));
                    if (kind.isEmpty() || !schema.equals(name.schema())) {
                        continue;
                    }
                    assembler.table(name, kind.get(), text(rows, "REMARKS"), OptionalLong.empty(), Optional.empty());
                    inSchema.add(name);
                    if (filter.includes(name) && !kind.get().isView()) {
                        // views have no keys, and some drivers fail when asked for them
                        included.add(name);
                    }
                }
            }
            try (ResultSet rows = metadata.getColumns(catalog, schemaPattern, "%", "%")) {
                while (rows.next()) {
                    TableName table = TableName.of(rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME"));
                    if (!inSchema.contains(table)) {
                        continue;
                    }
                    int jdbcType = rows.getInt("DATA_TYPE");
                    String typeName = rows.getString("TYPE_NAME");
                    int size = Math.max(0, rows.getInt("COLUMN_SIZE"));
                    assembler.column(table, new Column(
                            rows.getString("COLUMN_NAME"),
                            rows.getInt("ORDINAL_POSITION"),
                            new DataType(typeName, jdbcType, typeFamily(typeName, jdbcType), size),
                            rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                            text(rows, "COLUMN_DEF"),
                            text(rows, "REMARKS")));
                }
            }
            progress.advanced(1);
        }
        for (TableName table : included) {
            readKeys(metadata, catalog, table, assembler);
            readForeignKeys(metadata, catalog, table, assembler);
        }
        return assembler.build();
    }

    private static void readKeys(DatabaseMetaData metadata, String catalog, TableName table, SchemaAssembler assembler)
            throws SQLException {
        Set<List<String>> seen = new HashSet<>();
        Map<Integer, String> primaryKey = new TreeMap<>();
        String primaryKeyName = "PRIMARY";
        try (ResultSet rows = metadata.getPrimaryKeys(catalog, table.schema(), table.table())) {
            while (rows.next()) {
                primaryKey.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                if (rows.getString("PK_NAME") != null) {
                    primaryKeyName = rows.getString("PK_NAME");
                }
            }
        }
        for (Map.Entry<Integer, String> column : primaryKey.entrySet()) {
            assembler.keyColumn(table, KeyKind.PRIMARY, primaryKeyName, column.getKey(), column.getValue());
        }
        seen.add(sortedColumns(primaryKey));
        // the driver cannot tell a unique constraint from the unique index backing it: both are unique indexes here
        Map<String, Map<Integer, String>> indexes = new TreeMap<>();
        Set<String> skipped = new HashSet<>();
        try (ResultSet rows = metadata.getIndexInfo(catalog, table.schema(), table.table(), true, true)) {
            while (rows.next()) {
                String indexName = rows.getString("INDEX_NAME");
                if (indexName == null || rows.getBoolean("NON_UNIQUE")
                        || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                String column = rows.getString("COLUMN_NAME");
                String condition = rows.getString("FILTER_CONDITION");
                if (column == null || (condition != null && !condition.isBlank())) {
                    skipped.add(indexName);
                }
                indexes.computeIfAbsent(indexName, name -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"), column);
            }
        }
        for (Map.Entry<String, Map<Integer, String>> index : indexes.entrySet()) {
            if (skipped.contains(index.getKey()) || !seen.add(sortedColumns(index.getValue()))) {
                continue;
            }
            for (Map.Entry<Integer, String> column : index.getValue().entrySet()) {
                assembler.keyColumn(table, KeyKind.UNIQUE_INDEX, index.getKey(), column.getKey(), column.getValue());
            }
        }
    }

    private static List<String> sortedColumns(Map<Integer, String> columns) {
        List<String> names = new ArrayList<>(columns.values());
        names.sort(null);
        return names;
    }

    private static void readForeignKeys(DatabaseMetaData metadata, String catalog, TableName table, SchemaAssembler assembler)
            throws SQLException {
        try (ResultSet rows = metadata.getImportedKeys(catalog, table.schema(), table.table())) {
            while (rows.next()) {
                String referencedSchema = rows.getString("PKTABLE_SCHEM");
                if (referencedSchema == null) {
                    referencedSchema = table.schema();
                }
                String name = rows.getString("FK_NAME");
                if (name == null) {
                    name = "fk_" + table.table() + "_" + rows.getString("PKTABLE_NAME");
                }
                assembler.foreignKeyColumn(table, name, rows.getInt("KEY_SEQ"), rows.getString("FKCOLUMN_NAME"),
                        TableName.of(referencedSchema, rows.getString("PKTABLE_NAME")), rows.getString("PKCOLUMN_NAME"));
            }
        }
    }

    private static Optional<TableKind> tableKind(String type) {
        if (type == null) {
            return Optional.empty();
        }
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "TABLE", "BASE TABLE" -> Optional.of(TableKind.TABLE);
            case "VIEW" -> Optional.of(TableKind.VIEW);
            case "MATERIALIZED VIEW" -> Optional.of(TableKind.MATERIALIZED_VIEW);
            case "PARTITIONED TABLE" -> Optional.of(TableKind.PARTITIONED_TABLE);
            case "FOREIGN TABLE" -> Optional.of(TableKind.FOREIGN_TABLE);
            default -> Optional.empty();
        };
    }

    private static String escapePattern(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
