package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.error.TacitException;
import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import io.tacit.model.RunContext;
import io.tacit.model.TableName;
import io.tacit.openmetadata.OpenMetadataClient.Path;
import io.tacit.openmetadata.OpenMetadataPlan.SetupStep;
import io.tacit.openmetadata.PlanBuilder.CatalogTable;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishPlan.Action;
import io.tacit.spi.PublishPlan.PlannedChange;
import io.tacit.spi.PublishReport;
import io.tacit.spi.PublishReport.Outcome;
import io.tacit.spi.Publisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openmetadata.schema.api.classification.CreateClassification;
import org.openmetadata.schema.api.classification.CreateTag;
import org.openmetadata.schema.entity.data.Table;
import org.openmetadata.schema.entity.services.ingestionPipelines.PipelineStatus;
import org.openmetadata.schema.entity.services.ingestionPipelines.PipelineStatusType;
import org.openmetadata.schema.entity.services.ingestionPipelines.StackTraceError;
import org.openmetadata.schema.entity.services.ingestionPipelines.StepSummary;
import org.openmetadata.schema.entity.type.CustomProperty;
import org.openmetadata.schema.type.EntityReference;

/**
 * Publishes inferred relationships into OpenMetadata. {@link #plan} reads the catalog (version, service,
 * tables of the snapshot's schemas with constraints, tags, extension and joins, upstream lineage, tacit's
 * classification, custom property definitions and pipeline) and computes the plan with {@link PlanBuilder};
 * {@link #apply} runs the setup steps, then each table's requests with bounded concurrency (one failing table
 * does not stop the others), and reports the run to the ingestion pipeline's status.
 */
public final class OpenMetadataPublisher implements Publisher<OpenMetadataPlan> {
    static final String TABLE_FIELDS = "columns,tags,tableConstraints,extension";
    private static final List<String> TAGS = List.of(PlanBuilder.FOREIGN_KEY_TAG, PlanBuilder.HIGH, PlanBuilder.MEDIUM,
            PlanBuilder.LOW, PlanBuilder.REJECTED_TAG);

    private final OpenMetadataClient client;
    private final CatalogReader reader;
    private final PublishOptions options;
    private final RunContext run;
    private final boolean dryRun;
    private final Clock clock;

