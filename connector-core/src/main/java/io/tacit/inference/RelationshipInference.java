package io.tacit.inference;

import static java.util.Objects.requireNonNull;

import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.spi.Inference;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;

/**
 * The inference pipeline: candidates from names and values, signals, scoring, calibration and global
 * selection. Declared relationships of the snapshot are passed through with origin DECLARED.
 */
public final class RelationshipInference implements Inference {
    private final InferenceSettings settings;

    public RelationshipInference(InferenceSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public InferenceResult infer(RunContext run, SchemaSnapshot snapshot, Statistics statistics, ValueProbe probe,
            ProgressListener progress) {
        throw new UnsupportedOperationException("not built yet");
    }
}
