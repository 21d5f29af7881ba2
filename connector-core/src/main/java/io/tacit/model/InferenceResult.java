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
 * @param tableStatistics where each table's statistics came from; a table without any is absent (a level of
 *                        {@code full} whose table kept engine figures shows here)
 * @param warnings what the run skipped or lost and went on without, in the order it happened
 */
public record InferenceResult(
        RunContext run,
        SchemaSnapshot snapshot,
        StatisticsLevel level,
        List<Relationship> relationships,
        long candidatesConsidered,
        Map<String, Long> stageMillis,
        Map<TableName, StatisticsOrigin> tableStatistics,
        List<RunWarning> warnings) {
    public InferenceResult {
        requireNonNull(run, "run is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(level, "level is null");
        relationships = requireNonNull(relationships, "relationships is null").stream().sorted().toList();
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                requireNonNull(stageMillis, "stageMillis is null")));
        tableStatistics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(new java.util.TreeMap<>(
                requireNonNull(tableStatistics, "tableStatistics is null"))));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    /** A result with no statistics origins and no warnings (inference alone, tests). */
    public InferenceResult(RunContext run, SchemaSnapshot snapshot, StatisticsLevel level,
            List<Relationship> relationships, long candidatesConsidered, Map<String, Long> stageMillis) {
        this(run, snapshot, level, relationships, candidatesConsidered, stageMillis, Map.of(), List.of());
    }

    public List<Relationship> inferred() {
        return relationships.stream().filter(relationship -> relationship.origin() != Origin.DECLARED).toList();
    }
}
