package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How well one run's inferred relationships match the truth.
 *
 * @param truthEdges edges in truth.csv
 * @param truePositives predictions found in truth.csv
 * @param falsePositives predictions in neither truth file
 * @param extraMatches predictions found only in truth_extra.csv (counted neither way)
 * @param missed truth edges not predicted, as {@code from -> to}
 * @param wrong false positives, as {@code from -> to (confidence)}
 * @param expectedCalibrationError the prediction-weighted mean gap between confidence and observed precision
 */
public record Score(
        int truthEdges,
        int truePositives,
        int falsePositives,
        int extraMatches,
        List<CategoryRecall> categories,
        List<CalibrationBucket> calibration,
        double expectedCalibrationError,
        List<String> missed,
        List<String> wrong) {
    public Score {
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
        calibration = List.copyOf(requireNonNull(calibration, "calibration is null"));
        missed = List.copyOf(requireNonNull(missed, "missed is null"));
        wrong = List.copyOf(requireNonNull(wrong, "wrong is null"));
        if (truePositives > truthEdges) {
            throw new IllegalArgumentException(truePositives + " true positives of " + truthEdges + " truth edges");
        }
    }

    /** The counts behind precision, recall and F1 (where their empty cases are decided). */
    public Metrics metrics() {
        return new Metrics(truePositives, falsePositives, truthEdges);
    }

    public double precision() {
        return metrics().precision();
    }

    public double recall() {
        return metrics().recall();
    }

    public double f1() {
        return metrics().f1();
    }

    public int falseNegatives() {
        return truthEdges - truePositives;
    }
}
