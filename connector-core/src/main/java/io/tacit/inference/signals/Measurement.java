package io.tacit.inference.signals;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one signal measured on one candidate.
 *
 * @param value the headline figure, usually in [0, 1]
 * @param features named inputs for the scoring model ({@code signal.feature} -> value)
 * @param detail the measurement in plain words
 */
public record Measurement(String signal, double value, Map<String, Double> features, String detail) {
    /** {@code signal.feature} names by signal and feature, built once instead of once per candidate. */
    private static final Map<String, Map<String, String>> FEATURE_NAMES = new ConcurrentHashMap<>();

    public Measurement {
        requireNonNull(signal, "signal is null");
        features = FeatureMap.copyOf(requireNonNull(features, "features is null"));
        requireNonNull(detail, "detail is null");
    }

    public static Measurement of(String signal, double value, String detail, Object... featureNamesAndValues) {
        Map<String, String> names = FEATURE_NAMES.computeIfAbsent(signal, ignored -> new ConcurrentHashMap<>());
        int count = featureNamesAndValues.length / 2;
        String[] featureNames = new String[count];
        double[] featureValues = new double[count];
        for (int i = 0; i < count; i++) {
            featureNames[i] = names.computeIfAbsent((String) featureNamesAndValues[2 * i], feature -> signal + "." + feature);
            featureValues[i] = ((Number) featureNamesAndValues[2 * i + 1]).doubleValue();
        }
        return new Measurement(signal, value, FeatureMap.of(featureNames, featureValues), detail);
    }

    /** Every feature with its value, in name order, without boxing: the scoring hot path. */
    public void forEachFeature(FeatureConsumer action) {
        ((FeatureMap) features).forEachValue(action);
    }

    /** Receives one feature: its name and value. */
    @FunctionalInterface
    public interface FeatureConsumer {
        void accept(String name, double value);
    }
}
