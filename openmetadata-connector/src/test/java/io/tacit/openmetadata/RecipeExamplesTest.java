package io.tacit.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.config.SecretResolver;
import io.tacit.config.Setting;
import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OpenMetadata recipes in config-examples load, validate and configure the connector as written. */
class RecipeExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "config-examples");
    private final RecipeLoader loader = RecipeLoader.standard(new SecretResolver(name -> Optional.of("value-of-" + name)));

    @Test
    void postgresToOpenMetadata() {
        Recipe recipe = loader.load(EXAMPLES.resolve("postgres-to-openmetadata.yaml"));
        Recipe.SinkSpec sink = recipe.sinks().get(0);
        assertThat(sink.factory()).isInstanceOf(OpenMetadataPublisherFactory.class);
        PublishOptions options = OpenMetadataSettings.publishOptions(sink.section());
        assertThat(options.serviceName()).isEqualTo("shop_postgres");
        assertThat(options.database()).contains("shop");
        assertThat(options.schemaMapping()).containsEntry("sales", List.of("shop_reporting", "sales"));
        assertThat(options.minConfidence()).isEqualTo(0.7);
        assertThat(options.offlineDirectory()).isEmpty();
        ClientSettings client = OpenMetadataSettings.client(sink.section());
        assertThat(client.token().reveal()).isEqualTo("value-of-OPENMETADATA_TOKEN");
        assertThat(client.retryBaseDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(client.toString()).doesNotContain("value-of-OPENMETADATA_TOKEN");
    }

    @Test
    void openMetadataAsSource() {
        Recipe recipe = loader.load(EXAMPLES.resolve("openmetadata-as-source.yaml"));
        assertThat(recipe.source().factory()).isInstanceOf(OpenMetadataSourceFactory.class);
        ClientSettings client = OpenMetadataSettings.client(recipe.source().section());
        assertThat(client.pageSize()).isEqualTo(200);
        assertThat(client.timeout()).isEqualTo(Duration.ofSeconds(30));
        PublishOptions options = OpenMetadataSettings.publishOptions(recipe.sinks().get(1).section());
        assertThat(options.lineage()).isFalse();
        assertThat(options.tags()).isTrue();
        assertThat(options.pipelineStatus()).isTrue();
    }

    @Test
    void factoriesBuildConnectorsThatWorkAgainstTheServer() {
        try (io.tacit.openmetadata.fake.FakeOpenMetadata fake = Fixtures.shop("1.4.0")) {
            RecipeLoader withToken = RecipeLoader.standard(new SecretResolver(name -> Optional.of(Fixtures.TOKEN)));
            String text = """
                    source: {type: openmetadata, serverUrl: '%s', token: '${env:OM_TOKEN}', serviceName: shop, pageSize: 2}
                    sinks:
                      - {type: openmetadata, serverUrl: '%s', token: '${env:OM_TOKEN}', serviceName: shop, database: shopdb,
                         retryBaseDelay: 10ms, concurrency: 2}
                    """.formatted(fake.url(), fake.url());
            Recipe recipe = withToken.validate("inline.yaml", RecipeLoader.parse("inline.yaml", text));
            try (io.tacit.spi.Source source = recipe.source().open()) {
                assertThat(source.readSchema(io.tacit.model.SchemaFilter.all(), io.tacit.spi.ProgressListener.NONE).tables())
                        .hasSize(4);
            }
            io.tacit.model.RunContext run = Fixtures.run("tacit-recipe-1");
            try (io.tacit.spi.Publisher<?> publisher = recipe.sinks().get(0).create(run, false)) {
                io.tacit.spi.PublishReport report = applyAll(publisher, Fixtures.shopResult(run));
                assertThat(report.failures()).isZero();
                assertThat(report.added()).isGreaterThanOrEqualTo(3);
            }
            assertThat(fake.violations()).isEmpty();
        }
    }

    private static <P extends io.tacit.spi.PublishPlan> io.tacit.spi.PublishReport applyAll(io.tacit.spi.Publisher<P> publisher,
            io.tacit.model.InferenceResult result) {
        P plan = publisher.plan(result, io.tacit.spi.ProgressListener.NONE);
        return publisher.apply(plan, io.tacit.spi.ProgressListener.NONE);
    }

    @Test
    void everySettingIsDescribedAndTheTokenIsASecret() {
        for (List<Setting> settings : List.of(new OpenMetadataSourceFactory().settings(),
                new OpenMetadataPublisherFactory().settings())) {
            assertThat(settings).allSatisfy(setting -> assertThat(setting.description()).hasSizeGreaterThan(20));
            assertThat(settings).filteredOn(Setting::isSecret).extracting(Setting::name).containsExactly("token");
            assertThat(settings).extracting(Setting::name).doesNotHaveDuplicates();
        }
    }
}
