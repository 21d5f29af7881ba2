package io.tacit.jdbc.stats;

import java.util.List;

/**
 * How many distinct values a table's columns may hold exactly in all ({@code exactDistinctLimit}). When a new
 * value goes over it, the column holding the most gives up its exact set for its sketch.
 */
final class DistinctBudget {
    private final long limit;
    private final List<ProfileColumn> columns;
    private long used;

    DistinctBudget(long limit, List<ProfileColumn> columns) {
        this.limit = limit;
        this.columns = columns;
    }

    /** Records one value new to a column's exact set. */
    void spend() {
        used++;
        if (used > limit) {
            ProfileColumn largest = null;
            for (ProfileColumn column : columns) {
                if (largest == null || column.exactSize() > largest.exactSize()) {
                    largest = column;
                }
            }
            used -= largest.exactSize();
            largest.abandonExact();
        }
    }
}
