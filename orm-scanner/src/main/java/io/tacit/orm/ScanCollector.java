package io.tacit.orm;

import io.tacit.model.Discriminator;
import io.tacit.model.RelationshipKind;
import io.tacit.model.SourceLocation;
import io.tacit.model.TypeFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one framework's scanner gathers while it reads; {@link #build} freezes it into a {@link CodeSchema}. */
final class ScanCollector {
    private final Framework framework;
    private final Map<String, TableDraft> tables = new LinkedHashMap<>();
    private final List<ModelEdge> edges = new ArrayList<>();
    private final List<ScanWarning> warnings = new ArrayList<>();

    ScanCollector(Framework framework) {
        this.framework = framework;
    }

    /** The table of this name, made on first mention. */
    TableDraft table(String name, String model, SourceLocation location) {
        return tables.computeIfAbsent(name, key -> new TableDraft(name, model, location));
    }

    Optional<TableDraft> existing(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    void edge(String fromTable, List<String> fromColumns, String toTable, List<String> toColumns, RelationshipKind kind,
            Optional<Discriminator> discriminator, SourceLocation location, String declaration) {
        edges.add(new ModelEdge(fromTable, fromColumns, toTable, toColumns, kind, discriminator, location,
                declaration));
    }

    void warn(ScanWarning.Kind kind, SourceLocation location, String message) {
        warnings.add(new ScanWarning(kind, location.file(), location.line(), message));
    }

    /**
     * Runs one file's reading; a file nested too deeply for the parser's or the reader's recursion costs a
     * warning, not the scan.
     */
    void guard(String path, Runnable reading) {
        try {
            reading.run();
        }
        catch (StackOverflowError e) {
            warnings.add(new ScanWarning(ScanWarning.Kind.SKIPPED, path, 1, "nested too deeply to be read"));
        }
    }

    List<ScanWarning> warnings() {
        return warnings;
    }

    CodeSchema build() {
        List<ModelTable> built = new ArrayList<>();
        for (TableDraft draft : tables.values()) {
            built.add(draft.build());
        }
        Map<String, ModelEdge> unique = new LinkedHashMap<>();
        for (ModelEdge edge : edges.stream().sorted().toList()) {
            unique.putIfAbsent(edge.key(), edge);
        }
        // a framework is named only when its models were found: auto-detection may try one that is not there
        List<Framework> found = built.isEmpty() ? List.of() : List.of(framework);
        return new CodeSchema(found, built, List.copyOf(unique.values()), warnings);
    }

    /** A table while it is being read: columns arrive one by one, possibly from several classes. */
    static final class TableDraft {
        private final String name;
        private final String model;
        private final SourceLocation location;
        private Optional<String> schema = Optional.empty();
        private final Map<String, ModelColumn> columns = new LinkedHashMap<>();
        private List<String> primaryKey = List.of();
        private final List<List<String>> uniqueKeys = new ArrayList<>();

        private TableDraft(String name, String model, SourceLocation location) {
            this.name = name;
            this.model = model;
            this.location = location;
        }

        String name() {
            return name;
        }

        TableDraft schema(String schemaName) {
            this.schema = Optional.of(schemaName);
            return this;
        }

        /** Adds the column unless the table already has one of that name (the first declaration wins). */
        TableDraft column(String columnName, String type, TypeFamily family, boolean nullable) {
            columns.putIfAbsent(columnName, new ModelColumn(columnName, type, family, nullable));
            return this;
        }

        /** Replaces a column of the same name, keeping its place. */
        TableDraft replace(ModelColumn column) {
            columns.put(column.name(), column);
            return this;
        }

        boolean hasColumn(String columnName) {
            return columns.containsKey(columnName);
        }

        Optional<ModelColumn> column(String columnName) {
            return Optional.ofNullable(columns.get(columnName));
        }

        TableDraft primaryKey(List<String> columnNames) {
            this.primaryKey = List.copyOf(columnNames);
            return this;
        }

        List<String> primaryKey() {
            return primaryKey;
        }

        TableDraft unique(List<String> columnNames) {
            if (!columnNames.isEmpty() && !uniqueKeys.contains(columnNames)) {
                uniqueKeys.add(List.copyOf(columnNames));
            }
            return this;
        }

        ModelTable build() {
            return new ModelTable(schema, name, model, List.copyOf(columns.values()), primaryKey, uniqueKeys,
                    location);
        }
    }
}
