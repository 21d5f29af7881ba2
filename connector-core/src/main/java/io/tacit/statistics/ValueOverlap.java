package io.tacit.statistics;

import io.tacit.model.ColumnStatistics;
import io.tacit.model.Containment;
import io.tacit.model.StatisticsOrigin;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.Intersection;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;

/**
 * Estimates from statistics alone (no database access) how many of column A's distinct values exist in
 * column B, to test a candidate relationship {@code A → B} before, or instead of, an exact
 * {@link io.tacit.spi.ValueProbe}.
 *
 * <p>{@link #containment} tries, in order:
 * <ol>
 *   <li><b>value lists</b> — both sides carry {@link ColumnStatistics#values()} (few distinct values): an exact
 *       count. {@link Containment#exact()} is true only when both lists come from full scans
 *       ({@link StatisticsOrigin#FULL}); lists from samples or engine statistics may miss values.</li>
 *   <li><b>Theta sketches</b> — both sides have a {@link ColumnStatistics#sketch()} (or a value list, from
 *       which a sketch is built): the share of A's retained hashes (below the smaller theta) that B also
 *       retains, scaled to A's distinct count. {@code exact} is false. When A has fewer than
 *       {@link #MIN_SKETCH_HASHES} hashes below that theta (a small column against a huge one) there is too
 *       little to tell and the answer is empty rather than noise. Typical error at lgK 12 is a few percent.</li>
 *   <li><b>ranges</b> — both sides have min and max: disjoint ranges give {@code found = 0}; a numeric range
 *       sticking partly out of B's gives the in-range share of A's values, assuming they spread evenly. A range
 *       lying inside B's proves nothing (dense 1..N ids overlap by accident) and gives empty.</li>
 * </ol>
 * Empty means "no evidence either way". {@link Containment#orphanRows()} is always -1 here (rows are not counted).
 * A side with no non-null value gives {@code Containment(0, 0, -1, …)}, whose {@link Containment#hasValues()}
 * is false: no evidence.
 *
 * <p>Values compare in {@link ValueText}'s canonical form, so integers match across int4/int8/numeric and
 * uuids across uuid/varchar columns (as long as the text is lower case). Pure: no {@code java.sql}.
 */
public final class ValueOverlap {
    /** Fewer of A's hashes than this below the common theta make a sketch estimate too noisy to report. */
    public static final int MIN_SKETCH_HASHES = 32;

    private ValueOverlap() {
    }

    /** How many of {@code from}'s distinct values exist in {@code to}, estimated; empty when there is no evidence. */
    public static Optional<Containment> containment(ColumnStatistics from, ColumnStatistics to) {
        Optional<Containment> byLists = fromValueLists(from, to);
        if (byLists.isPresent()) {
            return byLists;
        }
        Optional<Containment> bySketches = fromSketches(from, to);
        if (bySketches.isPresent()) {
            return bySketches;
        }
        return fromRanges(from, to);
    }

    /** Exact containment from two value lists; empty unless both columns carry one. */
    public static Optional<Containment> fromValueLists(ColumnStatistics from, ColumnStatistics to) {
        if (from.values().isEmpty() || to.values().isEmpty()) {
            return Optional.empty();
        }
        List<String> fromValues = from.values().get();
        Set<String> toValues = new HashSet<>(to.values().get());
        long found = 0;
        for (String value : fromValues) {
            if (toValues.contains(value)) {
                found++;
            }
        }
        boolean exact = from.origin() == StatisticsOrigin.FULL && to.origin() == StatisticsOrigin.FULL;
        return Optional.of(new Containment(fromValues.size(), found, -1, exact));
    }