    public OpenMetadataPublisher(OpenMetadataClient client, PublishOptions options, RunContext run, boolean dryRun, Clock clock) {
        this.client = requireNonNull(client, "client is null");
        this.reader = new CatalogReader(client);
        this.options = requireNonNull(options, "options is null");
        this.run = requireNonNull(run, "run is null");
        this.dryRun = dryRun;
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String name() {
        return "openmetadata";
    }

    @Override
    public OpenMetadataPlan plan(InferenceResult result, ProgressListener progress) {
        ServerVersion version = client.version();
        JsonNode service = reader.service(options.serviceName());
        List<Relationship> relationships = PlanBuilder.publishable(result, options.minConfidence());

        // where each snapshot table should be in the catalog
        Map<TableName, String> schemaFqns = new TreeMap<>();
        String defaultDatabase = null;
        for (io.tacit.model.Table table : result.snapshot().tables()) {
            String schema = table.name().schema();
            List<String> mapped = options.schemaMapping().get(schema);
            String schemaFqn;
            if (mapped != null) {
                schemaFqn = Fqn.build(options.serviceName(), mapped.get(0), mapped.get(1));
            } else {
                if (defaultDatabase == null) {
                    defaultDatabase = options.database().isPresent()
                            ? Fqn.build(options.serviceName(), options.database().get())
                            : reader.databaseFqn(options.serviceName(), Optional.empty());
                }
                schemaFqn = defaultDatabase + "." + Fqn.quote(schema);
            }
            schemaFqns.put(table.name(), schemaFqn);
        }
        Map<TableName, String> expected = new TreeMap<>();
        schemaFqns.forEach((table, schemaFqn) -> expected.put(table, schemaFqn + "." + Fqn.quote(table.table())));

        progress.stageStarted("read OpenMetadata tables", new LinkedHashSet<>(schemaFqns.values()).size());
        String fields = options.joins() ? TABLE_FIELDS + ",joins" : TABLE_FIELDS;
        Map<TableName, CatalogTable> catalog = new TreeMap<>();
        Map<String, List<TableName>> bySchema = new LinkedHashMap<>();
        schemaFqns.forEach((table, schemaFqn) -> bySchema.computeIfAbsent(schemaFqn, key -> new ArrayList<>()).add(table));
        for (Map.Entry<String, List<TableName>> schema : bySchema.entrySet()) {
            if (client.find(Path.of("v1", "databaseSchemas", "name", schema.getKey()), Map.of()).isPresent()) {
                Map<String, Table> byName = new HashMap<>();
                for (Table table : reader.tables(schema.getKey(), fields)) {
                    byName.put(table.getName(), table);
                }
                for (TableName name : schema.getValue()) {
                    Table table = byName.get(name.table());
                    if (table != null) {
                        Optional<Object> stateValue = CatalogReader.extension(table, TacitState.PROPERTY);
                        Optional<TacitState> state = stateValue.isEmpty() ? Optional.of(TacitState.EMPTY)
                                : TacitState.parse(stateValue.get());
                        catalog.put(name, new CatalogTable(name, table, state.orElse(TacitState.EMPTY), state.isEmpty()));
                    }
                }
            }
            progress.advanced(1);
        }
        progress.stageFinished("read OpenMetadata tables");

        PlanBuilder.Inputs withoutLineage = new PlanBuilder.Inputs(catalog, expected, Map.of(),
                result.snapshot().tables().stream().map(io.tacit.model.Table::name).collect(java.util.stream.Collectors.toSet()));
        Map<TableName, Map<String, JsonNode>> upstream = upstreamLineage(relationships, withoutLineage, progress);
        PlanBuilder.Inputs inputs = new PlanBuilder.Inputs(catalog, expected, upstream, withoutLineage.scope());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<TablePlan> tables = new PlanBuilder(options, version, run, today).build(relationships, inputs);

        for (TablePlan table : tables) {
            table.problem().ifPresent(problem -> progress.note("openmetadata: " + problem));
        }
        List<SetupStep> setup = new ArrayList<>();
        boolean anythingToWrite = tables.stream().anyMatch(TablePlan::writes);
        if (anythingToWrite) {
            setup.addAll(classificationSteps());
            setup.addAll(propertySteps());
        }
        Optional<String> pipelineFqn = Optional.empty();
        if (options.pipelineStatus()) {
            String fqn = service.path("fullyQualifiedName").asText(Fqn.quote(options.serviceName())) + "."
                    + Fqn.quote(options.pipelineName());
            pipelineFqn = Optional.of(fqn);
            if (client.find(Path.of("v1", "services", "ingestionPipelines", "name", fqn), Map.of()).isEmpty()) {
                setup.add(new SetupStep(new PlannedChange(Action.ADD, fqn, "ingestion pipeline that records tacit's runs"),
                        CatalogRequest.put(Path.of("v1", "services", "ingestionPipelines"),
                                pipeline(service), "register ingestion pipeline " + fqn)));
            }
        }
        return new OpenMetadataPlan(client.baseUrl(), version, run, setup, tables, pipelineFqn);
    }

    private Map<TableName, Map<String, JsonNode>> upstreamLineage(List<Relationship> relationships, PlanBuilder.Inputs inputs,
            ProgressListener progress) {
        Set<TableName> wanted = new java.util.TreeSet<>();
        for (TableName name : PlanBuilder.referencingTables(relationships, inputs)) {
            CatalogTable table = inputs.catalog().get(name);
            if (table == null) {
                continue;
            }
            boolean publishes = options.lineage() && relationships.stream().anyMatch(r -> r.from().table().equals(name));
            boolean published = table.state().edges().stream().anyMatch(edge -> edge.lineage());
            if (publishes || published) {
                wanted.add(name);
            }
        }
        Map<TableName, Map<String, JsonNode>> upstream = new TreeMap<>();
        if (wanted.isEmpty()) {
            return upstream;
        }
        // the referenced tables on the other end: when there are fewer of them (many facts, few dimensions),
        // read their downstream edges instead of every referencing table's upstream edges
        Map<String, TableName> wantedById = new HashMap<>();
        Set<TableName> others = new java.util.TreeSet<>();
        Map<String, TableName> byFqn = new HashMap<>();
        inputs.catalog().values().forEach(table -> byFqn.put(table.fqn(), table.name()));
        for (TableName name : wanted) {
            CatalogTable table = inputs.catalog().get(name);
            wantedById.put(table.table().getId().toString(), name);
            upstream.put(name, new HashMap<>());
            for (Relationship relationship : relationships) {
                if (relationship.from().table().equals(name) && inputs.catalog().containsKey(relationship.to().table())) {
                    others.add(relationship.to().table());
                }
            }
            for (TacitState.PublishedEdge edge : table.state().edges()) {
                if (edge.lineage() && !edge.referredColumns().isEmpty()) {
                    TableName target = byFqn.get(Fqn.parent(edge.referredColumns().get(0)));
                    if (target != null) {
                        others.add(target);
                    }
                }
            }
        }
        boolean fromReferenced = others.size() < wanted.size();
        Set<TableName> reads = fromReferenced ? others : wanted;
        progress.stageStarted("read OpenMetadata lineage", reads.size());
        List<Future<List<JsonNode>>> pending = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(client.settings().concurrency());
        try {
            for (TableName name : reads) {
                CatalogTable table = inputs.catalog().get(name);
                pending.add(executor.submit(() -> {
                    JsonNode lineage = client.get(Path.of("v1", "lineage", "table", "name", table.fqn()),
                            fromReferenced ? Map.of("upstreamDepth", "0", "downstreamDepth", "1")
                                    : Map.of("upstreamDepth", "1", "downstreamDepth", "0"));
                    List<JsonNode> edges = new ArrayList<>();
                    lineage.path(fromReferenced ? "downstreamEdges" : "upstreamEdges").forEach(edges::add);
                    progress.advanced(1);
                    return edges;
                }));
            }
            for (Future<List<JsonNode>> future : pending) {
                for (JsonNode edge : await(future)) {
                    TableName to = wantedById.get(edge.path("toEntity").asText());
                    if (to != null) {
                        upstream.get(to).put(edge.path("fromEntity").asText(), edge.path("lineageDetails"));
                    }
                }
            }
        } finally {
            executor.shutdownNow();
        }
        progress.stageFinished("read OpenMetadata lineage");
        return upstream;
    }

    private List<SetupStep> classificationSteps() {
        List<SetupStep> steps = new ArrayList<>();
        if (!options.tags()) {
            return steps;
        }
        String classification = options.classification();
        if (client.find(Path.of("v1", "classifications", "name", classification), Map.of()).isEmpty()) {
            CreateClassification create = new CreateClassification();
            create.setName(classification);
            create.setDescription("Tags written by tacit for relationships it inferred (not declared in the database). "
                    + "Tag a column " + options.tag(PlanBuilder.REJECTED_TAG) + " to reject tacit's relationship on it.");
            create.setMutuallyExclusive(false);
            steps.add(new SetupStep(new PlannedChange(Action.ADD, "classification " + classification, "tacit's tag group"),
                    CatalogRequest.put(Path.of("v1", "classifications"), create, "create classification " + classification)));
        }
        Map<String, String> descriptions = Map.of(
                PlanBuilder.FOREIGN_KEY_TAG, "Column references another table's key according to tacit's inference; "
                        + "the relationship is listed in the table's tacitInferredRelationships property.",
                PlanBuilder.HIGH, "tacit's confidence in the inferred relationship is 0.9 or more.",
                PlanBuilder.MEDIUM, "tacit's confidence in the inferred relationship is between 0.7 and 0.9.",
                PlanBuilder.LOW, "tacit's confidence in the inferred relationship is below 0.7.",
                PlanBuilder.REJECTED_TAG, "A steward rejected tacit's inferred relationship on this column; tacit retires it "
                        + "and never publishes it again.");
        for (String tag : TAGS) {
            if (client.find(Path.of("v1", "tags", "name", options.tag(tag)), Map.of()).isEmpty()) {
                CreateTag create = new CreateTag();
                create.setName(tag);
                create.setClassification(classification);
                create.setDescription(descriptions.get(tag));
                steps.add(new SetupStep(new PlannedChange(Action.ADD, "tag " + options.tag(tag), descriptions.get(tag)),
                        CatalogRequest.put(Path.of("v1", "tags"), create, "create tag " + options.tag(tag))));
            }
        }
        return steps;
    }

    private List<SetupStep> propertySteps() {
        JsonNode tableType = client.get(Path.of("v1", "metadata", "types", "name", "table"), Map.of("fields", "customProperties"));
        Set<String> existing = new java.util.HashSet<>();
        tableType.path("customProperties").forEach(property -> existing.add(property.path("name").asText()));
        Map<String, String[]> wanted = new LinkedHashMap<>();
        wanted.put(TacitState.PROPERTY, new String[] {"string", "tacit's bookkeeping (JSON): the relationships tacit "
                + "published on this table and the ones a steward rejected. Written by tacit; do not edit."});
        if (options.customProperty()) {
            wanted.put(TacitState.LISTING_PROPERTY, new String[] {"markdown", "Relationships tacit inferred for this table's "
                    + "columns, with confidence, evidence and the run that published them."});
        }
        List<SetupStep> steps = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : wanted.entrySet()) {
            if (existing.contains(entry.getKey())) {
                continue;
            }
            JsonNode propertyType = client.get(Path.of("v1", "metadata", "types", "name", entry.getValue()[0]), Map.of());
            CustomProperty property = new CustomProperty();
            property.setName(entry.getKey());
            property.setDescription(entry.getValue()[1]);
            EntityReference type = new EntityReference();
            type.setId(UUID.fromString(propertyType.path("id").asText()));
            type.setType("type");
            property.setPropertyType(type);
            steps.add(new SetupStep(new PlannedChange(Action.ADD, "table custom property " + entry.getKey(),
                    entry.getValue()[0] + " property on every table"),
                    CatalogRequest.put(Path.of("v1", "metadata", "types", tableType.path("id").asText()), property,
                            "define table custom property " + entry.getKey())));
        }
        return steps;
    }

