package io.tacit.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tacit.config.ConfigProblem;
import io.tacit.config.InvalidConfigException;
import io.tacit.config.SecretResolver;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a recipe file may be: a small regular UTF-8 file of plain YAML, and what is said when it is not. */
class RecipeInputTest {
    private static final String GOOD = "source: {type: jdbc, url: 'jdbc:sqlite:/tmp/x.db'}\n";

    @TempDir
    Path folder;

    private final RecipeLoader loader = RecipeLoader.standard(new SecretResolver(name -> Optional.empty()));

    @Test
    void aDeviceIsRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> RecipeLoader.read(Path.of("/dev/zero")))
                .isInstanceOfSatisfying(TacitException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.oneLine()).isEqualTo("recipe /dev/zero is not a regular file (a device, a pipe or a socket)"
                            + " — give the path of a recipe file to -c");
                }));
    }

    @Test
    void aPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = folder.resolve("recipe-pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> RecipeLoader.read(fifo))
                .hasMessage("recipe " + fifo + " is not a regular file (a device, a pipe or a socket)"));
    }

    @Test
    void aDirectoryIsNamedAsOne() {
        assertThatThrownBy(() -> RecipeLoader.read(folder))
                .isInstanceOfSatisfying(TacitException.class, e -> assertThat(e.oneLine())
                        .isEqualTo("recipe " + folder + " is a directory, not a file — give the path of a recipe file to -c"));
    }

    @Test
    void aRecipeOverOneMebibyteIsRefusedByItsSize() throws IOException {
        Path file = folder.resolve("big.yaml");
        StringBuilder text = new StringBuilder(GOOD);
        while (text.length() <= RecipeLoader.MAX_RECIPE_BYTES) {
            text.append("# padding padding padding padding padding padding padding padding\n");
        }
        Files.writeString(file, text);
        assertThatThrownBy(() -> RecipeLoader.read(file))
                .isInstanceOfSatisfying(TacitException.class, e -> assertThat(e.oneLine())
                        .startsWith("recipe " + file + " is larger than 1 MiB, the limit for a recipe — ")
                        .doesNotContain("YAML syntax"));
    }

    @Test
    void aRecipeThatIsNotUtf8SaysSo() throws IOException {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, (GOOD + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> RecipeLoader.read(file))
                .isInstanceOfSatisfying(TacitException.class, e -> assertThat(e.oneLine())
                        .isEqualTo("recipe " + file + " is not UTF-8 text — save it as UTF-8")
                        .doesNotContain("permission"));
    }

    @Test
    void anAliasIsRefusedWithItsLineInsteadOfReadAsTheAnchorName() {
        String yaml = """
                source: {type: jdbc, url: 'jdbc:sqlite:/tmp/x.db', user: &u public}
                inference:
                  schemas: [*u]
                """;
        assertThatThrownBy(() -> RecipeLoader.parse("alias.yaml", yaml))
                .isInstanceOfSatisfying(TacitException.class, e -> assertThat(e.oneLine()).isEqualTo(
                        "recipe alias.yaml defines the YAML anchor &u at line 1; anchors (&) and aliases (*) are not"
                                + " supported in recipes — write the value out in full where it is used"));
        assertThatThrownBy(() -> RecipeLoader.parse("alias.yaml", "inference:\n  schemas: [*u]\n"))
                .hasMessage("recipe alias.yaml uses the YAML alias *u at line 2; anchors (&) and aliases (*) are not"
                        + " supported in recipes");
        assertThatThrownBy(() -> RecipeLoader.parse("merge.yaml", "base: &b {level: full}\ninference:\n  <<: *b\n"))
                .hasMessageContaining("anchor &b at line 1");
    }

    @Test
    void deepNestingNamesTheLimitNotTheSyntax() {
        String yaml = "source: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertThatThrownBy(() -> RecipeLoader.parse("deep.yaml", yaml))
                .isInstanceOfSatisfying(TacitException.class, e -> assertThat(e.oneLine())
                        .isEqualTo("recipe deep.yaml nests deeper than " + RecipeLoader.MAX_DEPTH + " levels at line 1"
                                + " — a recipe needs at most 4 levels: section, setting, list or map, value"));
    }

    @Test
    void aScoringModelFileThatIsADeviceIsAProblemOfItsSetting() {
        String yaml = GOOD + "inference: {model: /dev/zero}\n";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> loader.validate("model.yaml", RecipeLoader.parse("model.yaml", yaml)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly("inference.model: scoring model file /dev/zero"
                                + " is not a regular file (a device, a pipe or a socket) — give the path of a regular file")));
    }

    @Test
    void aGoodRecipeStillReads() throws IOException {
        Path file = folder.resolve("good.yaml");
        Files.writeString(file, GOOD + "inference:\n  schemas: [public, '*sales', '&x']\n");
        Recipe recipe = loader.load(file);
        assertThat(recipe.discovery().filter().schemas()).containsExactly("public", "*sales", "&x");
    }

    @Test
    void validationRejectsWhatOpeningTheSourceWouldReject() {
        String yaml = GOOD.replace("}", ", sketchLgK: 40}");
        assertThatThrownBy(() -> loader.validate("range.yaml", RecipeLoader.parse("range.yaml", yaml)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::path).containsExactly("source"));
    }
}
