package io.tacit.openmetadata;

import io.tacit.model.TableKind;
import io.tacit.model.TypeFamily;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openmetadata.schema.type.TableType;

/** Maps OpenMetadata's column data types and table types onto tacit's. */
final class CatalogTypes {
    private static final Map<TypeFamily, Set<String>> FAMILIES = Map.ofEntries(
            Map.entry(TypeFamily.INTEGER, Set.of("TINYINT", "SMALLINT", "INT", "BIGINT", "BYTEINT", "LONG", "LARGEINT",
                    "UINT", "YEAR")),
            Map.entry(TypeFamily.DECIMAL, Set.of("NUMBER", "DECIMAL", "NUMERIC")),
            Map.entry(TypeFamily.FLOAT, Set.of("FLOAT", "DOUBLE")),
            Map.entry(TypeFamily.STRING, Set.of("STRING", "MEDIUMTEXT", "TEXT", "CHAR", "VARCHAR", "NTEXT", "CLOB", "ENUM",
                    "CIDR", "INET", "MACADDR", "IPV4", "IPV6", "ROWID")),
            Map.entry(TypeFamily.UUID, Set.of("UUID")),
            Map.entry(TypeFamily.BOOLEAN, Set.of("BOOLEAN")),
            Map.entry(TypeFamily.DATE, Set.of("DATE")),
            Map.entry(TypeFamily.TIME, Set.of("TIME")),
            Map.entry(TypeFamily.TIMESTAMP, Set.of("TIMESTAMP", "TIMESTAMPZ", "DATETIME")),
            Map.entry(TypeFamily.BINARY, Set.of("BINARY", "VARBINARY", "BLOB", "LONGBLOB", "MEDIUMBLOB", "BYTEA", "BYTES",
                    "IMAGE")),
            Map.entry(TypeFamily.JSON, Set.of("JSON", "VARIANT", "SUPER")),
            Map.entry(TypeFamily.ARRAY, Set.of("ARRAY")));

    private CatalogTypes() {
    }

    /** The family of an OpenMetadata {@code dataType} value; unknown or newer values are OTHER. */
    static TypeFamily family(String dataType) {
        if (dataType == null) {
            return TypeFamily.OTHER;
        }
        String upper = dataType.toUpperCase(Locale.ROOT);
        for (Map.Entry<TypeFamily, Set<String>> entry : FAMILIES.entrySet()) {
            if (entry.getValue().contains(upper)) {
                return entry.getKey();
            }
        }
        return TypeFamily.OTHER;
    }

    /** The {@link java.sql.Types} code closest to a family (the catalog knows no JDBC type). */
    static int jdbcType(TypeFamily family) {
        return switch (family) {
            case INTEGER -> 4;
            case DECIMAL -> 2;
            case FLOAT -> 8;
            case STRING -> 12;
            case UUID -> 1111;
            case BOOLEAN -> 16;
            case DATE -> 91;
            case TIME -> 92;
            case TIMESTAMP -> 93;
            case BINARY -> -3;
            case JSON -> 1111;
            case ARRAY -> 2003;
            case OTHER -> 1111;
        };
    }

    static TableKind kind(TableType type) {
        if (type == null) {
            return TableKind.TABLE;
        }
        return switch (type.value()) {
            case "View", "SecureView" -> TableKind.VIEW;
            case "MaterializedView" -> TableKind.MATERIALIZED_VIEW;
            case "Partitioned" -> TableKind.PARTITIONED_TABLE;
            case "Foreign" -> TableKind.FOREIGN_TABLE;
            default -> TableKind.TABLE;
        };
    }
}
