package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Re-declares PostgreSQL benchmark tables on MariaDB or SQLite: same table and column names, types mapped to
 * the closest equivalent, primary and unique keys kept, no foreign keys (the benchmarks have none to keep).
 */
final class DdlTranslator {
    /** MariaDB cannot index unbounded text; key columns of unbounded text become VARCHAR of this length. */
    private static final int KEY_TEXT_LENGTH = 255;
    /** Longer VARCHARs become TEXT on MariaDB so wide tables stay under its 64 KB row limit. */
    private static final int MARIADB_MAX_VARCHAR = 1024;

    private final Target target;

    DdlTranslator(Target target) {
        this.target = requireNonNull(target, "target is null");
        if (target == Target.POSTGRES) {
            throw new IllegalArgumentException("PostgreSQL loads schema.sql as it is");
        }
    }

    String quote(String identifier) {
        if (target == Target.MARIADB) {
            return "`" + identifier.replace("`", "``") + "`";
        }
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The statements that create {@code table}: CREATE TABLE, then any unique index (SQLite). */
    List<String> createTable(LoadTable table, String tableName) {
        List<String> parts = new ArrayList<>();
        for (LoadColumn column : table.columns()) {
            String type = target == Target.MARIADB
                    ? mariaDbType(column, table.isKeyColumn(column.name()))
                    : sqliteType(column);
            parts.add(quote(column.name()) + " " + type + (column.nullable() ? "" : " NOT NULL"));
        }
        table.primaryKey().ifPresent(key -> parts.add("PRIMARY KEY (" + columnList(key) + ")"));
        for (List<String> key : table.uniqueKeys()) {
            parts.add("UNIQUE (" + columnList(key) + ")");
        }
        String create = "CREATE TABLE " + quote(tableName) + " (\n  " + String.join(",\n  ", parts) + "\n)";
        if (target == Target.MARIADB) {
            create += " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
        }
        return List.of(create);
    }

    private String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(this::quote).toList());
    }

    static String mariaDbType(LoadColumn column, boolean keyColumn) {
        String base = column.baseType().toLowerCase(Locale.ROOT);
        return switch (base) {
            case "smallint" -> "SMALLINT";
            case "integer" -> "INT";
            case "bigint" -> "BIGINT";
            case "numeric" -> decimal(column, 65);
            case "real" -> "FLOAT";
            case "double precision" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "timestamp without time zone", "timestamp with time zone" -> "DATETIME(6)";
            case "time without time zone", "time with time zone" -> "TIME(6)";
            case "bytea" -> keyColumn ? "VARBINARY(" + KEY_TEXT_LENGTH + ")" : "LONGBLOB";
            case "uuid" -> "CHAR(36)";
            case "character" -> "CHAR(" + Math.max(1, Math.min(column.length(), 255)) + ")";
            case "character varying" -> {
                if (column.length() > 0 && (column.length() <= MARIADB_MAX_VARCHAR || keyColumn)) {
                    yield "VARCHAR(" + Math.min(column.length(), keyColumn ? 768 : MARIADB_MAX_VARCHAR) + ")";
                }
                yield keyColumn ? "VARCHAR(" + KEY_TEXT_LENGTH + ")" : "LONGTEXT";
            }
            default -> keyColumn ? "VARCHAR(" + KEY_TEXT_LENGTH + ")" : "LONGTEXT";
        };
    }

    static String sqliteType(LoadColumn column) {
        String base = column.baseType().toLowerCase(Locale.ROOT);
        return switch (base) {
            case "smallint" -> "SMALLINT";
            case "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "numeric" -> decimal(column, 38);
            case "real" -> "REAL";
            case "double precision" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "timestamp without time zone", "timestamp with time zone" -> "TIMESTAMP";
            case "time without time zone", "time with time zone" -> "TIME";
            case "bytea" -> "BLOB";
            case "uuid" -> "UUID";
            case "character" -> "CHAR(" + Math.max(1, column.length()) + ")";
            case "character varying" -> column.length() > 0 ? "VARCHAR(" + column.length() + ")" : "TEXT";
            case "json", "jsonb" -> "JSON";
            default -> "TEXT";
        };
    }

    private static String decimal(LoadColumn column, int maxPrecision) {
        if (column.precision() <= 0) {
            // unconstrained numeric: room for the values the benchmarks hold
            return "DECIMAL(" + maxPrecision + ", 10)";
        }
        return "DECIMAL(" + Math.min(column.precision(), maxPrecision) + ", " + column.scale() + ")";
    }
}
