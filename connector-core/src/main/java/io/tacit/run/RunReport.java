package io.tacit.run;

import static java.util.Objects.requireNonNull;

import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import java.util.List;

/**
 * Everything one run produced: the inference result (with every stage's wall time in
 * {@link InferenceResult#stageMillis()}) and what each publisher planned and did.
 *
 * @param dryRun whether publishers only planned
 */
public record RunReport(RunContext run, InferenceResult result, List<PublisherRun> publishers, boolean dryRun) {
    public RunReport {
        requireNonNull(run, "run is null");
        requireNonNull(result, "result is null");
        publishers = List.copyOf(requireNonNull(publishers, "publishers is null"));
    }

    /** Entities a publisher failed to update, over all publishers. */
    public long publishFailures() {
        return publishers.stream()
                .flatMap(publisher -> publisher.applied().stream())
                .mapToLong(report -> report.failures())
                .sum();
    }
}
