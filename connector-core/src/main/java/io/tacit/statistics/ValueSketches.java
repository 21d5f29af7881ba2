package io.tacit.statistics;

import java.util.Collection;
import java.util.Optional;
import org.apache.datasketches.common.ResizeFactor;
import org.apache.datasketches.common.SketchesArgumentException;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.Sketch;
import org.apache.datasketches.theta.UpdateSketch;

/**
 * The Theta sketches kept in {@link io.tacit.model.ColumnStatistics#sketch()}: built with the default seed
 * from the canonical text form of each value ({@link ValueText}), serialized compact.
 */
public final class ValueSketches {
    /** log2 of the nominal entries when a sketch is built here from a value list (12 = 4,096 entries). */
    public static final int DEFAULT_LG_K = 12;

    private ValueSketches() {
    }

    public static UpdateSketch newSketch(int lgK) {
        return UpdateSketch.builder().setLogNominalEntries(lgK).build();
    }

    /**
     * A sketch for about {@code expectedDistinct} values: past the nominal entries its hash table is allocated
     * at full size at once instead of growing eightfold step by step.
     */
    public static UpdateSketch newSketch(int lgK, long expectedDistinct) {
        if (expectedDistinct <= (1L << lgK)) {
            return newSketch(lgK);
        }
        return UpdateSketch.builder().setLogNominalEntries(lgK).setResizeFactor(ResizeFactor.X1).build();
    }

    /** A compact sketch of canonical text values. */
    public static CompactSketch of(Collection<String> values, int lgK) {
        UpdateSketch sketch = newSketch(lgK);
        for (String value : values) {
            sketch.update(value);
        }
        return sketch.compact();
    }

    /** Reads a serialized sketch; empty when the bytes are not a Theta sketch. */
    public static Optional<Sketch> read(byte[] bytes) {
        try {
            return Optional.of(Sketch.heapify(Memory.wrap(bytes)));
        } catch (SketchesArgumentException | IllegalArgumentException | IndexOutOfBoundsException notASketch) {
            return Optional.empty();
        }
    }

    /**
     * The serialized compact form stored in {@link io.tacit.model.ColumnStatistics#sketch()}. Unordered: set
     * operations do not need the entries sorted, and sorting them is most of the cost of serializing.
     */
    public static byte[] serialize(UpdateSketch sketch) {
        return sketch.compact(false, null).toByteArray();
    }
}
