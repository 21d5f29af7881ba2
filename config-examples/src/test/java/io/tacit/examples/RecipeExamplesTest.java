package io.tacit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.config.SecretResolver;
import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loads and validates every recipe in this module (any {@code *.yaml} outside {@code target/}). Source and sink
 * types come from every factory on the test classpath (core, OpenMetadata, DataHub), so a new recipe is
 * covered as soon as it is added. Secret references resolve to placeholders: the examples reference
 * variables and files that only exist where they are deployed.
 */
class RecipeExamplesTest {
    private final RecipeLoader loader = RecipeLoader.standard(SecretResolver.placeholders());

    @Test
    void everyRecipeIsValid() throws IOException {
        List<Path> recipes = recipes();
        assertThat(recipes).extracting(path -> path.getFileName().toString())
                .contains("postgres.yaml", "mariadb.yaml", "sqlite.yaml");
        for (Path recipe : recipes) {
            Recipe loaded = loader.load(recipe);
            assertThat(loaded.source()).as(recipe.toString()).isNotNull();
        }
    }

    @Test
    void secretsInExamplesAreReferences() throws IOException {
        for (Path recipe : recipes()) {
            for (String line : Files.readAllLines(recipe)) {
                String setting = line.strip();
                if (setting.matches("(password|token|apiKey|secret|privateKey)\\s*:.*")) {
                    assertThat(setting).as(recipe + ": " + setting).contains("${");
                }
            }
        }
    }

    static List<Path> recipes() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
                    .filter(path -> !root.relativize(path).startsWith("target"))
                    .filter(path -> !root.relativize(path).startsWith("src"))
                    // Kubernetes manifests and other schedulers' files, checked by SchedulingExamplesTest
                    .filter(path -> !root.relativize(path).startsWith("scheduling"))
                    .sorted()
                    .toList();
        }
    }
}
