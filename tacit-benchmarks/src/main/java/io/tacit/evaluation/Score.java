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

    /** Correct share of the scored predictions; 0 when nothing was predicted. */
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 0.0 : (double) truePositives / predicted;
    }

    /** Share of truth.csv found; 0 for an empty truth. */
    public double recall() {
        return truthEdges == 0 ? 0.0 : (double) truePositives / truthEdges;
    }

    public double f1() {
        double precision = precision();
        double recall = recall();
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    public int falseNegatives() {
        return truthEdges - truePositives;
    }
}
