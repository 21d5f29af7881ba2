package io.tacit.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.config.ConfigProblem;
import io.tacit.config.InvalidConfigException;
import io.tacit.config.SecretResolver;
import io.tacit.config.Setting;
import io.tacit.config.SettingsValidator;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.JdbcSourceFactory;
import io.tacit.inference.scoring.ScoringModel;
import io.tacit.model.StatisticsLevel;
import io.tacit.report.ReportFormat;
import io.tacit.spi.PublisherFactory;
import io.tacit.spi.SourceFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeLoaderTest {
    private static final String PASSWORD = "Xq9-very-secret-Zz";

    private final RecipeLoader loader = RecipeLoader.standard(
            new SecretResolver(name -> name.equals("PGPASSWORD") ? Optional.of(PASSWORD) : Optional.empty()));

    @Test
    void loadsACompleteRecipe() {
        Recipe recipe = load("""
                source:
                  type: jdbc
                  url: jdbc:postgresql://127.0.0.1:5432/shop
                  user: tacit
                  password: ${env:PGPASSWORD}
                  statementTimeout: 2m
                inference:
                  level: full
                  minConfidence: 0.7
                  ignoreDeclared: true
                  schemas: [public, sales]
                  excludeTables: ["tmp_*"]
                sinks:
                  - type: json
                    path: out/report.json
                  - type: markdown
                    path: out/report.md
                run:
                  dryRun: true
                  format: csv
                """);
        ConnectionSettings connection = JdbcSourceFactory.connectionSettings(recipe.source().section());
        assertThat(connection.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop");
        assertThat(connection.user()).contains("tacit");
        assertThat(connection.password().orElseThrow().reveal()).isEqualTo(PASSWORD);
        assertThat(connection.statementTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(connection.profile().sampleRows()).isEqualTo(100_000);
        assertThat(recipe.discovery().level()).isEqualTo(StatisticsLevel.FULL);
        assertThat(recipe.discovery().ignoreDeclared()).isTrue();
        assertThat(recipe.discovery().inference().minConfidence()).isEqualTo(0.7);
        assertThat(recipe.discovery().filter().schemas()).containsExactly("public", "sales");
        assertThat(recipe.discovery().filter().excludeTables()).containsExactly("tmp_*");
        assertThat(recipe.sinks()).extracting(sink -> sink.factory().type()).containsExactly("json", "markdown");
        assertThat(recipe.run().dryRun()).isTrue();
        assertThat(recipe.run().format()).isEqualTo(ReportFormat.CSV);
        assertThat(recipe.toString()).doesNotContain(PASSWORD).contains("[hidden]");
        assertThat(connection.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aMinimalRecipeGetsDefaults() {
        Recipe recipe = load("source: {type: jdbc, url: 'jdbc:sqlite:shop.db'}\n");
        assertThat(recipe.discovery().level()).isEqualTo(StatisticsLevel.SAMPLE);
        assertThat(recipe.discovery().ignoreDeclared()).isFalse();
        assertThat(recipe.sinks()).isEmpty();
        assertThat(recipe.run().format()).isEqualTo(ReportFormat.TABLE);
    }

    @Test
    void everyProblemOfTheWholeRecipeAtOnce() {
        assertThatThrownBy(() -> load("""
                source:
                  type: jdbc
                  usr: me
                  password: hunter2-literal
                inferense:
                  level: full
                inference:
                  level: everything
                sinks:
                  - type: jsn
                    path: x.json
                  - type: markdown
                run:
                  dryrun: true
                """))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.problems()).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
                            "inferense", "source.usr", "source.url", "source.password", "inference.level",
                            "sinks[0].type", "sinks[1] (markdown).path", "run.dryrun");
                    assertThat(e.getMessage()).startsWith("recipe test.yaml has 8 problems: ")
                            .contains("unknown key 'inferense'; did you mean 'inference'?")
                            .contains("unknown key 'usr'; did you mean 'user'?")
                            .contains("unknown type 'jsn'; did you mean 'json'?")
                            .contains("unknown key 'dryrun'; did you mean 'dryRun'?")
                            .doesNotContain("hunter2-literal");
                });
    }

    @Test
    void missingSourceAndMissingVariable() {
        assertThatThrownBy(() -> load("inference: {level: full}\n"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::path).containsExactly("source"));
        assertThatThrownBy(() -> load("source: {type: jdbc, url: x, password: '${env:NOT_THERE_AT_ALL}'}\n"))
                .hasMessageContaining("environment variable NOT_THERE_AT_ALL is not set");
    }

    @Test
    void brokenYamlNamesTheLineNotTheContent() {
        assertThatThrownBy(() -> RecipeLoader.parse("bad.yaml", "source:\n  type: jdbc\n  password: [" + PASSWORD + "\n"))
                .isInstanceOfSatisfying(TacitException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.getMessage()).startsWith("recipe bad.yaml is not valid YAML at line").doesNotContain(PASSWORD);
                });
        assertThatThrownBy(() -> RecipeLoader.parse("empty.yaml", "")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> RecipeLoader.parse("list.yaml", "- a\n- b\n")).hasMessageContaining("must be a mapping");
    }

    @Test
    void everySettingOnTheClasspathIsDescribedAndHasAValidDefault() {
        for (SourceFactory factory : RecipeLoader.sourceFactories()) {
            checkDeclarations(factory.type(), factory.settings());
        }
        for (PublisherFactory factory : RecipeLoader.publisherFactories()) {
            checkDeclarations(factory.type(), factory.settings());
        }
        checkDeclarations("inference", RecipeSettings.INFERENCE);
        checkDeclarations("run", RecipeSettings.RUN);
        assertThat(RecipeLoader.sourceFactories()).extracting(SourceFactory::type).contains("jdbc");
        assertThat(RecipeLoader.publisherFactories()).extracting(PublisherFactory::type).contains("json", "markdown", "csv");
    }

    /** Fails when a setting lacks a real description or declares a default its own type rejects. */
    public static void checkDeclarations(String section, List<Setting> settings) {
        for (Setting setting : settings) {
            assertThat(setting.description().strip().length())
                    .as("description of %s.%s", section, setting.name()).isGreaterThanOrEqualTo(10);
            setting.defaultValue().ifPresent(value -> SettingsValidator.parseDefault(setting));
        }
        assertThat(settings.stream().map(Setting::name).distinct().count()).as("duplicate names in " + section)
                .isEqualTo(settings.size());
    }

    @Test
    void inferenceModelNamesAFileReadInPlaceOfTheShippedModel(@TempDir Path folder) throws IOException {
        Path model = folder.resolve("without-chinook.txt");
        Files.writeString(model, "intercept -3\nweight name-affinity.matched 4\n");
        String recipe = """
                source: {type: jdbc, url: "jdbc:sqlite:/tmp/x.db"}
                inference:
                  model: %s
                """;

        Recipe loaded = load(recipe.formatted(model));
        assertThat(loaded.discovery().inference().model().name()).isEqualTo(model.toString());
        assertThat(loaded.discovery().inference().model().weights()).containsEntry("name-affinity.matched", 4.0);
        assertThat(load("source: {type: jdbc, url: \"jdbc:sqlite:/tmp/x.db\"}\n").discovery().inference().model())
                .isSameAs(ScoringModel.committed());

        Files.writeString(model, "intercept -3\nweight name-affinity.matched four\n");
        assertThatThrownBy(() -> load(recipe.formatted(model) + "  maxProbes: -1\n"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    // every problem at once: the model file and the other setting
                    assertThat(e.problems()).extracting(ConfigProblem::path)
                            .containsExactlyInAnyOrder("inference.model", "inference.maxProbes");
                    assertThat(e.getMessage()).contains("scoring model file " + model + " line 2: 'four' is not a number");
                });
    }

    private Recipe load(String yaml) {
        Map<String, Object> raw = RecipeLoader.parse("test.yaml", yaml);
        return loader.validate("test.yaml", raw);
    }
}
