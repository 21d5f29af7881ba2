package io.tacit.inference;

/**
 * Knobs of the inference.
 *
 * @param minConfidence inferred relationships below this confidence are not reported
 * @param maxProbes at most this many candidates are checked against the data with exact containment queries
 */
public record InferenceSettings(double minConfidence, int maxProbes) {
    public static final InferenceSettings DEFAULTS = new InferenceSettings(0.5, 2_000);

    public InferenceSettings {
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1]: " + minConfidence);
        }
        if (maxProbes < 0) {
            throw new IllegalArgumentException("maxProbes must not be negative: " + maxProbes);
        }
    }
}
