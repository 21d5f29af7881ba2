package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.model.StatisticsLevel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dataset scored on one target at one statistics level.
 *
 * @param dataset the dataset's name, or the source description for an already-loaded database
 * @param target the engine, or empty text for an already-loaded database
 * @param rows rows loaded (0 for schema-only datasets and already-loaded databases)
 * @param model the scoring model that ran: {@code shipped model} or the file given with {@code --model}
 * @param stageMillis median wall time per stage over {@code repeats} runs, in pipeline order: {@code load},
 *                    {@code read schema}, {@code statistics}, {@code inference}, then the inference's own
 *                    stages prefixed {@code inference/}
 */
public record EvaluationResult(
        String dataset,
        String target,
        StatisticsLevel level,
        int tables,
        int columns,
        long rows,
        Score score,
        Map<String, Long> stageMillis,
        int repeats,
        String model) {
    public EvaluationResult {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(target, "target is null");
        requireNonNull(level, "level is null");
        requireNonNull(score, "score is null");
        stageMillis = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(stageMillis, "stageMillis is null")));
    }

    /** Discovery time: reading the schema, statistics and inference (loading not included). */
    public long discoveryMillis() {
        return stageMillis.getOrDefault(Evaluation.READ_SCHEMA, 0L) + stageMillis.getOrDefault(Evaluation.STATISTICS, 0L)
                + stageMillis.getOrDefault(Evaluation.INFERENCE, 0L);
    }
}
