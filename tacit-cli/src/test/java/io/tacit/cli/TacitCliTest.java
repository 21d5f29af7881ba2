package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.run.ToolVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without any database: help, version, exit codes and error lines for bad configuration. */
class TacitCliTest {
    private static final String PASSWORD = "Pw-0f-The-Test-9931";

    @TempDir
    Path folder;

    @Test
    void helpAndVersionOnEveryCommand() {
        for (String[] command : new String[][] {{}, {"discover"}, {"validate"}, {"demo"}, {"evaluate"}, {"bench"}, {"bench", "scale"}, {"bench", "read"}, {"bench", "profile"}, {"export"}, {"export", "dbt"}}) {
            CliRun help = CliRun.of(concat(command, "--help"));
            assertThat(help.exitCode()).as(help.toString()).isZero();
            assertThat(help.out()).startsWith("Usage: tacit");
            CliRun version = CliRun.of(concat(command, "--version"));
            assertThat(version.exitCode()).as(version.toString()).isZero();
            assertThat(version.out()).startsWith("tacit " + ToolVersion.current());
        }
        assertThat(ToolVersion.current()).isNotEqualTo("unknown");
    }

    @Test
    void noCommandPrintsUsageWithConfigExitCode() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: tacit").contains("discover").contains("demo").contains("validate");
    }

    @Test
    void unknownOptionIsAConfigError() {
        CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:sqlite:x.db", "--levle", "full");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("tacit: Unknown options: '--levle'");
    }

    @Test
    void discoverWithoutADatabaseSaysWhatToPass() {
        CliRun run = CliRun.of("discover");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("tacit: no database given — pass --jdbc-url URL, a recipe with -c recipe.yaml, or model code with --code PATH\n");
    }

    @Test
    void unknownRecipeKeyNamesTheClosestValidKey() throws IOException {
        Path recipe = write("source:\n  type: jdbc\n  url: jdbc:sqlite:x.db\n  statment_timeout: 30s\n");
        CliRun run = CliRun.of("discover", "-c", recipe.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("has 1 problem:")
                .contains("source.statment_timeout: unknown key 'statment_timeout'; did you mean 'statementTimeout'?");
        assertThat(run.err()).doesNotContain("at io.tacit");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingRequiredSettingIsNamed() throws IOException {
        Path recipe = write("source:\n  type: jdbc\n  user: me\n");
        CliRun run = CliRun.of("validate", "-c", recipe.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("source.url: required setting is missing");
    }

    @Test
    void validateReportsEveryProblemOnItsOwnLine() throws IOException {
        Path recipe = write("""
                source: {type: jdbc, usr: me}
                inference: {level: everything, minConfidence: 2}
                sinks:
                  - {type: jsn}
                """);
        CliRun run = CliRun.of("validate", "-c", recipe.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith("  - "))).hasSize(5);
        assertThat(run.err()).contains("source.usr").contains("source.url").contains("inference.level").contains("inference.minConfidence")
                .contains("sinks[0].type: unknown type 'jsn'; did you mean 'json'?");
    }

    @Test
    void validateAcceptsAGoodRecipeOffline() throws IOException {
        Path recipe = write("""
                source: {type: jdbc, url: 'jdbc:postgresql://db.example.com:5432/shop', user: me, password: '${env:DB_PW}'}
                inference: {level: full}
                sinks: [{type: json, path: out.json}]
                """);
        CliRun run = CliRun.of(Map.of("DB_PW", PASSWORD), "validate", "--offline", "--verbose", "-c", recipe.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("recipe " + recipe + " is valid: source jdbc, level full, 1 sinks\n");
        assertThat(run.all()).doesNotContain(PASSWORD).contains("[hidden]");
    }

    @Test
    void aLiteralPasswordIsRefusedAndNeverPrinted() throws IOException {
        Path recipe = write("source: {type: jdbc, url: 'jdbc:sqlite:x.db', password: " + PASSWORD + "}\n");
        CliRun run = CliRun.of("discover", "--verbose", "-c", recipe.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("source.password: secrets are only accepted as a reference");
        assertThat(run.all()).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingPasswordVariableIsNamed() {
        CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/x", "--user", "me",
                "--password-env", "TACIT_TEST_NO_SUCH_VAR");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("source.password: environment variable TACIT_TEST_NO_SUCH_VAR is not set");
    }

    @Test
    void badFlagValuesAreConfigErrors() {
        CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:sqlite:x.db", "--level", "most", "--format", "xml",
                "--min-confidence", "1.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("has 3 problems:").contains("inference.level: 'most' is not allowed")
                .contains("run.format: 'xml' is not allowed").contains("inference.minConfidence: must be between 0 and 1");
    }

    @Test
    void aMissingRecipeFileIsAConfigError() {
        CliRun run = CliRun.of("discover", "-c", folder.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist");
    }

    @Test
    void errorsAreRedacted() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(System.out, new java.io.PrintStream(err, true),
                name -> java.util.Optional.empty(), false);
        int code = Tacit.report(environment, new IllegalStateException(
                "driver said: jdbc:postgresql://h/db?password=" + PASSWORD), true);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("password=[hidden]").doesNotContain(PASSWORD).contains("\tat ");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(folder, "recipe", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String[] concat(String[] command, String option) {
        String[] result = java.util.Arrays.copyOf(command, command.length + 1);
        result[command.length] = option;
        return result;
    }
}
