package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.Names;
import java.util.Optional;

/**
 * Whether the referencing table's name contains the target table's name ({@code employeedepartmenthistory}
 * -> {@code employee}, {@code film_actor} -> {@code film}). Prevents: among several tables sharing a key
 * name, picking one unrelated to the referencing table.
 */
public final class TableAffinitySignal implements Signal {
    public static final String NAME = "table-affinity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        if (candidate.isSelfReference()) {
            return Optional.empty();
        }
        String from = context.compactName(candidate.from().table());
        String to = context.compactName(candidate.to().table());
        String toSingular = Names.singular(to);
        boolean contains = to.length() >= 3 && (from.contains(to) || from.contains(toSingular));
        boolean starts = contains && (from.startsWith(to) || from.startsWith(toSingular));
        boolean sameSchema = candidate.from().table().schema().equals(candidate.to().table().schema());
        return Optional.of(Measurement.of(NAME, contains ? 1 : 0,
                (contains ? "table name contains " + candidate.to().table().table() : "table names unrelated")
                        + (sameSchema ? "" : ", across schemas"),
                "contains", contains ? 1 : 0, "starts", starts ? 1 : 0, "cross_schema", sameSchema ? 0 : 1));
    }
}
