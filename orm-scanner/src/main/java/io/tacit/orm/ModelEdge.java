package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Discriminator;
import io.tacit.model.RelationshipKind;
import io.tacit.model.SourceLocation;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A relationship model code declares: referencing columns of one table to referenced columns of another.
 *
 * @param declaration what the code says, shortened for people to read ({@code belongs_to :author})
 */
public record ModelEdge(
        String fromTable,
        List<String> fromColumns,
        String toTable,
        List<String> toColumns,
        RelationshipKind kind,
        Optional<Discriminator> discriminator,
        SourceLocation location,
        String declaration) implements Comparable<ModelEdge> {
    private static final Comparator<ModelEdge> ORDER = Comparator.comparing(ModelEdge::key)
            .thenComparing(edge -> edge.location().file())
            .thenComparingInt(edge -> edge.location().line());

    public ModelEdge {
        requireNonNull(fromTable, "fromTable is null");
        fromColumns = List.copyOf(requireNonNull(fromColumns, "fromColumns is null"));
        requireNonNull(toTable, "toTable is null");
        toColumns = List.copyOf(requireNonNull(toColumns, "toColumns is null"));
        requireNonNull(kind, "kind is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(location, "location is null");
        requireNonNull(declaration, "declaration is null");
        if (fromColumns.isEmpty() || fromColumns.size() != toColumns.size()) {
            throw new IllegalArgumentException("edge " + fromTable + fromColumns + " -> " + toTable + toColumns
                    + " must pair one or more columns with as many");
        }
        if (kind == RelationshipKind.POLYMORPHIC && discriminator.isEmpty()) {
            throw new IllegalArgumentException("a polymorphic edge needs a discriminator");
        }
    }

    /** The same edge declared twice (both sides of an association) has the same key. */
    public String key() {
        return fromTable + "(" + String.join(", ", fromColumns) + ")->" + toTable + "(" + String.join(", ", toColumns)
                + ")" + discriminator.map(d -> "[" + d.column() + "=" + d.value() + "]").orElse("");
    }

    @Override
    public int compareTo(ModelEdge other) {
        return ORDER.compare(this, other);
    }
}
