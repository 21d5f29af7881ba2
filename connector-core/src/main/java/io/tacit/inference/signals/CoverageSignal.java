package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.ColumnStatistics;
import java.util.Optional;

/**
 * How much of the target the referencing column reaches: its distinct values over the target's. A real
 * reference often covers much of its parent; a column whose distinct count exceeds the target's cannot be
 * contained. Prevents: a 10,000-value column matched to a 25-row key by name.
 */
public final class CoverageSignal implements Signal {
    public static final String NAME = "coverage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        if (!candidate.from().isSingleColumn() || candidate.discriminator().isPresent()) {
            return Optional.empty();
        }
        Optional<Long> from = distinct(context.statistics(candidate.from().columnNames().get(0)));
        Optional<Long> to = distinct(context.statistics(candidate.to().columnNames().get(0)));
        if (from.isEmpty() || to.isEmpty() || from.get() == 0 || to.get() == 0) {
            return Optional.empty();
        }
        double ratio = (double) from.get() / to.get();
        return Optional.of(Measurement.of(NAME, Math.min(1, ratio),
                "reaches " + Figures.count(from.get()) + " of " + Figures.count(to.get()) + " target values",
                "ratio", Math.min(1, ratio),
                "exceeds", ratio > 1.05 ? 1 : 0));
    }

    private static Optional<Long> distinct(Optional<ColumnStatistics> stats) {
        return stats.flatMap(column -> column.distinct().map(count -> count.value())
                .or(() -> column.values().map(values -> (long) values.size())));
    }
}
