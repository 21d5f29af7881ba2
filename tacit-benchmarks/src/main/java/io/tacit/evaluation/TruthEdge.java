package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.model.ColumnSet;
import java.nio.file.Path;

/**
 * One known relationship from a truth file: referencing columns → referenced key, and where it was written.
 *
 * @param line the 1-based line of {@code file} holding it
 */
public record TruthEdge(ColumnSet from, ColumnSet to, Path file, int line) {
    public TruthEdge {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(file, "file is null");
        if (from.columns().size() != to.columns().size()) {
            throw new IllegalArgumentException("truth edge " + from + " -> " + to + " pairs "
                    + from.columns().size() + " columns with " + to.columns().size());
        }
    }

    public boolean isSelfReference() {
        return from.table().equals(to.table());
    }

    public String where() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
