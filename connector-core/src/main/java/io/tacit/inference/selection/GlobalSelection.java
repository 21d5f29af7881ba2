package io.tacit.inference.selection;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.scoring.ScoredCandidate;
import io.tacit.model.ColumnSet;
import io.tacit.model.Discriminator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a consistent set of relationships schema-wide, greedily from the most confident: at most one
 * target per referencing column set (per discriminator value for polymorphic pairs), and never both
 * directions of a key-to-key pair (two tables sharing a key name link one way, not both).
 */
public final class GlobalSelection {
    /** Most confident first; the sort is stable, so equal confidences keep the order they were given in. */
    private static final Comparator<ScoredCandidate> ORDER = Comparator
            .comparingDouble(ScoredCandidate::confidence).reversed();

    private GlobalSelection() {
    }

    /**
     * The chosen candidates, most confident first. Of equally confident candidates the earlier in
     * {@code scored} is taken first: pass them in candidate order ({@code CandidateGenerator#generate}) for a
     * choice that does not depend on how they were collected. (Breaking ties by comparing the candidates
     * themselves cost a log factor of string comparisons, the largest part of selection on large schemas.)
     */
    public static List<ScoredCandidate> select(List<ScoredCandidate> scored) {
        List<ScoredCandidate> ordered = new ArrayList<>(scored);
        ordered.sort(ORDER);
        Set<Slot> takenFrom = new HashSet<>();
        Set<Pair> chosenPairs = new HashSet<>();
        List<ScoredCandidate> chosen = new ArrayList<>();
        for (ScoredCandidate candidate : ordered) {
            Candidate edge = candidate.candidate();
            Slot fromKey = new Slot(edge.from(), edge.discriminator());
            if (takenFrom.contains(fromKey)) {
                continue;
            }
            if (chosenPairs.contains(new Pair(edge.to(), edge.from()))) {
                continue;
            }
            takenFrom.add(fromKey);
            chosenPairs.add(new Pair(edge.from(), edge.to()));
            chosen.add(candidate);
        }
        return chosen;
    }

    /** What one target is chosen for: a column set, per discriminator value. */
    private record Slot(ColumnSet from, Optional<Discriminator> discriminator) {
    }

    private record Pair(ColumnSet from, ColumnSet to) {
    }
}
