package io.tacit.training;

import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code pg_dump --schema-only} files of the shared benchmarks into a snapshot without a database,
 * so that the model trainer is reproducible and needs no services: tables, columns with type families,
 * primary keys, unique constraints and unique indexes, comments, inheritance and partitions. Foreign keys
 * are not read (the benchmarks have none; the truth files hold them).
 */
public final class PgDumpSchemaReader {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?s)^CREATE (?:UNLOGGED )?TABLE (\\S+) \\((.*)\\)\\s*(.*)$");
    private static final Pattern CONSTRAINT = Pattern.compile(
            "(?s)^ALTER TABLE ONLY (\\S+)\\s+ADD CONSTRAINT (\\S+) (PRIMARY KEY|UNIQUE) \\(([^)]*)\\).*");
    private static final Pattern UNIQUE_INDEX = Pattern.compile(
            "(?s)^CREATE UNIQUE INDEX (\\S+) ON (?:ONLY )?(\\S+) USING \\w+ \\(([^)]*)\\)\\s*$");
    private static final Pattern ATTACH = Pattern.compile(
            "(?s)^ALTER TABLE ONLY (\\S+) ATTACH PARTITION (\\S+) .*");
    private static final Pattern COMMENT = Pattern.compile(
            "(?s)^COMMENT ON (COLUMN|TABLE) (\\S+) IS '(.*)'$");
    private static final Pattern COLUMN_DEFAULT = Pattern.compile(
            "(?s)^ALTER TABLE (?:ONLY )?(\\S+) ALTER COLUMN (\\S+) (?:SET DEFAULT (.*)|ADD (GENERATED \\w+(?: BY DEFAULT)? AS IDENTITY).*)$");
    private static final Pattern DOMAIN = Pattern.compile("(?s)^CREATE DOMAIN (\\S+) AS (.*)$");
    private static final Pattern ENUM = Pattern.compile("(?s)^CREATE TYPE (\\S+) AS ENUM .*");
    private static final Pattern IDENTIFIER = Pattern.compile("^\\s*(\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*)\\s+(.*)$", Pattern.DOTALL);

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$[A-Za-z_0-9]*\\$");

    private final Map<String, String> domains = new HashMap<>();
    private final Map<TableName, TableDraft> tables = new LinkedHashMap<>();

    private static final class TableDraft {
        final TableName name;
        final List<Column> columns = new ArrayList<>();
        Optional<Key> primaryKey = Optional.empty();
        final List<Key> unique = new ArrayList<>();
        Optional<String> comment = Optional.empty();
        Optional<TableName> parent = Optional.empty();
        boolean partitioned;
        final Map<String, String> columnComments = new HashMap<>();
        final Map<String, String> columnDefaults = new HashMap<>();

        TableDraft(TableName name) {
            this.name = name;
        }
    }

    /** Parses one dump; {@code rows} gives known row counts per table (may be empty). */
    public static SchemaSnapshot read(String source, String dump, Map<TableName, Long> rows) {
        PgDumpSchemaReader reader = new PgDumpSchemaReader();
        for (String statement : statements(dump)) {
            reader.apply(statement);
        }
        List<Table> built = new ArrayList<>();
        for (TableDraft draft : reader.tables.values()) {
            List<Column> columns = new ArrayList<>();
            for (Column column : draft.columns) {
                columns.add(new Column(column.name(), column.position(), column.type(), column.nullable(),
                        column.defaultValue().or(() -> Optional.ofNullable(draft.columnDefaults.get(column.name()))), Optional.ofNullable(draft.columnComments.get(column.name()))));
            }
            OptionalLong estimated = rows.containsKey(draft.name) ? OptionalLong.of(rows.get(draft.name)) : OptionalLong.empty();
            built.add(new Table(draft.name, draft.partitioned ? TableKind.PARTITIONED_TABLE : TableKind.TABLE, columns,
                    draft.primaryKey, draft.unique, draft.comment, estimated, draft.parent));
        }
        return new SchemaSnapshot(source, "PostgreSQL 15 (pg_dump)", Instant.EPOCH, built, List.of());
    }

    private void apply(String statement) {
        Matcher matcher;
        if ((matcher = DOMAIN.matcher(statement)).matches()) {
            domains.put(unquote(matcher.group(1)), matcher.group(2).strip());
        } else if ((matcher = ENUM.matcher(statement)).matches()) {
            domains.put(unquote(matcher.group(1)), "text");
        } else if ((matcher = CREATE_TABLE.matcher(statement)).matches()) {
            createTable(matcher.group(1), statement.substring(statement.indexOf('(')));
        } else if ((matcher = CONSTRAINT.matcher(statement)).matches()) {
            TableDraft draft = tables.get(tableName(matcher.group(1)));
            if (draft != null) {
                List<String> columns = identifiers(matcher.group(4));
                if (matcher.group(3).equals("PRIMARY KEY")) {
                    draft.primaryKey = Optional.of(new Key(KeyKind.PRIMARY, unquote(matcher.group(2)), columns));
                } else {
                    draft.unique.add(new Key(KeyKind.UNIQUE, unquote(matcher.group(2)), columns));
                }
            }
        } else if ((matcher = UNIQUE_INDEX.matcher(statement)).matches()) {
            TableDraft draft = tables.get(tableName(matcher.group(2)));
            List<String> columns = identifiers(matcher.group(3));
            if (draft != null && !columns.isEmpty() && columns.stream().allMatch(column -> hasColumn(draft, column))) {
                draft.unique.add(new Key(KeyKind.UNIQUE_INDEX, unquote(matcher.group(1)), columns));
            }
        } else if ((matcher = COLUMN_DEFAULT.matcher(statement)).matches()) {
            TableDraft draft = tables.get(tableName(matcher.group(1)));
            if (draft != null) {
                String value = matcher.group(3) != null ? matcher.group(3).strip() : matcher.group(4);
                draft.columnDefaults.put(unquote(matcher.group(2)), value);
            }
        } else if ((matcher = ATTACH.matcher(statement)).matches()) {
            TableDraft child = tables.get(tableName(matcher.group(2)));
            if (child != null) {
                child.parent = Optional.of(tableName(matcher.group(1)));
            }
        } else if ((matcher = COMMENT.matcher(statement)).matches()) {
            String text = matcher.group(3).replace("''", "'");
            if (matcher.group(1).equals("TABLE")) {
                TableDraft draft = tables.get(tableName(matcher.group(2)));
                if (draft != null) {
                    draft.comment = Optional.of(text);
                }
            } else {
                String target = matcher.group(2);
                int dot = target.lastIndexOf('.');
                TableDraft draft = tables.get(tableName(target.substring(0, dot)));
                if (draft != null) {
                    draft.columnComments.put(unquote(target.substring(dot + 1)), text);
                }
            }
        }
    }

    private static boolean hasColumn(TableDraft draft, String column) {
        return draft.columns.stream().anyMatch(existing -> existing.name().equals(column));
    }

    private void createTable(String qualified, String parenthesised) {
        int depth = 0;
        int close = parenthesised.length() - 1;
        boolean quoted = false;
        for (int i = 0; i < parenthesised.length(); i++) {
            char c = parenthesised.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                close = i;
                break;
            }
        }
        String body = parenthesised.substring(1, close);
        String tail = parenthesised.substring(close + 1);
        TableDraft draft = new TableDraft(tableName(qualified));
        Matcher inherits = Pattern.compile("INHERITS \\(([^)]*)\\)").matcher(tail);
        if (inherits.find()) {
            draft.parent = Optional.of(tableName(inherits.group(1).split(",")[0].strip()));
        }
        draft.partitioned = tail.contains("PARTITION BY");
        int position = 1;
        // pg_dump lists only local columns of an inheritance child: the inherited ones come first
        TableDraft parent = draft.parent.map(tables::get).orElse(null);
        if (parent != null) {
            for (Column column : parent.columns) {
                draft.columns.add(new Column(column.name(), position++, column.type(), column.nullable(),
                        Optional.empty(), Optional.empty()));
            }
        }
        for (String part : splitTopLevel(body)) {
            String line = part.strip();
            if (line.isEmpty() || line.startsWith("CONSTRAINT ")) {
                continue;
            }
            Matcher identifier = IDENTIFIER.matcher(line);
            if (!identifier.matches()) {
                continue;
            }
            String name = unquote(identifier.group(1));
            String rest = identifier.group(2);
            if (hasColumn(draft, name)) {
                continue;
            }
            String type = typeText(rest);
            boolean notNull = rest.contains("NOT NULL") || domains.getOrDefault(unquote(type), "").contains("NOT NULL");
            draft.columns.add(new Column(name, position++, dataType(type), !notNull, inlineDefault(rest), Optional.empty()));
        }
        tables.put(draft.name, draft);
    }

    /** The default of a column definition: an identity clause, or the expression after {@code DEFAULT}. */
    private static Optional<String> inlineDefault(String rest) {
        Matcher identity = Pattern.compile("GENERATED \\w+(?: BY DEFAULT)? AS IDENTITY").matcher(rest);
        if (identity.find()) {
            return Optional.of(identity.group());
        }
        int at = rest.indexOf(" DEFAULT ");
        if (at < 0) {
            return Optional.empty();
        }
        String value = rest.substring(at + " DEFAULT ".length());
        for (String marker : List.of(" NOT NULL", " NULL", " CONSTRAINT ", " COLLATE ")) {
            int end = value.indexOf(marker);
            if (end >= 0) {
                value = value.substring(0, end);
            }
        }
        return Optional.of(value.strip());
    }

    private static String typeText(String rest) {
        String type = rest;
        for (String marker : List.of(" NOT NULL", " DEFAULT ", " COLLATE ", " GENERATED ", " NULL", " CONSTRAINT ")) {
            int at = type.indexOf(marker);
            if (at >= 0) {
                type = type.substring(0, at);
            }
        }
        return type.strip();
    }

    private DataType dataType(String spelled) {
        String type = spelled;
        for (int depth = 0; depth < 5 && domains.containsKey(unquote(type)); depth++) {
            type = typeText(domains.get(unquote(type)));
        }
        String lower = type.toLowerCase(Locale.ROOT);
        int size = 0;
        Matcher sizeMatcher = Pattern.compile("\\((\\d+)").matcher(lower);
        if (sizeMatcher.find()) {
            size = Integer.parseInt(sizeMatcher.group(1));
        }
        return new DataType(lower, 1111, family(lower), size);
    }

    /** The type family of a PostgreSQL type spelling. */
    public static TypeFamily family(String type) {
        if (type.endsWith("[]")) {
            return TypeFamily.ARRAY;
        }
        String base = type.replaceAll("\\(.*", "").strip();
        switch (base) {
            case "integer", "int", "int4", "smallint", "int2", "bigint", "int8", "serial", "bigserial", "smallserial":
                return TypeFamily.INTEGER;
            case "numeric", "decimal", "money":
                return TypeFamily.DECIMAL;
            case "real", "double precision", "float4", "float8":
                return TypeFamily.FLOAT;
            case "character varying", "varchar", "character", "char", "text", "bpchar", "citext", "name":
                return TypeFamily.STRING;
            case "uuid":
                return TypeFamily.UUID;
            case "boolean", "bool":
                return TypeFamily.BOOLEAN;
            case "date":
                return TypeFamily.DATE;
            case "bytea":
                return TypeFamily.BINARY;
            case "json", "jsonb":
                return TypeFamily.JSON;
            default:
                break;
        }
        if (base.startsWith("timestamp")) {
            return TypeFamily.TIMESTAMP;
        }
        if (base.startsWith("time")) {
            return TypeFamily.TIME;
        }
        return TypeFamily.OTHER;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }

    private static List<String> identifiers(String list) {
        List<String> result = new ArrayList<>();
        for (String part : splitTopLevel(list)) {
            String trimmed = part.strip();
            if (!trimmed.matches("\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*")) {
                return List.of();
            }
            result.add(unquote(trimmed));
        }
        return result;
    }

    static TableName tableName(String qualified) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : qualified.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == '.' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        if (parts.size() == 1) {
            return TableName.of("public", unquote(parts.get(0)));
        }
        return TableName.of(unquote(parts.get(0)), unquote(parts.get(1)));
    }

    static String unquote(String identifier) {
        String trimmed = identifier.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"");
        }
        return trimmed;
    }

    /** Splits a dump into statements, honouring quotes, dollar quotes and line comments. */
    static List<String> statements(String dump) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int length = dump.length();
        while (i < length) {
            char c = dump.charAt(i);
            if (c == '-' && i + 1 < length && dump.charAt(i + 1) == '-') {
                int end = dump.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
                current.append('\n');
                continue;
            }
            if (c == '\'') {
                int end = i + 1;
                while (end < length) {
                    if (dump.charAt(end) == '\'') {
                        if (end + 1 < length && dump.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                current.append(dump, i, Math.min(length, end + 1));
                i = end + 1;
                continue;
            }
            if (c == '$') {
                Matcher tag = DOLLAR_TAG.matcher(dump).region(i, length);
                if (tag.lookingAt()) {
                    String marker = tag.group();
                    int end = dump.indexOf(marker, i + marker.length());
                    int stop = end < 0 ? length : end + marker.length();
                    current.append(dump, i, stop);
                    i = stop;
                    continue;
                }
            }
            if (c == ';') {
                String statement = current.toString().strip();
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
                current.setLength(0);
                i++;
                continue;
            }
            current.append(c);
            i++;
        }
        return statements;
    }
}
