package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The outcome of inference on one snapshot: the declared relationships (unless ignored) and the inferred
 * ones that passed selection, sorted; plus figures about the run.
 *
 * @param candidatesConsidered how many candidate column pairs were scored
 * @param stageMillis wall time per stage, in pipeline order
 */
public record InferenceResult(
        RunContext run,
        SchemaSnapshot snapshot,
        StatisticsLevel level,
        List<Relationship> relationships,
        long candidatesConsidered,
        Map<String, Long> stageMillis) {
    public InferenceResult {
        requireNonNull(run, "run is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(level, "level is null");
        relationships = requireNonNull(relationships, "relationships is null").stream().sorted().toList();
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                requireNonNull(stageMillis, "stageMillis is null")));
    }

    public List<Relationship> inferred() {
        return relationships.stream().filter(relationship -> relationship.origin() != Origin.DECLARED).toList();
    }
}
