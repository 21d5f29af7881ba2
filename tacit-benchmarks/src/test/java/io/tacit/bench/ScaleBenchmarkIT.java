package io.tacit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.jdbc.ConnectionSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale benchmark works on a small schema; its figures come from running its main on the full size. */
class ScaleBenchmarkIT {
    @Test
    void measuresEveryFigureOnASmallGeneratedSchema() {
        ScaleBenchmark.Result result = ScaleBenchmark.run(
                ConnectionSettings.of("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null),
                "tacit_eval_scale_it", 1, 20, 10, 5, List.of(50, 100, 200));
        assertThat(result.tables()).isEqualTo(20);
        assertThat(result.columns()).isEqualTo(200);
        assertThat(result.inferenceMillis()).containsOnlyKeys(50, 100, 200);
        assertThat(result.inferenceCandidates()).containsOnlyKeys(50, 100, 200);
        assertThat(result.inferenceCandidates().get(200)).isGreaterThan(result.inferenceCandidates().get(50));
        assertThat(result.discoveryStages()).containsKey("read schema");
        assertThat(result.peakHeapMiB()).isPositive();
        assertThat(result.pairedGrowth()).isPositive();
        assertThat(result.format()).contains("20 tables, 200 columns").contains("floor: catalog queries")
                .contains("inference alone,    200 columns").contains("candidates)")
                .contains("paired by repetition");
    }

    @Test
    void pointsTheUrlAtTheBenchmarkDatabase() {
        assertThat(ScaleBenchmark.withDatabase("jdbc:postgresql://h:5432/postgres?ssl=false", "tacit_eval_scale"))
                .isEqualTo("jdbc:postgresql://h:5432/tacit_eval_scale?ssl=false");
    }
}
