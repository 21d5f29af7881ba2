package io.tacit.datahub;

import io.tacit.model.DataType;
import io.tacit.model.TypeFamily;
import java.sql.Types;
import java.util.Locale;

/**
 * DataHub column types to tacit's type families: the native type first (what the database said), then
 * DataHub's own type class ({@code com.linkedin.schema.NumberType}, ...) when the native name says nothing.
 */
final class TypeFamilies {
    private TypeFamilies() {
    }

    static DataType dataType(String nativeType, String datahubType) {
        TypeFamily family = fromNative(nativeType);
        if (family == TypeFamily.OTHER) {
            family = fromDataHub(datahubType);
        }
        return DataType.of(nativeType, jdbcType(family), family);
    }

    static TypeFamily fromNative(String nativeType) {
        String type = nativeType.toLowerCase(Locale.ROOT).trim();
        int paren = type.indexOf('(');
        if (paren > 0) {
            type = type.substring(0, paren).trim();
        }
        type = type.replace(" unsigned", "").replace(" zerofill", "").trim();
        if (type.endsWith("[]") || type.startsWith("array") || type.startsWith("_")) {
            return TypeFamily.ARRAY;
        }
        return switch (type) {
            case "int", "int2", "int4", "int8", "integer", "smallint", "bigint", "tinyint", "mediumint", "serial",
                 "bigserial", "smallserial", "year" -> TypeFamily.INTEGER;
            case "numeric", "decimal", "number", "money", "dec" -> TypeFamily.DECIMAL;
            case "real", "float", "float4", "float8", "double", "double precision" -> TypeFamily.FLOAT;
            case "uuid", "uniqueidentifier" -> TypeFamily.UUID;
            case "bool", "boolean", "bit" -> TypeFamily.BOOLEAN;
            case "date" -> TypeFamily.DATE;
            case "time", "timetz", "time without time zone", "time with time zone" -> TypeFamily.TIME;
            case "timestamp", "timestamptz", "datetime", "datetime2", "timestamp without time zone",
                 "timestamp with time zone" -> TypeFamily.TIMESTAMP;
            case "json", "jsonb" -> TypeFamily.JSON;
            case "bytea", "blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary" -> TypeFamily.BINARY;
            case "char", "character", "varchar", "character varying", "text", "tinytext", "mediumtext", "longtext",
                 "string", "nvarchar", "nchar", "citext", "bpchar", "name", "enum", "set" -> TypeFamily.STRING;
            default -> TypeFamily.OTHER;
        };
    }

    static TypeFamily fromDataHub(String datahubType) {
        String simple = datahubType.substring(datahubType.lastIndexOf('.') + 1);
        return switch (simple) {
            case "NumberType" -> TypeFamily.DECIMAL;
            case "StringType", "EnumType" -> TypeFamily.STRING;
            case "BooleanType" -> TypeFamily.BOOLEAN;
            case "DateType" -> TypeFamily.DATE;
            case "TimeType" -> TypeFamily.TIMESTAMP;
            case "BytesType", "FixedType" -> TypeFamily.BINARY;
            case "ArrayType" -> TypeFamily.ARRAY;
            case "MapType", "RecordType" -> TypeFamily.JSON;
            default -> TypeFamily.OTHER;
        };
    }

    private static int jdbcType(TypeFamily family) {
        return switch (family) {
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case FLOAT -> Types.DOUBLE;
            case STRING -> Types.VARCHAR;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case BINARY -> Types.VARBINARY;
            case ARRAY -> Types.ARRAY;
            default -> Types.OTHER;
        };
    }
}
