package io.tacit.inference.calibration;

import java.util.Arrays;

/**
 * Maps a raw model probability to a calibrated one with a monotone step function (fitted by the trainer,
 * {@code io.tacit.training.IsotonicFit}, on held-out predictions), interpolating linearly between block
 * centres. With no points it is the identity.
 */
public final class IsotonicCalibration {
    private final double[] scores;
    private final double[] probabilities;

    public IsotonicCalibration(double[] scores, double[] probabilities) {
        if (scores.length != probabilities.length) {
            throw new IllegalArgumentException("calibration needs as many scores as probabilities");
        }
        this.scores = scores.clone();
        this.probabilities = probabilities.clone();
        for (int i = 1; i < this.scores.length; i++) {
            if (this.scores[i] < this.scores[i - 1] || this.probabilities[i] < this.probabilities[i - 1]) {
                throw new IllegalArgumentException("calibration points must be non-decreasing");
            }
        }
    }

    public static IsotonicCalibration identity() {
        return new IsotonicCalibration(new double[0], new double[0]);
    }

    public double apply(double raw) {
        if (scores.length == 0) {
            return raw;
        }
        if (raw <= scores[0]) {
            return probabilities[0] * (scores[0] == 0 ? 1 : Math.max(0, raw) / scores[0]);
        }
        if (raw >= scores[scores.length - 1]) {
            return probabilities[probabilities.length - 1];
        }
        int high = Arrays.binarySearch(scores, raw);
        if (high >= 0) {
            return probabilities[high];
        }
        high = -high - 1;
        int low = high - 1;
        double span = scores[high] - scores[low];
        double share = span == 0 ? 1 : (raw - scores[low]) / span;
        return probabilities[low] + share * (probabilities[high] - probabilities[low]);
    }

    public double[] scores() {
        return scores.clone();
    }

    public double[] probabilities() {
        return probabilities.clone();
    }
}
