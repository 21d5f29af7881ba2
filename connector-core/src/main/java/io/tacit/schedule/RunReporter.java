package io.tacit.schedule;

import java.time.Instant;

/**
 * Tells a catalog about scheduled runs: that one started, how it ended, and, once this instance holds the
 * lease, which runs an instance that died left marked as running.
 */
public interface RunReporter {
    RunReporter NONE = new RunReporter() {
    };

    default void started(String runId, Instant at) {
    }

    default void finished(String runId, Instant startedAt, RunOutcome outcome) {
    }

    /**
     * Called while this instance holds the lease and before it runs: no other instance is running, so whatever
     * still says "running" was left by one that stopped without finishing; mark it abandoned.
     */
    default void recoverAbandoned(Instant now) {
    }
}
