package io.tacit.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.Discriminator;
import io.tacit.model.InferenceResult;
import io.tacit.model.Origin;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.Statistics;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationshipInferenceTest {
    private final RelationshipInference inference = new RelationshipInference(InferenceSettings.DEFAULTS);

    private static List<String> edges(InferenceResult result) {
        return result.relationships().stream().map(Relationship::key).toList();
    }

    @Test
    void findsTheShopsRelationshipsFromNamesAlone() {
        InferenceResult result = inference.infer(TestSchemas.RUN, TestSchemas.shop().snapshot(), Statistics.none(),
                ValueProbe.NONE, ProgressListener.NONE);

        assertThat(edges(result)).contains(
                "public.orders(user_id)->public.users(id)",
                "public.orders(billing_address_id)->public.addresses(id)",
                "public.orders(shipping_address_id)->public.addresses(id)",
                "public.order_items(order_id)->public.orders(id)",
                "public.order_items(product_id)->public.products(id)",
                "public.products(category_id)->public.categories(id)",
                "public.categories(parent_id)->public.categories(id)",
                "public.payments(order_id)->public.orders(id)",
                "public.reviews(user_id)->public.users(id)");
        assertThat(edges(result)).noneMatch(edge -> edge.contains("quantity") || edge.contains("stars")
                || edge.contains("price_cents"));
        assertThat(result.relationships()).allMatch(relationship -> relationship.origin() == Origin.INFERRED);
        assertThat(result.stageMillis()).containsOnlyKeys("candidates", "signals", "scoring", "selection", "probes");
        assertThat(result.candidatesConsidered()).isGreaterThanOrEqualTo(result.relationships().size());
    }

    @Test
    void everyInferredEdgeCarriesConfidenceEvidenceAndProvenance() {
        InferenceResult result = inference.infer(TestSchemas.RUN, ShopFixture.withData().snapshot(),
                ShopFixture.withData().statistics(), ValueProbe.NONE, ProgressListener.NONE);

        assertThat(result.relationships()).isNotEmpty().allSatisfy(relationship -> {
            assertThat(relationship.confidence()).isBetween(InferenceSettings.DEFAULTS.minConfidence(), 1.0);
            assertThat(relationship.provenance().evidence()).isNotEmpty();
            assertThat(relationship.provenance().runId()).isEqualTo(TestSchemas.RUN.runId());
            assertThat(relationship.provenance().source()).isEqualTo("test://shop");
        });
        Relationship order = result.relationships().stream()
                .filter(relationship -> relationship.key().equals("public.order_items(order_id)->public.orders(id)"))
                .findFirst().orElseThrow();
        assertThat(order.provenance().evidence()).anyMatch(evidence -> evidence.signal().equals("containment")
                && evidence.detail().contains("100.0% of 60 distinct values"));
    }

    @Test
    void polymorphicPairsGetOneEdgePerTypeValue() {
        TestSchemas shop = ShopFixture.withData();
        InferenceResult result = inference.infer(TestSchemas.RUN, shop.snapshot(), shop.statistics(), ValueProbe.NONE,
                ProgressListener.NONE);

        List<Relationship> polymorphic = result.relationships().stream()
                .filter(relationship -> relationship.kind() == RelationshipKind.POLYMORPHIC).toList();
        assertThat(polymorphic).extracting(Relationship::key).containsExactly(
                "public.reviews(reviewable_id)->public.orders(id)[reviewable_type=Order]",
                "public.reviews(reviewable_id)->public.products(id)[reviewable_type=Product]");
        // the whole column mixes ids of both tables: its containment in one of them says nothing
        assertThat(polymorphic).allSatisfy(relationship -> assertThat(relationship.provenance().evidence())
                .noneMatch(evidence -> evidence.signal().equals("containment")));
    }

    @Test
    void polymorphicPartitionsAreProbedOneByOneAndAPartitionWithoutItsIdsDrops() {
        TestSchemas shop = ShopFixture.withData();
        List<String> partitions = new ArrayList<>();
        // the Product rows' ids are all products; the Order rows' ids are none of the orders'
        ValueProbe probe = (from, to, where) -> {
            if (!from.columns().equals(List.of("reviewable_id"))) {
                return Optional.of(new Containment(10, 10, 0, true));
            }
            partitions.add(where.map(Discriminator::condition).orElse("every row"));
            boolean products = where.map(Discriminator::value).orElse("").equals("Product");
            return Optional.of(products ? new Containment(15, 15, 0, true) : new Containment(15, 0, 15, true));
        };

        InferenceResult result = inference.infer(TestSchemas.RUN, shop.snapshot(), shop.statistics(), probe,
                ProgressListener.NONE);

        assertThat(partitions).containsExactlyInAnyOrder("reviewable_type = 'Order'", "reviewable_type = 'Product'");
        Relationship product = result.relationships().stream()
                .filter(relationship -> relationship.key().endsWith("[reviewable_type=Product]")).findFirst().orElseThrow();
        assertThat(product.provenance().evidence()).anyMatch(evidence -> evidence.signal().equals("containment")
                && evidence.detail().equals("100.0% of 15 distinct values where reviewable_type = 'Product' found in "
                        + "public.products(id) (exact), 0 orphan rows; 0 missing"));
        assertThat(result.relationships()).extracting(Relationship::key)
                .doesNotContain("public.reviews(reviewable_id)->public.orders(id)[reviewable_type=Order]");
    }

    @Test
    void declaredForeignKeysPassThroughAndAreNotReportedTwice() {
        TestSchemas shop = TestSchemas.shop().declare("orders_user_fk", "orders", "user_id", "users", "id");
        InferenceResult result = inference.infer(TestSchemas.RUN, shop.snapshot(), Statistics.none(), ValueProbe.NONE,
                ProgressListener.NONE);

        List<Relationship> forOrdersUser = result.relationships().stream()
                .filter(relationship -> relationship.from().equals(ColumnSet.of(
                        io.tacit.model.TableName.of("public", "orders"), "user_id")))
                .toList();
        assertThat(forOrdersUser).singleElement().satisfies(relationship -> {
            assertThat(relationship.origin()).isEqualTo(Origin.DECLARED);
            assertThat(relationship.confidence()).isEqualTo(1.0);
            assertThat(relationship.provenance().evidence().get(0).detail()).isEqualTo("declared constraint orders_user_fk");
        });

        InferenceResult ignoring = inference.infer(TestSchemas.RUN, shop.snapshot().withoutDeclared(), Statistics.none(),
                ValueProbe.NONE, ProgressListener.NONE);
        assertThat(ignoring.relationships()).noneMatch(relationship -> relationship.origin() == Origin.DECLARED);
    }

    @Test
    void probesOnlyChosenCandidatesAndLetAnOrphanHeavyEdgeDrop() {
        TestSchemas shop = ShopFixture.withData();
        List<String> asked = new ArrayList<>();
        ValueProbe probe = (from, to, where) -> {
            asked.add(from + "->" + to);
            if (from.columns().equals(List.of("billing_address_id"))) {
                return Optional.of(new Containment(30, 1, 59, true));
            }
            return Optional.of(new Containment(10, 10, 0, true));
        };
        InferenceResult result = new RelationshipInference(new io.tacit.inference.InferenceSettings(0.5, 3))
                .infer(TestSchemas.RUN, shop.snapshot(), shop.statistics(), probe, ProgressListener.NONE);

        assertThat(asked).hasSizeLessThanOrEqualTo(3);
        InferenceResult unlimited = inference.infer(TestSchemas.RUN, ShopFixture.withData().snapshot(),
                ShopFixture.withData().statistics(), probe, ProgressListener.NONE);
        assertThat(edges(unlimited)).doesNotContain("public.orders(billing_address_id)->public.addresses(id)");
        assertThat(result.stageMillis()).containsKey("probes");
    }

    @Test
    void sameInputGivesIdenticalOutput() {
        TestSchemas shop = ShopFixture.withData();
        InferenceResult first = inference.infer(TestSchemas.RUN, shop.snapshot(), shop.statistics(), ValueProbe.NONE,
                ProgressListener.NONE);
        InferenceResult second = inference.infer(TestSchemas.RUN, ShopFixture.withData().snapshot(),
                ShopFixture.withData().statistics(), ValueProbe.NONE, ProgressListener.NONE);
        assertThat(second.relationships()).isEqualTo(first.relationships());
    }

    @Test
    void aCutListOfTargetsIsSaidInTheEvidence() {
        TestSchemas schema = TestSchemas.sharedKey();
        InferenceResult result = new RelationshipInference(new InferenceSettings(0.0, 0)).infer(TestSchemas.RUN,
                schema.snapshot(), Statistics.none(), ValueProbe.NONE, ProgressListener.NONE);

        Relationship payHistory = result.relationships().stream()
                .filter(relationship -> relationship.from().toString().equals("public.employeepayhistory(businessentityid)"))
                .findFirst().orElseThrow();
        assertThat(payHistory.provenance().evidence()).anySatisfy(evidence -> {
            assertThat(evidence.signal()).isEqualTo("rivals");
            assertThat(evidence.value()).isEqualTo(11);
            assertThat(evidence.detail()).isEqualTo(
                    "11 other targets matched by name (4 of them not scored: the list of targets was cut)");
        });
    }
}
