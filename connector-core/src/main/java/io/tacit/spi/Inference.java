package io.tacit.spi;

import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;

/**
 * Turns a snapshot and its statistics into relationships. Runs on metadata only (no database connection):
 * anything it wants to know about the data beyond {@code statistics} it asks the {@link ValueProbe}.
 */
public interface Inference {
    InferenceResult infer(
            RunContext run,
            SchemaSnapshot snapshot,
            Statistics statistics,
            ValueProbe probe,
            ProgressListener progress);
}
