package io.tacit.jdbc;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.DataType;
import io.tacit.model.ForeignKey;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Collects the flat rows of catalog queries (one row per table, column, key column, foreign key column) and
 * assembles them into tables. Every dialect feeds it; the filter is applied once, at the end, so that a
 * foreign key can still name the primary key of a table the filter leaves out.
 */
public final class SchemaAssembler {
    private final SchemaFilter filter;
    private final Map<TableName, TableRows> tables = new TreeMap<>();
    private final Map<TableName, Map<String, ForeignKeyRows>> foreignKeys = new TreeMap<>();
    /**
     * One instance per distinct type: a schema of 20,000 columns has a few dozen types, and inference reads every
     * column's type on each pass over the schema (one object per column was one more cache miss per column).
     */
    private final Map<DataType, DataType> types = new HashMap<>();
    /**
     * One instance per distinct column name, for the columns, keys and foreign keys alike: schemas repeat names
     * ({@code id}, {@code name}, {@code created_at}; 999 distinct names for 20,000 columns in the scale benchmark),
     * while the driver gives every catalog row its own string. Inference reads each column's name several times.
     */
    private final Map<String, String> names = new HashMap<>();

    public SchemaAssembler(SchemaFilter filter) {
        this.filter = requireNonNull(filter, "filter is null");
    }

    public void table(TableName name, TableKind kind, Optional<String> comment, OptionalLong estimatedRows,
            Optional<TableName> parent) {
        tables.put(name, new TableRows(name, kind, comment, estimatedRows, parent));
    }

    /** Columns of tables that were not announced with {@link #table} are ignored. */
    public void column(TableName table, Column column) {
        TableRows rows = tables.get(table);
        if (rows != null) {
            DataType type = types.computeIfAbsent(column.type(), first -> first);
            String name = name(column.name());
            rows.columns.add(type == column.type() && name == column.name() ? column : new Column(name,
                    column.position(), type, column.nullable(), column.defaultValue(), column.comment()));
        }
    }

    public void keyColumn(TableName table, KeyKind kind, String keyName, int ordinal, String column) {
        TableRows rows = tables.get(table);
        if (rows != null) {
            rows.keys.computeIfAbsent(keyName, name -> new KeyRows(kind, name)).columns.put(ordinal, name(column));
        }
    }

    /** @param toColumn the referenced column, or null for "the referenced table's primary key" (SQLite) */
    public void foreignKeyColumn(TableName from, String name, int ordinal, String fromColumn, TableName to, String toColumn) {
        foreignKeys.computeIfAbsent(from, table -> new TreeMap<>())
                .computeIfAbsent(name, key -> new ForeignKeyRows(name, to))
                .columns.put(ordinal, new String[] {name(fromColumn), name(toColumn)});
    }

    /** The shared instance of a column name; null (a key over an expression, SQLite's implied key) stays null. */
    private String name(String column) {
        return column == null ? null : names.computeIfAbsent(column, first -> first);
    }

    /** The tables the filter selects and the foreign keys declared on them. */
    public SchemaContents build() {
        List<Table> result = new ArrayList<>();
        for (TableRows rows : tables.values()) {
            if (filter.includes(rows.name)) {
                result.add(rows.toTable());
            }
        }
        List<ForeignKey> declared = new ArrayList<>();
        for (Map.Entry<TableName, Map<String, ForeignKeyRows>> entry : foreignKeys.entrySet()) {
            if (!tables.containsKey(entry.getKey()) || !filter.includes(entry.getKey())) {
                continue;
            }
            for (ForeignKeyRows rows : entry.getValue().values()) {
                toForeignKey(entry.getKey(), rows).ifPresent(declared::add);
            }
        }
        return new SchemaContents(result, declared);
    }

    private Optional<ForeignKey> toForeignKey(TableName from, ForeignKeyRows rows) {
        List<String> fromColumns = new ArrayList<>();
        List<String> toColumns = new ArrayList<>();
        for (String[] pair : rows.columns.values()) {
            fromColumns.add(pair[0]);
            toColumns.add(pair[1]);
        }
        if (toColumns.contains(null)) {
            Optional<List<String>> primaryKey = Optional.ofNullable(tables.get(rows.to))
                    .flatMap(TableRows::primaryKeyColumns);
            if (primaryKey.isEmpty() || primaryKey.get().size() != fromColumns.size()) {
                return Optional.empty();
            }
            toColumns = primaryKey.get();
        }
        if (fromColumns.contains(null) || fromColumns.size() != toColumns.size()) {
            return Optional.empty();
        }
        return Optional.of(new ForeignKey(rows.name, new ColumnSet(from, fromColumns), new ColumnSet(rows.to, toColumns)));
    }

    private static final class TableRows {
        private final TableName name;
        private final TableKind kind;
        private final Optional<String> comment;
        private final OptionalLong estimatedRows;
        private final Optional<TableName> parent;
        private final List<Column> columns = new ArrayList<>();
        private final Map<String, KeyRows> keys = new TreeMap<>();

        private TableRows(TableName name, TableKind kind, Optional<String> comment, OptionalLong estimatedRows,
                Optional<TableName> parent) {
            this.name = name;
            this.kind = kind;
            this.comment = comment;
            this.estimatedRows = estimatedRows;
            this.parent = parent;
        }

        private Optional<List<String>> primaryKeyColumns() {
            return keys.values().stream()
                    .filter(key -> key.kind == KeyKind.PRIMARY)
                    .findFirst()
                    .map(key -> List.copyOf(key.columns.values()));
        }

        private Table toTable() {
            List<Column> sortedColumns = columns.stream().sorted(Comparator.comparingInt(Column::position)).toList();
            Optional<Key> primaryKey = Optional.empty();
            List<Key> uniqueKeys = new ArrayList<>();
            for (KeyRows key : keys.values()) {
                if (key.columns.containsValue(null) || key.columns.isEmpty()) {
                    continue;
                }
                Key built = new Key(key.kind, key.name, List.copyOf(key.columns.values()));
                if (key.kind == KeyKind.PRIMARY && primaryKey.isEmpty()) {
                    primaryKey = Optional.of(built);
                } else if (key.kind != KeyKind.PRIMARY) {
                    uniqueKeys.add(built);
                }
            }
            return new Table(name, kind, sortedColumns, primaryKey, uniqueKeys, comment, estimatedRows, parent);
        }
    }

    private static final class KeyRows {
        private final KeyKind kind;
        private final String name;
        private final Map<Integer, String> columns = new TreeMap<>();

        private KeyRows(KeyKind kind, String name) {
            this.kind = kind;
            this.name = name;
        }
    }

    private static final class ForeignKeyRows {
        private final String name;
        private final TableName to;
        private final Map<Integer, String[]> columns = new TreeMap<>();

        private ForeignKeyRows(String name, TableName to) {
            this.name = name;
            this.to = to;
        }
    }
}
