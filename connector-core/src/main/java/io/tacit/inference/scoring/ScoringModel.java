package io.tacit.inference.scoring;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.calibration.IsotonicCalibration;
import io.tacit.inference.signals.ContainmentSignal;
import io.tacit.inference.signals.Measurement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A logistic-regression model over signal features plus an isotonic calibration of its output. The
 * committed weights live in {@code model.txt} next to this class; {@link ModelTrainer} writes that file.
 *
 * <p>File format, one entry per line ({@code #} starts a comment): {@code intercept <w>},
 * {@code weight <feature> <w>}, {@code calibration <raw> <calibrated>}.
 */
public final class ScoringModel {
    public static final String RESOURCE = "model.txt";

    private final double intercept;
    private final Map<String, Double> weights;
    private final IsotonicCalibration calibration;
    private final IsotonicCalibration valueCalibration;

    public ScoringModel(double intercept, Map<String, Double> weights, IsotonicCalibration calibration) {
        this(intercept, weights, calibration, calibration);
    }

    /**
     * @param calibration for candidates judged on metadata alone
     * @param valueCalibration for candidates with value evidence (containment), whose scores are sharper
     */
    public ScoringModel(double intercept, Map<String, Double> weights, IsotonicCalibration calibration,
            IsotonicCalibration valueCalibration) {
        this.intercept = intercept;
        this.weights = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(weights, "weights is null")));
        this.calibration = requireNonNull(calibration, "calibration is null");
        this.valueCalibration = requireNonNull(valueCalibration, "valueCalibration is null");
    }

    /** The committed model. */
    public static ScoringModel committed() {
        try (InputStream in = ScoringModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("scoring model resource " + RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scoring model " + RESOURCE, e);
        }
    }

    public static ScoringModel parse(String text) {
        double intercept = 0;
        Map<String, Double> weights = new TreeMap<>();
        List<double[]> points = new ArrayList<>();
        List<double[]> valuePoints = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                switch (parts[0]) {
                    case "intercept" -> intercept = Double.parseDouble(parts[1]);
                    case "weight" -> weights.put(parts[1], Double.parseDouble(parts[2]));
                    case "calibration" -> points.add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
                    case "value-calibration" -> valuePoints.add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
                    default -> throw new IllegalArgumentException("scoring model line " + number + ": unknown entry '" + parts[0] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IsotonicCalibration calibration = calibration(points);
        return new ScoringModel(intercept, weights, calibration,
                valuePoints.isEmpty() ? calibration : calibration(valuePoints));
    }

    private static IsotonicCalibration calibration(List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new IsotonicCalibration(x, y);
    }

    public String format(List<String> header) {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            out.append("# ").append(line).append('\n');
        }
        out.append(String.format(Locale.ROOT, "intercept %.6f%n", intercept));
        weights.forEach((feature, weight) -> out.append(String.format(Locale.ROOT, "weight %s %.6f%n", feature, weight)));
        append(out, "calibration", calibration);
        append(out, "value-calibration", valueCalibration);
        return out.toString();
    }

    private static void append(StringBuilder out, String entry, IsotonicCalibration points) {
        double[] x = points.scores();
        double[] y = points.probabilities();
        for (int i = 0; i < x.length; i++) {
            out.append(String.format(Locale.ROOT, "%s %.6f %.6f%n", entry, x[i], y[i]));
        }
    }

    public double intercept() {
        return intercept;
    }

    public Map<String, Double> weights() {
        return weights;
    }

    public IsotonicCalibration calibration() {
        return calibration;
    }

    public IsotonicCalibration valueCalibration() {
        return valueCalibration;
    }

    /** The log-odds contribution of one measurement. */
    public double contribution(Measurement measurement) {
        double sum = 0;
        for (Map.Entry<String, Double> feature : measurement.features().entrySet()) {
            sum += weights.getOrDefault(feature.getKey(), 0.0) * feature.getValue();
        }
        return sum;
    }

    /** The uncalibrated probability for a candidate's measurements. */
    public double rawProbability(List<Measurement> measurements) {
        double logit = intercept;
        for (Measurement measurement : measurements) {
            logit += contribution(measurement);
        }
        return 1 / (1 + Math.exp(-logit));
    }

    public double confidence(List<Measurement> measurements) {
        IsotonicCalibration applied = hasValueEvidence(measurements) ? valueCalibration : calibration;
        return Math.max(0, Math.min(1, applied.apply(rawProbability(measurements))));
    }

    /** Whether the candidate was judged on its values (a containment figure), not on metadata alone. */
    public static boolean hasValueEvidence(List<Measurement> measurements) {
        return measurements.stream().anyMatch(measurement -> measurement.signal().equals(ContainmentSignal.NAME));
    }
}