    private ObjectNode pipeline(JsonNode service) {
        return TacitPipeline.definition(options.pipelineName(), service.path("id").asText(), null, null);
    }

    @Override
    public PublishReport apply(OpenMetadataPlan plan, ProgressListener progress) {
        if (dryRun) {
            List<Outcome> outcomes = new ArrayList<>();
            for (TablePlan table : plan.tables()) {
                outcomes.add(new Outcome(table.fqn(), true, "dry run: nothing written"));
            }
            return new PublishReport(name(), 0, 0, 0, 0, outcomes);
        }
        if (options.offlineDirectory().isPresent()) {
            return new OfflineWriter(options.offlineDirectory().get()).write(plan, name());
        }
        long started = clock.millis();
        String runId = UUID.nameUUIDFromBytes(run.runId().value().getBytes(StandardCharsets.UTF_8)).toString();
        List<SetupStep> setup = new ArrayList<>(plan.setup());
        // first, before anything else is written: defining a custom property needs rights on the Type entity,
        // which a bot rarely has (shared/reference/openmetadata.md, "Corrections": CREATE on Type, admin in practice)
        for (SetupStep step : plan.setup()) {
            if (isPropertyDefinition(step.request())) {
                setup.remove(step);
                definePropertyOrStop(step.request());
            }
        }
        // run status is a courtesy: without the rights for it, tacit still publishes and says so
        Optional<String> pipeline = plan.pipelineFqn();
        try {
            for (SetupStep step : plan.setup()) {
                if (step.request().path().segments().equals(List.of("v1", "services", "ingestionPipelines"))) {
                    setup.remove(step);
                    send(step.request());
                }
            }
            pipeline.ifPresent(fqn -> reportStatus(fqn, runId, PipelineStatusType.RUNNING, started, null, List.of()));
        } catch (CatalogHttpException e) {
            if (e.isAuthenticationFailure()) {
                throw e;
            }
            progress.note("openmetadata: runs are not reported to pipeline " + pipeline.orElse("?") + ": " + e.oneLine());
            pipeline = Optional.empty();
        }
        final Optional<String> statusPipeline = pipeline;
        List<Outcome> outcomes = new ArrayList<>();
        long added = 0;
        long changed = 0;
        long retired = 0;
        long unchanged = 0;
        List<Outcome> failures = new ArrayList<>();
        try {
            for (SetupStep step : setup) {
                send(step.request());
            }
            progress.stageStarted("publish to OpenMetadata", plan.tables().size());
            Map<TablePlan, Future<Outcome>> pending = new LinkedHashMap<>();
            ExecutorService executor = Executors.newFixedThreadPool(client.settings().concurrency());
            try {
                for (TablePlan table : plan.tables()) {
                    pending.put(table, executor.submit(() -> {
                        Outcome outcome = applyTable(table);
                        progress.advanced(1);
                        return outcome;
                    }));
                }
                for (Map.Entry<TablePlan, Future<Outcome>> entry : pending.entrySet()) {
                    Outcome outcome = await(entry.getValue());
                    outcomes.add(outcome);
                    TablePlan table = entry.getKey();
                    if (!outcome.ok()) {
                        failures.add(outcome);
                    } else if (table.problem().isEmpty()) {
                        added += table.count(Action.ADD);
                        changed += table.count(Action.CHANGE);
                        retired += table.count(Action.RETIRE);
                        unchanged += table.unchanged();
                    }
                }
            } finally {
                executor.shutdownNow();
            }
            progress.stageFinished("publish to OpenMetadata");
        } catch (RuntimeException e) {
            String message = e instanceof TacitException tacit ? tacit.oneLine() : String.valueOf(e.getMessage());
            statusPipeline.ifPresent(fqn -> reportQuietly(fqn, runId, started, List.of(new Outcome("tacit", false, message)),
                    0, progress));
            throw e;
        }
        long applied = outcomes.size() - failures.size();
        final long records = added + changed + retired;
        statusPipeline.ifPresent(fqn -> reportQuietly(fqn, runId, started, failures, records, progress));
        if (applied == 0 && !failures.isEmpty()) {
            progress.note("every table failed to publish to OpenMetadata");
        }
        return new PublishReport(name(), (int) added, (int) changed, (int) retired, (int) unchanged, outcomes);
    }

