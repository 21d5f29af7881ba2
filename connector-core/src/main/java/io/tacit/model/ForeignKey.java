package io.tacit.model;

import static java.util.Objects.requireNonNull;

/**
 * A foreign key the source declares (a constraint, or a relationship a catalog already holds).
 *
 * @param name the constraint's name
 */
public record ForeignKey(String name, ColumnSet from, ColumnSet to) implements Comparable<ForeignKey> {
    public ForeignKey {
        requireNonNull(name, "name is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (from.columns().size() != to.columns().size()) {
            throw new IllegalArgumentException("foreign key " + name + " pairs " + from.columns().size()
                    + " columns with " + to.columns().size());
        }
    }

    @Override
    public int compareTo(ForeignKey other) {
        int byFrom = from.compareTo(other.from);
        if (byFrom != 0) {
            return byFrom;
        }
        int byTo = to.compareTo(other.to);
        if (byTo != 0) {
            return byTo;
        }
        return name.compareTo(other.name);
    }
}
