package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.linkedin.data.DataMap;
import com.linkedin.data.template.GetMode;
import com.linkedin.schema.ForeignKeyConstraint;
import com.linkedin.schema.ForeignKeyConstraintArray;
import com.linkedin.schema.SchemaMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * tacit's foreign keys of one dataset, merged into the schemaMetadata the source ingestion wrote: every field,
 * key and foreign key of others is kept as read; only keys named {@code tacit_...} are replaced.
 */
record ForeignKeyMerge(String datasetUrn, List<ForeignKeyConstraint> desired) {
    static final String PREFIX = "tacit_";

    ForeignKeyMerge {
        requireNonNull(datasetUrn, "datasetUrn is null");
        desired = List.copyOf(requireNonNull(desired, "desired is null"));
    }

    static boolean isTacit(ForeignKeyConstraint key) {
        return key.getName(GetMode.NULL) != null && key.getName().startsWith(PREFIX);
    }

    static List<ForeignKeyConstraint> tacitKeys(SchemaMetadata schema) {
        ForeignKeyConstraintArray keys = schema.getForeignKeys(GetMode.NULL);
        if (keys == null) {
            return List.of();
        }
        return keys.stream().filter(ForeignKeyMerge::isTacit).toList();
    }

    /** Whether the schema already holds exactly tacit's desired keys. */
    boolean satisfiedBy(SchemaMetadata schema) {
        List<ForeignKeyConstraint> present = tacitKeys(schema);
        return present.size() == desired.size() && present.containsAll(desired);
    }

    /** A copy of {@code schema} with tacit's keys replaced by {@code desired}; everything else as read. */
    SchemaMetadata mergeInto(SchemaMetadata schema) {
        SchemaMetadata copy;
        try {
            copy = new SchemaMetadata(schema.data().copy());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("cannot copy schemaMetadata", e);
        }
        List<ForeignKeyConstraint> merged = new ArrayList<>();
        ForeignKeyConstraintArray existing = copy.getForeignKeys(GetMode.NULL);
        if (existing != null) {
            existing.stream().filter(key -> !isTacit(key)).forEach(merged::add);
        }
        merged.addAll(desired);
        if (merged.isEmpty() && existing == null) {
            return copy;
        }
        copy.setForeignKeys(new ForeignKeyConstraintArray(merged));
        return copy;
    }

    static SchemaMetadata parse(String json) {
        DataMap data = com.datahub.util.RecordUtils.toDataMap(json);
        return new SchemaMetadata(data);
    }
}
