package io.tacit.statistics;

/**
 * A set of longs by open addressing, 16 bytes per entry and no object per value: what the profiler counts
 * distinct values with (integer values themselves, or 64-bit hashes of text values), and what the name index
 * asks whether a name's hash code is one of its names' before it builds the name.
 */
public final class LongHashSet {
    private static final long EMPTY = 0;
    private long[] slots;
    private int size;
    private boolean hasZero;
    private int mask;
    private int resizeAt;

    public LongHashSet() {
        this(64);
    }

    public LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    /** Adds {@code value}; whether it was new. */
    public boolean add(long value) {
        if (value == EMPTY) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            size++;
            return true;
        }
        int index = mix(value) & mask;
        while (true) {
            long slot = slots[index];
            if (slot == EMPTY) {
                slots[index] = value;
                size++;
                if (size >= resizeAt) {
                    grow();
                }
                return true;
            }
            if (slot == value) {
                return false;
            }
            index = (index + 1) & mask;
        }
    }

    /** Whether {@code value} was added. */
    public boolean contains(long value) {
        if (value == EMPTY) {
            return hasZero;
        }
        int index = mix(value) & mask;
        while (true) {
            long slot = slots[index];
            if (slot == value) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
            index = (index + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    /** Every element, in no particular order. */
    public long[] toArray() {
        long[] result = new long[size];
        int next = 0;
        if (hasZero) {
            result[next++] = 0;
        }
        for (long slot : slots) {
            if (slot != EMPTY) {
                result[next++] = slot;
            }
        }
        return result;
    }

    private void grow() {
        long[] old = slots;
        allocate(old.length * 2);
        for (long slot : old) {
            if (slot != EMPTY) {
                int index = mix(slot) & mask;
                while (slots[index] != EMPTY) {
                    index = (index + 1) & mask;
                }
                slots[index] = slot;
            }
        }
    }

    private void allocate(int capacity) {
        slots = new long[capacity];
        mask = capacity - 1;
        resizeAt = capacity / 2;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "LongHashSet[" + size + "]";
    }
}
