package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongHashSetTest {
    @Test
    void countsDistinctValuesLikeAHashSetThroughGrowth() {
        LongHashSet set = new LongHashSet(16);
        Set<Long> reference = new HashSet<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            // zero, negatives, sequential and random values, many repeats
            long value = switch (i % 4) {
                case 0 -> 0;
                case 1 -> i % 5_000;
                case 2 -> -(i % 777);
                default -> random.nextLong();
            };
            assertThat(set.add(value)).isEqualTo(reference.add(value));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        long[] elements = set.toArray();
        Arrays.sort(elements);
        assertThat(elements).containsExactly(reference.stream().sorted().mapToLong(Long::longValue).toArray());
    }

    @Test
    void asciiDigitsMatchLongToString() {
        Random random = new Random(11);
        long[] edges = {0, 1, -1, 9, 10, -10, 99, -100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long value : edges) {
            assertThat(new String(ProfileColumn.asciiDigits(value), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo(Long.toString(value));
        }
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertThat(new String(ProfileColumn.asciiDigits(value), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo(Long.toString(value));
        }
    }
}
