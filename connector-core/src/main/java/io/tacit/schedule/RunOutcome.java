package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How one scheduled run ended.
 *
 * @param edgesPublished relationships added or changed in the catalogs
 * @param failures catalog entities that could not be updated
 * @param summary one line for logs and run history
 * @param log the run's log lines, for catalogs that keep them
 */
public record RunOutcome(RunState state, long edgesPublished, long failures, Duration duration, String summary, String log) {
    public RunOutcome {
        requireNonNull(state, "state is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(log, "log is null");
        if (edgesPublished < 0 || failures < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public static RunOutcome failed(Duration duration, String summary, String log) {
        return new RunOutcome(RunState.FAILED, 0, 0, duration, summary, log);
    }
}
