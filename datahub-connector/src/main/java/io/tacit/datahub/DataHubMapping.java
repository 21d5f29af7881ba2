package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.linkedin.common.AuditStamp;
import com.linkedin.common.Status;
import com.linkedin.common.TagAssociation;
import com.linkedin.common.UrnArray;
import com.linkedin.common.urn.DatasetUrn;
import com.linkedin.common.urn.TagUrn;
import com.linkedin.common.urn.Urn;
import com.linkedin.data.template.GetMode;
import com.linkedin.data.template.RecordTemplate;
import com.linkedin.data.template.StringMap;
import com.linkedin.dataset.FineGrainedLineage;
import com.linkedin.dataset.Upstream;
import com.linkedin.dataset.UpstreamLineage;
import com.linkedin.ermodelrelation.ERModelRelationshipCardinality;
import com.linkedin.ermodelrelation.ERModelRelationshipProperties;
import com.linkedin.ermodelrelation.RelationshipFieldMapping;
import com.linkedin.ermodelrelation.RelationshipFieldMappingArray;
import com.linkedin.mxe.MetadataChangeProposal;
import com.linkedin.mxe.SystemMetadata;
import com.linkedin.schema.EditableSchemaFieldInfo;
import com.linkedin.schema.EditableSchemaMetadata;
import com.linkedin.schema.ForeignKeyConstraint;
import com.linkedin.schema.SchemaField;
import com.linkedin.schema.SchemaMetadata;
import com.linkedin.tag.TagProperties;
import datahub.event.EventFormatter;
import datahub.event.MetadataChangeProposalWrapper;
import io.tacit.datahub.CatalogState.DatasetState;
import io.tacit.datahub.CatalogState.RelationshipEntity;
import io.tacit.datahub.DataHubPlan.Proposal;
import io.tacit.datahub.DataHubPlan.TargetWork;
import io.tacit.model.Cardinality;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Origin;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunContext;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.spi.PublishPlan.Action;
import io.tacit.spi.PublishPlan.PlannedChange;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps an inference result onto DataHub aspects, given what DataHub already holds: pure, no I/O. Decides what
 * is added, changed, retired or left alone, and builds the proposals, each stamped with the run's
 * {@code systemMetadata}.
 *
 * <p>Ownership: tacit owns its erModelRelationship entities (custom property {@code tacit.owner=tacit} and
 * {@code tacit.scope}), the foreign keys named {@code tacit_...}, the tags {@code tacit-inferred-fk} and
 * {@code tacit-confidence-*} on fields, the upstream entries with {@code properties.createdBy=tacit} and the
 * fine-grained edges with transform operation {@code TACIT_INFERRED_FK}. Nothing else is changed or removed.
 * A steward rejects an edge by tagging its relationship entity (or the referencing field) with
 * {@code tacit-rejected}.
 */
final class DataHubMapping {
    static final String OWNER_KEY = "tacit.owner";
    static final String OWNER = "tacit";
    static final String SCOPE_KEY = "tacit.scope";
    static final String TRANSFORM = "TACIT_INFERRED_FK";
    static final String TAG_INFERRED = "urn:li:tag:tacit-inferred-fk";
    static final String TAG_HIGH = "urn:li:tag:tacit-confidence-high";
    static final String TAG_MEDIUM = "urn:li:tag:tacit-confidence-medium";
    static final String TAG_LOW = "urn:li:tag:tacit-confidence-low";
    static final String TAG_REJECTED = "urn:li:tag:tacit-rejected";
    static final List<String> OWNED_TAGS = List.of(TAG_INFERRED, TAG_HIGH, TAG_MEDIUM, TAG_LOW);
    static final String ACTOR = "urn:li:corpuser:tacit";
    /** Custom properties that change every run and do not make an entity "changed". */
    private static final Set<String> VOLATILE_PROPERTIES = Set.of("tacit.runId", "tacit.toolVersion", "tacit.inferredAt");
    private static final EventFormatter FORMATTER = new EventFormatter();

    /** What to write; the feature switches of the sink. */
    record Options(boolean relationships, boolean foreignKeys, boolean lineage, boolean tags, boolean checkDatasets,
                   double minConfidence, String pipelineName) {
        Options {
            requireNonNull(pipelineName, "pipelineName is null");
        }

        static Options of(DataHubSettings settings) {
            return new Options(settings.relationships(), settings.foreignKeys(), settings.lineage(), settings.tags(),
                    settings.checkDatasets(), settings.minConfidence(), settings.pipelineName());
        }
    }

