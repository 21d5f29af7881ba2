package io.tacit.datahub;

import static io.tacit.datahub.Fixtures.edge;
import static io.tacit.datahub.Fixtures.result;
import static io.tacit.datahub.Fixtures.run;
import static io.tacit.datahub.Fixtures.shopTables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.config.ConfigProblem;
import io.tacit.config.InvalidConfigException;
import io.tacit.config.SecretResolver;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishReport;
import io.tacit.spi.Publisher;
import io.tacit.spi.Source;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From recipe text through the real loader, validator and secret resolution to the fake GMS. */
class DataHubRecipeTest {
    private final FakeGms gms = new FakeGms();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = gms.serve();
        Fixtures.ingest(gms, shopTables());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Recipe load(String text, String token) {
        RecipeLoader loader = RecipeLoader.standard(new SecretResolver(name -> Optional.of(token)));
        return loader.validate("test recipe", RecipeLoader.parse("test recipe", text));
    }

    private String gmsUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PublishReport publish(Publisher publisher, io.tacit.model.InferenceResult result) {
        return publisher.apply(publisher.plan(result, ProgressListener.NONE), ProgressListener.NONE);
    }

    @Test
    void sinkRecipePublishes() {
        Recipe recipe = load("""
                source:
                  type: datahub
                  serverUrl: %s
                  token: ${env:DATAHUB_TOKEN}
                  platform: postgres
                  database: shop
                sinks:
                  - type: datahub
                    serverUrl: %s
                    token: ${env:DATAHUB_TOKEN}
                    platform: postgres
                    database: shop
                    retryBackoff: 5ms
                    timeout: 10s
                    minConfidence: 0.5
                """.formatted(gmsUrl(), gmsUrl()), FakeGms.TOKEN);
        RunContext run = run("run-recipe");
        try (Publisher<?> publisher = recipe.sinks().get(0).create(run, false)) {
            PublishReport report = publish(publisher, result(run, shopTables(),
                    List.of(edge(run, "orders", "customer_id", "customers", "id", 0.9))));
            assertThat(report.failures()).isZero();
        }
        assertThat(gms.urnsWithPrefix("urn:li:erModelRelationship:")).hasSize(1);
        assertThat(gms.violations()).isEmpty();

        try (Source source = recipe.source().open()) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
            assertThat(snapshot.tables()).hasSize(4);
            // tacit's own key is not read back as a declared one
            assertThat(snapshot.declared()).isEmpty();
        }
    }

    @Test
    void wrongTokenFromTheEnvironmentIsACatalogError() {
        Recipe recipe = load("""
                source:
                  type: datahub
                  serverUrl: %s
                  platform: postgres
                sinks:
                  - type: datahub
                    serverUrl: %s
                    token: ${env:DATAHUB_TOKEN}
                    platform: postgres
                    database: shop
                """.formatted(gmsUrl(), gmsUrl()), "expired-token-value");
        RunContext run = run("run-recipe");
        try (Publisher<?> publisher = recipe.sinks().get(0).create(run, false)) {
            assertThatThrownBy(() -> publish(publisher, result(run, shopTables(), List.of())))
                    .isInstanceOfSatisfying(TacitException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CATALOG);
                        assertThat(e.oneLine()).doesNotContain("expired-token-value");
                    });
        }
    }

    @Test
    void fileModeWithoutFilePathIsAConfigErrorOfTheRecipe() {
        String text = """
                source:
                  type: datahub
                  serverUrl: %s
                  platform: postgres
                sinks:
                  - type: datahub
                    mode: file
                    platform: postgres
                    database: shop
                """.formatted(gmsUrl());
        // reported when the recipe is validated, as every other problem, not only when the sink is created
        assertThatThrownBy(() -> load(text, FakeGms.TOKEN))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly("sinks[0] (datahub): "
                            + "mode file needs filePath — set filePath to where the MCP JSON file should be written");
                });
    }
}
