package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProfileColumnTest {
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
