package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

/** Recall on the truth edges of one hard case. */
public record CategoryRecall(HardCase category, int edges, int found) {
    public CategoryRecall {
        requireNonNull(category, "category is null");
        if (found < 0 || found > edges) {
            throw new IllegalArgumentException(found + " found of " + edges + " edges");
        }
    }

    /** Share found; 0 when the truth has no edge of this kind (see {@link #edges()}). */
    public double recall() {
        return edges == 0 ? 0.0 : (double) found / edges;
    }
}
