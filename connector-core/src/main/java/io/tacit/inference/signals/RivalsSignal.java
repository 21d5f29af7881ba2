package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import java.util.Optional;

/**
 * How many other targets the same referencing columns were matched to by name. A column that fits many
 * tables is ambiguous. Prevents: over-confidence in one of five equally plausible targets of a shared key
 * name ({@code businessentityid}).
 */
public final class RivalsSignal implements Signal {
    public static final String NAME = "rivals";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        int others = Math.max(0, context.rivals(candidate.from()) - 1);
        return Optional.of(Measurement.of(NAME, others,
                others == 0 ? "the only target matched by name" : others + " other targets matched by name",
                "log_others", Math.log1p(others), "alone", others == 0 ? 1 : 0));
    }
}
