package io.tacit.spi;

import io.tacit.model.InferenceResult;

/**
 * Publishes an inference result somewhere: first a pure plan from the result and the target's current
 * state, then the changes. A publisher only changes what it wrote itself.
 *
 * @param <P> the plan type this publisher computes
 */
public interface Publisher<P extends PublishPlan> extends AutoCloseable {
    /** A short name for reports and logs ({@code openmetadata}, {@code datahub}, {@code json-report}). */
    String name();

    /** Reads the target's current state and computes the changes. Writes nothing. */
    P plan(InferenceResult result, ProgressListener progress);

    /** Carries out the plan; a failure on one entity is reported and does not stop the others. */
    PublishReport apply(P plan, ProgressListener progress);

    @Override
    default void close() {
    }
}
