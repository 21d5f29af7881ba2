package io.tacit.spi;

import io.tacit.model.RunWarning;

/**
 * Hears how long steps advance. The CLI draws a progress bar on a terminal and plain lines otherwise;
 * tests and libraries pass {@link #NONE}. Implementations must be cheap and thread-safe.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void stageStarted(String stage, long totalUnits) {
        }

        @Override
        public void advanced(long units) {
        }

        @Override
        public void stageFinished(String stage) {
        }
    };

    /** A named stage begins; {@code totalUnits} is 0 when the size is not known. */
    void stageStarted(String stage, long totalUnits);

    /** {@code units} more units of the current stage are done. */
    void advanced(long units);

    void stageFinished(String stage);

    /** A note worth a line on stderr (a skipped table, a slow query). */
    default void note(String message) {
    }

    /** Something the run skipped or lost and goes on without; the report lists it. Also a note by default. */
    default void warning(RunWarning warning) {
        note(warning.message());
    }
}
