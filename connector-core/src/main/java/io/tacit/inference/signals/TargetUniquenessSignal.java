package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.Names;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.Table;
import java.util.List;
import java.util.Optional;

/**
 * How the target is known to be unique: primary key, unique constraint or index, or only in the data; and
 * whether the key is named like a key or like another table (then it is itself a reference). Prevents: a unique {@code email_address} column being taken for an
 * entity's key as readily as its primary key.
 */
public final class TargetUniquenessSignal implements Signal {
    public static final String NAME = "target-uniqueness";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        // a fact of the target alone, shared by every candidate pointing at it
        return context.perTarget(NAME, candidate.to(), to -> measure(to, context));
    }

    private static Optional<Measurement> measure(ColumnSet to, SignalContext context) {
        Optional<Table> table = context.table(to.table());
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = to.columns();
        boolean primary = table.get().primaryKey().map(key -> sameColumns(key, columns)).orElse(false);
        boolean declared = table.get().isDeclaredUnique(columns);
        boolean inData = columns.size() == 1 && context.statistics(to.columnNames().get(0))
                .flatMap(ColumnStatistics::unique).orElse(false);
        List<String> tokens = Names.tokens(columns.get(columns.size() - 1));
        boolean keyNamed = !tokens.isEmpty() && Names.KEY_SUFFIXES.contains(tokens.get(tokens.size() - 1))
                || Names.compact(columns.get(0)).endsWith("id") || Names.compact(columns.get(0)).endsWith("key");
        double value = primary ? 1.0 : declared ? 0.8 : inData ? 0.5 : 0.0;
        String detail = primary ? "target is the primary key"
                : declared ? "target is declared unique" : inData ? "target is unique in the data" : "target uniqueness unknown";
        return Optional.of(Measurement.of(NAME, value, detail,
                "primary", primary ? 1 : 0,
                "declared_unique", !primary && declared ? 1 : 0,
                "data_unique_only", !declared && inData ? 1 : 0,
                "key_named", keyNamed ? 1 : 0,
                "generic_key", Names.GENERIC_KEY_NAMES.contains(Names.compact(columns.get(0))) ? 1 : 0,
                "named_after_other_table", namedAfterOtherTable(to, context) ? 1 : 0));
    }

    /**
     * The key column is named exactly like another table ({@code country_area.area}, {@code edit_data.edit}): it
     * is itself a reference to that table, so columns with the same name most likely mean that table.
     */
    private static boolean namedAfterOtherTable(ColumnSet to, SignalContext context) {
        if (!to.isSingleColumn()) {
            return false;
        }
        String name = Names.compact(to.columns().get(0));
        return context.index().tablesByAlias(name).stream().anyMatch(table -> !table.equals(to.table()));
    }

    private static boolean sameColumns(Key key, List<String> columns) {
        return key.kind() == KeyKind.PRIMARY && key.columns().size() == columns.size() && key.columns().containsAll(columns);
    }
}
