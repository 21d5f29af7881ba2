package io.tacit.run;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.InferenceSettings;
import io.tacit.model.SchemaFilter;
import io.tacit.model.StatisticsLevel;

/**
 * What one discovery run reads and infers.
 *
 * @param ignoreDeclared hide the source's declared foreign keys from inference (benchmarks run this way)
 * @param decisions a reviewer's decisions file ({@link io.tacit.review.ReviewDecisions}) applied to the result
 */
public record DiscoveryOptions(SchemaFilter filter, StatisticsLevel level, boolean ignoreDeclared, InferenceSettings inference,
        java.util.Optional<java.nio.file.Path> decisions) {
    public DiscoveryOptions {
        requireNonNull(filter, "filter is null");
        requireNonNull(level, "level is null");
        requireNonNull(inference, "inference is null");
        requireNonNull(decisions, "decisions is null");
    }

    public DiscoveryOptions(SchemaFilter filter, StatisticsLevel level, boolean ignoreDeclared, InferenceSettings inference) {
        this(filter, level, ignoreDeclared, inference, java.util.Optional.empty());
    }

    public static DiscoveryOptions defaults() {
        return new DiscoveryOptions(SchemaFilter.all(), StatisticsLevel.SAMPLE, false, InferenceSettings.DEFAULTS);
    }
}
