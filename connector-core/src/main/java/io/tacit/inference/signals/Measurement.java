package io.tacit.inference.signals;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
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
        features = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(features, "features is null")));
        requireNonNull(detail, "detail is null");
    }

    public static Measurement of(String signal, double value, String detail, Object... featureNamesAndValues) {
        Map<String, Double> features = new TreeMap<>();
        Map<String, String> names = FEATURE_NAMES.computeIfAbsent(signal, ignored -> new ConcurrentHashMap<>());
        for (int i = 0; i + 1 < featureNamesAndValues.length; i += 2) {
            String name = names.computeIfAbsent((String) featureNamesAndValues[i], feature -> signal + "." + feature);
            features.put(name, ((Number) featureNamesAndValues[i + 1]).doubleValue());
        }
        return new Measurement(signal, value, features, detail);
    }
}
