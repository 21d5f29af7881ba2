package io.tacit.datahub;

import static io.tacit.datahub.Fixtures.NAMING;
import static io.tacit.datahub.Fixtures.edge;
import static io.tacit.datahub.Fixtures.result;
import static io.tacit.datahub.Fixtures.run;
import static io.tacit.datahub.Fixtures.shopTables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkedin.common.GlobalTags;
import com.linkedin.common.Status;
import com.linkedin.common.TagAssociation;
import com.linkedin.common.TagAssociationArray;
import com.linkedin.common.UrnArray;
import com.linkedin.common.urn.TagUrn;
import com.linkedin.data.DataMap;
import com.linkedin.data.template.StringMap;
import com.linkedin.dataset.DatasetLineageType;
import com.linkedin.dataset.FineGrainedLineage;
import com.linkedin.dataset.Upstream;
import com.linkedin.dataset.UpstreamArray;
import com.linkedin.dataset.UpstreamLineage;
import com.linkedin.ermodelrelation.ERModelRelationshipCardinality;
import com.linkedin.ermodelrelation.ERModelRelationshipProperties;
import com.linkedin.schema.EditableSchemaFieldInfo;
import com.linkedin.schema.EditableSchemaFieldInfoArray;
import com.linkedin.schema.EditableSchemaMetadata;
import com.linkedin.schema.ForeignKeyConstraint;
import com.linkedin.schema.ForeignKeyConstraintArray;
import com.linkedin.schema.SchemaMetadata;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import io.tacit.model.RunContext;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishPlan.Action;
import io.tacit.spi.PublishReport;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataHubPublisherTest {
    private static final String ORDERS = NAMING.datasetUrn(TableName.of("public", "orders"));
    private static final String CUSTOMERS = NAMING.datasetUrn(TableName.of("public", "customers"));
    private static final String PRODUCTS = NAMING.datasetUrn(TableName.of("public", "products"));
    private static final String REVIEWS = NAMING.datasetUrn(TableName.of("public", "reviews"));

    private final FakeGms gms = new FakeGms();
    private MockWebServer server;
    private final List<Table> tables = shopTables();

    @BeforeEach
    void start() throws Exception {
        server = gms.serve();
        Fixtures.ingest(gms, tables);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Relationship> threeEdges(RunContext run) {
        return List.of(
                edge(run, "orders", "customer_id", "customers", "id", 0.95),
                edge(run, "orders", "product_id", "products", "id", 0.80),
                edge(run, "reviews", "order_id", "orders", "id", 0.60));
    }

    private DataHubPublisher publisher(RunContext run, boolean dryRun, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "serverUrl", server.url("/").toString(),
                "token", FakeGms.TOKEN,
                "platform", "postgres",
                "database", "shop",
                "maxRetries", "3",
                "retryBackoff", "1ms",
                "concurrency", "4"));
        values.putAll(overrides);
        MapConfigSection section = new MapConfigSection(new DataHubPublisherFactory().settings(), values);
        return (DataHubPublisher) new DataHubPublisherFactory().create(section, run, dryRun);
    }

    private PublishReport publish(RunContext run, List<Relationship> edges) {
        return publish(run, edges, Map.of());
    }

    private PublishReport publish(RunContext run, List<Relationship> edges, Map<String, String> overrides) {
        try (DataHubPublisher publisher = publisher(run, false, overrides)) {
            DataHubPlan plan = publisher.plan(result(run, tables, edges), ProgressListener.NONE);
            return publisher.apply(plan, ProgressListener.NONE);
        }
    }

    private DataHubPlan plan(RunContext run, List<Relationship> edges) {
        try (DataHubPublisher publisher = publisher(run, true, Map.of())) {
            return publisher.plan(result(run, tables, edges), ProgressListener.NONE);
        }
    }

    private Set<String> tacitForeignKeys(String dataset) {
        SchemaMetadata schema = gms.get(dataset, "schemaMetadata", SchemaMetadata.class).orElseThrow();
        return ForeignKeyMerge.tacitKeys(schema).stream().map(ForeignKeyConstraint::getName).collect(Collectors.toSet());
    }

    private Set<String> fieldTags(String dataset, String field) {
        return gms.get(dataset, "editableSchemaMetadata", EditableSchemaMetadata.class)
                .map(editable -> editable.getEditableSchemaFieldInfo().stream()
                        .filter(info -> info.getFieldPath().equals(field) && info.hasGlobalTags())
                        .flatMap(info -> info.getGlobalTags().getTags().stream())
                        .map(tag -> tag.getTag().toString())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private Map<String, Float> columnLineage(String dataset) {
        Map<String, Float> result = new HashMap<>();
        gms.get(dataset, "upstreamLineage", UpstreamLineage.class).ifPresent(lineage -> {
            if (lineage.hasFineGrainedLineages()) {
                for (FineGrainedLineage entry : lineage.getFineGrainedLineages()) {
                    entry.getUpstreams().forEach(up -> result.put(up + " -> " + entry.getDownstreams().get(0), entry.getConfidenceScore()));
                }
            }
        });
        return result;
    }

    private Set<String> relationshipUrns() {
        return gms.urnsWithPrefix("urn:li:erModelRelationship:");
    }

    private boolean removed(String urn) {
        return gms.get(urn, "status", Status.class).map(Status::isRemoved).orElse(false);
    }

    private String relationshipFrom(String column) {
        for (String urn : relationshipUrns()) {
            ERModelRelationshipProperties properties = gms.get(urn, "erModelRelationshipProperties",
                    ERModelRelationshipProperties.class).orElseThrow();
            if (properties.getRelationshipFieldMappings().get(0).getSourceField().equals(column)) {
                return urn;
            }
        }
        throw new AssertionError("no relationship from " + column);
    }

    @Test
    void firstRunWritesRelationshipsForeignKeysTagsAndLineage() {
        RunContext run = run("run-1");
        PublishReport report = publish(run, threeEdges(run));

        assertThat(gms.violations()).isEmpty();
        assertThat(report.failures()).isZero();
        assertThat(report.added()).isPositive();
        assertThat(relationshipUrns()).hasSize(3);
        ERModelRelationshipProperties customer = gms.get(relationshipFrom("customer_id"), "erModelRelationshipProperties",
                ERModelRelationshipProperties.class).orElseThrow();
        assertThat(customer.getSource().toString()).isEqualTo(ORDERS);
        assertThat(customer.getDestination().toString()).isEqualTo(CUSTOMERS);
        assertThat(customer.getCardinality()).isEqualTo(ERModelRelationshipCardinality.N_ONE);
        assertThat(customer.getRelationshipFieldMappings().get(0).getDestinationField()).isEqualTo("id");
        assertThat(customer.getCustomProperties())
                .containsEntry("tacit.confidence", "0.95")
                .containsEntry("tacit.runId", "run-1")
                .containsEntry("tacit.toolVersion", "0.1.0-test")
                .containsEntry("tacit.owner", "tacit")
                .containsKey("tacit.evidence");
        assertThat(customer.getCustomProperties().get("tacit.evidence")).contains("100% of values found in customers.id");

        assertThat(tacitForeignKeys(ORDERS)).containsExactlyInAnyOrder("tacit_customer_id__customers_id", "tacit_product_id__products_id");
        assertThat(tacitForeignKeys(REVIEWS)).containsExactly("tacit_order_id__orders_id");
        SchemaMetadata orders = gms.get(ORDERS, "schemaMetadata", SchemaMetadata.class).orElseThrow();
        assertThat(orders.getFields()).hasSize(3);
        ForeignKeyConstraint key = orders.getForeignKeys().stream()
                .filter(fk -> fk.getName().equals("tacit_customer_id__customers_id")).findFirst().orElseThrow();
        assertThat(key.getForeignDataset().toString()).isEqualTo(CUSTOMERS);
        assertThat(key.getSourceFields().get(0).toString()).isEqualTo("urn:li:schemaField:(" + ORDERS + ",customer_id)");

        assertThat(fieldTags(ORDERS, "customer_id")).containsExactlyInAnyOrder(DataHubMapping.TAG_INFERRED, DataHubMapping.TAG_HIGH);
        assertThat(fieldTags(ORDERS, "product_id")).containsExactlyInAnyOrder(DataHubMapping.TAG_INFERRED, DataHubMapping.TAG_MEDIUM);
        assertThat(fieldTags(REVIEWS, "order_id")).containsExactlyInAnyOrder(DataHubMapping.TAG_INFERRED, DataHubMapping.TAG_LOW);
        assertThat(gms.stored(DataHubMapping.TAG_INFERRED, "tagProperties")).isPresent();

        assertThat(columnLineage(ORDERS)).containsEntry(
                "urn:li:schemaField:(" + CUSTOMERS + ",id) -> urn:li:schemaField:(" + ORDERS + ",customer_id)", 0.95f);
        UpstreamLineage lineage = gms.get(ORDERS, "upstreamLineage", UpstreamLineage.class).orElseThrow();
        assertThat(lineage.getUpstreams()).extracting(upstream -> upstream.getDataset().toString())
                .containsExactlyInAnyOrder(CUSTOMERS, PRODUCTS);

        for (DataMap proposal : gms.accepted()) {
            DataMap systemMetadata = proposal.getDataMap("systemMetadata");
            assertThat(systemMetadata.getString("runId")).isEqualTo("run-1");
            assertThat(systemMetadata.getString("pipelineName")).isEqualTo("tacit");
        }
    }

    @Test
    void sameInputAgainWritesNothing() {
        RunContext first = run("run-1");
        publish(first, threeEdges(first));
        gms.clearLog();

        RunContext second = run("run-2");
        DataHubPlan plan = plan(second, threeEdges(second));
        assertThat(plan.work()).isEmpty();
        assertThat(plan.changes()).allMatch(change -> change.action() == Action.UNCHANGED);
        PublishReport report = publish(second, threeEdges(second));
        assertThat(report.failures()).isZero();
        assertThat(gms.ingestCalls()).isZero();
        assertThat(relationshipUrns()).hasSize(3);
    }

    @Test
    void edgeNoLongerInferredIsRetiredEverywhere() {
        RunContext first = run("run-1");
        publish(first, threeEdges(first));
        String productEdge = relationshipFrom("product_id");

        RunContext second = run("run-2");
        List<Relationship> fewer = List.of(threeEdges(second).get(0), threeEdges(second).get(2));
        DataHubPlan plan = plan(second, fewer);
        assertThat(plan.changes()).anyMatch(change -> change.action() == Action.RETIRE && change.target().equals(productEdge));
        PublishReport report = publish(second, fewer);

        assertThat(gms.violations()).isEmpty();
        assertThat(report.failures()).isZero();
        assertThat(report.retired()).isGreaterThanOrEqualTo(4);
        assertThat(removed(productEdge)).isTrue();
        assertThat(removed(relationshipFrom("customer_id"))).isFalse();
        assertThat(tacitForeignKeys(ORDERS)).containsExactly("tacit_customer_id__customers_id");
        assertThat(fieldTags(ORDERS, "product_id")).isEmpty();
        assertThat(fieldTags(ORDERS, "customer_id")).contains(DataHubMapping.TAG_INFERRED);
        assertThat(columnLineage(ORDERS)).hasSize(1);
        UpstreamLineage lineage = gms.get(ORDERS, "upstreamLineage", UpstreamLineage.class).orElseThrow();
        assertThat(lineage.getUpstreams()).extracting(upstream -> upstream.getDataset().toString()).containsExactly(CUSTOMERS);

        // it comes back: the entity is restored, not duplicated
        RunContext third = run("run-3");
        publish(third, threeEdges(third));
        assertThat(removed(productEdge)).isFalse();
        assertThat(relationshipUrns()).hasSize(3);
        assertThat(gms.violations()).isEmpty();
    }

    @Test
    void edgesOfTablesOutsideThisRunStayAndEdgesOfDroppedTablesAreRetired() {
        RunContext first = run("run-1");
        publish(first, threeEdges(first));
        String reviewEdge = relationshipFrom("order_id");
        String customerEdge = relationshipFrom("customer_id");

        // a run that read only customers, orders and products: the reviews edge is not judged
        List<Table> withoutReviews = tables.stream().filter(table -> !table.name().table().equals("reviews")).toList();
        RunContext second = run("run-2");
        try (DataHubPublisher publisher = publisher(second, false, Map.of())) {
            DataHubPlan plan = publisher.plan(result(second, withoutReviews, threeEdges(second).subList(0, 2)), ProgressListener.NONE);
            publisher.apply(plan, ProgressListener.NONE);
        }
        assertThat(removed(reviewEdge)).isFalse();
        assertThat(tacitForeignKeys(REVIEWS)).hasSize(1);

        // the reviews table was dropped and DataHub's stateful ingestion soft-deleted its dataset
        gms.put(REVIEWS, "status", new Status().setRemoved(true));
        RunContext third = run("run-3");
        try (DataHubPublisher publisher = publisher(third, false, Map.of())) {
            DataHubPlan plan = publisher.plan(result(third, withoutReviews, threeEdges(third).subList(0, 2)), ProgressListener.NONE);
            publisher.apply(plan, ProgressListener.NONE);
        }
        assertThat(removed(reviewEdge)).isTrue();
        assertThat(removed(customerEdge)).isFalse();
        assertThat(gms.violations()).isEmpty();
    }

    @Test
    void whatOthersWroteIsNeverTouched() throws URISyntaxException {
        SchemaMetadata orders = gms.get(ORDERS, "schemaMetadata", SchemaMetadata.class).orElseThrow();
        ForeignKeyConstraint declared = new ForeignKeyConstraint().setName("fk_orders_customer_legacy")
                .setForeignDataset(Fixtures.urn(CUSTOMERS))
                .setSourceFields(new UrnArray(List.of(Fixtures.urn("urn:li:schemaField:(" + ORDERS + ",customer_id)"))))
                .setForeignFields(new UrnArray(List.of(Fixtures.urn("urn:li:schemaField:(" + CUSTOMERS + ",id)"))));
        orders.setForeignKeys(new ForeignKeyConstraintArray(List.of(declared)));
        gms.put(ORDERS, "schemaMetadata", orders);
        TagAssociation pii = new TagAssociation().setTag(TagUrn.createFromString("urn:li:tag:pii"));
        gms.put(ORDERS, "editableSchemaMetadata", new EditableSchemaMetadata().setEditableSchemaFieldInfo(
                new EditableSchemaFieldInfoArray(List.of(new EditableSchemaFieldInfo().setFieldPath("customer_id")
                        .setDescription("who ordered").setGlobalTags(new GlobalTags().setTags(new TagAssociationArray(List.of(pii))))))));
        Upstream etl = new Upstream().setDataset(com.linkedin.common.urn.DatasetUrn.createFromString(
                        "urn:li:dataset:(urn:li:dataPlatform:kafka,orders_topic,PROD)"))
                .setType(DatasetLineageType.COPY).setAuditStamp(new com.linkedin.common.AuditStamp().setTime(0L)
                        .setActor(Fixtures.urn("urn:li:corpuser:etl")));
        gms.put(ORDERS, "upstreamLineage", new UpstreamLineage().setUpstreams(new UpstreamArray(List.of(etl))));

        RunContext first = run("run-1");
        publish(first, threeEdges(first));
        assertThat(gms.violations()).isEmpty();
        assertThat(fieldTags(ORDERS, "customer_id")).contains("urn:li:tag:pii", DataHubMapping.TAG_INFERRED);

        // nothing inferred any more: tacit removes its own and only its own
        RunContext second = run("run-2");
        PublishReport report = publish(second, List.of());
        assertThat(report.failures()).isZero();
        assertThat(gms.violations()).isEmpty();
        SchemaMetadata after = gms.get(ORDERS, "schemaMetadata", SchemaMetadata.class).orElseThrow();
        assertThat(after.getForeignKeys()).containsExactly(declared);
        assertThat(after.getFields()).hasSize(3);
        assertThat(fieldTags(ORDERS, "customer_id")).containsExactly("urn:li:tag:pii");
        EditableSchemaMetadata editable = gms.get(ORDERS, "editableSchemaMetadata", EditableSchemaMetadata.class).orElseThrow();
        assertThat(editable.getEditableSchemaFieldInfo().get(0).getDescription()).isEqualTo("who ordered");
        UpstreamLineage lineage = gms.get(ORDERS, "upstreamLineage", UpstreamLineage.class).orElseThrow();
        assertThat(lineage.getUpstreams()).containsExactly(etl);
        assertThat(relationshipUrns()).allMatch(this::removed);
    }

    @Test
    void foreignKeysComeBackAfterTheSourceIngestionReplacedSchemaMetadata() {
        RunContext first = run("run-1");
        publish(first, threeEdges(first));
        // the postgres ingestion runs again and replaces the aspect without tacit's keys
        Fixtures.ingest(gms, tables);
        assertThat(tacitForeignKeys(ORDERS)).isEmpty();

        RunContext second = run("run-2");
        publish(second, threeEdges(second));
        assertThat(gms.violations()).isEmpty();
        assertThat(tacitForeignKeys(ORDERS)).hasSize(2);
        DataMap write = gms.accepted().stream().filter(p -> "schemaMetadata".equals(p.getString("aspectName"))).findFirst().orElseThrow();
        assertThat(write.getDataMap("headers").getString("If-Version-Match")).isNotEqualTo("-1");
    }

    @Test
    void lostRaceWithTheSourceIngestionIsMergedAgain() {
        RunContext run = run("run-1");
        try (DataHubPublisher publisher = publisher(run, false, Map.of())) {
            DataHubPlan plan = publisher.plan(result(run, tables, threeEdges(run)), ProgressListener.NONE);
            // between plan and apply the source ingestion writes a new schema version
            Fixtures.ingest(gms, tables);
            PublishReport report = publisher.apply(plan, ProgressListener.NONE);
            assertThat(report.failures()).isZero();
        }
        assertThat(tacitForeignKeys(ORDERS)).hasSize(2);
        assertThat(gms.violations()).isEmpty();
    }

    @Test
    void stewardRejectionIsHonoured() throws URISyntaxException {
        RunContext first = run("run-1");
        publish(first, threeEdges(first));
        String customerEdge = relationshipFrom("customer_id");
        ERModelRelationshipProperties before = gms.get(customerEdge, "erModelRelationshipProperties",
                ERModelRelationshipProperties.class).orElseThrow();
        gms.put(customerEdge, "globalTags", new GlobalTags().setTags(new TagAssociationArray(List.of(
                new TagAssociation().setTag(TagUrn.createFromString(DataHubMapping.TAG_REJECTED))))));
        // a column-level rejection too
        gms.put(REVIEWS, "editableSchemaMetadata", new EditableSchemaMetadata().setEditableSchemaFieldInfo(
                new EditableSchemaFieldInfoArray(List.of(new EditableSchemaFieldInfo().setFieldPath("order_id")
                        .setGlobalTags(new GlobalTags().setTags(new TagAssociationArray(List.of(
                                new TagAssociation().setTag(TagUrn.createFromString(DataHubMapping.TAG_REJECTED))))))))));
        String reviewEdge = relationshipFrom("order_id");

        RunContext second = run("run-2");
        DataHubPlan plan = plan(second, threeEdges(second));
        assertThat(plan.notes()).anyMatch(note -> note.contains("rejected by a steward"));
        publish(second, threeEdges(second));

        assertThat(gms.violations()).isEmpty();
        assertThat(removed(customerEdge)).isFalse();
        assertThat(gms.get(customerEdge, "erModelRelationshipProperties", ERModelRelationshipProperties.class).orElseThrow())
                .isEqualTo(before);
        assertThat(tacitForeignKeys(ORDERS)).containsExactly("tacit_product_id__products_id");
        assertThat(fieldTags(ORDERS, "customer_id")).isEmpty();
        assertThat(columnLineage(ORDERS)).hasSize(1);
        assertThat(removed(reviewEdge)).isTrue();
        assertThat(tacitForeignKeys(REVIEWS)).isEmpty();
        assertThat(fieldTags(REVIEWS, "order_id")).containsExactly(DataHubMapping.TAG_REJECTED);

        // and stays rejected on the next run
        RunContext third = run("run-3");
        publish(third, threeEdges(third));
        assertThat(tacitForeignKeys(ORDERS)).containsExactly("tacit_product_id__products_id");
    }

    @Test
    void tooManyRequestsIsRetried() {
        gms.failNextIngests(429, 503);
        RunContext run = run("run-1");
        PublishReport report = publish(run, threeEdges(run));
        assertThat(report.failures()).isZero();
        assertThat(gms.violations()).isEmpty();
        assertThat(relationshipUrns()).hasSize(3);
        assertThat(gms.ingestCalls()).isEqualTo(gms.accepted().size() + 2);
    }

    @Test
    void slowReadsTimeOutAndAreRetried() {
        gms.slowNextReads(2, 1500);
        RunContext run = run("run-1");
        PublishReport report = publish(run, threeEdges(run), Map.of("timeout", "300ms"));
        assertThat(report.failures()).isZero();
        assertThat(relationshipUrns()).hasSize(3);
    }

    @Test
    void concurrencyIsBounded() {
        RunContext run = run("run-1");
        List<Relationship> many = new java.util.ArrayList<>();
        List<Table> wide = new java.util.ArrayList<>(tables);
        for (int i = 0; i < 30; i++) {
            Table table = Fixtures.table("public", "child" + i, "id", "customer_id");
            wide.add(table);
            many.add(edge(run, "child" + i, "customer_id", "customers", "id", 0.9));
        }
        Fixtures.ingest(gms, wide);
        gms.holdWrites();
        try (DataHubPublisher publisher = publisher(run, false, Map.of("concurrency", "2"))) {
            DataHubPlan plan = publisher.plan(result(run, wide, many), ProgressListener.NONE);
            assertThat(publisher.apply(plan, ProgressListener.NONE).failures()).isZero();
        }
        assertThat(gms.maxInFlight()).isBetween(1, 2);
        assertThat(relationshipUrns()).hasSize(30);
    }

    @Test
    void serverErrorOnOneDatasetDoesNotStopTheOthers() {
        gms.failAlways(ORDERS);
        RunContext run = run("run-1");
        PublishReport report = publish(run, threeEdges(run));
        assertThat(report.failures()).isEqualTo(1);
        PublishReport.Outcome failed = report.outcomes().stream().filter(outcome -> !outcome.ok()).findFirst().orElseThrow();
        assertThat(failed.target()).isEqualTo(ORDERS);
        assertThat(failed.message()).contains("HTTP 500").contains("storage unavailable");
        assertThat(relationshipUrns()).hasSize(3);
        assertThat(tacitForeignKeys(REVIEWS)).hasSize(1);
    }

    @Test
    void clientErrorsAreNotRetriedAndShowTheServerMessage() {
        gms.failNextIngests(400);
        RunContext run = run("run-1");
        PublishReport report = publish(run, threeEdges(run), Map.of("concurrency", "1"));
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.outcomes().stream().filter(outcome -> !outcome.ok()).findFirst().orElseThrow().message())
                .contains("HTTP 400").contains("injected failure 400");
        assertThat(gms.ingestCalls()).isEqualTo(gms.accepted().size() + 1);
    }

    @Test
    void badTokenIsACatalogErrorThatNamesTheFixAndNotTheToken() {
        RunContext run = run("run-1");
        assertThatThrownBy(() -> publish(run, threeEdges(run), Map.of("token", "s3cr3t-wrong")))
                .isInstanceOfSatisfying(TacitException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CATALOG);
                    assertThat(e.kind().exitCode()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("401");
                    assertThat(e.hint()).get().asString().contains("Access Tokens");
                    assertThat(e.oneLine()).doesNotContain("s3cr3t-wrong");
                });
        assertThat(gms.ingestCalls()).isZero();
    }

    @Test
    void dryRunWritesNothing() {
        RunContext run = run("run-1");
        try (DataHubPublisher publisher = publisher(run, true, Map.of())) {
            DataHubPlan plan = publisher.plan(result(run, tables, threeEdges(run)), ProgressListener.NONE);
            assertThat(plan.changes()).anyMatch(change -> change.action() == Action.ADD);
            publisher.apply(plan, ProgressListener.NONE);
        }
        assertThat(gms.ingestCalls()).isZero();
    }

    @Test
    void datasetsDataHubDoesNotHaveAreReportedAndSkipped() {
        RunContext run = run("run-1");
        List<Table> more = new java.util.ArrayList<>(tables);
        more.add(Fixtures.table("public", "invoices", "id", "order_id"));
        Relationship invoice = edge(run, "invoices", "order_id", "orders", "id", 0.9);
        try (DataHubPublisher publisher = publisher(run, false, Map.of())) {
            InferenceResult input = result(run, more, List.of(invoice, threeEdges(run).get(0)));
            DataHubPlan plan = publisher.plan(input, ProgressListener.NONE);
            assertThat(plan.missingDatasets()).containsExactly(NAMING.datasetUrn(TableName.of("public", "invoices")));
            PublishReport report = publisher.apply(plan, ProgressListener.NONE);
            assertThat(report.failures()).isZero();
        }
        assertThat(relationshipUrns()).hasSize(1);
        assertThat(gms.urnsWithPrefix(NAMING.datasetUrn(TableName.of("public", "invoices")))).isEmpty();
    }

    @Test
    void edgesBelowTheSinkThresholdAreNotPublishedAndRetiredIfTheyWere() {
        RunContext first = run("run-1");
        publish(first, threeEdges(first));
        RunContext second = run("run-2");
        publish(second, threeEdges(second), Map.of("minConfidence", "0.7"));
        assertThat(gms.violations()).isEmpty();
        assertThat(removed(relationshipFrom("order_id"))).isTrue();
        assertThat(tacitForeignKeys(REVIEWS)).isEmpty();
        assertThat(tacitForeignKeys(ORDERS)).hasSize(2);
    }

    @Test
    void lineageAndTagsCanBeSwitchedOff() {
        RunContext run = run("run-1");
        publish(run, threeEdges(run), Map.of("lineage", "false", "tags", "false"));
        assertThat(gms.stored(ORDERS, "upstreamLineage")).isEmpty();
        assertThat(gms.stored(ORDERS, "editableSchemaMetadata")).isEmpty();
        assertThat(tacitForeignKeys(ORDERS)).hasSize(2);
    }

    @Test
    void oldServersGetNoForeignKeyMerge() {
        gms.serverVersion("v0.13.3");
        RunContext run = run("run-1");
        try (DataHubPublisher publisher = publisher(run, false, Map.of())) {
            DataHubPlan plan = publisher.plan(result(run, tables, threeEdges(run)), ProgressListener.NONE);
            assertThat(plan.notes()).anyMatch(note -> note.contains("If-Version-Match"));
            publisher.apply(plan, ProgressListener.NONE);
        }
        assertThat(tacitForeignKeys(ORDERS)).isEmpty();
        assertThat(relationshipUrns()).hasSize(3);

        gms.serverVersion("v0.12.1");
        assertThatThrownBy(() -> plan(run, threeEdges(run)))
                .isInstanceOfSatisfying(TacitException.class, e -> assertThat(e.getMessage()).contains("too old"));
    }

    @Test
    void dataHubCloudIsJudgedByItsEnvironmentNotByCoreVersionNumbers() {
        gms.cloud("v0.3.11");
        RunContext run = run("run-1");
        PublishReport report = publish(run, threeEdges(run));
        assertThat(report.failures()).isZero();
        assertThat(relationshipUrns()).hasSize(3);
        assertThat(tacitForeignKeys(ORDERS)).hasSize(2);
        assertThat(gms.violations()).isEmpty();
    }

    @Test
    void onEarlyOpenApiControllersAReturningEdgeIsRestored() {
        gms.serverVersion("v0.14.0");
        gms.earlyOpenApi(true);
        RunContext first = run("run-1");
        publish(first, threeEdges(first));
        String productEdge = relationshipFrom("product_id");
        RunContext second = run("run-2");
        publish(second, List.of(threeEdges(second).get(0), threeEdges(second).get(2)));
        assertThat(removed(productEdge)).isTrue();

        RunContext third = run("run-3");
        publish(third, threeEdges(third));
        assertThat(removed(productEdge)).isFalse();
        assertThat(relationshipUrns()).hasSize(3);
        assertThat(gms.violations()).isEmpty();
    }

    @Test
    void twoUpstreamsOfOneColumnKeepTheirOwnScoresAndAreNotPatchedAgain() {
        RunContext first = run("run-1");
        List<Relationship> edges = List.of(edge(first, "orders", "customer_id", "customers", "id", 0.95),
                edge(first, "orders", "customer_id", "products", "id", 0.60));
        publish(first, edges);
        Map<String, Float> lineage = columnLineage(ORDERS);
        assertThat(lineage).hasSize(2);
        assertThat(lineage.entrySet()).anySatisfy(entry -> {
            assertThat(entry.getKey()).contains("customers");
            assertThat(entry.getValue()).isEqualTo(0.95f);
        });

        gms.clearLog();
        RunContext second = run("run-2");
        publish(second, List.of(edge(second, "orders", "customer_id", "customers", "id", 0.95),
                edge(second, "orders", "customer_id", "products", "id", 0.60)));
        assertThat(gms.accepted()).noneMatch(proposal -> "upstreamLineage".equals(proposal.getString("aspectName")));
        assertThat(gms.violations()).isEmpty();
    }

    @Test
    void aSchemaWhoseVersionTheServerDoesNotShowIsStillMerged() {
        SchemaMetadata schema = gms.get(ORDERS, "schemaMetadata", SchemaMetadata.class).orElseThrow();
        gms.putWithoutVersion(ORDERS, "schemaMetadata", schema);
        RunContext run = run("run-1");
        PublishReport report = publish(run, threeEdges(run));
        assertThat(report.failures()).as(report.outcomes().toString()).isZero();
        assertThat(tacitForeignKeys(ORDERS)).hasSize(2);
    }

    @Test
    void withAsyncIngestByDefaultALostRaceIsStillSeenAndMergedAgain() {
        gms.asyncIngestDefault(true);
        RunContext run = run("run-1");
        try (DataHubPublisher publisher = publisher(run, false, Map.of())) {
            DataHubPlan plan = publisher.plan(result(run, tables, threeEdges(run)), ProgressListener.NONE);
            Fixtures.ingest(gms, tables);
            PublishReport report = publisher.apply(plan, ProgressListener.NONE);
            assertThat(report.failures()).isZero();
        }
        assertThat(gms.invisibleFailures()).isEmpty();
        assertThat(tacitForeignKeys(ORDERS)).hasSize(2);
        assertThat(gms.violations()).isEmpty();
    }

    @Test
    void fakeRejectsWhatTheServerWouldReject() {
        // the 0.15 trap: a tag on a field that has no editableSchemaFieldInfo element yet, without the fieldPath op
        com.linkedin.metadata.aspect.patch.builder.EditableSchemaMetadataPatchBuilder bare =
                new com.linkedin.metadata.aspect.patch.builder.EditableSchemaMetadataPatchBuilder();
        bare.urn(Fixtures.urn(ORDERS));
        bare.addTag(new TagAssociation().setTag(tag(DataHubMapping.TAG_INFERRED)), "customer_id");
        com.linkedin.mxe.MetadataChangeProposal mcp = DataHubMapping.stamped(bare.build(),
                new com.linkedin.mxe.SystemMetadata().setRunId("r").setPipelineName("tacit"));
        RestProposalSender sender = new RestProposalSender(java.net.URI.create("http://" + server.getHostName() + ":" + server.getPort()), java.util.Optional.of(
                io.tacit.config.Secret.of(FakeGms.TOKEN, "test")), java.time.Duration.ofSeconds(5),
                new RetryPolicy(0, java.time.Duration.ofMillis(1)));
        try (sender) {
            assertThatThrownBy(() -> sender.send(mcp)).isInstanceOf(ProposalSender.RejectedProposal.class)
                    .hasMessageContaining("fieldPath");
            // an aspect value the schema does not allow
            ERModelRelationshipProperties bad = new ERModelRelationshipProperties().setName("x")
                    .setSource(Fixtures.urn(ORDERS)).setDestination(Fixtures.urn(CUSTOMERS))
                    .setRelationshipFieldMappings(new com.linkedin.ermodelrelation.RelationshipFieldMappingArray())
                    .setCustomProperties(new StringMap(Map.of("k", "v")));
            bad.data().put("confidence", 0.5);
            com.linkedin.mxe.MetadataChangeProposal unknownField = DataHubMapping.upsert("erModelRelationship",
                    "urn:li:erModelRelationship:x", bad, new com.linkedin.mxe.SystemMetadata().setRunId("r").setPipelineName("tacit"));
            assertThatThrownBy(() -> sender.send(unknownField)).isInstanceOf(ProposalSender.RejectedProposal.class)
                    .hasMessageContaining("HTTP 400");
        }
    }

    private static TagUrn tag(String urn) {
        try {
            return TagUrn.createFromString(urn);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
