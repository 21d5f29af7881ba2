package io.tacit.model;

/**
 * A number of distinct non-null values, exact or estimated.
 *
 * @param value the count (for an estimate, the estimate rounded)
 * @param exact whether the count is exact
 */
public record DistinctCount(long value, boolean exact) {
    public DistinctCount {
        if (value < 0) {
            throw new IllegalArgumentException("distinct count is negative: " + value);
        }
    }

    public static DistinctCount exact(long value) {
        return new DistinctCount(value, true);
    }

    public static DistinctCount estimated(long value) {
        return new DistinctCount(value, false);
    }
}
