package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.linkedin.ermodelrelation.ERModelRelationshipProperties;
import com.linkedin.schema.EditableSchemaMetadata;
import com.linkedin.schema.SchemaMetadata;
import com.linkedin.dataset.UpstreamLineage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What DataHub holds that tacit's plan depends on, read before planning. {@link #offline()} is the state of a
 * file-mode run with no server to read: nothing known, so nothing is retired or merged.
 *
 * @param known whether the state was read from a server at all
 * @param datasets by dataset URN, for every dataset looked up
 * @param relationships tacit's own erModelRelationship entities of this scope, by URN (soft-deleted ones too)
 * @param tags tag URNs that already have tagProperties
 */
record CatalogState(
        ServerVersion version,
        boolean known,
        Map<String, DatasetState> datasets,
        Map<String, RelationshipEntity> relationships,
        Set<String> tags) {
    CatalogState {
        requireNonNull(version, "version is null");
        datasets = new TreeMap<>(requireNonNull(datasets, "datasets is null"));
        relationships = new TreeMap<>(requireNonNull(relationships, "relationships is null"));
        tags = Set.copyOf(requireNonNull(tags, "tags is null"));
    }

    static CatalogState offline() {
        return new CatalogState(ServerVersion.UNKNOWN, false, Map.of(), Map.of(), Set.of());
    }

    Optional<DatasetState> dataset(String urn) {
        return Optional.ofNullable(datasets.get(urn));
    }

    /**
     * One dataset as DataHub has it.
     *
     * @param exists whether DataHub knows the dataset (it has schemaMetadata)
     * @param schemaVersion {@code systemMetadata.version} of schemaMetadata, for If-Version-Match
     */
    record DatasetState(
            String urn,
            boolean exists,
            Optional<SchemaMetadata> schema,
            Optional<String> schemaVersion,
            Optional<EditableSchemaMetadata> editable,
            Optional<UpstreamLineage> lineage) {
        DatasetState {
            requireNonNull(urn, "urn is null");
            requireNonNull(schema, "schema is null");
            requireNonNull(schemaVersion, "schemaVersion is null");
            requireNonNull(editable, "editable is null");
            requireNonNull(lineage, "lineage is null");
        }
    }

    /**
     * A relationship entity tacit wrote earlier.
     *
     * @param removed soft-deleted ({@code status.removed})
     * @param rejected a steward put the {@code tacit-rejected} tag on it
     */
    record RelationshipEntity(String urn, ERModelRelationshipProperties properties, boolean removed, boolean rejected) {
        RelationshipEntity {
            requireNonNull(urn, "urn is null");
            requireNonNull(properties, "properties is null");
        }
    }
}
