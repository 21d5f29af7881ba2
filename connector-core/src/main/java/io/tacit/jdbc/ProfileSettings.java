package io.tacit.jdbc;

/**
 * Bounds for the one-scan-per-table profiler (levels {@code sample} and {@code full}).
 *
 * @param sampleRows rows read per table at level {@code sample}
 * @param exactDistinctLimit a table's columns together hold at most this many distinct values exactly (exact
 *                           distinct counts and value lists); past it the column holding the most switches to
 *                           its sketch (an estimate), so memory stays bounded however wide the table
 * @param valueListLimit a column with at most this many distinct values keeps them all for exact containment in memory
 * @param sketchLgK log2 of the Theta sketch size (12 = 4,096 entries, about 1.6% error)
 */
public record ProfileSettings(long sampleRows, long exactDistinctLimit, int valueListLimit, int sketchLgK) {
    public static final ProfileSettings DEFAULTS = new ProfileSettings(100_000, 1_000_000, 10_000, 12);

    public ProfileSettings {
        if (sampleRows < 1) {
            throw new IllegalArgumentException("sampleRows must be 1 or more: " + sampleRows);
        }
        if (exactDistinctLimit < 0 || valueListLimit < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        if (sketchLgK < 4 || sketchLgK > 26) {
            throw new IllegalArgumentException("sketchLgK must be between 4 and 26: " + sketchLgK);
        }
    }
}
