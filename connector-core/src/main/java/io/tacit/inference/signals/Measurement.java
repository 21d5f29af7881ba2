package io.tacit.inference.signals;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one signal measured on one candidate.
 *
 * @param value the headline figure, usually in [0, 1]
 * @param features named inputs for the scoring model ({@code signal.feature} -> value)
 * @param detail the measurement in plain words
 */
public record Measurement(String signal, double value, Map<String, Double> features, String detail) {
    public Measurement {
        requireNonNull(signal, "signal is null");
        features = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(features, "features is null")));
        requireNonNull(detail, "detail is null");
    }

    public static Measurement of(String signal, double value, String detail, Object... featureNamesAndValues) {
        Map<String, Double> features = new TreeMap<>();
        for (int i = 0; i + 1 < featureNamesAndValues.length; i += 2) {
            features.put(signal + "." + featureNamesAndValues[i], ((Number) featureNamesAndValues[i + 1]).doubleValue());
        }
        return new Measurement(signal, value, features, detail);
    }
}
