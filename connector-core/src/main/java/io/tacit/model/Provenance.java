package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a relationship came from: which run, which tool version, when, from which source, on which evidence,
 * and for ORM edges the file and line that declare it.
 *
 * @param source a secret-free description of the source that was read
 */
public record Provenance(
        RunId runId,
        String toolVersion,
        Instant time,
        String source,
        List<Evidence> evidence,
        Optional<SourceLocation> location) {
    public Provenance {
        requireNonNull(runId, "runId is null");
        requireNonNull(toolVersion, "toolVersion is null");
        requireNonNull(time, "time is null");
        requireNonNull(source, "source is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        requireNonNull(location, "location is null");
    }

    public Provenance withEvidence(List<Evidence> newEvidence) {
        return new Provenance(runId, toolVersion, time, source, newEvidence, location);
    }
}
