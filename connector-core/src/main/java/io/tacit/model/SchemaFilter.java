package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which schemas and tables a run reads. Schemas are named exactly (empty: the dialect's default, every schema
 * the user may see with system schemas excluded, or on MariaDB/MySQL the database the URL names); tables are matched by glob patterns ({@code *}, {@code ?}) against
 * {@code schema.table} or the bare table name.
 */
public record SchemaFilter(List<String> schemas, List<String> includeTables, List<String> excludeTables) {
    public SchemaFilter {
        schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
        includeTables = List.copyOf(requireNonNull(includeTables, "includeTables is null"));
        excludeTables = List.copyOf(requireNonNull(excludeTables, "excludeTables is null"));
    }

    public static SchemaFilter all() {
        return new SchemaFilter(List.of(), List.of(), List.of());
    }

    public static SchemaFilter schemas(List<String> schemas) {
        return new SchemaFilter(schemas, List.of(), List.of());
    }

    public boolean includesSchema(String schema) {
        return schemas.isEmpty() || schemas.contains(schema);
    }

    public boolean includes(TableName table) {
        if (!includesSchema(table.schema())) {
            return false;
        }
        if (!includeTables.isEmpty() && includeTables.stream().noneMatch(glob -> matches(glob, table))) {
            return false;
        }
        return excludeTables.stream().noneMatch(glob -> matches(glob, table));
    }

    private static boolean matches(String glob, TableName table) {
        Pattern pattern = globToPattern(glob);
        return pattern.matcher(table.qualified()).matches() || pattern.matcher(table.table()).matches();
    }

    static Pattern globToPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
