package io.tacit.inference;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.scoring.ScoringModel;

/**
 * Knobs of the inference.
 *
 * @param minConfidence inferred relationships below this confidence are not reported
 * @param maxProbes at most this many candidates are checked against the data with exact containment queries
 * @param model the scoring model: the shipped one, or one read from a file ({@link ScoringModel#load})
 */
public record InferenceSettings(double minConfidence, int maxProbes, ScoringModel model) {
    public static final InferenceSettings DEFAULTS = new InferenceSettings(0.5, 2_000);

    public InferenceSettings {
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1]: " + minConfidence);
        }
        if (maxProbes < 0) {
            throw new IllegalArgumentException("maxProbes must not be negative: " + maxProbes);
        }
        requireNonNull(model, "model is null");
    }

    /** With the shipped model. */
    public InferenceSettings(double minConfidence, int maxProbes) {
        this(minConfidence, maxProbes, ScoringModel.committed());
    }

    public InferenceSettings withMinConfidence(double newMinConfidence) {
        return new InferenceSettings(newMinConfidence, maxProbes, model);
    }

    public InferenceSettings withModel(ScoringModel newModel) {
        return new InferenceSettings(minConfidence, maxProbes, newModel);
    }
}
