package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.linkedin.common.GlobalTags;
import com.linkedin.common.Status;
import com.linkedin.data.template.GetMode;
import com.linkedin.dataset.UpstreamLineage;
import com.linkedin.ermodelrelation.ERModelRelationshipProperties;
import com.linkedin.mxe.MetadataChangeProposal;
import com.linkedin.schema.EditableSchemaMetadata;
import com.linkedin.schema.SchemaMetadata;
import com.datahub.util.RecordUtils;
import io.tacit.datahub.CatalogState.DatasetState;
import io.tacit.datahub.CatalogState.RelationshipEntity;
import io.tacit.datahub.DataHubPlan.Proposal;
import io.tacit.datahub.DataHubPlan.TargetWork;
import io.tacit.datahub.GmsClient.Aspect;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishPlan.Action;
import io.tacit.spi.PublishReport;
import io.tacit.spi.Publisher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Publishes inferred relationships into DataHub. {@link #plan} reads what DataHub holds (server version,
 * tacit's relationship entities, the schema, editable schema and lineage aspects of the datasets involved)
 * and lets {@link DataHubMapping} compute the changes; {@link #apply} sends them, at most {@code concurrency}
 * entities at a time, each entity's proposals in order. A failed entity is reported and the others go on; a
 * refused token stops the run with a CATALOG error.
 */
public final class DataHubPublisher implements Publisher<DataHubPlan> {
    private final DataHubSettings settings;
    private final RunContext run;
    private final boolean dryRun;
    private final Optional<GmsClient> client;
    private final Supplier<ProposalSender> senders;
    private final DataHubMapping mapping;
    private ProposalSender sender;

    DataHubPublisher(DataHubSettings settings, RunContext run, boolean dryRun, Optional<GmsClient> client,
                     Supplier<ProposalSender> senders) {
        this.settings = requireNonNull(settings, "settings is null");
        this.run = requireNonNull(run, "run is null");
        this.dryRun = dryRun;
        this.client = requireNonNull(client, "client is null");
        this.senders = requireNonNull(senders, "senders is null");
        this.mapping = new DataHubMapping(settings.naming(), DataHubMapping.Options.of(settings));
    }

    /** Wires the REST or file transport from settings. */
    static DataHubPublisher create(DataHubSettings settings, RunContext run, boolean dryRun) {
        RetryPolicy retry = new RetryPolicy(settings.maxRetries(), settings.retryBackoff());
        Optional<GmsClient> client = settings.serverUrl()
                .map(server -> new GmsClient(server, settings.token(), settings.timeout(), retry));
        Supplier<ProposalSender> senders;
        if (settings.mode() == DataHubSettings.Mode.FILE) {
            senders = () -> new FileProposalSender(settings.filePath().orElseThrow());
        } else {
            senders = () -> new RestProposalSender(settings.serverUrl().orElseThrow(), settings.token(), settings.timeout(), retry);
        }
        return new DataHubPublisher(settings, run, dryRun, client, senders);
    }

    @Override
    public String name() {
        return "datahub";
    }

    @Override
    public DataHubPlan plan(InferenceResult result, ProgressListener progress) {
        CatalogState state = client.map(gms -> readState(gms, result, progress)).orElseGet(CatalogState::offline);
        DataHubPlan plan = mapping.plan(result, state);
        plan.notes().forEach(note -> progress.note("datahub: " + note));
        if (!plan.missingDatasets().isEmpty()) {
            progress.note("datahub: " + plan.missingDatasets().size() + " dataset(s) not found in DataHub, e.g. "
                    + plan.missingDatasets().get(0) + " — check platform, platformInstance, env, database and lowercase "
                    + "against the database's ingestion recipe");
        }
        return plan;
    }

    @Override
    public PublishReport apply(DataHubPlan plan, ProgressListener progress) {
        if (dryRun) {
            return new PublishReport(name(), 0, 0, 0, count(plan, Action.UNCHANGED, Set.of()), List.of());
        }
        if (sender == null) {
            sender = senders.get();
        }
        progress.stageStarted("datahub: write", plan.work().size());
        ExecutorService pool = Executors.newFixedThreadPool(settings.mode() == DataHubSettings.Mode.FILE ? 1 : settings.concurrency(),
                daemon("tacit-datahub-write"));
        List<PublishReport.Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<PublishReport.Outcome>> futures = new ArrayList<>();
            for (TargetWork target : plan.work()) {
                futures.add(pool.submit(() -> {
                    PublishReport.Outcome outcome = send(target);
                    progress.advanced(1);
                    return outcome;
                }));
            }
            for (Future<PublishReport.Outcome> future : futures) {
                outcomes.add(await(future));
            }
        } finally {
            pool.shutdownNow();
            progress.stageFinished("datahub: write");
        }
        if (settings.mode() == DataHubSettings.Mode.FILE) {
            try {
                sender.finish();
            } finally {
                sender.close();
                sender = null;
            }
        }
        Set<String> failed = new TreeSet<>();
        outcomes.stream().filter(outcome -> !outcome.ok()).forEach(outcome -> failed.add(outcome.target()));
        return new PublishReport(name(), count(plan, Action.ADD, failed), count(plan, Action.CHANGE, failed),
                count(plan, Action.RETIRE, failed), count(plan, Action.UNCHANGED, Set.of()), outcomes);
    }

    private static int count(DataHubPlan plan, Action action, Set<String> failed) {
        return (int) plan.changes().stream()
                .filter(change -> change.action() == action && !failed.contains(change.target()))
                .count();
    }

    private PublishReport.Outcome send(TargetWork target) {
        int sent = 0;
        try {
            for (Proposal proposal : target.proposals()) {
                sendOne(proposal);
                sent++;
            }
            return new PublishReport.Outcome(target.target(), true, sent + " proposal(s) written to " + settings.target());
        } catch (ProposalSender.RejectedProposal e) {
            return new PublishReport.Outcome(target.target(), false, "DataHub refused " + describe(target.proposals().get(sent).mcp())
                    + ": " + e.getMessage());
        } catch (TacitException e) {
            if (e.kind() == ErrorKind.CATALOG && !e.retriable()) {
                throw e;
            }
            return new PublishReport.Outcome(target.target(), false, e.oneLine());
        }
    }

    private void sendOne(Proposal proposal) {
        try {
            sender.send(proposal.mcp());
        } catch (ProposalSender.RejectedProposal e) {
            if (!e.preconditionFailed() || proposal.foreignKeys().isEmpty() || client.isEmpty()) {
                throw e;
            }
            // the source ingestion wrote schemaMetadata since we read it: merge again on the new version, once
            ForeignKeyMerge merge = proposal.foreignKeys().get();
            Optional<Aspect> current = client.get().aspect("dataset", merge.datasetUrn(), "schemaMetadata");
            if (current.isEmpty()) {
                throw e;
            }
            SchemaMetadata schema = ForeignKeyMerge.parse(current.get().json());
            if (merge.satisfiedBy(schema)) {
                return;
            }
            MetadataChangeProposal retry = DataHubMapping.schemaUpsert(merge.datasetUrn(), merge.mergeInto(schema),
                    current.get().version(), proposal.mcp().getSystemMetadata(GetMode.NULL));
            sender.send(retry);
        }
    }

    private static String describe(MetadataChangeProposal mcp) {
        return mcp.getChangeType() + " " + mcp.getAspectName(GetMode.NULL);
    }

    // ---- reading the current state ---------------------------------------------------------------------------

    private CatalogState readState(GmsClient gms, InferenceResult result, ProgressListener progress) {
        ServerVersion version = gms.version();
        // a Cloud version (or none) cannot be compared with Core's numbers: ask the server instead
        if (!(version.needsProbing() ? gms.hasOpenApiV3() : version.hasOpenApiV3())) {
            throw TacitException.catalog("DataHub " + version + " at " + gms.server() + " is too old for tacit",
                    "tacit reads through the OpenAPI v3 entity API of DataHub 0.13 or later; upgrade DataHub, or use mode: file",
                    false, null);
        }
        Map<String, RelationshipEntity> relationships = new HashMap<>();
        for (GmsClient.EntityAspects entity : gms.scroll("ermodelrelationship", RELATIONSHIP_ASPECTS, true)) {
            relationship(entity).ifPresent(found -> relationships.put(found.urn(), found));
        }
        Set<String> datasetUrns = new TreeSet<>(mapping.datasetsOf(result));
        for (RelationshipEntity entity : relationships.values()) {
            datasetUrns.add(entity.properties().getSource().toString());
            datasetUrns.add(entity.properties().getDestination().toString());
        }
        progress.stageStarted("datahub: read", datasetUrns.size());
        Map<String, DatasetState> datasets = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), daemon("tacit-datahub-read"));
        try {
            List<Future<DatasetState>> futures = new ArrayList<>();
            for (String urn : datasetUrns) {
                Callable<DatasetState> read = () -> {
                    DatasetState state = readDataset(gms, urn);
                    progress.advanced(1);
                    return state;
                };
                futures.add(pool.submit(read));
            }
            for (Future<DatasetState> future : futures) {
                DatasetState state = await(future);
                datasets.put(state.urn(), state);
            }
        } finally {
            pool.shutdownNow();
            progress.stageFinished("datahub: read");
        }
        Set<String> tags = new TreeSet<>();
        for (String tag : DataHubMapping.OWNED_TAGS) {
            if (gms.aspect("tag", tag, "tagProperties").isPresent()) {
                tags.add(tag);
            }
        }
        CatalogState state = new CatalogState(version, true, datasets, relationships, tags);
        if (!version.mayHideSoftDeleted()) {
            return state;
        }
        // early OpenAPI v3 controllers ignore includeSoftDelete: a relationship tacit soft-deleted is missing from
        // the scroll and would be written again without its status, staying deleted. Look up each one about to be
        // added, and read its status.
        boolean more = false;
        for (io.tacit.spi.PublishPlan.PlannedChange change : mapping.plan(result, state).changes()) {
            if (change.action() != Action.ADD || !change.target().startsWith("urn:li:erModelRelationship:")) {
                continue;
            }
            Optional<RelationshipEntity> hidden = gms.entity("ermodelrelationship", change.target(), RELATIONSHIP_ASPECTS)
                    .flatMap(this::relationship);
            if (hidden.isPresent()) {
                relationships.put(hidden.get().urn(), hidden.get());
                more = true;
            }
        }
        return more ? new CatalogState(version, true, datasets, relationships, tags) : state;
    }

    private static final List<String> RELATIONSHIP_ASPECTS = List.of("erModelRelationshipProperties", "status", "globalTags");

    /** tacit's own relationship entity of this scope, with its status and rejection tag; empty for anyone else's. */
    private Optional<RelationshipEntity> relationship(GmsClient.EntityAspects entity) {
        Optional<Aspect> properties = entity.aspect("erModelRelationshipProperties");
        if (properties.isEmpty()) {
            return Optional.empty();
        }
        ERModelRelationshipProperties parsed = RecordUtils.toRecordTemplate(ERModelRelationshipProperties.class,
                properties.get().json());
        Map<String, String> custom = parsed.getCustomProperties(GetMode.NULL);
        if (custom == null || !DataHubMapping.OWNER.equals(custom.get(DataHubMapping.OWNER_KEY))
                || !settings.naming().scope().equals(custom.get(DataHubMapping.SCOPE_KEY))) {
            return Optional.empty();
        }
        boolean removed = entity.aspect("status")
                .map(status -> RecordUtils.toRecordTemplate(Status.class, status.json()).isRemoved())
                .orElse(false);
        boolean rejected = entity.aspect("globalTags")
                .map(tags -> RecordUtils.toRecordTemplate(GlobalTags.class, tags.json()).getTags().stream()
                        .anyMatch(tag -> DataHubMapping.TAG_REJECTED.equals(tag.getTag().toString())))
                .orElse(false);
        return Optional.of(new RelationshipEntity(entity.urn(), parsed, removed, rejected));
    }

    private DatasetState readDataset(GmsClient gms, String urn) {
        List<String> aspects = settings.lineage()
                ? List.of("schemaMetadata", "editableSchemaMetadata", "status", "upstreamLineage")
                : List.of("schemaMetadata", "editableSchemaMetadata", "status");
        Optional<GmsClient.EntityAspects> entity = gms.entity("dataset", urn, aspects);
        Optional<Aspect> schema = entity.flatMap(found -> found.aspect("schemaMetadata"));
        Optional<Aspect> editable = entity.flatMap(found -> found.aspect("editableSchemaMetadata"));
        Optional<Aspect> lineage = entity.flatMap(found -> found.aspect("upstreamLineage"));
        // stateful ingestion soft-deletes the datasets of dropped tables
        boolean removed = entity.flatMap(found -> found.aspect("status"))
                .map(status -> RecordUtils.toRecordTemplate(Status.class, status.json()).isRemoved())
                .orElse(false);
        return new DatasetState(urn, schema.isPresent() && !removed,
                schema.map(aspect -> ForeignKeyMerge.parse(aspect.json())),
                schema.flatMap(Aspect::version),
                editable.map(aspect -> RecordUtils.toRecordTemplate(EditableSchemaMetadata.class, aspect.json())),
                lineage.map(aspect -> RecordUtils.toRecordTemplate(UpstreamLineage.class, aspect.json())));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TacitException tacit) {
                throw tacit;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw TacitException.catalog("DataHub answered something tacit cannot read: " + runtime.getMessage(),
                        "check that serverUrl points at DataHub GMS", false, runtime);
            }
            throw TacitException.internal("DataHub worker failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TacitException.catalog("interrupted while talking to DataHub", null, true, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.close();
            sender = null;
        }
        client.ifPresent(GmsClient::close);
    }

    @Override
    public String toString() {
        return "DataHubPublisher[" + settings.target() + (dryRun ? ", dry run" : "") + "]";
    }
}
