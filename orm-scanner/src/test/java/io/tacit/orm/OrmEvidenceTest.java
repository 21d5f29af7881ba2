package io.tacit.orm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.jdbc.JdbcSource;
import io.tacit.model.InferenceResult;
import io.tacit.model.Origin;
import io.tacit.model.Relationship;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SourceLocation;
import io.tacit.model.StatisticsLevel;
import io.tacit.run.DiscoveryOptions;
import io.tacit.run.DiscoveryPipeline;
import io.tacit.spi.ProgressListener;
import io.tacit.testing.TestingPostgres;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrmEvidenceTest {
    private static final CodeSchema DJANGO = new CodeScanner(Optional.of(Framework.DJANGO), JpaNaming.HIBERNATE)
            .scan(GoldenFiles.fixture("django"));

    @Test
    void codeAloneGivesItsSchemaAndEveryDeclaredEdgeWithFileAndLine() {
        CodeSource source = new CodeSource(DJANGO, "code:django", "public");
        InferenceResult result = new DiscoveryPipeline(new OrmEvidence(OrmEvidence.NOTHING, DJANGO, "code:django"),
                ProgressListener.NONE).discover(RunContext.start("test"), source, options());

        assertThat(result.snapshot().tables()).hasSize(DJANGO.tables().size());
        assertThat(result.relationships()).hasSize(DJANGO.edges().size())
                .allSatisfy(relationship -> {
                    assertThat(relationship.origin()).isEqualTo(Origin.ORM);
                    assertThat(relationship.confidence()).isEqualTo(1.0);
                    assertThat(relationship.provenance().location()).isPresent();
                });
        assertThat(edge(result, "public.shop_order_items(product_id)->public.shop_product(sku)")
                .provenance().location()).contains(new SourceLocation("shop/models/orders.py", 20));
    }

    @Test
    void againstADatabaseTheCodeMakesEdgesCertainKeepsConstraintsAndReportsWhatIsMissing() {
        try (TestingPostgres database = new TestingPostgres("tacit_orm")) {
            database.execute(
                    "CREATE TABLE shop_customer (id bigint PRIMARY KEY, email text UNIQUE, "
                            + "referrer_id bigint REFERENCES shop_customer (id))",
                    "CREATE TABLE shop_product (id bigint PRIMARY KEY, sku varchar(20) UNIQUE)",
                    // the application's code knows these two edges; the database declares neither
                    "CREATE TABLE \"Shop_Order\" (id bigint PRIMARY KEY, customer_id bigint, featured_id bigint)");
            OrmEvidence evidence = new OrmEvidence(new RelationshipInference(InferenceSettings.DEFAULTS), DJANGO,
                    "code:django");
            InferenceResult result;
            try (JdbcSource source = JdbcSource.open(database.settings())) {
                result = new DiscoveryPipeline(evidence, ProgressListener.NONE)
                        .discover(RunContext.start("test"), source, options());
            }

            Relationship customer = edge(result, "public.Shop_Order(customer_id)->public.shop_customer(id)");
            assertThat(customer.origin()).isEqualTo(Origin.ORM);
            assertThat(customer.confidence()).isEqualTo(1.0);
            assertThat(customer.provenance().location()).contains(new SourceLocation("shop/models/orders.py", 13));
            assertThat(edge(result, "public.shop_customer(referrer_id)->public.shop_customer(id)").origin())
                    .isEqualTo(Origin.DECLARED);
            assertThat(evidence.missing())
                    .anyMatch(gap -> gap.contains("has no table shop_order_items"))
                    .anyMatch(gap -> gap.contains("shop/models/orders.py:15") && gap.contains("has no table blog_posts"));
        }
    }

    @Test
    void anInferredGuessThatTheCodeContradictsIsDropped() {
        try (TestingPostgres database = new TestingPostgres("tacit_orm")) {
            database.execute(
                    "CREATE TABLE shop_customer (id bigint PRIMARY KEY, email text UNIQUE)",
                    // by its name alone, customer_id looks like it points here; the code says shop_customer
                    "CREATE TABLE customer (id bigint PRIMARY KEY, name text)",
                    "CREATE TABLE shop_order (id bigint PRIMARY KEY, customer_id bigint)");
            InferenceResult guessed;
            InferenceResult withCode;
            try (JdbcSource source = JdbcSource.open(database.settings())) {
                guessed = new DiscoveryPipeline(new RelationshipInference(InferenceSettings.DEFAULTS),
                        ProgressListener.NONE).discover(RunContext.start("test"), source, options());
                withCode = new DiscoveryPipeline(new OrmEvidence(new RelationshipInference(InferenceSettings.DEFAULTS),
                        DJANGO, "code:django"), ProgressListener.NONE).discover(RunContext.start("test"), source,
                        options());
            }

            assertThat(guessed.relationships()).extracting(Relationship::key)
                    .contains("public.shop_order(customer_id)->public.customer(id)");
            assertThat(withCode.relationships()).filteredOn(r -> r.from().toString().equals("public.shop_order(customer_id)"))
                    .extracting(Relationship::key, Relationship::origin)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "public.shop_order(customer_id)->public.shop_customer(id)", Origin.ORM));
        }
    }

    private static DiscoveryOptions options() {
        return new DiscoveryOptions(SchemaFilter.all(), StatisticsLevel.METADATA, false, InferenceSettings.DEFAULTS);
    }

    private static Relationship edge(InferenceResult result, String key) {
        List<Relationship> found = result.relationships().stream().filter(r -> r.key().equals(key)).toList();
        assertThat(found).as("relationship %s among %s", key, result.relationships()).hasSize(1);
        return found.get(0);
    }
}
