package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipes and secret files that are not what they should be, through the command line: one line on stderr,
 * exit code 2, no stack trace, and nothing read through a reference ever printed.
 */
class ConfigInputTest {
    private static final String SHADOW = "root:$6$Sh4d0w-Of-The-Test-7731:19000:0:99999:7:::";
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    @Test
    void validateRefusesADeviceAPipeAndADirectoryInOneLine() throws Exception {
        Path fifo = folder.resolve("recipe-pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        Map<Path, String> expected = Map.of(
                Path.of("/dev/zero"), "is not a regular file (a device, a pipe or a socket)",
                fifo, "is not a regular file (a device, a pipe or a socket)",
                folder, "is a directory, not a file");
        for (Map.Entry<Path, String> entry : expected.entrySet()) {
            CliRun run = assertTimeoutPreemptively(QUICKLY,
                    () -> CliRun.of("validate", "--offline", "-c", entry.getKey().toString()));
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(run.toString()).isEqualTo("tacit: recipe " + entry.getKey() + " " + entry.getValue()
                    + " — give the path of a recipe file to -c\n");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aRecipeThatIsNotUtf8OrTooLargeSaysSo() throws IOException {
        Path latin1 = folder.resolve("latin1.yaml");
        Files.write(latin1, "source: {type: jdbc, url: 'jdbc:sqlite:caf\u00e9.db'}\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("validate", "--offline", "-c", latin1.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("tacit: recipe " + latin1 + " is not UTF-8 text — save it as UTF-8\n");

        Path big = folder.resolve("big.yaml");
        Files.write(big, new byte[2 * 1024 * 1024]);
        run = CliRun.of("discover", "-c", big.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("tacit: recipe " + big + " is larger than 1 MiB, the limit for a recipe — ")
                .doesNotContain("YAML syntax").hasLineCount(1);
    }

    @Test
    void aSecretFileThatIsADeviceIsAProblemNotAnOutOfMemoryError() throws IOException {
        Path recipe = write("source: {type: jdbc, url: 'jdbc:sqlite:x.db', password: '${file:/dev/zero}'}\n");
        CliRun run = assertTimeoutPreemptively(QUICKLY, () -> CliRun.of("validate", "--offline", "-c", recipe.toString()));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("source.password: secret file /dev/zero is not a regular file")
                .doesNotContain("OutOfMemory").doesNotContain("\tat ");
    }

    @Test
    void aReferenceInASettingThatIsNotSecretIsNeverResolvedNorPrinted() throws IOException {
        Path shadow = folder.resolve("shadow");
        Files.writeString(shadow, SHADOW + "\n");
        Path recipe = write("""
                source: {type: jdbc, url: 'jdbc:postgresql://127.0.0.1:5432/postgres', user: '${file:%s}'}
                inference: {level: '${file:%s}', schemas: ['${env:SHADOW}']}
                run: {format: '${env:SHADOW}'}
                """.formatted(shadow, shadow));
        Map<String, String> variables = Map.of("SHADOW", SHADOW);
        for (String[] command : new String[][] {
                {"validate", "--verbose", "-c", recipe.toString()},
                {"validate", "--offline", "-c", recipe.toString()},
                {"discover", "--verbose", "-c", recipe.toString()}}) {
            CliRun run = CliRun.of(variables, command);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(run.toString())
                    .contains("source.user: references are only accepted for secrets (source.user is not a secret)")
                    .contains("inference.level: references are only accepted for secrets")
                    .contains("inference.schemas: references are only accepted for secrets")
                    .contains("run.format: references are only accepted for secrets");
            assertThat(run.all()).doesNotContain("Sh4d0w").doesNotContain("root:");
        }
        CliRun flags = CliRun.of(variables, "discover", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "--user", "${env:SHADOW}");
        assertThat(flags.exitCode()).isEqualTo(2);
        assertThat(flags.err()).contains("source.user: references are only accepted for secrets");
        assertThat(flags.all()).doesNotContain("Sh4d0w");
    }

    @Test
    void anAliasIsRefusedNotReadAsTheAnchorName() throws IOException {
        Path recipe = write("""
                source: {type: jdbc, url: 'jdbc:sqlite:x.db'}
                inference:
                  schemas: [*u]
                """);
        CliRun run = CliRun.of("validate", "--offline", "-c", recipe.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("tacit: recipe " + recipe + " uses the YAML alias *u at line 3;").hasLineCount(1);
    }

    @Test
    void validateRejectsWhatTheRunRejects() throws IOException {
        Path recipe = write("""
                source: {type: jdbc, url: 'jdbc:sqlite:x.db', sketchLgK: 40}
                sinks:
                  - {type: openmetadata, serverUrl: 'http://127.0.0.1:1', token: '${env:OM_TOKEN}', serviceName: shop,
                     concurrency: 0, pageSize: 5000, minConfidence: 2}
                  - {type: datahub, mode: file, filePath: out.json, platform: mysql, maxRetries: 99}
                """);
        Map<String, String> variables = Map.of("OM_TOKEN", "om-token-for-the-test");
        CliRun validate = CliRun.of(variables, "validate", "--offline", "-c", recipe.toString());
        CliRun discover = CliRun.of(variables, "discover", "--dry-run", "-c", recipe.toString());
        for (CliRun run : new CliRun[] {validate, discover}) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(run.toString())
                    .contains("  - source: sketchLgK must be between 4 and 26: 40")
                    .contains("  - sinks[0] (openmetadata): concurrency 0 is out of range")
                    .contains("  - sinks[1] (datahub): maxRetries 99 is out of range");
            assertThat(run.out()).isEmpty();
        }
        assertThat(discover.err()).isEqualTo(validate.err());
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(folder, "recipe", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
