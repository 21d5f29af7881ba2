package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the OpenMetadata publisher writes and where.
 *
 * @param schemaMapping source schema to its OpenMetadata [database, schema] when it differs from the default
 * @param offlineDirectory when present, planned writes are saved there as JSON files instead of being sent
 */
public record PublishOptions(
        String serviceName,
        Optional<String> database,
        Map<String, List<String>> schemaMapping,
        boolean lineage,
        boolean joins,
        boolean tags,
        boolean customProperty,
        boolean pipelineStatus,
        String pipelineName,
        String classification,
        double minConfidence,
        Optional<Path> offlineDirectory) {
    public PublishOptions {
        requireNonNull(serviceName, "serviceName is null");
        requireNonNull(database, "database is null");
        schemaMapping = Map.copyOf(requireNonNull(schemaMapping, "schemaMapping is null"));
        requireNonNull(pipelineName, "pipelineName is null");
        requireNonNull(classification, "classification is null");
        requireNonNull(offlineDirectory, "offlineDirectory is null");
    }

    /** Everything on, defaults elsewhere. */
    public static PublishOptions defaults(String serviceName, String database) {
        return new PublishOptions(serviceName, Optional.ofNullable(database), Map.of(), true, true, true, true, true,
                "tacit-relationships", "TacitInferred", 0.5, Optional.empty());
    }

    public PublishOptions withLineage(boolean value) {
        return new PublishOptions(serviceName, database, schemaMapping, value, joins, tags, customProperty, pipelineStatus,
                pipelineName, classification, minConfidence, offlineDirectory);
    }

    public PublishOptions withJoins(boolean value) {
        return new PublishOptions(serviceName, database, schemaMapping, lineage, value, tags, customProperty,
                pipelineStatus, pipelineName, classification, minConfidence, offlineDirectory);
    }

    public PublishOptions withPipelineStatus(boolean value) {
        return new PublishOptions(serviceName, database, schemaMapping, lineage, joins, tags, customProperty, value,
                pipelineName, classification, minConfidence, offlineDirectory);
    }

    public PublishOptions withOfflineDirectory(Path directory) {
        return new PublishOptions(serviceName, database, schemaMapping, lineage, joins, tags, customProperty,
                pipelineStatus, pipelineName, classification, minConfidence, Optional.of(directory));
    }

    public PublishOptions withMinConfidence(double value) {
        return new PublishOptions(serviceName, database, schemaMapping, lineage, joins, tags, customProperty,
                pipelineStatus, pipelineName, classification, value, offlineDirectory);
    }

    public String tag(String name) {
        return classification + "." + name;
    }
}
