package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.MatchKind;
import java.util.Optional;

/**
 * How the referencing column's name points at the target: one feature per kind of name match (exact key
 * name, table plus key, role name, abbreviation, ...). Prevents: a column that merely shares a type and
 * values with a key ({@code quantity} vs {@code film.film_id}) scores as high as {@code film_id}.
 */
public final class NameAffinitySignal implements Signal {
    public static final String NAME = "name-affinity";
    private static final int KINDS = MatchKind.values().length;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        StringBuilder detail = new StringBuilder();
        for (MatchKind kind : candidate.matches()) {
            if (detail.length() > 0) {
                detail.append("; ");
            }
            detail.append(kind.description());
        }
        double strength = 1.0 - (double) candidate.bestMatch().ordinal() / KINDS;
        String text = String.join(", ", candidate.from().columns()) + " -> " + candidate.to() + ": ";
        if (candidate.matches().isEmpty()) {
            return Optional.of(Measurement.of(NAME, strength, text + MatchKind.VALUES_ONLY.description()));
        }
        // the strongest convention decides, weaker ones that also fit add nothing; one shared weight for "the name
        // points here", refined per kind: a convention the training data never saw still counts as a name match
        return Optional.of(Measurement.of(NAME, strength, text + detail,
                candidate.bestMatch().feature(), 1.0, "matched", 1.0));
    }
}
