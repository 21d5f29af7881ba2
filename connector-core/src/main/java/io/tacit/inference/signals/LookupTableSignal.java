package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the target is a small lookup or enum table (at most 50 rows). Their few key values are contained
 * by chance in many small-integer columns. Prevents: every status or flag column "referencing" a 5-row
 * table on containment alone. An empty table (0 rows, as the catalog of a schema-only or freshly analysed
 * database says) is no evidence either way: it is not measured, as when its size is unknown.
 */
public final class LookupTableSignal implements Signal {
    public static final String NAME = "lookup-table";
    static final long SMALL = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        OptionalLong rows = context.rows(candidate.to().table());
        if (rows.isEmpty() || rows.getAsLong() == 0) {
            return Optional.empty();
        }
        boolean small = rows.getAsLong() <= SMALL;
        return Optional.of(Measurement.of(NAME, small ? 1 : 0,
                small ? "target is a small lookup table (" + rows.getAsLong() + " rows)" : "target is not a small table",
                "small", small ? 1 : 0));
    }
}