    private final DatasetNaming naming;
    private final Options options;

    DataHubMapping(DatasetNaming naming, Options options) {
        this.naming = requireNonNull(naming, "naming is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** The dataset URNs whose state the plan needs: both ends of every edge tacit would publish. */
    Set<String> datasetsOf(InferenceResult result) {
        Set<String> urns = new TreeSet<>();
        for (Relationship edge : publishable(result, options.minConfidence())) {
            urns.add(naming.datasetUrn(edge.from().table()));
            urns.add(naming.datasetUrn(edge.to().table()));
        }
        return urns;
    }

    /** The edges tacit publishes: inferred and ORM ones (declared ones are the database's), sure enough. */
    static List<Relationship> publishable(InferenceResult result, double minConfidence) {
        return result.relationships().stream()
                .filter(edge -> edge.origin() != Origin.DECLARED && edge.confidence() >= minConfidence)
                .toList();
    }

    /** One edge resolved to DataHub names. */
    private record Edge(Relationship relationship, String relationshipUrn, String fromUrn, String toUrn,
                        List<String> fromFields, List<String> toFields) {
    }

    DataHubPlan plan(InferenceResult result, CatalogState state) {
        RunContext run = result.run();
        SystemMetadata stamp = new SystemMetadata()
                .setRunId(run.runId().value())
                .setPipelineName(options.pipelineName())
                .setLastObserved(run.startedAt().toEpochMilli());
        List<String> notes = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        Map<String, TableName> inScope = new TreeMap<>();
        for (Table table : result.snapshot().tables()) {
            inScope.put(naming.datasetUrn(table.name()), table.name());
        }

        // 1. resolve edges; skip missing datasets, unknown fields and rejected edges
        List<Edge> edges = new ArrayList<>();
        Set<String> rejectedUrns = new TreeSet<>();
        for (Relationship relationship : publishable(result, options.minConfidence())) {
            String fromUrn = naming.datasetUrn(relationship.from().table());
            String toUrn = naming.datasetUrn(relationship.to().table());
            if (state.known() && options.checkDatasets()) {
                boolean fromMissing = state.dataset(fromUrn).map(dataset -> !dataset.exists()).orElse(true);
                boolean toMissing = state.dataset(toUrn).map(dataset -> !dataset.exists()).orElse(true);
                if (fromMissing) {
                    missing.add(fromUrn);
                }
                if (toMissing) {
                    missing.add(toUrn);
                }
                if (fromMissing || toMissing) {
                    notes.add("skipped " + relationship.key() + ": dataset not in DataHub");
                    continue;
                }
            }
            Optional<List<String>> fromFields = fieldPaths(state, fromUrn, relationship.from().columns());
            Optional<List<String>> toFields = fieldPaths(state, toUrn, relationship.to().columns());
            if (fromFields.isEmpty() || toFields.isEmpty()) {
                notes.add("skipped " + relationship.key() + ": a column is not among the dataset's schema fields in DataHub");
                continue;
            }
            String relationshipUrn = relationshipUrn(fromUrn, fromFields.get(), toUrn, toFields.get(), relationship);
            Optional<RelationshipEntity> existing = Optional.ofNullable(state.relationships().get(relationshipUrn));
            if (existing.isPresent() && existing.get().rejected()) {
                rejectedUrns.add(relationshipUrn);
                notes.add("kept out " + relationship.key() + ": rejected by a steward (tag tacit-rejected on " + relationshipUrn + ")");
                continue;
            }
            if (fieldRejected(state, fromUrn, fromFields.get())) {
                notes.add("kept out " + relationship.key() + ": rejected by a steward (tag tacit-rejected on the column)");
                continue;
            }
            edges.add(new Edge(relationship, relationshipUrn, fromUrn, toUrn, fromFields.get(), toFields.get()));
        }

        List<PlannedChange> changes = new ArrayList<>();
        List<TargetWork> work = new ArrayList<>();
        Set<String> tagsUsed = new TreeSet<>();
        List<TargetWork> datasetWork = new ArrayList<>();

        // 2. per dataset: foreign keys, tags, lineage
        Set<String> datasetUrns = new TreeSet<>();
        edges.forEach(edge -> datasetUrns.add(edge.fromUrn()));
        if (state.known()) {
            // datasets of this run that may hold tacit's artifacts from earlier runs
            state.datasets().keySet().stream().filter(inScope::containsKey).forEach(datasetUrns::add);
        }
        Map<String, List<Edge>> outgoingByDataset = new TreeMap<>();
        edges.forEach(edge -> outgoingByDataset.computeIfAbsent(edge.fromUrn(), key -> new ArrayList<>()).add(edge));
        for (String datasetUrn : datasetUrns) {
            if (missing.contains(datasetUrn)) {
                continue;
            }
            List<Edge> outgoing = outgoingByDataset.getOrDefault(datasetUrn, List.of());
            Optional<DatasetState> dataset = state.dataset(datasetUrn);
            List<Proposal> proposals = new ArrayList<>();
            if (options.foreignKeys()) {
                foreignKeys(datasetUrn, outgoing, dataset, state, stamp, changes, proposals, notes);
            }
            if (options.tags()) {
                tags(datasetUrn, outgoing, dataset, stamp, changes, proposals, tagsUsed);
            }
            if (options.lineage()) {
                lineage(datasetUrn, outgoing, dataset, run, stamp, changes, proposals, notes);
            }
            if (!proposals.isEmpty()) {
                datasetWork.add(new TargetWork(datasetUrn, proposals));
            }
        }

        // 3. tag entities, so tags show a name and description
        for (String tag : tagsUsed) {
            if (!state.tags().contains(tag)) {
                TagProperties properties = new TagProperties().setName(tag.substring("urn:li:tag:".length()))
                        .setDescription(tagDescription(tag));
                changes.add(new PlannedChange(Action.ADD, tag, "tag definition"));
                work.add(new TargetWork(tag, List.of(Proposal.of(upsert("tag", tag, properties, stamp)))));
            }
        }

        // 4. relationship entities: add, change, restore, retire
        if (options.relationships()) {
            Set<String> desired = new LinkedHashSet<>();
            for (Edge edge : edges) {
                desired.add(edge.relationshipUrn());
                ERModelRelationshipProperties properties = properties(edge, run);
                RelationshipEntity existing = state.relationships().get(edge.relationshipUrn());
                List<Proposal> proposals = new ArrayList<>();
                String label = edge.relationship().key() + " (" + confidence(edge.relationship()) + ")";
                if (existing == null) {
                    changes.add(new PlannedChange(Action.ADD, edge.relationshipUrn(), "relationship " + label));
                    proposals.add(Proposal.of(upsert("erModelRelationship", edge.relationshipUrn(), properties, stamp)));
                } else {
                    boolean same = sameContent(existing.properties(), properties);
                    if (!same) {
                        proposals.add(Proposal.of(upsert("erModelRelationship", edge.relationshipUrn(), properties, stamp)));
                    }
                    if (existing.removed()) {
                        proposals.add(Proposal.of(upsert("erModelRelationship", edge.relationshipUrn(),
                                new Status().setRemoved(false), stamp)));
                        changes.add(new PlannedChange(Action.CHANGE, edge.relationshipUrn(), "restore relationship " + label));
                    } else if (!same) {
                        changes.add(new PlannedChange(Action.CHANGE, edge.relationshipUrn(), "update relationship " + label));
                    } else {
                        changes.add(new PlannedChange(Action.UNCHANGED, edge.relationshipUrn(), "relationship " + label));
                    }
                }
                if (!proposals.isEmpty()) {
                    work.add(new TargetWork(edge.relationshipUrn(), proposals));
                }
            }
            for (RelationshipEntity existing : state.relationships().values()) {
                if (desired.contains(existing.urn()) || existing.removed() || existing.rejected()
                        || rejectedUrns.contains(existing.urn())) {
                    continue;
                }
                // only retire what this run could judge: each table was read in this run or is gone from DataHub
                String source = existing.properties().getSource().toString();
                String destination = existing.properties().getDestination().toString();
                if (!judged(source, inScope, state) || !judged(destination, inScope, state)) {
                    continue;
                }
                changes.add(new PlannedChange(Action.RETIRE, existing.urn(), "relationship " + existing.properties().getName()
                        + " no longer inferred (soft delete)"));
                work.add(new TargetWork(existing.urn(), List.of(Proposal.of(
                        upsert("erModelRelationship", existing.urn(), new Status().setRemoved(true), stamp)))));
            }
        }
        work.addAll(datasetWork);
        return new DataHubPlan(changes, work, notes, List.copyOf(missing));
    }

    private static boolean judged(String datasetUrn, Map<String, TableName> inScope, CatalogState state) {
        return inScope.containsKey(datasetUrn) || state.dataset(datasetUrn).map(dataset -> !dataset.exists()).orElse(false);
    }

    // ---- foreign keys in schemaMetadata ---------------------------------------------------------------------

    private void foreignKeys(String datasetUrn, List<Edge> outgoing, Optional<DatasetState> dataset, CatalogState state,
                             SystemMetadata stamp, List<PlannedChange> changes, List<Proposal> proposals, List<String> notes) {
        if (dataset.isEmpty() || dataset.get().schema().isEmpty()) {
            if (!outgoing.isEmpty()) {
                notes.add("foreign keys of " + datasetUrn + " not written: its schemaMetadata could not be read"
                        + (state.known() ? "" : " (offline file mode without serverUrl)"));
            }
            return;
        }
        if (!state.version().checksVersionHeaders()) {
            notes.add("foreign keys of " + datasetUrn + " not written: DataHub " + state.version()
                    + " does not check If-Version-Match, so the merge could overwrite a concurrent source run");
            return;
        }
        SchemaMetadata schema = dataset.get().schema().get();
        Map<String, ForeignKeyConstraint> desired = new TreeMap<>();
        for (Edge edge : outgoing) {
            ForeignKeyConstraint key = foreignKey(edge);
            desired.putIfAbsent(key.getName(), key);
        }
        ForeignKeyMerge merge = new ForeignKeyMerge(datasetUrn, List.copyOf(desired.values()));
        if (merge.satisfiedBy(schema)) {
            desired.keySet().forEach(name -> changes.add(new PlannedChange(Action.UNCHANGED, datasetUrn, "foreign key " + name)));
            return;
        }
        Map<String, ForeignKeyConstraint> present = new TreeMap<>();
        ForeignKeyMerge.tacitKeys(schema).forEach(key -> present.put(key.getName(), key));
        for (Map.Entry<String, ForeignKeyConstraint> entry : desired.entrySet()) {
            ForeignKeyConstraint before = present.get(entry.getKey());
            if (before == null) {
                changes.add(new PlannedChange(Action.ADD, datasetUrn, "foreign key " + entry.getKey()));
            } else if (!before.equals(entry.getValue())) {
                changes.add(new PlannedChange(Action.CHANGE, datasetUrn, "foreign key " + entry.getKey()));
            } else {
                changes.add(new PlannedChange(Action.UNCHANGED, datasetUrn, "foreign key " + entry.getKey()));
            }
        }
        for (String name : present.keySet()) {
            if (!desired.containsKey(name)) {
                changes.add(new PlannedChange(Action.RETIRE, datasetUrn, "foreign key " + name));
            }
        }
        proposals.add(new Proposal(schemaUpsert(datasetUrn, merge.mergeInto(schema), dataset.get().schemaVersion(), stamp),
                Optional.of(merge)));
    }

    /** A whole-aspect schemaMetadata write guarded by If-Version-Match with the version read. */
    static MetadataChangeProposal schemaUpsert(String datasetUrn, SchemaMetadata schema, Optional<String> version,
                                               SystemMetadata stamp) {
        MetadataChangeProposal mcp = upsert("dataset", datasetUrn, schema, stamp);
        // only written over a schemaMetadata that was read, so it exists: "-1" ("must not exist") would fail every
        // run. When the server showed no systemMetadata.version, it compares with max(1, row version), and the
        // latest row is version 0 (shared/reference/datahub.md "Corrections"; the row detail is an assumption)
        mcp.setHeaders(new StringMap(Map.of("If-Version-Match", version.orElse("1"))));
        return mcp;
    }

    private ForeignKeyConstraint foreignKey(Edge edge) {
        String toTable = edge.relationship().to().table().table();
        String name = ForeignKeyMerge.PREFIX + String.join("_", edge.fromFields()) + "__" + toTable + "_"
                + String.join("_", edge.toFields());
        List<Urn> sourceFields = new ArrayList<>();
        List<Urn> foreignFields = new ArrayList<>();
        for (int i = 0; i < edge.fromFields().size(); i++) {
            sourceFields.add(urn(DatasetNaming.schemaFieldUrn(edge.fromUrn(), edge.fromFields().get(i))));
            foreignFields.add(urn(DatasetNaming.schemaFieldUrn(edge.toUrn(), edge.toFields().get(i))));
        }
        return new ForeignKeyConstraint()
                .setName(name)
                .setSourceFields(new UrnArray(sourceFields))
                .setForeignFields(new UrnArray(foreignFields))
                .setForeignDataset(urn(edge.toUrn()));
    }

    // ---- tags on fields (editableSchemaMetadata) ----------------------------------------------------------

    private void tags(String datasetUrn, List<Edge> outgoing, Optional<DatasetState> dataset, SystemMetadata stamp,
                      List<PlannedChange> changes, List<Proposal> proposals, Set<String> tagsUsed) {
        Map<String, Set<String>> desired = new TreeMap<>();
        Map<String, Double> best = new TreeMap<>();
        for (Edge edge : outgoing) {
            for (String field : edge.fromFields()) {
                best.merge(field, edge.relationship().confidence(), Math::max);
            }
        }
        best.forEach((field, confidence) -> desired.put(field, new TreeSet<>(List.of(TAG_INFERRED, band(confidence)))));
        Map<String, Set<String>> present = new TreeMap<>();
        Set<String> elements = new TreeSet<>();
        dataset.flatMap(DatasetState::editable).ifPresent(editable -> {
            for (EditableSchemaFieldInfo info : editable.getEditableSchemaFieldInfo()) {
                elements.add(info.getFieldPath());
                if (info.getGlobalTags(GetMode.NULL) == null) {
                    continue;
                }
                for (TagAssociation association : info.getGlobalTags().getTags()) {
                    String tag = association.getTag().toString();
                    if (OWNED_TAGS.contains(tag)) {
                        present.computeIfAbsent(info.getFieldPath(), key -> new TreeSet<>()).add(tag);
                    }
                }
            }
        });
        TacitPatches.EditableSchemaPatch patch = new TacitPatches.EditableSchemaPatch();
        patch.urn(urn(datasetUrn));
        Set<String> fields = new TreeSet<>(desired.keySet());
        fields.addAll(present.keySet());
        for (String field : fields) {
            Set<String> want = desired.getOrDefault(field, Set.of());
            Set<String> have = present.getOrDefault(field, Set.of());
            List<String> add = want.stream().filter(tag -> !have.contains(tag)).toList();
            List<String> remove = have.stream().filter(tag -> !want.contains(tag)).toList();
            if (!add.isEmpty() && !elements.contains(field)) {
                patch.ensureField(field);
            }
            for (String tag : add) {
                patch.addTag(new TagAssociation().setTag(tagUrn(tag)), TacitPatches.segment(field));
                tagsUsed.add(tag);
                changes.add(new PlannedChange(Action.ADD, datasetUrn, "tag " + tagName(tag) + " on " + field));
            }
            for (String tag : remove) {
                patch.removeTag(tagUrn(tag), TacitPatches.segment(field));
                changes.add(new PlannedChange(Action.RETIRE, datasetUrn, "tag " + tagName(tag) + " on " + field));
            }
            if (add.isEmpty() && remove.isEmpty() && !want.isEmpty()) {
                changes.add(new PlannedChange(Action.UNCHANGED, datasetUrn, "tags on " + field));
            }
        }
        if (!patch.isEmpty()) {
            proposals.add(Proposal.of(stamped(patch.build(), stamp)));
        }
    }

    // ---- lineage (upstreamLineage) --------------------------------------------------------------------------

    private void lineage(String datasetUrn, List<Edge> outgoing, Optional<DatasetState> dataset, RunContext run,
                         SystemMetadata stamp, List<PlannedChange> changes, List<Proposal> proposals, List<String> notes) {
        Optional<UpstreamLineage> stored = dataset.flatMap(DatasetState::lineage);
        if (stored.isPresent() && stored.get().getFineGrainedLineages(GetMode.NULL) != null) {
            for (FineGrainedLineage entry : stored.get().getFineGrainedLineages()) {
                if (entry.getDownstreams(GetMode.NULL) == null || entry.getDownstreams().size() != 1) {
                    notes.add("lineage of " + datasetUrn + " not written: its upstreamLineage has a column edge with "
                            + "other than one downstream, which DataHub cannot patch");
                    return;
                }
            }
        }
        // desired: column group (transform operation + downstream field urn) -> upstream field urn -> confidence.
        // The server keeps one confidenceScore per (transformOperation, downstream, query) group, the minimum of
        // its upstreams (FineGrainedLineageTemplateHelper, shared/reference/datahub.md "Corrections"): each edge gets
        // its own operation, so two edges into one column keep their own scores and compare equal on the next run
        Set<String> wantUpstreams = new TreeSet<>();
        Map<ColumnGroup, Map<String, Float>> wantColumns = new TreeMap<>();
        for (Edge edge : outgoing) {
            if (edge.relationship().isSelfReference()) {
                continue;
            }
            wantUpstreams.add(edge.toUrn());
            float score = (float) roundedConfidence(edge.relationship());
            for (int i = 0; i < edge.fromFields().size(); i++) {
                String downstream = DatasetNaming.schemaFieldUrn(edge.fromUrn(), edge.fromFields().get(i));
                String upstream = DatasetNaming.schemaFieldUrn(edge.toUrn(), edge.toFields().get(i));
                wantColumns.computeIfAbsent(new ColumnGroup(transformOperation(edge), downstream), key -> new TreeMap<>())
                        .merge(upstream, score, Math::max);
            }
        }
        Set<String> allUpstreams = new TreeSet<>();
        Set<String> ownUpstreams = new TreeSet<>();
        Map<ColumnGroup, Map<String, Float>> haveColumns = new TreeMap<>();
        stored.ifPresent(lineage -> {
            for (Upstream upstream : lineage.getUpstreams()) {
                String dataset1 = upstream.getDataset().toString();
                allUpstreams.add(dataset1);
                StringMap properties = upstream.getProperties(GetMode.NULL);
                if (properties != null && TacitPatches.LineagePatch.OWNER.equals(properties.get(TacitPatches.LineagePatch.OWNER_KEY))) {
                    ownUpstreams.add(dataset1);
                }
            }
            if (lineage.getFineGrainedLineages(GetMode.NULL) != null) {
                for (FineGrainedLineage entry : lineage.getFineGrainedLineages()) {
                    String operation = entry.getTransformOperation(GetMode.NULL);
                    boolean tacits = operation != null && (operation.equals(TRANSFORM) || operation.startsWith(TRANSFORM + "_"));
                    if (!tacits || entry.getQuery(GetMode.NULL) != null) {
                        continue;
                    }
                    ColumnGroup group = new ColumnGroup(operation, entry.getDownstreams().get(0).toString());
                    for (Urn upstream : entry.getUpstreams()) {
                        haveColumns.computeIfAbsent(group, key -> new TreeMap<>())
                                .put(upstream.toString(), entry.getConfidenceScore());
                    }
                }
            }
        });
        TacitPatches.LineagePatch patch = new TacitPatches.LineagePatch();
        patch.urn(urn(datasetUrn));
        for (String upstream : wantUpstreams) {
            if (!allUpstreams.contains(upstream)) {
                patch.addOwnedUpstream(datasetUrn(upstream), run.startedAt().toEpochMilli(), ACTOR);
                changes.add(new PlannedChange(Action.ADD, datasetUrn, "lineage from " + upstream));
            }
        }
        for (Map.Entry<ColumnGroup, Map<String, Float>> group : wantColumns.entrySet()) {
            Map<String, Float> have = haveColumns.getOrDefault(group.getKey(), Map.of());
            String downstream = group.getKey().downstream();
            for (Map.Entry<String, Float> upstream : group.getValue().entrySet()) {
                Float before = have.get(upstream.getKey());
                if (before == null || Math.abs(before - upstream.getValue()) > 0.001) {
                    patch.addFineGrainedUpstreamField(urn(upstream.getKey()), upstream.getValue(), group.getKey().operation(),
                            urn(downstream), null);
                    changes.add(new PlannedChange(before == null ? Action.ADD : Action.CHANGE, datasetUrn,
                            "column lineage " + upstream.getKey() + " -> " + downstream + " (" + upstream.getValue() + ")"));
                } else {
                    changes.add(new PlannedChange(Action.UNCHANGED, datasetUrn, "column lineage to " + downstream));
                }
            }
        }
        for (Map.Entry<ColumnGroup, Map<String, Float>> group : haveColumns.entrySet()) {
            Map<String, Float> want = wantColumns.getOrDefault(group.getKey(), Map.of());
            String downstream = group.getKey().downstream();
            for (String upstream : group.getValue().keySet()) {
                if (!want.containsKey(upstream)) {
                    patch.removeFineGrainedUpstreamField(urn(upstream), group.getKey().operation(), urn(downstream), null);
                    changes.add(new PlannedChange(Action.RETIRE, datasetUrn, "column lineage " + upstream + " -> " + downstream));
                }
            }
        }
        for (String upstream : ownUpstreams) {
            if (!wantUpstreams.contains(upstream)) {
                patch.removeUpstream(datasetUrn(upstream));
                changes.add(new PlannedChange(Action.RETIRE, datasetUrn, "lineage from " + upstream));
            }
        }
        if (!patch.isEmpty()) {
            proposals.add(Proposal.of(stamped(patch.build(), stamp)));
        }
    }

    /** One fine-grained lineage group tacit writes: its transform operation and downstream field. */
    private record ColumnGroup(String operation, String downstream) implements Comparable<ColumnGroup> {
        @Override
        public int compareTo(ColumnGroup other) {
            int byOperation = operation.compareTo(other.operation);
            return byOperation != 0 ? byOperation : downstream.compareTo(other.downstream);
        }
    }

    /** {@code TACIT_INFERRED_FK_<id>}: the edge's own group; the id is that of its relationship entity. */
    private static String transformOperation(Edge edge) {
        String urn = edge.relationshipUrn();
        return TRANSFORM + "_" + urn.substring(urn.lastIndexOf('-') + 1);
    }

    // ---- relationship entity --------------------------------------------------------------------------------

    private ERModelRelationshipProperties properties(Edge edge, RunContext run) {
        Relationship relationship = edge.relationship();
        RelationshipFieldMappingArray mappings = new RelationshipFieldMappingArray();
        for (int i = 0; i < edge.fromFields().size(); i++) {
            mappings.add(new RelationshipFieldMapping()
                    .setSourceField(edge.fromFields().get(i))
                    .setDestinationField(edge.toFields().get(i)));
        }
        Map<String, String> custom = new TreeMap<>();
        custom.put(OWNER_KEY, OWNER);
        custom.put(SCOPE_KEY, naming.scope());
        custom.put("tacit.confidence", confidence(relationship));
        custom.put("tacit.kind", relationship.kind().name());
        custom.put("tacit.origin", relationship.origin().name());
        custom.put("tacit.evidence", evidence(relationship.provenance().evidence()));
        custom.put("tacit.runId", relationship.provenance().runId().value());
        custom.put("tacit.toolVersion", relationship.provenance().toolVersion());
        custom.put("tacit.inferredAt", relationship.provenance().time().toString());
        relationship.discriminator().ifPresent(d -> custom.put("tacit.discriminator", d.column() + "=" + d.value()));
        relationship.provenance().location().ifPresent(location -> custom.put("tacit.declaredAt", location.toString()));
        AuditStamp stamp = new AuditStamp().setTime(run.startedAt().toEpochMilli()).setActor(urn(ACTOR));
        return new ERModelRelationshipProperties()
                .setName(relationship.from() + " -> " + relationship.to())
                .setSource(urn(edge.fromUrn()))
                .setDestination(urn(edge.toUrn()))
                .setRelationshipFieldMappings(mappings)
                .setCardinality(cardinality(relationship))
                .setLastModified(stamp)
                .setCustomProperties(new StringMap(custom));
    }

    private static boolean sameContent(ERModelRelationshipProperties before, ERModelRelationshipProperties after) {
        if (!before.getName().equals(after.getName())
                || !before.getSource().equals(after.getSource())
                || !before.getDestination().equals(after.getDestination())
                || !before.getRelationshipFieldMappings().equals(after.getRelationshipFieldMappings())
                || before.getCardinality() != after.getCardinality()) {
            return false;
        }
        return stable(before.getCustomProperties()).equals(stable(after.getCustomProperties()));
    }

    private static Map<String, String> stable(StringMap properties) {
        Map<String, String> result = new TreeMap<>(properties == null ? Map.of() : properties);
        VOLATILE_PROPERTIES.forEach(result::remove);
        return result;
    }

    static ERModelRelationshipCardinality cardinality(Relationship relationship) {
        if (relationship.kind() == RelationshipKind.ONE_TO_ONE || relationship.cardinality() == Cardinality.ONE_TO_ONE) {
            return ERModelRelationshipCardinality.ONE_ONE;
        }
        if (relationship.cardinality() == Cardinality.MANY_TO_ONE) {
            return ERModelRelationshipCardinality.N_ONE;
        }
        return ERModelRelationshipCardinality.N_N;
    }

    /** A stable id from what identifies the edge in this scope; the same edge gets the same URN every run. */
    private String relationshipUrn(String fromUrn, List<String> fromFields, String toUrn, List<String> toFields,
                                   Relationship relationship) {
        String key = naming.scope() + "|" + fromUrn + "|" + String.join(",", fromFields) + "|" + toUrn + "|"
                + String.join(",", toFields) + "|" + relationship.discriminator().map(d -> d.column() + "=" + d.value()).orElse("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "urn:li:erModelRelationship:tacit-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Field paths for columns: taken verbatim from the dataset's schemaMetadata when DataHub has it. */
    private static Optional<List<String>> fieldPaths(CatalogState state, String datasetUrn, List<String> columns) {
        Optional<SchemaMetadata> schema = state.dataset(datasetUrn).flatMap(DatasetState::schema);
        if (schema.isEmpty()) {
            return Optional.of(columns);
        }
        List<String> paths = new ArrayList<>();
        for (String column : columns) {
            Optional<String> path = fieldPath(schema.get(), column);
            if (path.isEmpty()) {
                return Optional.empty();
            }
            paths.add(path.get());
        }
        return Optional.of(paths);
    }

    static Optional<String> fieldPath(SchemaMetadata schema, String column) {
        List<String> paths = schema.getFields().stream().map(SchemaField::getFieldPath).toList();
        if (paths.contains(column)) {
            return Optional.of(column);
        }
        for (String path : paths) {
            if (path.equalsIgnoreCase(column)) {
                return Optional.of(path);
            }
        }
        for (String path : paths) {
            // v2 field paths: [version=2.0].[type=int].customer_id
            if (path.startsWith("[version=2.0]") && lastSegment(path).equalsIgnoreCase(column)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    static String lastSegment(String fieldPath) {
        int dot = fieldPath.lastIndexOf('.');
        return dot < 0 ? fieldPath : fieldPath.substring(dot + 1);
    }

    private static boolean fieldRejected(CatalogState state, String datasetUrn, List<String> fields) {
        Optional<EditableSchemaMetadata> editable = state.dataset(datasetUrn).flatMap(DatasetState::editable);
        if (editable.isEmpty()) {
            return false;
        }
        for (EditableSchemaFieldInfo info : editable.get().getEditableSchemaFieldInfo()) {
            if (fields.contains(info.getFieldPath()) && info.getGlobalTags(GetMode.NULL) != null
                    && info.getGlobalTags().getTags().stream().anyMatch(tag -> TAG_REJECTED.equals(tag.getTag().toString()))) {
                return true;
            }
        }
        return false;
    }

    static String band(double confidence) {
        if (confidence >= 0.9) {
            return TAG_HIGH;
        }
        if (confidence >= 0.7) {
            return TAG_MEDIUM;
        }
        return TAG_LOW;
    }

    private static String tagDescription(String tag) {
        return switch (tag) {
            case TAG_INFERRED -> "Foreign key inferred by tacit (not declared by the database). Written and removed by tacit.";
            case TAG_HIGH -> "tacit confidence 0.90 or more.";
            case TAG_MEDIUM -> "tacit confidence from 0.70 to below 0.90.";
            case TAG_LOW -> "tacit confidence below 0.70.";
            default -> "Written by tacit.";
        };
    }

    private static String tagName(String tag) {
        return tag.substring("urn:li:tag:".length());
    }

    private static double roundedConfidence(Relationship relationship) {
        return Math.round(relationship.confidence() * 100) / 100.0;
    }

    static String confidence(Relationship relationship) {
        return String.format(Locale.ROOT, "%.2f", relationship.confidence());
    }

    private static String evidence(List<Evidence> evidence) {
        StringBuilder text = new StringBuilder();
        for (Evidence item : evidence) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(item.signal()).append(": ").append(item.detail());
        }
        if (text.length() > 2000) {
            return text.substring(0, 2000) + "...";
        }
        return text.toString();
    }

    static MetadataChangeProposal upsert(String entityType, String entityUrn, RecordTemplate aspect, SystemMetadata stamp) {
        try {
            MetadataChangeProposalWrapper<?> wrapper = MetadataChangeProposalWrapper.builder()
                    .entityType(entityType)
                    .entityUrn(entityUrn)
                    .upsert()
                    .aspect(aspect)
                    .build();
            return stamped(FORMATTER.convert(wrapper), stamp);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + aspect.getClass().getSimpleName(), e);
        }
    }

    static MetadataChangeProposal stamped(MetadataChangeProposal mcp, SystemMetadata stamp) {
        try {
            mcp.setSystemMetadata(stamp.copy());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return mcp;
    }

    static Urn urn(String value) {
        try {
            return Urn.createFromString(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URN: " + value, e);
        }
    }

    private static DatasetUrn datasetUrn(String value) {
        try {
            return DatasetUrn.createFromString(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a dataset URN: " + value, e);
        }
    }

    private static TagUrn tagUrn(String value) {
        try {
            return TagUrn.createFromString(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a tag URN: " + value, e);
        }
    }
}
