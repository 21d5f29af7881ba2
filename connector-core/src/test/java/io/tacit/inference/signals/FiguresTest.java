package io.tacit.inference.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void countsAreGroupedLikeTheFormatterGroupsThem() {
        for (long value : new long[] {0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 1_234_567_890L, -1, -1_234,
                Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Figures.count(value)).isEqualTo(String.format(Locale.ROOT, "%,d", value));
        }
    }

    @Test
    void oneDecimalRoundsHalfUp() {
        for (double value : new double[] {0, 100, 99.94, 99.95, 12.25, 33.333, 66.666, 0.04, 0.05, 50}) {
            assertThat(Figures.oneDecimal(value)).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
        }
    }
}
