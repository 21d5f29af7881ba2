package io.tacit.spi;

import java.util.List;

/**
 * What a publisher would do to a catalog, computed without changing anything: the {@code --dry-run} output
 * and the input to {@link Publisher#apply}.
 */
public interface PublishPlan {
    /** Every planned change, in a deterministic order. */
    List<PlannedChange> changes();

    default boolean isEmpty() {
        return changes().isEmpty();
    }

    /**
     * One planned change to one catalog entity.
     *
     * @param action ADD, CHANGE or RETIRE
     * @param target the catalog entity it touches (a table FQN, a dataset URN)
     * @param what what is written, in plain words
     */
    record PlannedChange(Action action, String target, String what) {
        public PlannedChange {
            java.util.Objects.requireNonNull(action, "action is null");
            java.util.Objects.requireNonNull(target, "target is null");
            java.util.Objects.requireNonNull(what, "what is null");
        }
    }

    enum Action {
        ADD,
        CHANGE,
        RETIRE,
        UNCHANGED
    }
}
