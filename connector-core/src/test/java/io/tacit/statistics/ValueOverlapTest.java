package io.tacit.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.ColumnName;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Containment;
import io.tacit.model.DistinctCount;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.TableName;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.apache.datasketches.theta.UpdateSketch;
import org.junit.jupiter.api.Test;

class ValueOverlapTest {
    private static final ColumnName COLUMN = ColumnName.of(TableName.of("s", "t"), "c");

    @Test
    void valueListsGiveExactCountsForFullScans() {
        ColumnStatistics from = withValues(StatisticsOrigin.FULL, List.of("1", "2", "3", "9"));
        ColumnStatistics to = withValues(StatisticsOrigin.FULL, List.of("1", "2", "3", "4", "5"));

        assertThat(ValueOverlap.containment(from, to)).contains(new Containment(4, 3, -1, true));
    }

    @Test
    void valueListsFromSamplesAreNotExact() {
        ColumnStatistics from = withValues(StatisticsOrigin.SAMPLE, List.of("a", "b"));
        ColumnStatistics to = withValues(StatisticsOrigin.FULL, List.of("a", "b"));

        assertThat(ValueOverlap.containment(from, to)).contains(new Containment(2, 2, -1, false));
    }

    @Test
    void sketchesEstimateContainmentWithinTolerance() {
        // 200,000 distinct referencing values, 150,000 of them among the 1,000,000 keys
        ColumnStatistics from = withSketch(LongStream.range(850_000, 1_050_000), 200_000);
        ColumnStatistics to = withSketch(LongStream.range(0, 1_000_000), 1_000_000);

        Containment containment = ValueOverlap.containment(from, to).orElseThrow();

        assertThat(containment.exact()).isFalse();
        assertThat(containment.distinctValues()).isEqualTo(200_000);
        assertThat(containment.ratio()).isBetween(0.70, 0.80);
    }

    @Test
    void fullyContainedSketchEstimateIsNearOne() {
        ColumnStatistics from = withSketch(LongStream.range(0, 300_000).map(value -> value * 3), 300_000);
        ColumnStatistics to = withSketch(LongStream.range(0, 1_000_000), 1_000_000);

        assertThat(ValueOverlap.containment(from, to).orElseThrow().ratio()).isGreaterThan(0.97);
    }

    @Test
    void disjointSketchesFindNothing() {
        ColumnStatistics from = withSketch(LongStream.range(2_000_000, 2_100_000), 100_000);
        ColumnStatistics to = withSketch(LongStream.range(0, 1_000_000), 1_000_000);

        assertThat(ValueOverlap.containment(from, to).orElseThrow().foundValues()).isZero();
    }

    @Test
    void smallColumnAgainstHugeSketchGivesNoAnswerRatherThanNoise() {
        ColumnStatistics from = withValues(StatisticsOrigin.FULL, List.of("1", "2", "3"));
        ColumnStatistics to = withSketch(LongStream.range(0, 1_000_000), 1_000_000);

        assertThat(ValueOverlap.fromSketches(from, to)).isEmpty();
    }

    @Test
    void valueListAgainstExactModeSketchIsCounted() {
        ColumnStatistics from = withValues(StatisticsOrigin.FULL, List.of("1", "2", "3", "x"));
        ColumnStatistics to = withSketch(LongStream.range(0, 1_000), 1_000);

        assertThat(ValueOverlap.containment(from, to)).contains(new Containment(4, 3, -1, false));
    }

    @Test
    void disjointRangesFindNothing() {
        ColumnStatistics from = withRange("1000", "2000", 50);
        ColumnStatistics to = withRange("1", "999", 999);

        assertThat(ValueOverlap.containment(from, to)).contains(new Containment(50, 0, -1, false));
        assertThat(ValueOverlap.rangeContained(from, to)).contains(false);
    }

    @Test
    void rangesCompareNumericallyNotAsText() {
        // as text "9" > "10"; as numbers 9 < 10
        ColumnStatistics from = withRange("2", "9", 8);
        ColumnStatistics to = withRange("1", "10", 10);

        assertThat(ValueOverlap.rangeContained(from, to)).contains(true);
        assertThat(ValueOverlap.containment(from, to)).isEmpty();
    }

    @Test
    void rangePartlyOutsideGivesTheInRangeShare() {
        ColumnStatistics from = withRange("50", "150", 100);
        ColumnStatistics to = withRange("1", "100", 100);

        assertThat(ValueOverlap.containment(from, to)).contains(new Containment(100, 50, -1, false));
    }

    @Test
    void noFiguresNoEvidence() {
        ColumnStatistics empty = ColumnStatistics.builder(COLUMN, StatisticsOrigin.ENGINE).build();

        assertThat(ValueOverlap.containment(empty, empty)).isEqualTo(Optional.empty());
    }

    @Test
    void canonicalTextMakesIntegerAndDecimalKeysEqual() {
        assertThat(ValueText.canonicalNumber("7.00")).isEqualTo("7");
        assertThat(ValueText.canonicalNumber("007")).isEqualTo("7");
        assertThat(ValueText.canonicalNumber("-0")).isEqualTo("0");
        assertThat(ValueText.canonicalNumber("1.50")).isEqualTo("1.5");
        assertThat(ValueText.canonicalNumber("100")).isEqualTo("100");
        assertThat(ValueText.canonicalNumber("1E+2")).isEqualTo("100");
        assertThat(ValueText.compareNumbers("-10", "-9")).isNegative();
        assertThat(ValueText.compareNumbers("10", "9")).isPositive();
        assertThat(ValueText.compareNumbers("2.5", "10")).isNegative();
    }

    private static ColumnStatistics withValues(StatisticsOrigin origin, List<String> values) {
        return ColumnStatistics.builder(COLUMN, origin)
                .distinct(DistinctCount.exact(values.size()))
                .values(values)
                .build();
    }

    private static ColumnStatistics withSketch(LongStream values, long distinct) {
        UpdateSketch sketch = ValueSketches.newSketch(12);
        values.forEach(value -> sketch.update(Long.toString(value)));
        return ColumnStatistics.builder(COLUMN, StatisticsOrigin.FULL)
                .distinct(DistinctCount.estimated(distinct))
                .sketch(ValueSketches.serialize(sketch))
                .build();
    }

    private static ColumnStatistics withRange(String min, String max, long distinct) {
        return ColumnStatistics.builder(COLUMN, StatisticsOrigin.FULL)
                .distinct(DistinctCount.exact(distinct))
                .min(min)
                .max(max)
                .build();
    }
}
