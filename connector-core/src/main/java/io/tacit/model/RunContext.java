package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** What every stage of one run shares: its id, the tool version and when it started. */
public record RunContext(RunId runId, String toolVersion, Instant startedAt) {
    public RunContext {
        requireNonNull(runId, "runId is null");
        requireNonNull(toolVersion, "toolVersion is null");
        requireNonNull(startedAt, "startedAt is null");
    }

    public static RunContext start(String toolVersion) {
        Instant now = Instant.now();
        return new RunContext(RunId.generate(now), toolVersion, now);
    }
}
