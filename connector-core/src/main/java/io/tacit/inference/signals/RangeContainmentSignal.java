package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.ColumnStatistics;
import io.tacit.statistics.ValueOverlap;
import java.util.Optional;

/**
 * Whether the referencing column's min..max lies inside the target's. Cheap and available from engine
 * statistics. Prevents: a column whose values run past the largest key being accepted by name alone.
 */
public final class RangeContainmentSignal implements Signal {
    public static final String NAME = "range-containment";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        if (!candidate.from().isSingleColumn() || candidate.discriminator().isPresent()) {
            return Optional.empty();
        }
        Optional<ColumnStatistics> from = context.statistics(candidate.from().columnNames().get(0));
        Optional<ColumnStatistics> to = context.statistics(candidate.to().columnNames().get(0));
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Optional<Boolean> inside = ValueOverlap.rangeContained(from.get(), to.get());
        if (inside.isEmpty()) {
            return Optional.empty();
        }
        String detail = "values " + from.get().min().orElse("?") + ".." + from.get().max().orElse("?")
                + (inside.get() ? " within " : " outside ") + to.get().min().orElse("?") + ".." + to.get().max().orElse("?");
        return Optional.of(Measurement.of(NAME, inside.get() ? 1 : 0, detail,
                "inside", inside.get() ? 1 : 0, "outside", inside.get() ? 0 : 1));
    }
}
