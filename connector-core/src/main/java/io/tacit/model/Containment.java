package io.tacit.model;

/**
 * How many of the referencing side's distinct values exist on the referenced side.
 *
 * @param distinctValues distinct non-null values (tuples) on the referencing side
 * @param foundValues how many of them exist on the referenced side
 * @param orphanRows referencing rows whose value is missing on the referenced side, -1 when not counted
 * @param exact whether the figures come from the data itself rather than from sketches
 */
public record Containment(long distinctValues, long foundValues, long orphanRows, boolean exact) {
    public Containment {
        if (distinctValues < 0 || foundValues < 0 || foundValues > distinctValues) {
            throw new IllegalArgumentException("containment " + foundValues + " of " + distinctValues + " is impossible");
        }
    }

    /** Share of distinct values found, 1 when there are no values (nothing contradicts the edge). */
    public double ratio() {
        if (distinctValues == 0) {
            return 1.0;
        }
        return (double) foundValues / distinctValues;
    }

    public boolean hasValues() {
        return distinctValues > 0;
    }
}