    private static boolean isPropertyDefinition(CatalogRequest request) {
        List<String> segments = request.path().segments();
        return request.method().equals("PUT") && segments.size() == 4 && segments.subList(0, 3).equals(List.of("v1", "metadata", "types"));
    }

    private void definePropertyOrStop(CatalogRequest request) {
        try {
            send(request);
        } catch (CatalogHttpException e) {
            if (e.status() != 403) {
                throw e;
            }
            String name = request.body() instanceof CustomProperty property ? property.getName() : "?";
            throw TacitException.catalog("OpenMetadata refused to define the table custom property " + name
                            + " (403 Forbidden: defining custom properties needs Create on the Type entity); nothing was written",
                    "let an admin add the table custom properties " + TacitState.PROPERTY + " (string) and "
                            + TacitState.LISTING_PROPERTY + " (markdown) once, or run tacit once with an admin's token", false, e);
        }
    }

    private Outcome applyTable(TablePlan table) {
        if (table.problem().isPresent()) {
            return new Outcome(table.fqn(), true, "skipped: " + table.problem().get());
        }
        int sent = 0;
        try {
            for (CatalogRequest request : table.requests()) {
                send(withArraysReRead(request));
                sent++;
            }
        } catch (CatalogHttpException e) {
            if (e.isAuthenticationFailure()) {
                throw e;
            }
            return new Outcome(table.fqn(), false, failureMessage(table, sent, e));
        } catch (TacitException e) {
            return new Outcome(table.fqn(), false, failureMessage(table, sent, e));
        }
        StringBuilder message = new StringBuilder();
        if (table.requests().isEmpty()) {
            message.append("unchanged");
        } else {
            message.append(summary(table)).append(" (").append(sent).append(" request(s))");
        }
        for (String note : table.notes()) {
            message.append("; ").append(note);
        }
        return new Outcome(table.fqn(), true, message.toString());
    }

