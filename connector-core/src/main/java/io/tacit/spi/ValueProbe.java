package io.tacit.spi;

import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import java.util.Optional;

/**
 * Checks candidate relationships against the data itself: how many distinct referencing values exist in the
 * referenced columns. Implementations bound their work (row caps, statement timeouts) and answer empty when
 * they cannot tell within those bounds.
 */
public interface ValueProbe {
    ValueProbe NONE = (from, to) -> Optional.empty();

    Optional<Containment> containment(ColumnSet from, ColumnSet to);
}
