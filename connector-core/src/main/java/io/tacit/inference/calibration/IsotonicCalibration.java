package io.tacit.inference.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a raw model probability to a calibrated one with a monotone step function fitted by pool-adjacent-
 * violators on held-out predictions, interpolating linearly between block centres. With no points it is
 * the identity.
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

    /**
     * Fits the monotone map from held-out raw scores to 0/1 outcomes. {@code prior} pseudo-counts pull each
     * block towards its mean score, which keeps thin blocks from claiming 0 or 1.
     */
    public static IsotonicCalibration fit(double[] rawScores, boolean[] outcomes, double prior) {
        double[] weights = new double[rawScores.length];
        java.util.Arrays.fill(weights, 1.0);
        return fit(rawScores, outcomes, weights, prior);
    }

    /** As {@link #fit(double[], boolean[], double)} with a weight per point. */
    public static IsotonicCalibration fit(double[] rawScores, boolean[] outcomes, double[] weights, double prior) {
        int n = rawScores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (left, right) -> Double.compare(rawScores[left], rawScores[right]));
        List<double[]> blocks = new ArrayList<>(); // {sumScore, sumOutcome, weight}
        for (int index : order) {
            double weight = weights[index];
            blocks.add(new double[] {weight * rawScores[index], outcomes[index] ? weight : 0, weight});
            while (blocks.size() >= 2) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] previous = blocks.get(blocks.size() - 2);
                if (mean(previous, prior) < mean(last, prior)) {
                    break;
                }
                previous[0] += last[0];
                previous[1] += last[1];
                previous[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] x = new double[blocks.size()];
        double[] y = new double[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            x[i] = blocks.get(i)[0] / blocks.get(i)[2];
            y[i] = mean(blocks.get(i), prior);
            if (i > 0) {
                x[i] = Math.max(x[i], x[i - 1]);
                y[i] = Math.max(y[i], y[i - 1]);
            }
        }
        return new IsotonicCalibration(x, y);
    }

    private static double mean(double[] block, double prior) {
        double meanScore = block[0] / block[2];
        return (block[1] + prior * meanScore) / (block[2] + prior);
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
