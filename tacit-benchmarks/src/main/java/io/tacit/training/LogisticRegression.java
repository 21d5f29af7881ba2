package io.tacit.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Weighted L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares). Small and deterministic: a few dozen features, some thousands of examples.
 */
public final class LogisticRegression {
    /** One training example: features by name, outcome and weight. */
    public record Example(Map<String, Double> features, boolean positive, double weight) {
    }

    /** The fitted intercept and weights. */
    public record Fit(double intercept, Map<String, Double> weights) {
    }

    private LogisticRegression() {
    }

    public static Fit fit(List<Example> examples, double l2, int iterations) {
        return fit(examples, l2, iterations, Map.of());
    }

    /**
     * Fits with the L2 penalty centred on {@code prior} (0 for features it does not name), so that a feature the
     * training data says little about keeps its prior weight instead of dropping to 0.
     */
    public static Fit fit(List<Example> examples, double l2, int iterations, Map<String, Double> prior) {
        // a feature the examples never show (a convention only a held-out dataset uses) keeps its prior weight
        TreeSet<String> known = new TreeSet<>(prior.keySet());
        examples.forEach(example -> known.addAll(example.features().keySet()));
        List<String> names = new ArrayList<>(known);
        int d = names.size() + 1;
        Map<String, Integer> position = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            position.put(names.get(i), i + 1);
        }
        List<int[]> indexes = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Example example : examples) {
            int[] index = new int[example.features().size() + 1];
            double[] value = new double[index.length];
            index[0] = 0;
            value[0] = 1;
            int k = 1;
            for (Map.Entry<String, Double> feature : example.features().entrySet()) {
                index[k] = position.get(feature.getKey());
                value[k] = feature.getValue();
                k++;
            }
            indexes.add(index);
            values.add(value);
        }
        double[] beta = new double[d];
        double[] centre = new double[d];
        for (int i = 0; i < names.size(); i++) {
            centre[i + 1] = prior.getOrDefault(names.get(i), 0.0);
            beta[i + 1] = centre[i + 1];
        }
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int n = 0; n < examples.size(); n++) {
                int[] index = indexes.get(n);
                double[] value = values.get(n);
                double z = 0;
                for (int k = 0; k < index.length; k++) {
                    z += beta[index[k]] * value[k];
                }
                double p = 1 / (1 + Math.exp(-z));
                double weight = examples.get(n).weight();
                double error = (examples.get(n).positive() ? 1 : 0) - p;
                double curvature = weight * Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < index.length; a++) {
                    gradient[index[a]] += weight * error * value[a];
                    for (int b = 0; b < index.length; b++) {
                        hessian[index[a]][index[b]] += curvature * value[a] * value[b];
                    }
                }
            }
            for (int j = 1; j < d; j++) {
                gradient[j] -= l2 * (beta[j] - centre[j]);
                hessian[j][j] += l2;
            }
            gradient[0] -= 1e-3 * beta[0];
            hessian[0][0] += 1e-3;
            double[] step = solve(hessian, gradient);
            double current = objective(beta, centre, indexes, values, examples, l2);
            double scale = 1;
            double[] trial = new double[d];
            for (int halving = 0; halving < 30; halving++) {
                for (int j = 0; j < d; j++) {
                    trial[j] = beta[j] + scale * step[j];
                }
                if (objective(trial, centre, indexes, values, examples, l2) <= current + 1e-12) {
                    break;
                }
                scale /= 2;
            }
            double largest = 0;
            for (int j = 0; j < d; j++) {
                largest = Math.max(largest, Math.abs(trial[j] - beta[j]));
                beta[j] = trial[j];
            }
            if (largest < 1e-7) {
                break;
            }
        }
        Map<String, Double> weights = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            weights.put(names.get(i), beta[i + 1]);
        }
        return new Fit(beta[0], weights);
    }

    /** The penalised negative log-likelihood. */
    private static double objective(double[] beta, double[] centre, List<int[]> indexes, List<double[]> values,
            List<Example> examples, double l2) {
        double sum = 0;
        for (int n = 0; n < examples.size(); n++) {
            int[] index = indexes.get(n);
            double[] value = values.get(n);
            double z = 0;
            for (int k = 0; k < index.length; k++) {
                z += beta[index[k]] * value[k];
            }
            // log(1 + e^z) - y z, computed stably
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += examples.get(n).weight() * (softplus - (examples.get(n).positive() ? z : 0));
        }
        for (int j = 1; j < beta.length; j++) {
            sum += 0.5 * l2 * (beta[j] - centre[j]) * (beta[j] - centre[j]);
        }
        sum += 0.5 * 1e-3 * beta[0] * beta[0];
        return sum;
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = vector[i];
        }
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = a[column];
            a[column] = a[pivot];
            a[pivot] = swap;
            if (Math.abs(a[column][column]) < 1e-12) {
                continue;
            }
            for (int row = column + 1; row < n; row++) {
                double factor = a[row][column] / a[column][column];
                if (factor == 0) {
                    continue;
                }
                for (int k = column; k <= n; k++) {
                    a[row][k] -= factor * a[column][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = Math.abs(a[row][row]) < 1e-12 ? 0 : sum / a[row][row];
        }
        return x;
    }
}
