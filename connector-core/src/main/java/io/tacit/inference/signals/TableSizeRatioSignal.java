package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rows of the referencing table against rows of the target (log10). Fact tables reference smaller
 * dimension tables; Prevents: a small table "referencing" a much larger one by a shared key name, as
 * {@code store.store_id} -> {@code inventory}-like inversions.
 */
public final class TableSizeRatioSignal implements Signal {
    public static final String NAME = "table-size-ratio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        OptionalLong from = context.rows(candidate.from().table());
        OptionalLong to = context.rows(candidate.to().table());
        if (from.isEmpty() || to.isEmpty() || from.getAsLong() == 0 || to.getAsLong() == 0) {
            return Optional.empty();
        }
        double ratio = Math.log10((double) from.getAsLong() / to.getAsLong());
        double clamped = Math.max(-3, Math.min(3, ratio));
        return Optional.of(Measurement.of(NAME, clamped,
                Figures.count(from.getAsLong()) + " rows reference " + Figures.count(to.getAsLong()) + " rows",
                "log_ratio", clamped, "from_smaller", ratio < -0.3 ? 1 : 0));
    }
}
