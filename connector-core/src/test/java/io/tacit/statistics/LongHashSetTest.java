package io.tacit.statistics;

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
}
