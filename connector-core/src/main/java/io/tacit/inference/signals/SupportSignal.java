package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.ColumnStatistics;
import java.util.Optional;

/**
 * How much data backs the value signals: the referencing column's distinct non-null values. An all-NULL or
 * empty column is no evidence either way. Prevents: a column holding two values being "fully contained" in
 * a key and taken as proof, and an empty column's vacuous containment counting at all.
 */
public final class SupportSignal implements Signal {
    public static final String NAME = "support";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        if (!candidate.from().isSingleColumn()) {
            return candidate.probed().map(containment -> Measurement.of(NAME,
                    Math.log10(1 + containment.distinctValues()),
                    containment.distinctValues() + " distinct value tuples",
                    "log_distinct", Math.log10(1 + containment.distinctValues()),
                    "empty", containment.hasValues() ? 0 : 1));
        }
        Optional<ColumnStatistics> stats = context.statistics(candidate.from().columnNames().get(0));
        if (stats.isEmpty()) {
            return Optional.empty();
        }
        long nonNull = stats.get().nonNullRows().orElse(-1);
        long distinct = stats.get().distinct().map(count -> count.value())
                .orElseGet(() -> stats.get().values().map(values -> (long) values.size()).orElse(-1L));
        if (nonNull == 0 || distinct == 0) {
            return Optional.of(Measurement.of(NAME, 0, "no values: all NULL or empty, no evidence either way",
                    "empty", 1, "log_distinct", 0));
        }
        if (distinct < 0) {
            return Optional.empty();
        }
        double log = Math.log10(1 + distinct);
        return Optional.of(Measurement.of(NAME, log,
                Figures.count(distinct) + " distinct values",
                "empty", 0, "log_distinct", log, "few_values", distinct <= 3 ? 1 : 0));
    }
}
