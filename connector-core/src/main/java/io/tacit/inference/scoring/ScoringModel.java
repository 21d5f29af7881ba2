package io.tacit.inference.scoring;

import static java.util.Objects.requireNonNull;

import io.tacit.config.ConfigFiles;
import io.tacit.error.TacitException;
import io.tacit.inference.calibration.IsotonicCalibration;
import io.tacit.inference.signals.ContainmentSignal;
import io.tacit.inference.signals.Measurement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A logistic-regression model over signal features plus an isotonic calibration of its output. The
 * committed weights live in {@code model.txt} next to this class; {@link ModelTrainer} writes that file.
 *
 * <p>File format, one entry per line ({@code #} starts a comment): {@code intercept <w>},
 * {@code weight <feature> <w>}, {@code calibration <raw> <calibrated>}, {@code value-calibration <raw> <calibrated>}.
 * {@link #load(Path)} reads such a file in place of the committed one.
 */
public final class ScoringModel {
    public static final String RESOURCE = "model.txt";
    private static final String LOAD_HINT = "give the path of a model file written by scripts/train-model.sh "
            + "(scripts/train-model.sh --without DATASET FILE writes one that never saw DATASET), or leave the model "
            + "out to use the shipped one";
    private static final String FORMAT_HINT = "a model file has one entry per line: 'intercept <w>', "
            + "'weight <feature> <w>', 'calibration <raw> <p>' or 'value-calibration <raw> <p>' (# starts a comment); "
            + "write one with scripts/train-model.sh";

    private final double intercept;
    private final Map<String, Double> weights;
    /** The same weights in a hash map: a lookup per feature per candidate is the scoring stage's hot path. */
    private final Map<String, Double> lookup;
    private final IsotonicCalibration calibration;
    private final IsotonicCalibration valueCalibration;
    private final String name;

    public ScoringModel(double intercept, Map<String, Double> weights, IsotonicCalibration calibration) {
        this(intercept, weights, calibration, calibration);
    }

    /**
     * @param calibration for candidates judged on metadata alone
     * @param valueCalibration for candidates with value evidence (containment), whose scores are sharper
     */
    public ScoringModel(double intercept, Map<String, Double> weights, IsotonicCalibration calibration,
            IsotonicCalibration valueCalibration) {
        this(intercept, weights, calibration, valueCalibration, "model trained in memory");
    }

    private ScoringModel(double intercept, Map<String, Double> weights, IsotonicCalibration calibration,
            IsotonicCalibration valueCalibration, String name) {
        this.name = requireNonNull(name, "name is null");
        this.intercept = intercept;
        this.weights = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(weights, "weights is null")));
        this.lookup = new HashMap<>(this.weights);
        this.calibration = requireNonNull(calibration, "calibration is null");
        this.valueCalibration = requireNonNull(valueCalibration, "valueCalibration is null");
    }

    /** The committed model, read once. */
    public static ScoringModel committed() {
        return Committed.MODEL;
    }

    /** Holder: the shipped model is parsed on first use, once per class loader. */
    private static final class Committed {
        private static final ScoringModel MODEL = read();

        private static ScoringModel read() {
            try (InputStream in = ScoringModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("scoring model resource " + RESOURCE + " is missing from the jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).named("shipped model");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read scoring model " + RESOURCE, e);
            }
        }
    }

    /**
     * A model file in the format {@link ModelTrainer} writes, used instead of the shipped model (a model trained
     * without the dataset being evaluated, say).
     *
     * @throws TacitException of kind CONFIG naming the file (and the line) when it is missing, unreadable, or not
     *     a scoring model
     */
    /** The shipped model is 3 KB; a file far larger is not a model, and is refused before it fills memory. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    public static ScoringModel load(Path file) {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = ConfigFiles.readText(file, MAX_FILE_BYTES, "scoring model file");
        } catch (ConfigFiles.UnreadableFileException e) {
            if (e.reason() == ConfigFiles.Reason.MISSING) {
                throw TacitException.config(e.getMessage(), LOAD_HINT);
            }
            throw TacitException.config(e.getMessage(), e.hint());
        }
        ScoringModel model;
        try {
            model = parse(text);
        } catch (IllegalArgumentException e) {
            throw TacitException.config("scoring model file " + file + " " + e.getMessage(), FORMAT_HINT);
        }
        if (model.weights.isEmpty()) {
            throw TacitException.config("scoring model file " + file + " has no weight lines: it is not a scoring model",
                    FORMAT_HINT);
        }
        return model.named(file.toString());
    }

    /**
     * Reads the model format; an empty text is the empty model (every weight 0).
     *
     * @throws IllegalArgumentException naming the line ({@code line 7: ...}) when the text is not a scoring model
     */
    private static final Set<String> ENTRIES = Set.of("intercept", "weight", "calibration", "value-calibration");

    public static ScoringModel parse(String text) {
        double intercept = 0;
        boolean hasIntercept = false;
        Map<String, Double> weights = new TreeMap<>();
        List<double[]> points = new ArrayList<>();
        List<double[]> valuePoints = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            int number = index + 1;
            String trimmed = lines.get(index).strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (!ENTRIES.contains(parts[0]) && !hasIntercept && weights.isEmpty() && points.isEmpty()
                    && valuePoints.isEmpty()) {
                // before the first model entry the file may be anything the path pointed at: never quote it
                throw new IllegalArgumentException("line " + number + ": not a scoring model entry, and none came before it");
            }
            switch (parts[0]) {
                case "intercept" -> {
                    fields(number, parts, 2, "intercept <w>");
                    if (hasIntercept) {
                        throw new IllegalArgumentException("line " + number + ": a second intercept");
                    }
                    intercept = number(number, parts[1]);
                    hasIntercept = true;
                }
                case "weight" -> {
                    fields(number, parts, 3, "weight <feature> <w>");
                    if (weights.put(parts[1], number(number, parts[2])) != null) {
                        throw new IllegalArgumentException("line " + number + ": a second weight for " + parts[1]);
                    }
                }
                case "calibration" -> points.add(point(number, parts, "calibration <raw> <p>"));
                case "value-calibration" -> valuePoints.add(point(number, parts, "value-calibration <raw> <p>"));
                default -> throw new IllegalArgumentException("line " + number + ": unknown entry '" + parts[0] + "'");
            }
        }
        IsotonicCalibration calibration = calibration("calibration", points);
        return new ScoringModel(intercept, weights, calibration,
                valuePoints.isEmpty() ? calibration : calibration("value-calibration", valuePoints));
    }

    private static void fields(int line, String[] parts, int expected, String shape) {
        if (parts.length != expected) {
            throw new IllegalArgumentException("line " + line + ": expected '" + shape + "', got '"
                    + String.join(" ", parts) + "'");
        }
    }

    private static double number(int line, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("line " + line + ": '" + text + "' is not a finite number");
        }
        return value;
    }

    private static double[] point(int line, String[] parts, String shape) {
        fields(line, parts, 3, shape);
        double raw = number(line, parts[1]);
        double probability = number(line, parts[2]);
        if (raw < 0 || raw > 1 || probability < 0 || probability > 1) {
            throw new IllegalArgumentException("line " + line + ": calibration points are probabilities between 0 and 1");
        }
        return new double[] {raw, probability};
    }

    private static IsotonicCalibration calibration(String entry, List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        try {
            return new IsotonicCalibration(x, y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + entry + "' lines: " + e.getMessage());
        }
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

    /** The same model under another name: where it came from ({@code shipped model}, a file). */
    public ScoringModel named(String newName) {
        return new ScoringModel(intercept, weights, calibration, valueCalibration, newName);
    }

    /** Where the model came from: {@code shipped model} or the file it was read from. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
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
        double[] sum = {0};
        measurement.forEachFeature((feature, value) -> {
            Double weight = lookup.get(feature);
            if (weight != null) {
                sum[0] += weight * value;
            }
        });
        return sum[0];
    }

    /** The uncalibrated probability for a candidate's measurements. */
    public double rawProbability(List<Measurement> measurements) {
        double logit = intercept;
        for (Measurement measurement : measurements) {
            logit += contribution(measurement);
        }
        return probability(logit);
    }

    /** The logistic function: log-odds to probability. */
    public static double probability(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    public double confidence(List<Measurement> measurements) {
        return confidence(rawProbability(measurements), measurements);
    }

    /** The calibrated confidence of measurements whose {@link #rawProbability} is already known. */
    public double confidence(double rawProbability, List<Measurement> measurements) {
        IsotonicCalibration applied = hasValueEvidence(measurements) ? valueCalibration : calibration;
        return Math.max(0, Math.min(1, applied.apply(rawProbability)));
    }

    /** Whether the candidate was judged on its values (a containment figure), not on metadata alone. */
    public static boolean hasValueEvidence(List<Measurement> measurements) {
        for (Measurement measurement : measurements) {
            if (measurement.signal().equals(ContainmentSignal.NAME)) {
                return true;
            }
        }
        return false;
    }
}
