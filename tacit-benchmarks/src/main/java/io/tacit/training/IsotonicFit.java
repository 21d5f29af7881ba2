package io.tacit.training;

import io.tacit.inference.calibration.IsotonicCalibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the runtime's {@link IsotonicCalibration} by pool-adjacent-violators on held-out predictions: the
 * trainer fits, the runtime only applies.
 */
public final class IsotonicFit {
    private IsotonicFit() {
    }

    /**
     * Fits the monotone map from held-out raw scores to 0/1 outcomes. {@code prior} pseudo-counts pull each
     * block towards its mean score, which keeps thin blocks from claiming 0 or 1.
     */
    public static IsotonicCalibration fit(double[] rawScores, boolean[] outcomes, double prior) {
        double[] weights = new double[rawScores.length];
        Arrays.fill(weights, 1.0);
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
}
