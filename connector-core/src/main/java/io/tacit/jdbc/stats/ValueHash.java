package io.tacit.jdbc.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A fast 64-bit hash of a byte range, eight bytes a step, for counting distinct values exactly in a
 * {@link io.tacit.statistics.LongHashSet}. Not the sketch's hash (the sketch hashes each distinct value once with its own
 * MurmurHash3); this one runs for every row, so it must be cheap and mix well enough that two distinct values
 * of one column practically never collide (about n² / 2⁶⁵ for n distinct values).
 */
final class ValueHash {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final long SECOND = 0xC2B2AE3D27D4EB4FL;

    private ValueHash() {
    }

    static long hash(byte[] bytes, int length) {
        return hash(bytes, 0, length);
    }

    static long hash(byte[] bytes, int offset, int length) {
        long h = length * MULTIPLIER;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long k = (long) LONGS.get(bytes, i);
            h = Long.rotateLeft(h ^ (k * SECOND), 31) * MULTIPLIER;
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ (tail * SECOND), 27) * MULTIPLIER;
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
