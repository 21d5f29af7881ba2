package io.tacit.openmetadata;

import io.tacit.config.Secret;
import io.tacit.model.Cardinality;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.DataType;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.openmetadata.fake.FakeOpenMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A small shop catalog in the fake, and inference results built by hand for it. */
final class Fixtures {
    static final String TOKEN = "test-bot-jwt-0123456789";
    static final String SERVICE = "shop";
    static final String DATABASE = "shopdb";
    static final String SCHEMA_FQN = "shop.shopdb.public";
    static final String CUSTOMER = SCHEMA_FQN + ".customer";
    static final String ORDERS = SCHEMA_FQN + ".orders";
    static final String PRODUCT = SCHEMA_FQN + ".product";
    /** a table whose name contains a dot: its FQN part is quoted */
    static final String ORDER_ITEMS = SCHEMA_FQN + ".\"order.items\"";

    private Fixtures() {
    }

    static FakeOpenMetadata shop(String version) {
        FakeOpenMetadata fake = new FakeOpenMetadata(version, TOKEN);
        fake.addService(SERVICE);
        fake.addDatabase(SERVICE, DATABASE);
        fake.addSchema("shop.shopdb", "public");
        fake.addTable(SCHEMA_FQN, "customer", "id:INT:PRIMARY_KEY", "name:VARCHAR");
        fake.addTable(SCHEMA_FQN, "product", "id:INT:PRIMARY_KEY", "title:VARCHAR");
        fake.addTable(SCHEMA_FQN, "orders", "id:INT:PRIMARY_KEY", "customer_id:INT", "product_id:INT", "note:TEXT");
        fake.addTable(SCHEMA_FQN, "order.items", "id:INT:PRIMARY_KEY", "order_id:INT", "product_id:INT");
        return fake;
    }

    static TableName table(String name) {
        return TableName.of("public", name);
    }

    static Table modelTable(String name, String... columns) {
        List<Column> list = new ArrayList<>();
        int position = 0;
        for (String column : columns) {
            list.add(Column.of(column, ++position, DataType.of("int4", 4, TypeFamily.INTEGER), true));
        }
        return new Table(table(name), TableKind.TABLE, list, Optional.of(new Key(KeyKind.PRIMARY, name + "_pkey",
                List.of(columns[0]))), List.of(), Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    static SchemaSnapshot snapshot() {
        return new SchemaSnapshot("postgresql://localhost:5432/shop", "PostgreSQL 15", Instant.parse("2026-11-30T12:00:00Z"),
                List.of(modelTable("customer", "id", "name"), modelTable("product", "id", "title"),
                        modelTable("orders", "id", "customer_id", "product_id", "note"),
                        modelTable("order.items", "id", "order_id", "product_id"),
                        modelTable("ghost", "id", "customer_id")),
                List.of());
    }

    static RunContext run(String id) {
        return new RunContext(new RunId(id), "0.1.0-test", Instant.parse("2026-11-30T12:00:00Z"));
    }

    static Relationship edge(RunContext run, String from, String fromColumn, String to, String toColumn, double confidence) {
        Provenance provenance = new Provenance(run.runId(), run.toolVersion(), run.startedAt(), "postgresql://localhost:5432/shop",
                List.of(new Evidence("name-affinity", 0.9, 1.4, fromColumn + " names " + to + "." + toColumn),
                        new Evidence("containment", 1.0, 2.1, "100% of 42 distinct values found in " + to + "." + toColumn)),
                Optional.empty());
        return new Relationship(ColumnSet.of(table(from), fromColumn), ColumnSet.of(table(to), toColumn),
                RelationshipKind.FOREIGN_KEY, Origin.INFERRED, Cardinality.MANY_TO_ONE, confidence, Optional.empty(), provenance);
    }

    static InferenceResult result(RunContext run, Relationship... relationships) {
        return new InferenceResult(run, snapshot(), StatisticsLevel.SAMPLE, List.of(relationships), 12, Map.of());
    }

    /** The three edges of the shop. */
    static InferenceResult shopResult(RunContext run) {
        return result(run,
                edge(run, "orders", "customer_id", "customer", "id", 0.93),
                edge(run, "orders", "product_id", "product", "id", 0.81),
                edge(run, "order.items", "order_id", "orders", "id", 0.66));
    }

    /**
     * What a tacit version that sent composite keys unsorted left behind: its state records (product_id, order_id)
     * -> orders(product_id, id), and the server stored the columns sorted, so paired the other way round.
     */
    static void unsortedCompositeFromAnEarlierVersion(FakeOpenMetadata fake) {
        List<String> columns = List.of("product_id", "order_id");
        List<String> referred = List.of(ORDERS + ".product_id", ORDERS + ".id");
        TacitState state = new TacitState(1, List.of(new TacitState.PublishedEdge(
                "public.order.items(product_id,order_id)->public.orders(product_id,id)", columns, referred, 0.88,
                "tacit-run-0", true, false, false, false, List.of())), List.of());
        fake.setExtension(ORDER_ITEMS, TacitState.PROPERTY, state.toJson());
        fake.addConstraint(ORDER_ITEMS, "FOREIGN_KEY", columns, referred);
    }

    static OpenMetadataClient client(FakeOpenMetadata fake, String token) {
        return new OpenMetadataClient(new ClientSettings(fake.url(), Secret.of(token, "${env:OM_TOKEN}"),
                Duration.ofSeconds(5), 3, Duration.ofMillis(5), 4, 2));
    }

    static OpenMetadataPublisher publisher(FakeOpenMetadata fake, PublishOptions options, RunContext run) {
        return new OpenMetadataPublisher(client(fake, TOKEN), options, run, false, Clock.systemUTC());
    }

    static PublishOptions options() {
        return PublishOptions.defaults(SERVICE, DATABASE);
    }
}
