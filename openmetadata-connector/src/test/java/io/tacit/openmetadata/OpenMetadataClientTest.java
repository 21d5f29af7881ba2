package io.tacit.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.openmetadata.OpenMetadataClient.Path;
import io.tacit.openmetadata.fake.FakeOpenMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmetadata.schema.entity.data.Table;
import org.openmetadata.schema.type.TableConstraint;

class OpenMetadataClientTest {
    private final FakeOpenMetadata fake = Fixtures.shop("1.4.0");

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void readingToleratesFieldsAndEnumValuesFromNewerServers() throws Exception {
        String newer = """
                {"id":"5f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10","name":"t","owners":[{"id":"x","type":"user"}],
                 "certification":{"tagLabel":{}},"tableType":"Hologram",
                 "columns":[{"name":"a","dataType":"QUANTUM_INT","someNewField":1}],
                 "tableConstraints":[{"constraintType":"FOREIGN_KEY","columns":["a"],"referredColumns":["s.d.p.u.id"],
                                      "relationshipType":"MANY_TO_ONE"},{"constraintType":"CLUSTER_KEY","columns":["a"]}]}
                """;
        Table table = OpenMetadataClient.mapper().readValue(newer, Table.class);
        assertThat(table.getTableType()).isNull();
        assertThat(table.getColumns().get(0).getDataType()).isNull();
        assertThat(table.getTableConstraints()).extracting(TableConstraint::getConstraintType)
                .containsExactly(TableConstraint.ConstraintType.FOREIGN_KEY, null);
        assertThat(CatalogTypes.family(null)).isEqualTo(io.tacit.model.TypeFamily.OTHER);
    }

    @Test
    void followsPagesAndReadsTheVersion() {
        try (OpenMetadataClient client = Fixtures.client(fake, Fixtures.TOKEN)) {
            assertThat(client.version()).isEqualTo(new ServerVersion(1, 4, 0, "1.4.0"));
            assertThat(client.list(Path.of("v1", "tables"), Map.of("databaseSchema", Fixtures.SCHEMA_FQN))).hasSize(4);
        }
    }

    @Test
    void clientErrorsAreNotRetriedAndShowTheServerMessage() {
        try (OpenMetadataClient client = Fixtures.client(fake, Fixtures.TOKEN)) {
            assertThatThrownBy(() -> client.get(Path.of("v1", "tables", "name", Fixtures.ORDERS), Map.of("fields", "colums")))
                    .isInstanceOfSatisfying(CatalogHttpException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.kind()).isEqualTo(ErrorKind.CATALOG);
                        assertThat(e.getMessage()).contains("Invalid field name colums");
                    });
            assertThat(client.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        fake.fail(FakeOpenMetadata.path("GET", "/api/v1/databaseSchemas"), 429, 1, Headers.of("Retry-After", "0"));
        fake.fail(FakeOpenMetadata.path("GET", "/api/v1/databaseSchemas"), 503, 1, Headers.of());
        try (OpenMetadataClient client = Fixtures.client(fake, Fixtures.TOKEN)) {
            assertThat(client.list(Path.of("v1", "databaseSchemas"), Map.of("database", "shop.shopdb"))).hasSize(1);
            assertThat(client.requestCount()).isEqualTo(3);
        }
        fake.fail(FakeOpenMetadata.path("GET", "/api/v1/databaseSchemas"), 500, 10, Headers.of());
        try (OpenMetadataClient client = Fixtures.client(fake, Fixtures.TOKEN)) {
            assertThatThrownBy(() -> client.list(Path.of("v1", "databaseSchemas"), Map.of("database", "shop.shopdb")))
                    .isInstanceOfSatisfying(CatalogHttpException.class, e -> {
                        assertThat(e.status()).isEqualTo(500);
                        assertThat(e.retriable()).isTrue();
                    });
            assertThat(client.requestCount()).isEqualTo(4);
        }
    }

    @Test
    void aPatchIsNotRepeatedWhenTheServerMayHaveAppliedIt() {
        String id = fake.tableId(Fixtures.ORDERS);
        fake.fail(FakeOpenMetadata.path("PATCH", "/api/v1/tables/"), 500, 5, Headers.of());
        try (OpenMetadataClient client = Fixtures.client(fake, Fixtures.TOKEN)) {
            assertThatThrownBy(() -> client.patch(Path.of("v1", "tables", id), List.of()))
                    .isInstanceOfSatisfying(CatalogHttpException.class, e -> assertThat(e.status()).isEqualTo(500));
            assertThat(client.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void unreachableServerIsACatalogError() {
        ClientSettings settings = new ClientSettings("http://127.0.0.1:1", io.tacit.config.Secret.of("t", "x"),
                Duration.ofSeconds(1), 1, Duration.ofMillis(1), 1, 10);
        try (OpenMetadataClient client = new OpenMetadataClient(settings)) {
            assertThatThrownBy(client::version).isInstanceOfSatisfying(io.tacit.error.TacitException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CATALOG);
                assertThat(e.oneLine()).contains("cannot reach OpenMetadata at http://127.0.0.1:1/api ", "serverUrl");
            });
        }
    }

    @Test
    void retryAfterIsHonouredInSecondsOrAsADate() {
        assertThat(OpenMetadataClient.retryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(OpenMetadataClient.retryAfter("9999")).contains(ClientSettings.MAX_BACKOFF);
        assertThat(OpenMetadataClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(OpenMetadataClient.retryAfter("soon")).isEmpty();
    }

    @Test
    void serverUrlGetsTheApiSuffixOnce() {
        assertThat(OpenMetadataClient.apiBase("http://om:8585").toString()).isEqualTo("http://om:8585/api");
        assertThat(OpenMetadataClient.apiBase("http://om:8585/api/").toString()).isEqualTo("http://om:8585/api");
        assertThat(OpenMetadataClient.apiBase("https://om.example.com/catalog").toString())
                .isEqualTo("https://om.example.com/catalog/api");
    }

    @Test
    void fullyQualifiedNamesQuoteDotsAndSplitBack() {
        assertThat(Fqn.build("shop", "db", "public", "order.items")).isEqualTo("shop.db.public.\"order.items\"");
        assertThat(Fqn.split("shop.db.public.\"order.items\".id")).containsExactly("shop", "db", "public", "order.items", "id");
        assertThat(Fqn.parent("shop.db.public.\"order.items\".id")).isEqualTo("shop.db.public.\"order.items\"");
        assertThat(Fqn.last("shop.db.\"a.b\"")).isEqualTo("a.b");
        assertThat(List.of(ServerVersion.parse("1.4.0"), ServerVersion.parse("2.0.6"), ServerVersion.parse("1.12.3-SNAPSHOT")))
                .extracting(ServerVersion::acceptsConstraintRelationshipType).containsExactly(false, true, true);
    }
}
