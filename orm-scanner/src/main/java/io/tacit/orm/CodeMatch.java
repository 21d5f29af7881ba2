package io.tacit.orm;

import io.tacit.model.ColumnSet;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How code names meet a snapshot's: exactly, then ignoring case, then ignoring underscores too. One place, so
 * that {@link OrmEvidence} and {@link GapAnalysis} always agree on which table and column the code means.
 */
final class CodeMatch {
    private CodeMatch() {
    }

    /**
     * The snapshot's columns for one side of {@code edge}; empty, with a sentence added to {@code missing}, when
     * the snapshot lacks the table or a column.
     */
    static Optional<ColumnSet> columns(CodeSchema code, SchemaSnapshot snapshot, ModelEdge edge, String tableName,
            List<String> columnNames, List<String> missing) {
        Optional<String> schema = code.table(tableName).flatMap(ModelTable::schema);
        Optional<Table> table = table(snapshot.tables(), schema, tableName);
        if (table.isEmpty()) {
            missing.add("code declares " + edge.key() + " at " + edge.location() + " but " + snapshot.source()
                    + " has no table " + tableName);
            return Optional.empty();
        }
        List<String> matched = new ArrayList<>();
        for (String columnName : columnNames) {
            Optional<String> column = name(table.get().columns().stream().map(c -> c.name()).toList(), columnName);
            if (column.isEmpty()) {
                missing.add("code declares " + edge.key() + " at " + edge.location() + " but " + table.get().name()
                        + " has no column " + columnName);
                return Optional.empty();
            }
            matched.add(column.get());
        }
        return Optional.of(new ColumnSet(table.get().name(), matched));
    }

    static Optional<Table> table(List<Table> tables, Optional<String> schema, String name) {
        List<Table> candidates = tables.stream()
                .filter(table -> schema.isEmpty() || table.name().schema().equalsIgnoreCase(schema.get())).toList();
        Optional<String> matched = name(candidates.stream().map(table -> table.name().table()).distinct()
                .toList(), name);
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        List<Table> found = candidates.stream().filter(table -> table.name().table().equals(matched.get())).toList();
        // the same name in two schemas and no schema in the code: which one is meant cannot be told
        if (found.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    /** The one name of {@code names} that is {@code wanted}: exactly, else ignoring case, else underscores too. */
    static Optional<String> name(List<String> names, String wanted) {
        if (names.contains(wanted)) {
            return Optional.of(wanted);
        }
        List<String> byCase = names.stream().filter(name -> name.equalsIgnoreCase(wanted)).toList();
        if (byCase.size() == 1) {
            return Optional.of(byCase.get(0));
        }
        List<String> loose = names.stream().filter(name -> loose(name).equals(loose(wanted))).toList();
        if (loose.size() == 1) {
            return Optional.of(loose.get(0));
        }
        return Optional.empty();
    }

    private static String loose(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
