package io.tacit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tacit.evaluation.Metrics;
import io.tacit.evaluation.Score;
import io.tacit.model.StatisticsLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One precision/recall/F1 definition: the trainer's report and the evaluation's agree, empty cases included. */
class MetricsTest {
    private static Score evaluation(int truePositives, int falsePositives, int truth) {
        return new Score(truth, truePositives, falsePositives, 0, List.of(), List.of(), 0, List.of(), List.of());
    }

    private static ModelTrainer.Score training(int truePositives, int falsePositives, int truth) {
        return new ModelTrainer.Score("quartz", StatisticsLevel.METADATA, truePositives, falsePositives, truth);
    }

    @Test
    void nothingPredictedIsNeverReportedAsPrecise() {
        Metrics none = new Metrics(0, 0, 5);

        assertThat(none.precision()).isZero();
        assertThat(none.recall()).isZero();
        assertThat(none.f1()).isZero();
        assertThat(new Metrics(0, 0, 0).recall()).isZero();
    }

    @Test
    void theTrainerAndTheEvaluationReportTheSameFigures() {
        int[][] cases = {{0, 0, 5}, {0, 0, 0}, {3, 1, 4}, {0, 2, 3}, {7, 0, 9}};
        for (int[] counts : cases) {
            ModelTrainer.Score trainer = training(counts[0], counts[1], counts[2]);
            Score evaluation = evaluation(counts[0], counts[1], counts[2]);
            assertThat(trainer.precision()).as("precision %s", List.of(counts)).isEqualTo(evaluation.precision());
            assertThat(trainer.recall()).as("recall").isEqualTo(evaluation.recall());
            assertThat(trainer.f1()).as("f1").isEqualTo(evaluation.f1());
        }
    }

    @Test
    void pooledAddsTheCountsUp() {
        Metrics pooled = Metrics.pooled(List.of(new Metrics(3, 1, 4), new Metrics(0, 0, 5), new Metrics(6, 2, 6)));

        assertThat(pooled).isEqualTo(new Metrics(9, 3, 15));
        assertThat(pooled.precision()).isCloseTo(0.75, within(1e-12));
        assertThat(pooled.recall()).isCloseTo(0.6, within(1e-12));
        assertThat(Metrics.pooled(List.of()).precision()).isZero();
    }
}
