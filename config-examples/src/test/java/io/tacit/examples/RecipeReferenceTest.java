package io.tacit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.config.Setting;
import io.tacit.config.SettingsReference;
import io.tacit.config.SettingsValidator;
import io.tacit.recipe.RecipeLoader;
import io.tacit.recipe.RecipeSettings;
import io.tacit.schedule.ServeSettings;
import io.tacit.spi.PublisherFactory;
import io.tacit.spi.SourceFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recipe reference ({@code docs/recipe-reference.md}) is generated from the setting declarations of every
 * source and sink on the classpath. This test regenerates it: when the committed file is out of date it is
 * rewritten and the test fails once, so the change shows up in {@code git status} to be committed.
 */
class RecipeReferenceTest {
    private static final Path REFERENCE = Path.of("..", "docs", "recipe-reference.md");

    @Test
    void everySettingHasADescriptionAndAValidDefault() {
        for (SourceFactory factory : RecipeLoader.sourceFactories()) {
            check("source " + factory.type(), factory.settings());
        }
        for (PublisherFactory factory : RecipeLoader.publisherFactories()) {
            check("sink " + factory.type(), factory.settings());
        }
        check("inference", RecipeSettings.INFERENCE);
        check("run", RecipeSettings.RUN);
        check("serve", ServeSettings.ALL);
    }

    @Test
    void committedReferenceIsCurrent() throws IOException {
        String generated = generate();
        String committed = Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed)) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("docs/recipe-reference.md was out of date; it has been regenerated: commit it")
                .isEqualTo(generated);
    }

    static String generate() {
        StringBuilder out = new StringBuilder();
        out.append("# Recipe reference\n\n");
        out.append("Generated from the setting declarations by `config-examples/src/test/java/io/tacit/examples/"
                + "RecipeReferenceTest.java` — do not edit by hand; run the tests to regenerate.\n\n");
        out.append("A recipe has five sections: `source` (one), `inference`, `sinks` (a list), `run` and `serve` (read by "
                + "`tacit serve` only). "
                + "Every problem in a recipe is reported at once; an unknown key names the closest valid one. "
                + "Secrets are only accepted as references, `${env:NAME}` or `${file:/path}`, and are never printed; "
                + "no other setting accepts a reference. A recipe is a UTF-8 file of at most 1 MiB, without YAML anchors "
                + "or aliases; a secret file is a regular file of at most 64 KiB. "
                + "Durations are written `30s`, `5m`, `2h` or ISO-8601 (`PT30S`); lists as YAML lists.\n\n");
        out.append("## source\n\n");
        for (SourceFactory factory : RecipeLoader.sourceFactories()) {
            out.append("### `type: ").append(factory.type()).append("`\n\n");
            out.append(SettingsReference.markdownTable(factory.settings())).append('\n');
        }
        out.append("## inference\n\n").append(SettingsReference.markdownTable(RecipeSettings.INFERENCE)).append('\n');
        out.append("## sinks\n\nEach entry has a `type:` and that type's settings.\n\n");
        for (PublisherFactory factory : RecipeLoader.publisherFactories()) {
            out.append("### `type: ").append(factory.type()).append("`\n\n");
            out.append(SettingsReference.markdownTable(factory.settings())).append('\n');
        }
        out.append("## run\n\n").append(SettingsReference.markdownTable(RecipeSettings.RUN));
        out.append("\n## serve\n\nRead by `tacit serve` only (every other command accepts and ignores it).\n\n")
                .append(SettingsReference.markdownTable(ServeSettings.ALL));
        return out.toString();
    }

    private static void check(String section, List<Setting> settings) {
        for (Setting setting : settings) {
            assertThat(setting.description().strip().length())
                    .as("%s.%s needs a description", section, setting.name()).isGreaterThanOrEqualTo(10);
            setting.defaultValue().ifPresent(value -> SettingsValidator.parseDefault(setting));
        }
        assertThat(settings.stream().map(Setting::name).distinct().count()).as("duplicate setting in " + section)
                .isEqualTo(settings.size());
    }
}
