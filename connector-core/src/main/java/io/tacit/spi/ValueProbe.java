package io.tacit.spi;

import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.Discriminator;
import io.tacit.model.RunWarning;
import java.util.List;
import java.util.Optional;

/**
 * Checks candidate relationships against the data itself: how many distinct referencing values exist in the
 * referenced columns. Implementations bound their work (row caps, statement timeouts) and answer empty when
 * they cannot tell within those bounds.
 */
public interface ValueProbe {
    ValueProbe NONE = (from, to, where) -> Optional.empty();

    /**
     * Containment of {@code from} in {@code to}, counting only the referencing rows where the discriminator
     * column (a column of {@code from}'s table) equals the discriminator value when {@code where} is present:
     * a polymorphic {@code commentable_id} holds ids of several tables, and only its {@code 'Post'} rows should
     * be found in {@code posts}. The value is data: implementations never splice it into SQL text. An
     * implementation that cannot restrict the rows answers empty rather than checking every row.
     */
    Optional<Containment> containment(ColumnSet from, ColumnSet to, Optional<Discriminator> where);

    /** The checks this probe lost so far (a lock it waited too long for, a session the server ended), in order. */
    default List<RunWarning> warnings() {
        return List.of();
    }

    /** Containment over every referencing row. */
    default Optional<Containment> containment(ColumnSet from, ColumnSet to) {
        return containment(from, to, Optional.empty());
    }
}
