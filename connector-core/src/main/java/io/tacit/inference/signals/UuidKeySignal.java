package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.Column;
import io.tacit.model.TypeFamily;
import java.util.Optional;

/**
 * Whether both sides are UUIDs: random 128-bit values never overlap by accident, so containment between
 * UUID columns is near proof. Prevents: treating UUID containment as weakly as small-integer containment.
 */
public final class UuidKeySignal implements Signal {
    public static final String NAME = "uuid-key";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        Optional<Column> from = context.column(candidate.from().columnNames().get(0));
        Optional<Column> to = context.column(candidate.to().columnNames().get(0));
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        boolean both = from.get().type().family() == TypeFamily.UUID && to.get().type().family() == TypeFamily.UUID;
        if (!both) {
            return Optional.empty();
        }
        return Optional.of(Measurement.of(NAME, 1, "both sides are UUIDs", "both", 1));
    }
}