    private static String failureMessage(TablePlan table, int sent, TacitException e) {
        CatalogRequest failed = table.requests().get(sent);
        String done = sent == 0 ? "" : " after " + sent + " of " + table.requests().size() + " request(s) succeeded";
        return "failed to " + failed.purpose() + done + ": " + e.getMessage();
    }

    private static String summary(TablePlan table) {
        List<String> parts = new ArrayList<>();
        for (Action action : List.of(Action.ADD, Action.CHANGE, Action.RETIRE)) {
            long count = table.count(action);
            if (count > 0) {
                parts.add(count + " " + action.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return parts.isEmpty() ? "updated" : String.join(", ", parts);
    }

    /**
     * A table PATCH that adds a whole array (constraints or a column's tags) where the plan read none would
     * replace whatever someone wrote there since: re-read the table just before, and append element by element to
     * an array that exists now. Other requests are returned as they are.
     */
    private CatalogRequest withArraysReRead(CatalogRequest request) {
        if (!request.method().equals("PATCH") || !(request.body() instanceof List<?> operations)
                || operations.stream().noneMatch(OpenMetadataPublisher::addsWholeArray)) {
            return request;
        }
        JsonNode current = client.get(request.path(), Map.of("fields", "columns,tags,tableConstraints"));
        List<ObjectNode> rewritten = new ArrayList<>();
        for (Object item : operations) {
            ObjectNode operation = (ObjectNode) item;
            if (!addsWholeArray(operation)) {
                rewritten.add(operation);
                continue;
            }
            JsonNode now = current.at(operation.path("path").asText());
            if (now.isMissingNode() || now.isNull()) {
                rewritten.add(operation);
                continue;
            }
            for (JsonNode element : operation.path("value")) {
                if (alreadyThere(now, element)) {
                    continue;
                }
                ObjectNode append = OpenMetadataClient.mapper().createObjectNode();
                append.put("op", "add");
                append.put("path", operation.path("path").asText() + "/-");
                append.set("value", element);
                rewritten.add(append);
            }
        }
        return new CatalogRequest(request.method(), request.path(), request.contentType(), rewritten, request.purpose());
    }

    /** The same tag, or the same foreign key (as a set of pairs), written by someone else in the meantime. */
    private static boolean alreadyThere(JsonNode array, JsonNode element) {
        for (JsonNode existing : array) {
            if (element.has("tagFQN") && existing.path("tagFQN").asText().equals(element.path("tagFQN").asText())) {
                return true;
            }
            if (element.has("constraintType") && existing.path("constraintType").equals(element.path("constraintType"))
                    && PlanBuilder.pairs(texts(existing.path("columns")), texts(existing.path("referredColumns")))
                            .equals(PlanBuilder.pairs(texts(element.path("columns")), texts(element.path("referredColumns"))))
                    && !PlanBuilder.pairs(texts(element.path("columns")), texts(element.path("referredColumns"))).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static boolean addsWholeArray(Object item) {
        return item instanceof ObjectNode operation && operation.path("op").asText().equals("add")
                && operation.path("value").isArray()
                && operation.path("path").asText().matches("/tableConstraints|/columns/\\d+/tags");
    }

    private JsonNode send(CatalogRequest request) {
        return client.send(request.method(), request.path(), Map.of(), request.contentType(), request.body());
    }

    private void reportQuietly(String fqn, String runId, long started, List<Outcome> failures, long records,
            ProgressListener progress) {
        PipelineStatusType state = failures.isEmpty() ? PipelineStatusType.SUCCESS : PipelineStatusType.PARTIAL_SUCCESS;
        if (failures.stream().anyMatch(outcome -> outcome.target().equals("tacit"))) {
            state = PipelineStatusType.FAILED;
        }
        try {
            reportStatus(fqn, runId, state, started, records, failures);
        } catch (TacitException e) {
            progress.note("could not report the run to pipeline " + fqn + ": " + e.oneLine());
        }
    }

    private void reportStatus(String fqn, String runId, PipelineStatusType state, long started, Long records,
            List<Outcome> failures) {
        PipelineStatus status = new PipelineStatus();
        status.setRunId(runId);
        status.setPipelineState(state);
        status.setStartDate(started);
        status.setTimestamp(started);
        if (state != PipelineStatusType.RUNNING) {
            status.setEndDate(clock.millis());
            StepSummary step = new StepSummary();
            step.setName("Publish inferred relationships (" + run.runId() + ")");
            step.setRecords(records == null ? 0 : (int) Math.min(Integer.MAX_VALUE, records));
            step.setErrors(failures.size());
            List<StackTraceError> errors = new ArrayList<>();
            for (Outcome failure : failures) {
                StackTraceError error = new StackTraceError();
                error.setName(failure.target());
                error.setError(failure.message());
                errors.add(error);
            }
            step.setFailures(errors);
            status.setStatus(List.of(step));
        }
        client.put(Path.of("v1", "services", "ingestionPipelines", fqn, "pipelineStatus"), status);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TacitException.catalog("interrupted while publishing to OpenMetadata", null, true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw TacitException.internal("publishing to OpenMetadata failed", e.getCause());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