    /** Containment estimated by intersecting Theta sketches (built from value lists where a side has no sketch). */
    public static Optional<Containment> fromSketches(ColumnStatistics from, ColumnStatistics to) {
        Optional<Sketch> fromSketch = sketchOf(from);
        Optional<Sketch> toSketch = sketchOf(to);
        if (fromSketch.isEmpty() || toSketch.isEmpty()) {
            return Optional.empty();
        }
        Sketch left = fromSketch.get();
        Sketch right = toSketch.get();
        if (left.isEmpty()) {
            return Optional.of(new Containment(0, 0, -1, false));
        }
        long theta = Math.min(left.getThetaLong(), right.getThetaLong());
        int leftHashes = left.getCountLessThanThetaLong(theta);
        boolean estimating = theta < Long.MAX_VALUE;
        if (estimating && leftHashes < MIN_SKETCH_HASHES) {
            return Optional.empty();
        }
        if (leftHashes == 0) {
            return Optional.empty();
        }
        Intersection intersection = SetOperation.builder().buildIntersection();
        CompactSketch common = intersection.intersect(left, right);
        double ratio = Math.min(1.0, (double) common.getRetainedEntries() / leftHashes);
        long distinct = from.distinct()
                .map(count -> count.value())
                .orElse(Math.round(left.getEstimate()));
        distinct = Math.max(distinct, 1);
        long found = Math.min(distinct, Math.round(ratio * distinct));
        return Optional.of(new Containment(distinct, found, -1, false));
    }

    /**
     * Containment judged from min and max alone: {@code found = 0} for disjoint ranges, the in-range share for a
     * numeric range partly outside {@code to}'s, empty when {@code from}'s range lies inside {@code to}'s or a
     * bound is unknown.
     */
    public static Optional<Containment> fromRanges(ColumnStatistics from, ColumnStatistics to) {
        if (from.min().isEmpty() || from.max().isEmpty() || to.min().isEmpty() || to.max().isEmpty()) {
            return Optional.empty();
        }
        long distinct = distinctOf(from);
        if (distinct == 0) {
            return Optional.of(new Containment(0, 0, -1, false));
        }
        String fromMin = from.min().get();
        String fromMax = from.max().get();
        String toMin = to.min().get();
        String toMax = to.max().get();
        if (ValueText.compareAny(fromMax, toMin) < 0 || ValueText.compareAny(fromMin, toMax) > 0) {
            return Optional.of(new Containment(distinct, 0, -1, false));
        }
        if (ValueText.compareAny(fromMin, toMin) >= 0 && ValueText.compareAny(fromMax, toMax) <= 0) {
            return Optional.empty();
        }
        BigDecimal low = ValueText.parse(fromMin);
        BigDecimal high = ValueText.parse(fromMax);
        BigDecimal otherLow = ValueText.parse(toMin);
        BigDecimal otherHigh = ValueText.parse(toMax);
        if (low == null || high == null || otherLow == null || otherHigh == null) {
            return Optional.empty();
        }
        BigDecimal width = high.subtract(low);
        if (width.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal overlap = high.min(otherHigh).subtract(low.max(otherLow));
        double share = Math.max(0, overlap.divide(width, MathContext.DECIMAL64).doubleValue());
        long found = Math.min(distinct, (long) Math.floor(share * distinct));
        return Optional.of(new Containment(distinct, found, -1, false));
    }

    /**
     * Whether every value of {@code from} lies within {@code to}'s min and max (numeric order when both sides
     * are numbers, text order otherwise); empty when a bound is unknown.
     */
    public static Optional<Boolean> rangeContained(ColumnStatistics from, ColumnStatistics to) {
        if (from.min().isEmpty() || from.max().isEmpty() || to.min().isEmpty() || to.max().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ValueText.compareAny(from.min().get(), to.min().get()) >= 0
                && ValueText.compareAny(from.max().get(), to.max().get()) <= 0);
    }

    private static long distinctOf(ColumnStatistics column) {
        if (column.distinct().isPresent()) {
            return column.distinct().get().value();
        }
        if (column.values().isPresent()) {
            return column.values().get().size();
        }
        if (column.nonNullRows().isPresent()) {
            // an upper bound; the only count at hand
            return column.nonNullRows().getAsLong();
        }
        return 1;
    }

    private static Optional<Sketch> sketchOf(ColumnStatistics column) {
        if (column.sketch().isPresent()) {
            Optional<Sketch> read = ValueSketches.read(column.sketch().get());
            if (read.isPresent()) {
                return read;
            }
        }
        if (column.values().isPresent()) {
            return Optional.of(ValueSketches.of(column.values().get(), ValueSketches.DEFAULT_LG_K));
        }
        return Optional.empty();
    }
}
