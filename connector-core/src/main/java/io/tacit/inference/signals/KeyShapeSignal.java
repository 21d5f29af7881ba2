package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.Column;
import io.tacit.model.Key;
import io.tacit.model.Table;
import java.util.List;
import java.util.Optional;

/**
 * The referencing side's shape: is it its table's whole primary key (a 1:1 extension or sibling), part of
 * a composite primary key (a link table), nullable, a self reference. Prevents: two sibling tables sharing a
 * key name ({@code dept_emp}, {@code dept_manager}) being linked key to key as readily as a plain reference.
 */
public final class KeyShapeSignal implements Signal {
    public static final String NAME = "key-shape";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        Optional<Table> table = context.table(candidate.from().table());
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = candidate.from().columns();
        Optional<Key> primary = table.get().primaryKey();
        boolean wholePk = primary.map(key -> key.columns().size() == columns.size() && key.columns().containsAll(columns))
                .orElse(false);
        boolean inPk = !wholePk && primary.map(key -> key.columns().containsAll(columns)).orElse(false);
        boolean unique = wholePk || table.get().isDeclaredUnique(columns);
        boolean nullable = columns.stream().map(table.get()::column).flatMap(Optional::stream).anyMatch(Column::nullable);
        boolean self = candidate.isSelfReference();
        String detail = (wholePk ? "referencing columns are their table's primary key"
                : inPk ? "referencing columns are part of their table's primary key"
                : unique ? "referencing columns are unique" : "referencing columns are a plain column")
                + (nullable ? ", nullable" : "") + (self ? ", self reference" : "");
        return Optional.of(Measurement.of(NAME, wholePk ? 1 : 0, detail,
                "whole_pk", wholePk ? 1 : 0, "in_pk", inPk ? 1 : 0, "unique", unique ? 1 : 0,
                "nullable", nullable ? 1 : 0, "self", self ? 1 : 0, "composite", columns.size() > 1 ? 1 : 0));
    }
}
