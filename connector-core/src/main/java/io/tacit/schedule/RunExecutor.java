package io.tacit.schedule;

import java.util.function.BooleanSupplier;

/** Performs one run (the same pipeline as {@code tacit discover}) under the given run id. */
@FunctionalInterface
public interface RunExecutor {
    /**
     * @param stopRequested true once the process is asked to stop; a run may finish or give up early
     * @return how the run ended; a thrown exception is a failed run
     */
    RunOutcome run(String runId, BooleanSupplier stopRequested);
}
