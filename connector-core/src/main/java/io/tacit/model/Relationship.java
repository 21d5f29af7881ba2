package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Optional;

/**
 * A relationship from referencing columns to referenced (unique) columns. Declared, inferred and ORM edges
 * share this one type, so every report and publisher treats them alike.
 *
 * @param confidence in [0, 1]; calibrated for inferred edges, 1 for declared ones
 */
public record Relationship(
        ColumnSet from,
        ColumnSet to,
        RelationshipKind kind,
        Origin origin,
        Cardinality cardinality,
        double confidence,
        Optional<Discriminator> discriminator,
        Provenance provenance) implements Comparable<Relationship> {
    private static final Comparator<Relationship> ORDER = Comparator.comparing(Relationship::from)
            .thenComparing(Relationship::to)
            .thenComparing(relationship -> relationship.discriminator().map(Discriminator::value).orElse(""));

    public Relationship {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(cardinality, "cardinality is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(provenance, "provenance is null");
        if (from.columns().size() != to.columns().size()) {
            throw new IllegalArgumentException("relationship " + from + " -> " + to + " pairs "
                    + from.columns().size() + " columns with " + to.columns().size());
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        if (kind == RelationshipKind.POLYMORPHIC && discriminator.isEmpty()) {
            throw new IllegalArgumentException("a polymorphic relationship needs a discriminator");
        }
    }

    /** A stable key for this edge: the same edge in two runs has the same key. */
    public String key() {
        return from + "->" + to + discriminator.map(d -> "[" + d.column() + "=" + d.value() + "]").orElse("");
    }

    public boolean isSelfReference() {
        return from.table().equals(to.table());
    }

    public Relationship withConfidence(double newConfidence) {
        return new Relationship(from, to, kind, origin, cardinality, newConfidence, discriminator, provenance);
    }

    @Override
    public int compareTo(Relationship other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return origin + " " + key() + " (" + String.format(java.util.Locale.ROOT, "%.2f", confidence) + ")";
    }
}
