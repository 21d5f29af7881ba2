package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A run a trigger asks for.
 *
 * @param trigger the trigger's name, for logs and metrics ({@code cron}, {@code after-source}, {@code datahub-executor})
 * @param reason why it is due, in words
 * @param runId the run id to use when the catalog chose it (a DataHub execution request's id), so that what
 *     tacit stamps on its writes is that run's; tacit makes one otherwise
 * @param claim taken once the lease is held; a request another instance already took answers false
 * @param reporter what the request's own catalog entry learns of the run (besides the serve loop's reporters)
 */
public record RunRequest(String trigger, String reason, Optional<String> runId, Claim claim, RunReporter reporter) {
    public RunRequest {
        requireNonNull(trigger, "trigger is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(claim, "claim is null");
        requireNonNull(reporter, "reporter is null");
    }

    /** A run tacit starts on its own (a cron time, a finished source run). */
    public static RunRequest of(String trigger, String reason) {
        return new RunRequest(trigger, reason, Optional.empty(), () -> true, RunReporter.NONE);
    }

    /** Taking a request for this instance; false when another instance took it first. */
    @FunctionalInterface
    public interface Claim {
        boolean take();
    }
}
