package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.MatchKind;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the referencing column's name points at the target: one feature per kind of name match (exact key
 * name, table plus key, role name, abbreviation, ...). Prevents: a column that merely shares a type and
 * values with a key ({@code quantity} vs {@code film.film_id}) scores as high as {@code film_id}.
 */
public final class NameAffinitySignal implements Signal {
    public static final String NAME = "name-affinity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        Map<String, Double> features = new TreeMap<>();
        StringBuilder detail = new StringBuilder();
        if (!candidate.matches().isEmpty()) {
            // the strongest convention decides; weaker ones that also fit add nothing
            features.put(NAME + "." + candidate.bestMatch().feature(), 1.0);
        }
        for (MatchKind kind : candidate.matches()) {
            if (detail.length() > 0) {
                detail.append("; ");
            }
            detail.append(kind.description());
        }
        if (candidate.matches().isEmpty()) {
            detail.append(MatchKind.VALUES_ONLY.description());
        } else {
            // one shared weight for "the name points here", refined per kind: a convention the training data
            // never saw still counts as a name match
            features.put(NAME + ".matched", 1.0);
        }
        double strength = 1.0 - (double) candidate.bestMatch().ordinal() / MatchKind.values().length;
        return Optional.of(new Measurement(NAME, strength, features,
                String.join(", ", candidate.from().columns()) + " -> " + candidate.to() + ": " + detail));
    }
}
