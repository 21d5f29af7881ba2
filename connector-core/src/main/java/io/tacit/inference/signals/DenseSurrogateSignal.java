package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.ColumnStatistics;
import io.tacit.statistics.ValueOverlap;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether the target is a dense 1..N surrogate id (distinct count = max - min + 1, starting near 1) and the
 * referencing values fall inside it: then containment happens by accident for any small integer column.
 * Prevents: {@code n_regionkey} (0..4) "contained" in {@code c_nationkey}, or any small count column in
 * {@code customer.id}.
 */
public final class DenseSurrogateSignal implements Signal {
    public static final String NAME = "dense-surrogate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        if (!candidate.from().isSingleColumn() || candidate.discriminator().isPresent()) {
            return Optional.empty();
        }
        Optional<ColumnStatistics> to = context.statistics(candidate.to().columnNames().get(0));
        Optional<ColumnStatistics> from = context.statistics(candidate.from().columnNames().get(0));
        if (to.isEmpty() || from.isEmpty() || to.get().min().isEmpty() || to.get().max().isEmpty()
                || to.get().distinct().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal min = number(to.get().min().get());
        BigDecimal max = number(to.get().max().get());
        if (min == null || max == null || min.scale() > 0 && min.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        long span = max.subtract(min).longValue() + 1;
        long distinct = to.get().distinct().get().value();
        boolean dense = min.compareTo(BigDecimal.valueOf(1)) <= 0 && min.signum() >= 0 && span > 0
                && distinct >= 0.9 * span;
        boolean inside = ValueOverlap.rangeContained(from.get(), to.get()).orElse(false);
        boolean accidental = dense && inside;
        return Optional.of(Measurement.of(NAME, accidental ? 1 : 0,
                accidental ? "target is a dense 1.." + span + " id range: containment may be accidental"
                        : "target is not a dense id range",
                "accidental", accidental ? 1 : 0));
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
