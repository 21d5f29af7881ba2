package io.tacit.openmetadata;

import static io.tacit.openmetadata.Fixtures.CUSTOMER;
import static io.tacit.openmetadata.Fixtures.ORDERS;
import static io.tacit.openmetadata.Fixtures.ORDER_ITEMS;
import static io.tacit.openmetadata.Fixtures.PRODUCT;
import static io.tacit.openmetadata.Fixtures.edge;
import static io.tacit.openmetadata.Fixtures.options;
import static io.tacit.openmetadata.Fixtures.publisher;
import static io.tacit.openmetadata.Fixtures.result;
import static io.tacit.openmetadata.Fixtures.run;
import static io.tacit.openmetadata.Fixtures.shopResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.openmetadata.fake.FakeOpenMetadata;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishPlan.Action;
import io.tacit.spi.PublishReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenMetadataPublisherTest {
    private final FakeOpenMetadata fake = Fixtures.shop("1.4.0");

    @AfterEach
    void noPayloadTheServerWouldRefuse() {
        assertThat(fake.violations()).isEmpty();
        fake.close();
    }

    private PublishReport publish(InferenceResult result) {
        return publish(result, options());
    }

    private PublishReport publish(InferenceResult result, PublishOptions options) {
        try (OpenMetadataPublisher publisher = publisher(fake, options, result.run())) {
            OpenMetadataPlan plan = publisher.plan(result, ProgressListener.NONE);
            return publisher.apply(plan, ProgressListener.NONE);
        }
    }

    private OpenMetadataPlan plan(InferenceResult result) {
        try (OpenMetadataPublisher publisher = publisher(fake, options(), result.run())) {
            return publisher.plan(result, ProgressListener.NONE);
        }
    }

    private static List<String> constraints(JsonNode table) {
        List<String> result = new ArrayList<>();
        for (JsonNode constraint : table.path("tableConstraints")) {
            result.add(constraint.path("constraintType").asText() + " " + constraint.path("columns") + " "
                    + constraint.path("referredColumns"));
        }
        return result;
    }

    private List<String> tableWrites() {
        return fake.writes().stream()
                .filter(write -> !write.endsWith("/pipelineStatus") && !write.equals("PUT /api/v1/services/ingestionPipelines"))
                .toList();
    }

    @Test
    void firstPublishWritesConstraintsTagsPropertiesJoinsLineageAndRunStatus() {
        RunContext run = run("tacit-run-1");
        PublishReport report = publish(shopResult(run));

        assertThat(report.failures()).as(report.outcomes().toString()).isZero();
        assertThat(report.added()).isGreaterThanOrEqualTo(3);
        assertThat(constraints(fake.table(ORDERS))).containsExactly(
                "FOREIGN_KEY [\"customer_id\"] [\"shop.shopdb.public.customer.id\"]",
                "FOREIGN_KEY [\"product_id\"] [\"shop.shopdb.public.product.id\"]");
        assertThat(constraints(fake.table(ORDER_ITEMS))).containsExactly(
                "FOREIGN_KEY [\"order_id\"] [\"shop.shopdb.public.orders.id\"]");
        assertThat(fake.columnTags(ORDERS, "customer_id")).containsExactlyInAnyOrder(
                "TacitInferred.InferredForeignKey/Automated", "TacitInferred.ConfidenceHigh/Automated");
        assertThat(fake.columnTags(ORDERS, "product_id")).contains("TacitInferred.ConfidenceMedium/Automated");
        assertThat(fake.columnTags(ORDER_ITEMS, "order_id")).contains("TacitInferred.ConfidenceLow/Automated");
        assertThat(fake.columnTags(ORDERS, "note")).isEmpty();
        assertThat(fake.tagFqns()).contains("TacitInferred.Rejected");
        assertThat(fake.customProperties()).containsExactly("tacitState", "tacitInferredRelationships");

        JsonNode extension = fake.table(ORDERS).path("extension");
        assertThat(extension.path("tacitInferredRelationships").asText())
                .contains("customer_id", "public.customer(id)", "0.93", "100% of 42 distinct values", "tacit-run-1");
        TacitState state = TacitState.parse(extension.path("tacitState").asText()).orElseThrow();
        assertThat(state.edges()).hasSize(2).allMatch(TacitState.PublishedEdge::ownsConstraint);

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(fake.joinCounts(ORDERS + ".customer_id", CUSTOMER + ".id")).isEqualTo(Map.of(yesterday, 1));

        ObjectNode lineage = fake.lineage(CUSTOMER, ORDERS).orElseThrow();
        assertThat(lineage.path("description").asText()).startsWith("tacit:")
                .contains("confidence 0.93", "evidence:", "run tacit-run-1");
        assertThat(lineage.path("columnsLineage").get(0).path("toColumn").asText()).isEqualTo(ORDERS + ".customer_id");
        assertThat(fake.lineage(ORDERS, ORDER_ITEMS)).isPresent();

        String pipeline = "shop.tacit-relationships";
        assertThat(fake.pipelines()).contains(pipeline);
        assertThat(fake.pipelineStatuses(pipeline)).hasSize(1);
        JsonNode status = fake.pipelineStatuses(pipeline).values().iterator().next();
        assertThat(status.path("pipelineState").asText()).isEqualTo("success");
        assertThat(status.path("endDate").asLong()).isGreaterThanOrEqualTo(status.path("startDate").asLong());
        assertThat(status.path("status").get(0).path("records").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void secondRunWithNoChangeWritesNothing() {
        publish(shopResult(run("tacit-run-1")));
        fake.clearWrites();

        RunContext second = run("tacit-run-2");
        OpenMetadataPlan plan = plan(shopResult(second));
        assertThat(plan.isEmpty()).as(plan.render()).isTrue();
        assertThat(plan.changes()).extracting(change -> change.action()).containsOnly(Action.UNCHANGED);

        PublishReport report = publish(shopResult(second));
        assertThat(tableWrites()).isEmpty();
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(constraints(fake.table(ORDERS))).hasSize(2);
        // the run is still recorded in the pipeline status
        assertThat(fake.writes()).allMatch(write -> write.endsWith("/pipelineStatus"));
        assertThat(fake.pipelineStatuses("shop.tacit-relationships")).hasSize(2);
    }

    @Test
    void edgeThatIsNoLongerInferredIsRetired() {
        publish(shopResult(run("tacit-run-1")));
        RunContext second = run("tacit-run-2");

        PublishReport report = publish(result(second, edge(second, "orders", "customer_id", "customer", "id", 0.93)));

        assertThat(report.retired()).isGreaterThanOrEqualTo(2);
        assertThat(constraints(fake.table(ORDERS))).containsExactly(
                "FOREIGN_KEY [\"customer_id\"] [\"shop.shopdb.public.customer.id\"]");
        assertThat(fake.columnTags(ORDERS, "product_id")).isEmpty();
        assertThat(constraints(fake.table(ORDER_ITEMS))).isEmpty();
        assertThat(fake.lineage(ORDERS, ORDER_ITEMS)).isEmpty();
        assertThat(fake.table(ORDER_ITEMS).path("extension").has("tacitState")).isFalse();
        assertThat(fake.lineage(CUSTOMER, ORDERS).orElseThrow().path("description").asText())
                .contains("customer_id").doesNotContain("product_id");
    }

    @Test
    void constraintTagAndLineageWrittenBySomeoneElseAreLeftAlone() {
        fake.addConstraint(ORDERS, "UNIQUE", List.of("note"), null);
        fake.addConstraint(ORDERS, "FOREIGN_KEY", List.of("product_id"), List.of(PRODUCT + ".id"));
        publish(shopResult(run("tacit-run-1")));
        fake.addColumnTag(ORDERS, "customer_id", "TacitInferred.ConfidenceLow", "Manual");
        ObjectNode foreignLineage = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        foreignLineage.put("description", "from query logs");
        foreignLineage.put("source", "QueryLineage");
        fake.putLineage(PRODUCT, ORDER_ITEMS, foreignLineage);

        // product_id is no longer inferred: tacit never added that constraint, so it stays
        RunContext second = run("tacit-run-2");
        publish(result(second, edge(second, "orders", "customer_id", "customer", "id", 0.93),
                edge(second, "order.items", "product_id", "product", "id", 0.9)));

        assertThat(constraints(fake.table(ORDERS))).containsExactly(
                "UNIQUE [\"note\"] ",
                "FOREIGN_KEY [\"product_id\"] [\"shop.shopdb.public.product.id\"]",
                "FOREIGN_KEY [\"customer_id\"] [\"shop.shopdb.public.customer.id\"]");
        assertThat(fake.columnTags(ORDERS, "customer_id")).contains("TacitInferred.ConfidenceLow/Manual");
        assertThat(fake.lineage(PRODUCT, ORDER_ITEMS).orElseThrow().path("description").asText()).isEqualTo("from query logs");
    }

    @Test
    void constraintsResetByMetadataIngestionAreAddedAgain() {
        publish(shopResult(run("tacit-run-1")));
        fake.resetConstraints(ORDERS);
        fake.addConstraint(ORDERS, "PRIMARY_KEY", List.of("id"), null);

        PublishReport report = publish(shopResult(run("tacit-run-2")));

        assertThat(report.changed()).isEqualTo(2);
        assertThat(constraints(fake.table(ORDERS))).containsExactly("PRIMARY_KEY [\"id\"] ",
                "FOREIGN_KEY [\"customer_id\"] [\"shop.shopdb.public.customer.id\"]",
                "FOREIGN_KEY [\"product_id\"] [\"shop.shopdb.public.product.id\"]");
    }

    @Test
    void stewardRejectionIsHonouredAndNeverPublishedAgain() {
        publish(shopResult(run("tacit-run-1")));
        // one steward tags a column Rejected; another removes tacit's tag from another column, which is not a
        // rejection (the server drops tags the same way when it re-creates a column): the tag is put back
        fake.addColumnTag(ORDERS, "customer_id", "TacitInferred.Rejected", "Manual");
        fake.removeColumnTag(ORDERS, "product_id", "TacitInferred.InferredForeignKey");

        PublishReport report = publish(shopResult(run("tacit-run-2")));
        assertThat(report.retired()).isGreaterThanOrEqualTo(1);
        assertThat(constraints(fake.table(ORDERS))).containsExactly(
                "FOREIGN_KEY [\"product_id\"] [\"shop.shopdb.public.product.id\"]");
        assertThat(fake.columnTags(ORDERS, "customer_id")).containsExactly("TacitInferred.Rejected/Manual");
        assertThat(fake.columnTags(ORDERS, "product_id")).contains("TacitInferred.InferredForeignKey/Automated");
        assertThat(fake.lineage(CUSTOMER, ORDERS)).isEmpty();
        TacitState state = TacitState.parse(fake.table(ORDERS).path("extension").path("tacitState").asText()).orElseThrow();
        assertThat(state.rejected()).containsExactly("public.orders(customer_id)->public.customer(id)");

        // even after the Rejected tag is gone, the rejection stands
        fake.removeColumnTag(ORDERS, "customer_id", "TacitInferred.Rejected");
        fake.clearWrites();
        publish(shopResult(run("tacit-run-3")));
        assertThat(constraints(fake.table(ORDERS))).hasSize(1);
        assertThat(tableWrites()).isEmpty();
    }

    @Test
    void aJoinCountAnotherWriterSetIsNeverLowered() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        fake.setJoinCount(ORDERS + ".customer_id", CUSTOMER + ".id", yesterday, 57);

        publish(shopResult(run("tacit-run-1")));

        assertThat(fake.joinCounts(ORDERS + ".customer_id", CUSTOMER + ".id")).isEqualTo(Map.of(yesterday.toString(), 57));
        assertThat(fake.joinCounts(ORDERS + ".product_id", PRODUCT + ".id")).isEqualTo(Map.of(yesterday.toString(), 1));
    }

    @Test
    void lineageDeletedByAPersonIsNotAddedAgain() {
        publish(shopResult(run("tacit-run-1")));
        fake.deleteLineage(CUSTOMER, ORDERS);
        publish(shopResult(run("tacit-run-2")));
        assertThat(fake.lineage(CUSTOMER, ORDERS)).isEmpty();
        assertThat(constraints(fake.table(ORDERS))).hasSize(2);
    }

    @Test
    void lineageCanBeSwitchedOffAndTacitsEdgesAreThenRemoved() {
        publish(shopResult(run("tacit-run-1")));
        assertThat(fake.lineageCount()).isEqualTo(3);
        publish(shopResult(run("tacit-run-2")), options().withLineage(false));
        assertThat(fake.lineageCount()).isZero();
        assertThat(constraints(fake.table(ORDERS))).hasSize(2);
    }

    @Test
    void lineageReadFromTheReferencedSideStillRespectsOwnershipAndIdempotency() {
        // two referencing tables, one referenced table: the plan reads lineage from product's side
        ObjectNode foreign = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        foreign.put("description", "dbt model");
        foreign.put("source", "DbtLineage");
        fake.putLineage(PRODUCT, ORDER_ITEMS, foreign);
        RunContext run = run("tacit-run-1");
        InferenceResult result = result(run, edge(run, "orders", "product_id", "product", "id", 0.9),
                edge(run, "order.items", "product_id", "product", "id", 0.9));
        publish(result);
        assertThat(fake.lineage(PRODUCT, ORDERS).orElseThrow().path("description").asText()).startsWith("tacit:");
        assertThat(fake.lineage(PRODUCT, ORDER_ITEMS).orElseThrow().path("description").asText()).isEqualTo("dbt model");

        fake.clearWrites();
        RunContext second = run("tacit-run-2");
        assertThat(plan(result(second, edge(second, "orders", "product_id", "product", "id", 0.9),
                edge(second, "order.items", "product_id", "product", "id", 0.9))).isEmpty()).isTrue();
    }

    @Test
    void aLineageWriteThatFailedIsRetriedOnTheNextRunNotTakenForARejection() {
        // 4 attempts (1 + 3 retries) of the first lineage write fail; the table's patch is then not sent
        String itemsId = fake.tableId(ORDER_ITEMS);
        fake.fail(request -> FakeOpenMetadata.path("PUT", "/api/v1/lineage").test(request)
                && request.getBody().utf8().contains("\"toEntity\":{\"id\":\"" + itemsId), 500, 4, Headers.of());
        PublishReport first = publish(shopResult(run("tacit-run-1")));
        assertThat(first.failures()).isEqualTo(1);
        assertThat(constraints(fake.table(ORDER_ITEMS))).isEmpty();

        PublishReport second = publish(shopResult(run("tacit-run-2")));
        assertThat(second.failures()).isZero();
        assertThat(fake.lineageCount()).isEqualTo(3);
        assertThat(constraints(fake.table(ORDERS))).hasSize(2);
        assertThat(constraints(fake.table(ORDER_ITEMS))).hasSize(1);
    }

    @Test
    void compositeRelationshipsArePublishedColumnByColumnAndIdempotently() {
        RunContext run = run("tacit-run-1");
        io.tacit.model.Relationship single = edge(run, "order.items", "order_id", "orders", "id", 0.92);
        io.tacit.model.Relationship composite = new io.tacit.model.Relationship(
                io.tacit.model.ColumnSet.of(Fixtures.table("order.items"), "order_id", "product_id"),
                io.tacit.model.ColumnSet.of(Fixtures.table("orders"), "id", "product_id"),
                io.tacit.model.RelationshipKind.FOREIGN_KEY, io.tacit.model.Origin.INFERRED,
                io.tacit.model.Cardinality.MANY_TO_ONE, 0.88, java.util.Optional.empty(), single.provenance());
        publish(result(run, composite));

        assertThat(constraints(fake.table(ORDER_ITEMS))).containsExactly(
                "FOREIGN_KEY [\"order_id\",\"product_id\"] [\"shop.shopdb.public.orders.id\",\"shop.shopdb.public.orders.product_id\"]");
        assertThat(fake.columnTags(ORDER_ITEMS, "product_id")).contains("TacitInferred.ConfidenceMedium/Automated");
        assertThat(fake.lineage(ORDERS, ORDER_ITEMS).orElseThrow().path("columnsLineage")).hasSize(2);
        assertThat(fake.joinCounts(ORDER_ITEMS + ".product_id", ORDERS + ".product_id")).hasSize(1);

        fake.clearWrites();
        RunContext second = run("tacit-run-2");
        publish(result(second, composite));
        assertThat(tableWrites()).isEmpty();
    }

    private static io.tacit.model.Relationship compositeNotAlphabetical(RunContext run) {
        io.tacit.model.Relationship single = edge(run, "order.items", "order_id", "orders", "id", 0.92);
        // local columns (product_id, order_id) are not in alphabetical order: the server sorts them in place
        return new io.tacit.model.Relationship(
                io.tacit.model.ColumnSet.of(Fixtures.table("order.items"), "product_id", "order_id"),
                io.tacit.model.ColumnSet.of(Fixtures.table("orders"), "product_id", "id"),
                io.tacit.model.RelationshipKind.FOREIGN_KEY, io.tacit.model.Origin.INFERRED,
                io.tacit.model.Cardinality.MANY_TO_ONE, 0.88, java.util.Optional.empty(), single.provenance());
    }

    @Test
    void compositeKeyWhoseColumnsAreNotAlphabeticalKeepsItsPairingAndIsWrittenOnce() {
        fake.version("1.12.3");
        for (int i = 1; i <= 3; i++) {
            RunContext run = run("tacit-run-" + i);
            fake.clearWrites();
            PublishReport report = publish(result(run, compositeNotAlphabetical(run)));
            assertThat(report.failures()).as("run " + i + ": " + report.outcomes()).isZero();
            if (i > 1) {
                assertThat(tableWrites()).as("run " + i).isEmpty();
            }
        }
        JsonNode constraint = fake.table(ORDER_ITEMS).path("tableConstraints").get(0);
        assertThat(fake.table(ORDER_ITEMS).path("tableConstraints")).hasSize(1);
        assertThat(constraint.path("columns").toString()).isEqualTo("[\"order_id\",\"product_id\"]");
        assertThat(constraint.path("referredColumns").toString())
                .isEqualTo("[\"shop.shopdb.public.orders.id\",\"shop.shopdb.public.orders.product_id\"]");
    }

    @Test
    void aCompositeKeyTheServerRePairedForAnEarlierVersionIsReplacedByTheRightOne() {
        // custom property definitions exist, as they would after an earlier run
        publish(result(run("tacit-run-0")));
        Fixtures.unsortedCompositeFromAnEarlierVersion(fake);
        RunContext run = run("tacit-run-1");
        publish(result(run, compositeNotAlphabetical(run)));
        assertThat(constraints(fake.table(ORDER_ITEMS))).containsExactly(
                "FOREIGN_KEY [\"order_id\",\"product_id\"] [\"shop.shopdb.public.orders.id\",\"shop.shopdb.public.orders.product_id\"]");
    }

    @Test
    void aTagAStewardAddsBetweenReadAndWriteIsNeverRemovedInsteadOfTacits() {
        publish(shopResult(run("tacit-run-1")));
        assertThat(fake.columnTags(ORDERS, "product_id")).containsExactly(
                "TacitInferred.ConfidenceMedium/Automated", "TacitInferred.InferredForeignKey/Automated");

        // the confidence of product_id rises: tacit plans to remove ConfidenceMedium at index 0
        RunContext second = run("tacit-run-2");
        InferenceResult result = result(second, edge(second, "orders", "customer_id", "customer", "id", 0.93),
                edge(second, "orders", "product_id", "product", "id", 0.95),
                edge(second, "order.items", "order_id", "orders", "id", 0.66));
        try (OpenMetadataPublisher publisher = publisher(fake, options(), second)) {
            OpenMetadataPlan plan = publisher.plan(result, ProgressListener.NONE);
            // meanwhile a steward adds a tag that sorts first, shifting tacit's tag to index 1
            fake.addColumnTag(ORDERS, "product_id", "TacitInferred.ConfidenceLow", "Manual");
            publisher.apply(plan, ProgressListener.NONE);
        }
        assertThat(fake.columnTags(ORDERS, "product_id")).contains("TacitInferred.ConfidenceLow/Manual");

        // the next run finishes the job
        publish(result);
        assertThat(fake.columnTags(ORDERS, "product_id")).containsExactlyInAnyOrder("TacitInferred.ConfidenceLow/Manual",
                "TacitInferred.ConfidenceHigh/Automated", "TacitInferred.InferredForeignKey/Automated");
    }

    @Test
    void aConstraintAddedBetweenReadAndWriteToATableWithoutConstraintsSurvives() {
        RunContext run = run("tacit-run-1");
        try (OpenMetadataPublisher publisher = publisher(fake, options(), run)) {
            OpenMetadataPlan plan = publisher.plan(shopResult(run), ProgressListener.NONE);
            // the source's ingestion writes the declared primary key after tacit read the table (no constraints then)
            fake.addConstraint(ORDERS, "PRIMARY_KEY", List.of("id"), null);
            PublishReport report = publisher.apply(plan, ProgressListener.NONE);
            assertThat(report.failures()).isZero();
        }
        assertThat(constraints(fake.table(ORDERS))).containsExactly("PRIMARY_KEY [\"id\"] ",
                "FOREIGN_KEY [\"customer_id\"] [\"shop.shopdb.public.customer.id\"]",
                "FOREIGN_KEY [\"product_id\"] [\"shop.shopdb.public.product.id\"]");
    }

    @Test
    void tagsDroppedByTheServerWhenAColumnIsRecreatedAreNotARejection() {
        publish(shopResult(run("tacit-run-1")));
        fake.recreateColumn(ORDERS, "product_id");

        publish(shopResult(run("tacit-run-2")));

        TacitState state = TacitState.parse(fake.table(ORDERS).path("extension").path("tacitState").asText()).orElseThrow();
        assertThat(state.rejected()).isEmpty();
        assertThat(constraints(fake.table(ORDERS))).hasSize(2);
        assertThat(fake.columnTags(ORDERS, "product_id")).containsExactlyInAnyOrder(
                "TacitInferred.ConfidenceMedium/Automated", "TacitInferred.InferredForeignKey/Automated");
    }

    @Test
    void withoutRightsToDefineCustomPropertiesTheRunStopsBeforeWritingAnything() {
        fake.fail(FakeOpenMetadata.path("PUT", "/api/v1/metadata/types/"), 403, 1, Headers.of());
        RunContext run = run("tacit-run-1");
        try (OpenMetadataPublisher publisher = publisher(fake, options(), run)) {
            OpenMetadataPlan plan = publisher.plan(shopResult(run), ProgressListener.NONE);
            assertThatThrownBy(() -> publisher.apply(plan, ProgressListener.NONE))
                    .isInstanceOfSatisfying(TacitException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CATALOG);
                        assertThat(e.oneLine()).contains("403", "custom propert", "tacitState", "admin");
                    });
        }
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void retriesAfter429AndSucceeds() {
        fake.fail(FakeOpenMetadata.path("PATCH", "/api/v1/tables/"), 429, 2, Headers.of("Retry-After", "0"));
        PublishReport report = publish(shopResult(run("tacit-run-1")));
        assertThat(report.failures()).isZero();
        assertThat(constraints(fake.table(ORDERS))).hasSize(2);
        assertThat(constraints(fake.table(ORDER_ITEMS))).hasSize(1);
    }

    @Test
    void serverErrorOnOneTableDoesNotStopTheOthers() {
        String ordersId = fake.tableId(ORDERS);
        fake.fail(FakeOpenMetadata.path("PATCH", "/api/v1/tables/" + ordersId), 500, 100, Headers.of());

        PublishReport report = publish(shopResult(run("tacit-run-1")));

        assertThat(report.failures()).isEqualTo(1);
        PublishReport.Outcome failed = report.outcomes().stream().filter(outcome -> !outcome.ok()).findFirst().orElseThrow();
        assertThat(failed.target()).isEqualTo(ORDERS);
        assertThat(failed.message()).contains("500", "injected failure");
        assertThat(constraints(fake.table(ORDER_ITEMS))).hasSize(1);
        assertThat(constraints(fake.table(ORDERS))).isEmpty();
        JsonNode status = fake.pipelineStatuses("shop.tacit-relationships").values().iterator().next();
        assertThat(status.path("pipelineState").asText()).isEqualTo("partialSuccess");
        assertThat(status.path("status").get(0).path("failures").get(0).path("name").asText()).isEqualTo(ORDERS);
    }

    @Test
    void withoutRightsForRunStatusTheRelationshipsAreStillPublished() {
        fake.fail(FakeOpenMetadata.path("PUT", "/api/v1/services/ingestionPipelines"), 403, 1, Headers.of());
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stageStarted(String stage, long totalUnits) {
            }

            @Override
            public void advanced(long units) {
            }

            @Override
            public void stageFinished(String stage) {
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        RunContext run = run("tacit-run-1");
        try (OpenMetadataPublisher publisher = publisher(fake, options(), run)) {
            PublishReport report = publisher.apply(publisher.plan(shopResult(run), listener), listener);
            assertThat(report.failures()).isZero();
        }
        assertThat(constraints(fake.table(ORDERS))).hasSize(2);
        assertThat(notes).anyMatch(note -> note.contains("not reported to pipeline") && note.contains("403"));
    }

    @Test
    void badTokenIsAClearCatalogErrorWithoutTheToken() {
        RunContext run = run("tacit-run-1");
        try (OpenMetadataPublisher publisher = new OpenMetadataPublisher(Fixtures.client(fake, "wrong-token-secret"),
                options(), run, false, java.time.Clock.systemUTC())) {
            assertThatThrownBy(() -> publisher.plan(shopResult(run), ProgressListener.NONE))
                    .isInstanceOfSatisfying(TacitException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CATALOG);
                        assertThat(e.kind().exitCode()).isEqualTo(4);
                        assertThat(e.oneLine()).contains("401", "token", "Settings > Bots").doesNotContain("wrong-token-secret");
                    });
        }
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void tablesMissingFromTheCatalogAreReportedNotFatal() {
        RunContext run = run("tacit-run-1");
        InferenceResult result = result(run, edge(run, "ghost", "customer_id", "customer", "id", 0.95),
                edge(run, "orders", "customer_id", "customer", "id", 0.93),
                edge(run, "orders", "product_id", "ghost", "id", 0.91));
        // the dry-run listing shows both
        assertThat(plan(result).changes()).extracting(change -> change.action() + " " + change.what())
                .anyMatch(line -> line.startsWith("UNCHANGED skipped: table shop.shopdb.public.ghost is not in OpenMetadata"))
                .anyMatch(line -> line.startsWith("UNCHANGED left alone: ") && line.contains("referenced table"));
        PublishReport report = publish(result);

        assertThat(report.failures()).isZero();
        assertThat(report.outcomes()).anySatisfy(outcome -> {
            assertThat(outcome.target()).isEqualTo("shop.shopdb.public.ghost");
            assertThat(outcome.message()).contains("skipped", "not in OpenMetadata");
        });
        assertThat(report.outcomes()).anySatisfy(outcome -> assertThat(outcome.message())
                .contains("referenced table shop.shopdb.public.ghost is not in OpenMetadata"));
        assertThat(constraints(fake.table(ORDERS))).containsExactly(
                "FOREIGN_KEY [\"customer_id\"] [\"shop.shopdb.public.customer.id\"]");
    }

    @Test
    void newerServersGetRelationshipTypeAndPatchByName() {
        fake.version("1.12.3");
        publish(shopResult(run("tacit-run-1")));
        assertThat(fake.table(ORDERS).path("tableConstraints").get(0).path("relationshipType").asText()).isEqualTo("MANY_TO_ONE");
        assertThat(fake.writes()).anyMatch(write -> write.startsWith("PATCH /api/v1/tables/name/"));
    }

    @Test
    void version14GetsNeitherRelationshipTypeNorPatchByName() {
        publish(shopResult(run("tacit-run-1")));
        assertThat(fake.table(ORDERS).path("tableConstraints").get(0).has("relationshipType")).isFalse();
        assertThat(fake.writes()).noneMatch(write -> write.startsWith("PATCH /api/v1/tables/name/"));
    }

    @Test
    void serversOlderThan14AreRefused() {
        fake.version("1.3.4");
        assertThatThrownBy(() -> plan(shopResult(run("tacit-run-1"))))
                .isInstanceOfSatisfying(TacitException.class, e -> assertThat(e.getMessage()).contains("1.3.4", "1.4"));
    }

    @Test
    void dryRunPlansAndWritesNothing() {
        RunContext run = run("tacit-run-1");
        try (OpenMetadataPublisher publisher = new OpenMetadataPublisher(Fixtures.client(fake, Fixtures.TOKEN), options(), run,
                true, java.time.Clock.systemUTC())) {
            OpenMetadataPlan plan = publisher.plan(shopResult(run), ProgressListener.NONE);
            String text = plan.render();
            assertThat(text).contains("ADD", ORDERS, "foreign key (customer_id) -> shop.shopdb.public.customer(id)",
                    "classification TacitInferred", "lineage from " + CUSTOMER);
            publisher.apply(plan, ProgressListener.NONE);
        }
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void offlineModeWritesThePlannedRequestsAsFiles(@TempDir Path directory) throws Exception {
        PublishReport report = publish(shopResult(run("tacit-run-1")), options().withOfflineDirectory(directory));
        assertThat(fake.writes()).isEmpty();
        assertThat(report.failures()).isZero();
        try (var files = Files.list(directory)) {
            List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
            assertThat(names).contains("plan.txt", "requests.json");
            assertThat(names).anyMatch(name -> name.matches("\\d{4}-PATCH-.*\\.json"));
            assertThat(names).anyMatch(name -> name.matches("\\d{4}-PUT-lineage-.*\\.json"));
        }
        JsonNode requests = OpenMetadataClient.mapper().readTree(directory.resolve("requests.json").toFile());
        assertThat(requests.get(0).path("path").asText()).startsWith("/api/v1/");
        assertThat(requests.findValuesAsText("method")).contains("PATCH", "PUT");
    }

    @Test
    void offlineFilesThatCannotBeWrittenSayWhyAndLeaveNoTemporaryFile(@TempDir Path directory) throws Exception {
        Path plain = Files.writeString(directory.resolve("requests"), "not a folder");
        assertThatThrownBy(() -> publish(shopResult(run("tacit-run-1")),
                options().withOfflineDirectory(plain.resolve("out"))))
                .hasMessage("cannot write " + plain.resolve("out") + ": not a directory");
        Files.createDirectories(directory.resolve("out"));
        publish(shopResult(run("tacit-run-1")), options().withOfflineDirectory(directory.resolve("out")));
        try (var files = Files.list(directory.resolve("out"))) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void belowTheConfidenceThresholdNothingIsPublished() {
        publish(shopResult(run("tacit-run-1")), options().withMinConfidence(0.95));
        assertThat(tableWrites()).isEmpty();
    }
}
